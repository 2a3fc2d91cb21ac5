/**
 * The diagnostic registry (generator/ir/diagnostic-codes.ts) against what the tool does:
 * every declared code has a fixture here that raises it, at its declared severity and at
 * the place it should, through the public entry points (parsePages with the config, then
 * emitDocs); no fixture raises an undeclared code; README's table is the generated one.
 * Every page is written here, with invented wording.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { GeneratorConfig } from '../../generator/config/index.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../generator/ir/diagnostic-codes.js';
import { createDiagnostic, DiagnosticSink } from '../../generator/ir/diagnostics.js';
import type { Diagnostic } from '../../generator/ir/types.js';
import { irSchema } from '../../generator/ir/validate.js';
import { emitDocs } from '../../generator/emit/docs/index.js';
import { readPreviousIr } from '../../generator/changes/index.js';
import { planSdk } from '../../generator/emit/sdk/index.js';
import { openapiDocument } from '../../generator/emit/openapi/index.js';
import { sdkTarget } from '../../generator/emit/sdk/target.js';
import { emitTarget } from '../../generator/emit/target.js';
import { parsePages, type PageInput } from '../../generator/parse/index.js';
import { diagnosticsTable, END_MARKER, FIX_COMMAND, README, START_MARKER } from '../../scripts/diagnostics-table.js';

/**
 * PARSE_FAILED is what a parser bug raises, and no page should find one: the page reader
 * is wrapped to throw on pages holding this marker, as a bug would.
 */
const PARSER_BUG_MARKER = 'TRIGGERS-A-PARSER-BUG';
vi.mock('../../generator/parse/readers/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../generator/parse/readers/index.js')>();
  return {
    ...actual,
    readPage: (...args: Parameters<typeof actual.readPage>) => {
      if (args[1].includes('TRIGGERS-A-PARSER-BUG')) throw new Error('simulated parser bug');
      return actual.readPage(...args);
    },
  };
});

const REQUEST_HEAD = ['| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |', '| ---- | ---- | ---- | ---- | ---- | ---- |'];
const RESPONSE_HEAD = ['| 名称 | 类型 | 描述 |', '| ---- | ---- | ---- |'];
const MODEL_HEAD = ['| 名称 | 类型 | 是否必填 | 描述 | 示例值 |', '| ---- | ---- | ---- | ---- | ---- |'];
const WIDGET_ID_ROW = '| widgetId | string | 是 | - | 小部件的标识 | `w-1` |';

interface PageSpec {
  /** The method section's text; null leaves the section out. */
  method?: string | null;
  /** The request section's lines (default: a table with one row); null leaves it out. */
  request?: string[] | null;
  /** The sample code (a ts fence); null leaves the section out. */
  sample?: string | null;
  /** null: no type line. */
  responseType?: string | null;
  responseRows?: string[];
  result?: string;
  models?: { heading: string; rows: string[] }[];
}

/** A zh page of the docs-factory layout, for the operation getWidget unless told otherwise. */
function zhPage(spec: PageSpec = {}): string {
  const method = spec.method === undefined ? '`ManagementClient.getWidget`' : spec.method;
  const request = spec.request === undefined ? [...REQUEST_HEAD, WIDGET_ID_ROW] : spec.request;
  const sample =
    spec.sample === undefined
      ? "const managementClient = new ManagementClient({ accessKeyId: 'ID', accessKeySecret: 'SECRET' });\nawait managementClient.getWidget({ widgetId: 'w-1' });"
      : spec.sample;
  const responseType = spec.responseType === undefined ? 'GetWidgetRespDto' : spec.responseType;
  const lines = ['# 查看小部件', '', '按标识查看一个小部件。', ''];
  if (method !== null) lines.push('## 方法名称', '', method, '');
  if (request !== null) lines.push('## 请求参数', '', ...request, '');
  if (sample !== null) lines.push('## 示例代码', '', '```ts', sample, '```', '');
  lines.push('## 请求响应', '');
  if (responseType !== null) lines.push(`类型： \`${responseType}\``, '');
  lines.push(...RESPONSE_HEAD, ...(spec.responseRows ?? ['| statusCode | number | 业务状态码 |']), '');
  lines.push('示例结果：', '', '```json', spec.result ?? '{ "statusCode": 200 }', '```', '');
  for (const [index, model] of (spec.models ?? []).entries()) {
    if (index === 0) lines.push('## 数据结构', '');
    lines.push(model.heading, '', ...MODEL_HEAD, ...model.rows, '');
  }
  return lines.join('\n');
}

/** An en page as text copied from a rendered docs site: chrome, `¶` headings, cells run together. */
function renderedPage(row = 'widgetIdstringYes-The widgetw-1'): string {
  return [
    'Widgets Docs', 'Guides', '', '¶ Get a widget', '', 'Reads one widget by its id.', '', '¶ Method name', '', 'ManagementClient.getWidget', '',
    '¶ Request parameters', '', 'NameType', 'Required', 'Default value', 'Description', 'Sample value', row, '',
    'Previous article: List widgets Next article: Delete a widget', '© Widgets Ltd.', '',
  ].join('\n');
}

const CUSTOM_GET_WIDGET: GeneratorConfig = { operations: { 'management/get-widget': { implementation: 'custom' } } };

/** A page whose sample calls getWidget with `argument` (the client constructed and imported as the docs do). */
const sampleCalling = (argument: string): Fixture => ({
  pages: {
    [FILE]: zhPage({
      request: [...REQUEST_HEAD, WIDGET_ID_ROW, '| colour | string | 否 | - | 颜色 | `red` |'],
      sample: `import { ManagementClient } from 'authing-node-sdk';\nconst client = new ManagementClient({ accessKeyId: 'ID', accessKeySecret: 'SECRET' });\nawait client.getWidget(${argument});`,
    }),
  },
  at: { file: FILE, line: 'await client.' },
  emitSdk: true,
});

const withRequestRows = (...rows: string[]): string => zhPage({ request: [...REQUEST_HEAD, ...rows] });

const FILE = 'node/management/widgets/get-widget.md';

interface Fixture {
  /** The docs set: path → page. */
  pages: Record<string, string | Uint8Array>;
  config?: GeneratorConfig;
  /** Where the code must be raised: a page and its 1-based line, or the first line containing a text. */
  at: { file: string; line: number | string };
  /** The previous generation's ir.json, as text (the changes stage reads it). */
  previousIr?: string;
  /** Emit the SDK target whole, with its check of the samples (slow: only the fixtures that need it). */
  emitSdk?: boolean;
  /** The custom code folder's files. */
  customCode?: { file: string; code: string }[];
}

const onePage = (content: string | Uint8Array, line: number | string = 1, file = FILE): Fixture => ({
  pages: { [file]: content },
  at: { file, line },
});

/** Two pages of one operation (zh first in precedence), the second disagreeing. */
const twoPages = (first: string, second: string, line: number | string): Fixture => {
  const [a, b] = ['zh/node/management/widgets/get-widget.md', 'zh/python/management/widgets/get-widget.md'];
  return { pages: { [a]: first, [b]: second }, at: { file: b, line } };
};

/** One fixture per declared code: a Record over DiagnosticCode, so tsc also flags a code without one. */
const FIXTURES: Record<DiagnosticCode, Fixture> = {
  PAGE_EMPTY: onePage(' \n\n\t\n'),
  PAGE_BINARY: onePage(Buffer.from([0x23, 0x20, 0x57, 0x00, 0x01, 0x0a])),
  PAGE_ENCODING: onePage(Buffer.concat([Buffer.from(zhPage()), Buffer.from([0xff, 0xfe, 0x0a])])),
  PARSE_FAILED: onePage(`${zhPage()}\n${PARSER_BUG_MARKER}\n`),
  PAGE_NOT_API: onePage('# 小部件指南\n\n小部件是什么。\n\n## 准备工作\n\n先装好工具。\n'),
  PAGE_PLAIN_TEXT: onePage(
    [
      'Get a widget',
      'Reads one widget by its id.',
      'Method name',
      'ManagementClient.getWidget',
      'Request parameters',
      '| Name | Type | Required | Default value | Description | Sample value |',
      '|---|---|---|---|---|---|',
      '| widgetId | string | Yes | - | The widget | w-1 |',
      '',
    ].join('\n'),
    1,
    'en/node/management/widgets/get-widget.md',
  ),
  PAGE_RENDERED_SITE: onePage(renderedPage(), '¶ Get a widget', 'en/node/management/widgets/get-widget.md'),
  RENDERED_ROW_AMBIGUOUS: onePage(renderedPage('colourstringNo-The colour of the widgetRed'), 'colourstring', 'en/node/management/widgets/get-widget.md'),
  RENDERED_ROW_UNREADABLE: onePage(renderedPage('12 colours'), '12 colours', 'en/node/management/widgets/get-widget.md'),
  METHOD_NAME_UNREADABLE: onePage(zhPage({ method: '见下方示例代码' }), '## 方法名称'),
  EXAMPLE_INVALID_JSON: onePage(zhPage({ result: '{ statusCode: 200, }' }), '```json'),
  MODEL_ANCHOR_GARBLED: onePage(
    zhPage({ models: [{ heading: '### <a id="Wid</a>getDto"></a> WidgetDto', rows: ['| size | number | 否 | 尺寸 | `3` |'] }] }),
    '### <a id="Wid</a>',
  ),
  MODEL_NAME_INVALID: onePage(
    zhPage({ models: [{ heading: '### <a id="小部件"></a> 小部件', rows: ['| size | number | 否 | 尺寸 | `3` |'] }] }),
    '### <a id="小部件">',
  ),
  TABLE_NOT_FIELDS: onePage(zhPage({ request: ['| 甲 | 乙 |', '| --- | --- |', '| 1 | 2 |'] }), '| 甲 | 乙 |'),
  SECTION_VARIANT_DIFFERS: onePage(
    zhPage({ request: [...REQUEST_HEAD, WIDGET_ID_ROW, '', '## 请求参数', '', ...REQUEST_HEAD, '| widgetId | string | 否 | - | 小部件的标识 | `w-1` |'] }),
    '| widgetId | string | 否',
  ),
  FENCE_UNCLOSED: onePage(zhPage({ request: ['```ts', 'await widgets();', '', ...REQUEST_HEAD, WIDGET_ID_ROW] }), '```ts'),
  COMMENT_UNCLOSED: onePage(zhPage({ request: ['<!-- 待补充', '', ...REQUEST_HEAD, WIDGET_ID_ROW] }), '<!-- 待补充'),
  FENCE_STRAY: onePage(withRequestRows('```', WIDGET_ID_ROW), REQUEST_HEAD[1]!),
  TABLE_LINES_SPLIT: onePage(zhPage({ request: [REQUEST_HEAD[0]!, `${REQUEST_HEAD[1]} ${WIDGET_ID_ROW}`] }), '| | widgetId'),
  TABLE_DELIMITER_FIXED: onePage(zhPage({ request: [REQUEST_HEAD[0]!, `${REQUEST_HEAD[1]} ---- |`, WIDGET_ID_ROW] }), REQUEST_HEAD[0]!),
  TABLE_DELIMITER_MISSING: onePage(zhPage({ request: [REQUEST_HEAD[0]!, WIDGET_ID_ROW] }), REQUEST_HEAD[0]!),
  TABLE_EXTRA: onePage(zhPage({ request: [...REQUEST_HEAD, WIDGET_ID_ROW, '', '| 名称 | 类型 | 描述 |', '| --- | --- | --- |', '| size | number | 尺寸 |'] }), '| 名称 | 类型 | 描述 |'),
  SECTION_NO_FIELDS: onePage(zhPage({ request: ['参数见上文。'] }), '## 请求参数'),
  RESPONSE_TYPE_LINE_MISSING: onePage(zhPage({ responseType: null }), '## 请求响应'),
  INCLUDE_MISSING: onePage(zhPage({ request: ['!!!include(common/widget_params.md)!!!', '', ...REQUEST_HEAD, WIDGET_ID_ROW] }), '!!!include('),
  TABLE_LINE_UNREAD: onePage(zhPage({ request: ['| 甲 | 乙 |', '| --- | --- |', '| 1 | 2 |'] }), '| 1 | 2 |'),
  TABLE_ROW_JOINED: onePage(withRequestRows('| colour | string | 否 | - | 颜色：', '- `red`：红', '- `blue`：蓝 | `red` |'), '| colour |'),
  TABLE_SHORT_ROW: onePage(withRequestRows('| colour | string | 否 |'), '| colour |'),
  TABLE_LONG_ROW: onePage(withRequestRows('| colour | string | 否 | - | 红 | 或蓝 | `red` |'), '| colour |'),
  TABLE_ROW_NO_NAME: onePage(withRequestRows('|  | string | 否 | - | 没有名字 | `x` |'), '没有名字'),
  FIELD_NAME_INVALID: onePage(withRequestRows('| %%% | string | 否 | - | 乱码 | `x` |'), '| %%% |'),
  FIELD_DUPLICATE: onePage(withRequestRows(WIDGET_ID_ROW, '| widgetId | number | 否 | - | 又一次 | `2` |'), '又一次'),
  FIELD_REPEATED: onePage(withRequestRows('| colour | string | 否 | - | 颜色 | `red` |', '| colour | string | 否 | - | 颜色（再写一次） | `red` |'), '再写一次'),
  TYPE_MISSING: onePage(withRequestRows('| colour |  | 否 | - | 颜色 | `red` |'), '| colour |'),
  TYPE_UNKNOWN: onePage(withRequestRows('| colour | string or number | 否 | - | 颜色 | `red` |'), '| colour |'),
  LINK_BROKEN: onePage(withRequestRows('| part | <a Part | 否 | - | 零件 | - |'), '| part |'),
  LINK_MISMATCH: onePage(withRequestRows('| part | <a href="#Part">Piece</a> | 否 | - | 零件 | - |'), '| part |'),
  REQUIRED_UNKNOWN: onePage(withRequestRows('| colour | string | 也许 | - | 颜色 | `red` |'), '| colour |'),
  REQUIRED_UNCLEAR: onePage(withRequestRows('| colour | string | is | - | 颜色 | `red` |'), '| colour |'),
  EXAMPLE_PLACEHOLDER: onePage(withRequestRows('| colour | string | 否 | - | 颜色 | `[object Object]` |'), '| colour |'),
  TYPE_UNKNOWN_REF: onePage(zhPage({ responseRows: ['| data | <a href="#Nowhere">Nowhere</a> | 数据 |'] }), '| data |'),
  CLIENT_MISMATCH: onePage(
    zhPage({ sample: "const authenticationClient = new AuthenticationClient({ appId: 'APP' });\nawait authenticationClient.getWidget({});" }),
    '## 方法名称',
  ),
  CLIENT_UNKNOWN: onePage(zhPage({ method: '`WidgetClient.getWidget`' }), '## 方法名称'),
  MODULE_UNKNOWN: onePage(zhPage({ method: null, sample: null }), 1, 'widgets/get-widget.md'),
  OPERATION_UNNAMED: onePage(zhPage({ method: null, sample: null, responseType: null }), 1, 'node/management/widgets/Widget_Page.md'),
  METHOD_NAME_CONFLICT: {
    pages: {
      'zh/node/management/a/get-widget.md': zhPage(),
      'zh/node/management/b/get-widget.md': zhPage({ method: '`ManagementClient.fetchWidget`' }),
    },
    at: { file: 'zh/node/management/b/get-widget.md', line: '## 方法名称' },
  },
  DEFINITION_CONFLICT: twoPages(zhPage(), withRequestRows('| widgetId | number | 是 | - | 小部件的标识 | `1` |'), '| widgetId |'),
  RESPONSE_TYPE_CONFLICT: twoPages(zhPage(), zhPage({ responseType: 'WidgetRespDto' }), '## 请求响应'),
  CONFIG_UNKNOWN_OPERATION: {
    pages: { [FILE]: zhPage() },
    config: { operations: { 'management/no-such-operation': { http: { method: 'GET' } } } },
    at: { file: '<config>', line: 1 },
  },
  PREVIOUS_IR_UNREADABLE: { pages: { [FILE]: zhPage() }, previousIr: '{ "irVersion": 1, "operations": [', at: { file: 'ir.json', line: 1 } },
  DOCS_LOCALE_FALLBACK: onePage(zhPage()),
  // Two operations of one client documented with one method name: get-widget keeps it (its slug spells it).
  SDK_NAME_COLLISION: {
    pages: { 'zh/node/management/widgets/find-widget.md': zhPage(), 'zh/node/management/widgets/get-widget.md': zhPage() },
    at: { file: 'zh/node/management/widgets/find-widget.md', line: 1 },
  },
  OPENAPI_PATH_CLASH: {
    pages: {
      'zh/node/management/widgets/get-widget.md': zhPage(),
      'zh/node/authentication/widgets/get-widget.md': zhPage({
        method: '`AuthenticationClient.getWidget`',
        sample: "const authenticationClient = new AuthenticationClient({ appId: 'APP' });\nawait authenticationClient.getWidget({ widgetId: 'w-1' });",
      }),
    },
    at: { file: 'zh/node/authentication/widgets/get-widget.md', line: 1 },
  },
  SAMPLE_UNKNOWN_FIELD: sampleCalling("{ widgetId: 'w-1', color: 'red' }"),
  SAMPLE_MISSING_REQUIRED: sampleCalling("{ colour: 'red' }"),
  SAMPLE_UNKNOWN_NAME: { ...sampleCalling("{ widgetId: 'w-1' }"), pages: { [FILE]: zhPage({ sample: "import { ManagementClient } from 'authing-node-sdk';\nconst client = new ManagementClient({ accessKeyId: 'ID', accessKeySecret: 'SECRET' });\nawait client.getWidgets({ widgetId: 'w-1' });" }) } },
  SAMPLE_TYPE_ERROR: sampleCalling("{ widgetId: 1 }"),
  // One option, a string in one operation's sample and a number in another's.
  SAMPLE_OPTION_TYPE_CONFLICT: {
    pages: {
      [FILE]: zhPage({ sample: "const managementClient = new ManagementClient({ accessKeyId: 'ID', accessKeySecret: 'SECRET', region: 'cn' });\nawait managementClient.getWidget({ widgetId: 'w-1' });" }),
      'node/management/widgets/list-widgets.md': zhPage({
        method: '`ManagementClient.listWidgets`',
        sample: "const managementClient = new ManagementClient({ accessKeyId: 'ID', accessKeySecret: 'SECRET', region: 2 });\nawait managementClient.listWidgets({ widgetId: 'w-1' });",
      }),
    },
    at: { file: 'node/management/widgets/list-widgets.md', line: 'region: 2' },
  },
  CUSTOM_CODE_UNUSED: { ...onePage(zhPage()), customCode: [{ file: 'sdk-custom/helpers.ts', code: 'export const retries = 3;\n' }], at: { file: 'sdk-custom/helpers.ts', line: 1 } },
  CUSTOM_METHOD_MISSING: { ...onePage(zhPage()), config: CUSTOM_GET_WIDGET },
  CUSTOM_PARAMETER_MISMATCH: {
    ...onePage(zhPage()),
    config: CUSTOM_GET_WIDGET,
    customCode: [{ file: 'sdk-custom/ManagementClient.ts', code: 'export class ManagementClient {\n  async getWidget(id: string): Promise<string> {\n    return id;\n  }\n}\n' }],
    at: { file: 'sdk-custom/ManagementClient.ts', line: 2 },
  },
  // GetWidgetDto is not imported.
  CUSTOM_CODE_TYPE_ERROR: {
    ...onePage(zhPage()),
    config: CUSTOM_GET_WIDGET,
    customCode: [{ file: 'sdk-custom/ManagementClient.ts', code: 'export class ManagementClient {\n  async getWidget(request: GetWidgetDto): Promise<string> {\n    return request.widgetId;\n  }\n}\n' }],
    // On the custom method's own line, where the unknown type is.
    at: { file: 'sdk-custom/ManagementClient.ts', line: 2 },
    emitSdk: true,
  },
};

/** Every diagnostic the fixture's docs set raises: parsed with its config, then emitted as docs. */
function raise(fixture: Fixture): Diagnostic[] {
  const inputs: PageInput[] = Object.entries(fixture.pages).map(([file, content]) => ({ file, content }));
  const { ir } = parsePages(inputs, { config: fixture.config, customCode: fixture.customCode });
  const previous = readPreviousIr(fixture.previousIr, 'ir.json');
  const sdk = fixture.emitSdk ? emitTarget('sdk', sdkTarget, ir).diagnostics : planSdk(ir).diagnostics;
  return [...ir.diagnostics, ...previous.diagnostics, ...emitDocs(ir, { sdks: ['node', 'python'] }).diagnostics, ...sdk, ...openapiDocument(ir).diagnostics];
}

function lineOf(fixture: Fixture): number {
  const { file, line } = fixture.at;
  if (typeof line === 'number') return line;
  const content = fixture.pages[file];
  const text = typeof content === 'string' ? content : Buffer.from(content!).toString('utf8');
  const index = text.split('\n').findIndex((l) => l.includes(line));
  if (index < 0) throw new Error(`fixture page ${file} has no line containing ${line}`);
  return index + 1;
}

const CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

describe('diagnostic registry', () => {
  it('has a fixture for exactly the declared codes', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual([...CODES].sort());
  });

  it.each(CODES)('%s is raised by its fixture, at its declared severity and place', (code) => {
    const fixture = FIXTURES[code];
    const raised = raise(fixture).filter((d) => d.code === code);
    expect(raised.length, `the fixture raises no ${code}`).toBeGreaterThan(0);
    expect(raised).toContainEqual(
      expect.objectContaining({ file: fixture.at.file, line: lineOf(fixture), severity: DIAGNOSTIC_CODES[code].severity }),
    );
  });

  it('raises, over all fixtures, only declared codes, each at its declared severity', () => {
    const raised = new Set(CODES.flatMap((code) => raise(FIXTURES[code]).map((d) => `${d.code} ${d.severity}`)));
    const declared = new Set(CODES.map((code) => `${code} ${DIAGNOSTIC_CODES[code].severity}`));
    expect([...raised].filter((entry) => !declared.has(entry))).toEqual([]);
  });

  it('declares upper-snake codes (the IR schema pattern) and one-line meanings', () => {
    const pattern = new RegExp(irSchema.definitions.diagnostic.properties.code.pattern);
    for (const [code, { meaning }] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(pattern);
      expect(meaning.trim(), code).not.toBe('');
      expect(meaning, code).not.toMatch(/\n/);
    }
  });

  it('is the only source of codes the sink and createDiagnostic accept', () => {
    const sink = new DiagnosticSink('a.md');
    // Type-level checks (tsc --noEmit covers test/): each line below fails to compile without the directive.
    // @ts-expect-error: not a declared code
    sink.warning('NO_SUCH_CODE', 1, 'm');
    // @ts-expect-error: PAGE_EMPTY is a warning, not an error
    sink.error('PAGE_EMPTY', 1, 'm');
    // @ts-expect-error: FIELD_DUPLICATE is an error, not info
    sink.report('info', 'FIELD_DUPLICATE', 1, 'm');
    // @ts-expect-error: DOCS_LOCALE_FALLBACK is a warning
    createDiagnostic('error', 'DOCS_LOCALE_FALLBACK', 'a.md', 1, 'm');
    expect(createDiagnostic('warning', 'DOCS_LOCALE_FALLBACK', 'a.md', 3, 'm')).toEqual({
      file: 'a.md', line: 3, column: 1, severity: 'warning', code: 'DOCS_LOCALE_FALLBACK', message: 'm',
    });
  });

  it("README's diagnostics table is the one the registry makes", () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START_MARKER);
    const written = start < 0 ? '' : readme.slice(start, readme.indexOf(END_MARKER, start) + END_MARKER.length);
    expect(written, `README.md's diagnostics table is stale: run \`${FIX_COMMAND}\``).toBe(diagnosticsTable());
  });
});

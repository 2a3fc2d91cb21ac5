/**
 * One test per known hazard of real docs-factory pages. Every fixture is written here,
 * in the docs-factory layout, with invented wording and field names.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Field, Ir, Operation } from '../../generator/ir/types.js';
import { parsePages } from '../../generator/parse/index.js';

type Locale = 'zh' | 'en';

interface PageSpec {
  summary?: string;
  intro?: string;
  /** Method name after `XClient.`. */
  method: string;
  client?: 'Management' | 'Authentication';
  requestHeader?: string;
  requestRows?: string[];
  sample?: string;
  responseType?: string;
  responseRows?: string[];
  result?: string;
  models?: { name: string; rows: string[]; header?: string }[];
}

const WORDS = {
  zh: {
    method: '方法名称', request: '请求参数', sample: '示例代码', response: '请求响应', result: '示例结果：', models: '数据结构',
    typeLine: '类型：',
    requestHeader: [
      '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |',
      '| ---- | ---- | ---- | ---- | ---- | ---- |',
    ].join('\n'),
    responseHeader: '| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |',
    modelHeader: [
      '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |',
      '| ---- | ---- | ---- | ---- | ---- |',
    ].join('\n'),
    responseRows: ['| statusCode | number | 业务状态码 |', '| message | string | 结果说明 |'],
  },
  en: {
    method: 'Method name', request: 'Request parameters', sample: 'Sample code', response: 'Request response', result: 'Sample result:', models: 'Data structure',
    typeLine: 'Type:',
    requestHeader: [
      '| Name | Type | <div style="width:80px">Is it required</div> | <div style="width:60px">Default value</div> | <div style="width:300px">Description</div> | <div style="width:200px">Sample value</div> |',
      '| ---- | ---- | ---- | ---- | ---- | ---- |',
    ].join('\n'),
    responseHeader: '| Name | Type | Description |\n| ---- | ---- | ---- |',
    modelHeader: '| Name | Type | Is it required | Description | Sample value |\n| ---- | ---- | ---- | ---- | ---- |',
    responseRows: ['| statusCode | number | Business status code |', '| message | string | What happened |'],
  },
} as const;

function sampleFor(client: string, method: string): string {
  const variable = `${client.toLowerCase()}Client`;
  return [
    `import { ${client}Client } from 'authing-node-sdk';`,
    '',
    `const ${variable} = new ${client}Client({ accessKeyId: 'KEY_ID', accessKeySecret: 'KEY_SECRET' });`,
    '',
    '(async () => {',
    `  const result = await ${variable}.${method}({});`,
    '  console.log(JSON.stringify(result, null, 2));',
    '})();',
  ].join('\n');
}

function page(locale: Locale, spec: PageSpec): string {
  const w = WORDS[locale];
  const client = spec.client ?? 'Management';
  const lines: string[] = [
    `# ${spec.summary ?? (locale === 'zh' ? '处理一个小部件' : 'Handle a gadget')}`,
    '',
    spec.intro ?? (locale === 'zh' ? '这个接口处理一个小部件。' : 'This endpoint handles one gadget.'),
    '',
    `## ${w.method}`,
    '',
    `\`${client}Client.${spec.method}\``,
    '',
    `## ${w.request}`,
    '',
    spec.requestHeader ?? w.requestHeader,
    ...(spec.requestRows ?? []),
    '',
    `## ${w.sample}`,
    '',
    '```ts',
    spec.sample ?? sampleFor(client, spec.method),
    '```',
    '',
    `## ${w.response}`,
    '',
    `${w.typeLine} \`${spec.responseType ?? 'GadgetRespDto'}\``,
    '',
    w.responseHeader,
    ...(spec.responseRows ?? w.responseRows),
    '',
    w.result,
    '',
    '```json',
    spec.result ?? '{\n  "statusCode": 200,\n  "message": "ok"\n}',
    '```',
    '',
  ];
  if (spec.models && spec.models.length > 0) {
    lines.push(`## ${w.models}`, '');
    for (const model of spec.models) {
      lines.push(`### <a id="${model.name}"></a> ${model.name}`, '', model.header ?? w.modelHeader, ...model.rows, '');
    }
  }
  return lines.join('\n');
}

/** 1-based line of the first line containing `needle`. */
function lineOf(content: string, needle: string): number {
  const index = content.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line containing ${needle}`);
  return index + 1;
}

const FILE = 'node/management/分组/x-y.md';

function parseOne(content: string, file = FILE): Ir {
  return parsePages([{ file, content }]).ir;
}

function onlyOperation(ir: Ir): Operation {
  expect(ir.operations).toHaveLength(1);
  return ir.operations[0]!;
}

function fieldOf(fields: Field[], name: string): Field {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name} in [${fields.map((f) => f.name).join(', ')}]`);
  return field;
}

const withCode = (ir: Ir, code: string): Diagnostic[] => ir.diagnostics.filter((d) => d.code === code);
/** Every diagnostic as `line severity CODE`, to check that nothing unexpected was reported. */
const summaryOf = (ir: Ir): string[] => ir.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`);

describe('hazards of real pages', () => {
  it('1. joins a request row whose description holds a multi-line Markdown list, losing no row', () => {
    const content = page('zh', {
      method: 'xY',
      requestRows: [
        '| channel | string | 是 | - | 通知通道：',
        '- `A`: 短信通道',
        '- `B`: 邮件通道 | `A` |',
        '| retries | number | 否 | 3 | 重试次数 | `5` |',
        '| remark | string | 否 | - | 备注信息 | `周末不发送` |',
      ],
    });
    const ir = parseOne(content);
    const op = onlyOperation(ir);
    expect(op.request.fields.map((f) => f.name)).toEqual(['channel', 'remark', 'retries']);

    const channel = fieldOf(op.request.fields, 'channel');
    expect(channel.type).toEqual({ kind: 'string' });
    expect(channel.required).toBe(true);
    expect(channel.enum).toEqual(['A', 'B']);
    expect(channel.example).toBe('A');
    expect(channel.description.zh).toBe('通知通道：\n- `A`: 短信通道\n- `B`: 邮件通道');

    expect(withCode(ir, 'TABLE_ROW_JOINED')).toEqual([
      expect.objectContaining({ severity: 'warning', file: FILE, line: lineOf(content, '| channel |') }),
    ]);
    expect(summaryOf(ir)).toEqual([`${lineOf(content, '| channel |')} warning TABLE_ROW_JOINED`]);

    expect(fieldOf(op.request.fields, 'retries')).toEqual({
      name: 'retries', type: { kind: 'number' }, required: false, default: 3, description: { zh: '重试次数' }, example: 5,
    });
    expect(fieldOf(op.request.fields, 'remark')).toEqual({
      name: 'remark', type: { kind: 'string' }, required: false, description: { zh: '备注信息' }, example: '周末不发送',
    });
  });

  it('2. joins a data-structure row whose code-span example spans several lines', () => {
    const content = page('zh', {
      method: 'xY',
      responseRows: ['| statusCode | number | 业务状态码 |', '| data | <a href="#GadgetScript">GadgetScript</a> | 脚本 |'],
      models: [
        {
          name: 'GadgetScript',
          rows: [
            '| body | string | 是 | 脚本正文 | `function run(ctx) {',
            '  return ctx.ok;',
            '}` |',
            '| lang | string | 否 | 脚本语言 | `js` |',
          ],
        },
      ],
    });
    const ir = parseOne(content);
    const model = ir.models.find((m) => m.name === 'GadgetScript');
    expect(model?.fields.map((f) => f.name)).toEqual(['body', 'lang']);
    expect(fieldOf(model!.fields, 'body').example).toBe('function run(ctx) {\n  return ctx.ok;\n}');
    expect(fieldOf(model!.fields, 'lang').example).toBe('js');
    expect(withCode(ir, 'TABLE_ROW_JOINED')).toEqual([
      expect.objectContaining({ severity: 'warning', line: lineOf(content, '| body |') }),
    ]);
  });

  it('3. gives the same operations and models whatever the row and model order', () => {
    const rows = [
      '| alpha | string | 是 | - | 第一个 | `a` |',
      '| beta | number | 否 | 1 | 第二个 | `2` |',
      '| gamma | boolean | 否 | - | 第三个 | `true` |',
      '| delta | <a href="#GadgetPart">GadgetPart</a> | 否 | - | 第四个 | - |',
    ];
    const partRows = ['| sku | string | 是 | 编号 | `p-1` |', '| weight | number | 否 | 重量 | `12` |'];
    const infoRows = ['| owner | string | 是 | 所有者 | `me` |', '| tags | string[] | 否 | 标签 | `["x"]` |'];
    const responseRows = ['| statusCode | number | 业务状态码 |', '| data | <a href="#GadgetInfo">GadgetInfo</a> | 数据 |'];
    const first = page('zh', {
      method: 'xY',
      requestRows: rows,
      responseRows,
      models: [{ name: 'GadgetPart', rows: partRows }, { name: 'GadgetInfo', rows: infoRows }],
    });
    const second = page('zh', {
      method: 'xY',
      requestRows: [rows[2]!, rows[0]!, rows[3]!, rows[1]!],
      responseRows: [...responseRows].reverse(),
      models: [{ name: 'GadgetInfo', rows: [...infoRows].reverse() }, { name: 'GadgetPart', rows: [...partRows].reverse() }],
    });
    expect(second).not.toBe(first);
    const a = parseOne(first);
    const b = parseOne(second);
    expect(a.operations[0]?.request.fields).toHaveLength(4);
    // Only the layout (documented order, for reproducing pages) follows the rows.
    const withoutLayout = (ir: Ir) => ir.operations.map(({ layout, ...operation }) => operation);
    expect(withoutLayout(b)).toEqual(withoutLayout(a));
    expect(a.operations[0]?.layout?.request).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(b.operations[0]?.layout?.request).toEqual(['gamma', 'alpha', 'delta', 'beta']);
    // A model's source line says where its heading is, which moves with it; all else must match.
    const withoutLines = (ir: Ir) => ir.models.map(({ sources, layout, ...model }) => ({ ...model, files: sources.map((s) => s.file) }));
    expect(a.models.map((m) => m.name)).toEqual(['GadgetInfo', 'GadgetPart']);
    expect(withoutLines(b)).toEqual(withoutLines(a));
  });

  it('4. drops a [object Object] example with an EXAMPLE_PLACEHOLDER warning', () => {
    const content = page('zh', {
      method: 'xY',
      requestRows: ['| filter | object | 否 | - | 过滤条件 | `[object Object]` |', '| page | number | 否 | 1 | 页码 | `1` |'],
    });
    const ir = parseOne(content);
    const op = onlyOperation(ir);
    const filter = fieldOf(op.request.fields, 'filter');
    expect(filter).not.toHaveProperty('example');
    expect(filter.type).toEqual({ kind: 'object' });
    expect(fieldOf(op.request.fields, 'page').example).toBe(1);
    expect(withCode(ir, 'EXAMPLE_PLACEHOLDER')).toEqual([
      expect.objectContaining({ severity: 'warning', line: lineOf(content, '| filter |') }),
    ]);
    expect(summaryOf(ir)).toEqual([`${lineOf(content, '| filter |')} warning EXAMPLE_PLACEHOLDER`]);
  });

  it('5. reads the response type from its own line', () => {
    const content = page('zh', { method: 'getThing', responseType: 'UserThingRespDto' });
    expect(content).toContain('类型： `UserThingRespDto`');
    const op = onlyOperation(parseOne(content));
    expect(op.response.typeName).toBe('UserThingRespDto');
    expect(op.response.fields.map((f) => f.name)).toEqual(['message', 'statusCode']);
    expect(op.response.example).toEqual({ statusCode: 200, message: 'ok' });
  });

  it('6. recognizes the example column under a malformed header cell', () => {
    const header = [
      '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px"></div>示例值</div> |',
      '| ---- | ---- | ---- | ---- | ---- | ---- |',
    ].join('\n');
    const ir = parseOne(page('zh', {
      method: 'xY',
      requestHeader: header,
      requestRows: ['| label | string | 是 | - | 标签 | `夏季款` |', '| size | number | 否 | - | 尺寸 | `42` |'],
    }));
    const op = onlyOperation(ir);
    expect(fieldOf(op.request.fields, 'label').example).toBe('夏季款');
    expect(fieldOf(op.request.fields, 'size').example).toBe(42);
    expect(ir.diagnostics).toEqual([]);
  });

  it('7. files a stale twin under the client its sample code uses', () => {
    const staleFile = 'node/management/tagA/do-thing.md';
    const stale = page('zh', {
      method: 'doThing',
      client: 'Management',
      sample: sampleFor('Authentication', 'doThing'),
      requestRows: ['| thingId | string | 是 | - | 标识 | `t-1` |'],
    });
    expect(stale).toContain('`ManagementClient.doThing`');
    expect(stale).toContain('new AuthenticationClient(');
    expect(stale).toContain('authenticationClient.doThing(');
    const twin = page('zh', {
      method: 'doThing',
      client: 'Authentication',
      requestRows: ['| thingId | string | 是 | - | 标识 | `t-1` |'],
    });
    const { ir } = parsePages([
      { file: staleFile, content: stale },
      { file: 'node/authentication/tagB/do-thing.md', content: twin },
    ]);
    const op = onlyOperation(ir);
    expect(op.id).toBe('authentication/do-thing');
    expect(op.module).toBe('authentication');
    expect(op.tag).toBe('tagB');
    expect(op.methodNames.node).toBe('doThing');
    expect(withCode(ir, 'CLIENT_MISMATCH')).toEqual([
      expect.objectContaining({ severity: 'warning', file: staleFile, line: lineOf(stale, '## 方法名称') }),
    ]);
  });

  it('8. picks one deterministic definition of a model defined differently on several pages', () => {
    // `lead` rows before `size` put it on a different line on each page.
    const define = (locale: Locale, method: string, type: string, lead: number) =>
      page(locale, {
        method,
        responseRows: [WORDS[locale].responseRows[0], '| data | <a href="#Widget">Widget</a> | 数据 |'],
        models: [
          {
            name: 'Widget',
            rows: [
              ...['color', 'shape', 'owner'].slice(0, lead).map((name) => `| ${name} | string | 否 | 属性 ${name} | \`x\` |`),
              `| size | ${type} | 是 | 尺寸 | - |`,
            ],
          },
        ],
      });
    // Path order alone would pick the en page, then the java page: precedence must not.
    const inputs = [
      { file: 'en/node/management/t/aaa-op.md', content: define('en', 'aaaOp', 'string', 0) },
      { file: 'zh/java/management/t/bbb-op.md', content: define('zh', 'bbbOp', 'boolean', 1) },
      { file: 'zh/node/management/t/ccc-op.md', content: define('zh', 'cccOp', 'number', 2) },
      { file: 'zh/node/management/t/ddd-op.md', content: define('zh', 'dddOp', 'object', 3) },
    ];
    const { ir } = parsePages(inputs);
    const widgets = ir.models.filter((m) => m.name === 'Widget');
    expect(widgets).toHaveLength(1);
    expect(fieldOf(widgets[0]!.fields, 'size').type).toEqual({ kind: 'number' });
    expect(widgets[0]!.sources.map((s) => s.file)).toEqual(inputs.map((i) => i.file));

    const winner = `zh/node/management/t/ccc-op.md:${lineOf(inputs[2]!.content, '| size |')}`;
    const conflicts = withCode(ir, 'DEFINITION_CONFLICT');
    expect(new Set(inputs.map((i) => lineOf(i.content, '| size |'))).size).toBe(4);
    expect(conflicts.map((d) => d.file).sort()).toEqual([inputs[0]!.file, inputs[1]!.file, inputs[3]!.file]);
    for (const conflict of conflicts) {
      expect(conflict.severity).toBe('warning');
      expect(conflict.message).toContain(winner);
      expect(conflict.message).toContain('size');
      const own = inputs.find((i) => i.file === conflict.file)!;
      expect(conflict.line).toBe(lineOf(own.content, '| size |'));
    }

    expect(parsePages([...inputs].reverse()).ir).toEqual(ir);
  });

  it('9. realigns a short English row that lost its type cell', () => {
    const content = page('en', {
      method: 'xY',
      responseRows: ['| statusCode | number | Business status code |', '| data | <a href="#GadgetEcho">GadgetEcho</a> | Response data |'],
      models: [
        { name: 'GadgetEcho', rows: ['| response | is | some text Nested type: <a Any. |'] },
        { name: 'Any', rows: [] },
      ],
    });
    const file = 'en/node/management/t/x-y.md';
    const ir = parseOne(content, file);
    const echo = ir.models.find((m) => m.name === 'GadgetEcho');
    const response = fieldOf(echo!.fields, 'response');
    expect(response.type).toEqual({ kind: 'ref', name: 'Any' });
    expect(response.required).toBe(true);
    expect(response.description).toEqual({ en: 'some text Nested type: <a Any.' });

    const line = lineOf(content, '| response | is |');
    const atRow = ir.diagnostics.filter((d) => d.line === line).map((d) => `${d.severity} ${d.code}`).sort();
    expect(atRow).toEqual(['warning LINK_BROKEN', 'warning REQUIRED_UNCLEAR', 'warning TABLE_SHORT_ROW']);
    expect(withCode(ir, 'TYPE_UNKNOWN_REF')).toEqual([]);

    const any = ir.models.find((m) => m.name === 'Any');
    expect(any).toMatchObject({ name: 'Any', fields: [], opaque: true });
  });

  it('10. keeps an escaped pipe in a description as a pipe', () => {
    const content = page('zh', {
      method: 'xY',
      requestRows: ['| mode | string | 否 | - | 取值 a \\| b 之一 | `a` |', '| other | string | 否 | - | 其他 | `o` |'],
    });
    expect(content).toContain('a \\| b');
    const ir = parseOne(content);
    const op = onlyOperation(ir);
    expect(fieldOf(op.request.fields, 'mode').description.zh).toBe('取值 a | b 之一');
    expect(fieldOf(op.request.fields, 'mode').example).toBe('a');
    expect(fieldOf(op.request.fields, 'other').example).toBe('o');
    expect(withCode(ir, 'TABLE_LONG_ROW')).toEqual([]);
    expect(ir.diagnostics).toEqual([]);
  });

  it('11. reads Yes / yes / No / NO required cells in an English table', () => {
    const ir = parseOne(
      page('en', {
        method: 'xY',
        requestRows: [
          '| one | string | Yes | - | First | `1a` |',
          '| two | string | yes | - | Second | `2b` |',
          '| three | string | No | - | Third | `3c` |',
          '| four | string | NO | - | Fourth | `4d` |',
        ],
      }),
      'en/node/management/t/x-y.md',
    );
    const op = onlyOperation(ir);
    const required = Object.fromEntries(op.request.fields.map((f) => [f.name, f.required]));
    expect(required).toEqual({ one: true, two: true, three: false, four: false });
    expect(withCode(ir, 'REQUIRED_UNKNOWN')).toEqual([]);
    expect(ir.diagnostics).toEqual([]);
    expect(fieldOf(op.request.fields, 'one').description).toEqual({ en: 'First' });
  });

  it('12. tells GET query, POST body and GET no-parameter pages apart', () => {
    const query = page('zh', {
      method: 'getGadget',
      requestRows: [' | id | string  | 是 | - | 小部件标识 | `g-1` |', ' | withParts | boolean  | 否 | false | 是否带零件 | `true` |'],
    });
    const body = page('zh', {
      method: 'createGadget',
      requestRows: ['| name | string | 是 | - | 名称 | `小部件` |', '| size | number | 否 | - | 尺寸 | `3` |'],
    });
    const none = page('zh', { method: 'getGadgetStats', requestRows: [] });
    const { ir } = parsePages([
      { file: 'node/management/分组/get-gadget.md', content: query },
      { file: 'node/management/分组/create-gadget.md', content: body },
      { file: 'node/management/分组/get-gadget-stats.md', content: none },
    ]);
    const bySlug = Object.fromEntries(ir.operations.map((op) => [op.slug, op]));
    expect(bySlug['get-gadget']?.request.style).toBe('query');
    expect(bySlug['get-gadget']?.http.method).toBe('GET');
    expect(bySlug['get-gadget']?.request.fields.map((f) => f.name)).toEqual(['id', 'withParts']);
    expect(bySlug['create-gadget']?.request.style).toBe('body');
    expect(bySlug['create-gadget']?.http.method).toBe('POST');
    expect(bySlug['get-gadget-stats']?.request.style).toBe('none');
    expect(bySlug['get-gadget-stats']?.http.method).toBe('GET');
    expect(bySlug['get-gadget-stats']?.request.fields).toEqual([]);
  });

  it('13. merges the zh and en pages of one operation', () => {
    const zh = page('zh', {
      summary: '整理小部件',
      intro: '把小部件按尺寸整理好。',
      method: 'xY',
      requestRows: ['| order | string | 否 | - | 排序方式 | `asc` |'],
    });
    const en = page('en', {
      summary: 'Tidy gadgets',
      intro: 'Sorts the gadgets by size.',
      method: 'xY',
      requestRows: ['| order | string | No | - | Sort order | `asc` |'],
    });
    const { ir } = parsePages([
      { file: 'zh/node/management/t/x-y.md', content: zh },
      { file: 'en/node/management/t/x-y.md', content: en },
    ]);
    const op = onlyOperation(ir);
    expect(op.id).toBe('management/x-y');
    expect(op.summary).toEqual({ zh: '整理小部件', en: 'Tidy gadgets' });
    expect(op.description).toEqual({ zh: '把小部件按尺寸整理好。', en: 'Sorts the gadgets by size.' });
    expect(fieldOf(op.request.fields, 'order').description).toEqual({ zh: '排序方式', en: 'Sort order' });
    expect(fieldOf(op.response.fields, 'statusCode').description).toEqual({ zh: '业务状态码', en: 'Business status code' });
    expect(op.samples.map((s) => `${s.sdk}/${s.locale}`)).toEqual(['node/en', 'node/zh']);
    expect(ir.diagnostics).toEqual([]);
  });

  it('14. reads a plain-text page with bare section titles', () => {
    const content = [
      'Do it for a gadget',
      'Runs the do-it routine on one gadget and reports back.',
      'Method name',
      'ManagementClient.doIt',
      'Request parameters',
      '| Name | Type | Required | Default value | Description | Sample value |',
      '|---|---|---|---|---|---|',
      '| gadgetId | string | Yes | - | Gadget to act on | gd-7 |',
      '| dryRun | boolean | No | - | Only pretend | true |',
      'Sample code',
      'ts',
      'import { ManagementClient } from "authing-node-sdk";',
      'const managementClient = new ManagementClient({ accessKeyId: "ID", accessKeySecret: "SECRET" });',
      '(async () => {',
      'const result = await managementClient.doIt({ gadgetId: "gd-7" });',
      'console.log(result);',
      '})();Request response',
      'Type: DoItRespDto',
      '| Name | Type | Description |',
      '|---|---|---|',
      '| statusCode | number | Status code |',
      '| data | <a href="#DoItOutcome">DoItOutcome</a> | Outcome |',
      'Sample result:',
      'json',
      '{',
      '"statusCode": 200,',
      '"data": { "done": true }',
      '}Data structure',
      'DoItOutcome',
      '| Name | Type | Is it required | Description | Sample value |',
      '|---|---|---|---|---|',
      '| done | boolean | Yes | Whether it is done | true |',
      '',
    ].join('\n');
    const file = 'en/node/management/t/do-it.md';
    const ir = parseOne(content, file);
    expect(withCode(ir, 'PAGE_PLAIN_TEXT')).toEqual([expect.objectContaining({ severity: 'warning', file, line: 1 })]);
    expect(summaryOf(ir)).toEqual(['1 warning PAGE_PLAIN_TEXT']);
    const op = onlyOperation(ir);
    expect(op.id).toBe('management/do-it');
    expect(op.methodNames.node).toBe('doIt');
    expect(op.summary).toEqual({ en: 'Do it for a gadget' });
    expect(op.request.fields.map((f) => f.name)).toEqual(['dryRun', 'gadgetId']);
    expect(fieldOf(op.request.fields, 'gadgetId')).toMatchObject({ type: { kind: 'string' }, required: true, example: 'gd-7' });
    expect(fieldOf(op.request.fields, 'dryRun')).toMatchObject({ type: { kind: 'boolean' }, required: false, example: true });
    expect(op.response.typeName).toBe('DoItRespDto');
    expect(fieldOf(op.response.fields, 'data').type).toEqual({ kind: 'ref', name: 'DoItOutcome' });
    expect(op.response.example).toEqual({ statusCode: 200, data: { done: true } });
    expect(op.samples).toHaveLength(1);
    expect(op.samples[0]!.code).toContain('managementClient.doIt(');
    expect(op.samples[0]!.code.endsWith('})();')).toBe(true);
    const model = ir.models.find((m) => m.name === 'DoItOutcome');
    expect(model?.opaque).toBe(false);
    expect(fieldOf(model!.fields, 'done')).toMatchObject({ type: { kind: 'boolean' }, required: true, example: true });
  });
});

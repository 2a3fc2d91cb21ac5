/**
 * The rendered-site reader (issue 16): text copied from the rendered docs site reads to
 * the same API facts as the Markdown it was rendered from. Seed 002 against seed 001;
 * small fixtures (invented wording) for each pattern; and the whole corpus rendered by
 * test/helpers/render-site.ts and read back, against the thresholds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../generator/ir/diagnostics.js';
import { typeText } from '../../generator/parse/merge.js';
import type { PageDoc } from '../../generator/parse/page.js';
import { readPage, selectReader, pageText } from '../../generator/parse/readers/index.js';
import { parsePages } from '../../generator/parse/index.js';
import { renderSite } from '../helpers/render-site.js';
import { emptyFidelity, measurePage } from '../helpers/rendered-fidelity.js';
import { CORPUS_EN, CORPUS_ZH, hasShared, SEEDS } from '../helpers/shared.js';

function read(file: string, text: string): { page: PageDoc | undefined; sink: DiagnosticSink } {
  const sink = new DiagnosticSink(file);
  return { page: readPage(file, text, sink), sink };
}

/** The API facts of a page: operation, fields (name, type, required), response type, data structures. */
function facts(page: PageDoc | undefined): unknown {
  if (!page) return undefined;
  const fields = (list: { field: { name: string; type: Parameters<typeof typeText>[0]; required: boolean } }[] = []) =>
    list.map(({ field }) => `${field.name}: ${typeText(field.type)}${field.required ? '' : '?'}`);
  return {
    method: page.method && `${page.method.client}.${page.method.name}`,
    locale: page.locale,
    request: fields(page.request?.fields),
    responseType: page.response?.typeName,
    response: fields(page.response?.fields),
    example: page.response?.example,
    models: page.models.map((model) => ({ name: model.name, fields: fields(model.fields) })),
  };
}

const lines = (...text: string[]): string => text.join('\n');
const CHROME_BEFORE = ['Widget Docs', 'Guides', '  • SDK', '    • Widgets', '  1. SDK', '  2. /', ''];
const CHROME_AFTER = ['Previous article: List widgets Next article: Delete a widget', '  • Method name', '', '© Widgets Ltd.'];

const enPage = (...article: string[]): string => lines(...CHROME_BEFORE, '¶ Get a widget', '', 'Update time: 2025-01-01 00:00:00', 'Edit', '', ...article, '', ...CHROME_AFTER);

describe.skipIf(!hasShared)('seed 002 (the rendered copy of seed 001)', () => {
  it('gives the same API facts as seed 001', () => {
    const seeds = readdirSync(SEEDS).sort();
    const markdown = seeds.find((name) => name.startsWith('001_'))!;
    const rendered = seeds.find((name) => name.startsWith('002_'))!;
    const original = read(markdown, readFileSync(join(SEEDS, markdown), 'utf8'));
    const copy = read(rendered, readFileSync(join(SEEDS, rendered), 'utf8'));
    expect(selectReader(pageText(rendered, readFileSync(join(SEEDS, rendered), 'utf8')))?.name).toBe('rendered-site');
    expect(facts(copy.page)).toEqual(facts(original.page));
    expect(copy.sink.items.map((item) => item.code)).toEqual(['PAGE_RENDERED_SITE']);
  });

  it('loses to the Markdown page of the same operation when they disagree', () => {
    const seeds = readdirSync(SEEDS).sort();
    const pick = (prefix: string) => seeds.find((name) => name.startsWith(prefix))!;
    const markdown = readFileSync(join(SEEDS, pick('001_')), 'utf8');
    // The copy says webhookId is a number, and is named to sort first: the Markdown still wins.
    const copy = readFileSync(join(SEEDS, pick('002_')), 'utf8').replace('webhookIdstringYes', 'webhookIdnumberYes');
    // File names that are no slugs, so the method name tells the operation (as for the seeds).
    const { ir } = parsePages([
      { file: '1_copy.txt', content: copy },
      { file: '2_source.md', content: markdown },
    ]);
    expect(ir.operations.map((operation) => operation.id)).toEqual(['management/trigger-webhook']);
    const field = ir.operations[0]!.request.fields.find((f) => f.name === 'webhookId')!;
    expect(field.type).toEqual({ kind: 'string' });
    expect(ir.diagnostics.filter((d) => d.code === 'DEFINITION_CONFLICT').map((d) => d.file)).toEqual(['1_copy.txt']);
  });
});

describe('rendered-site reader', () => {
  it('keeps the article, drops the chrome, and points diagnostics at the lines of the file', () => {
    const text = enPage('¶ Method name', '', 'ManagementClient.getWidget', '', '¶ Request parameters', '', 'NameType', 'Required', 'Default value', 'Description', 'Sample value', 'widgetIdstringYes-The widget ID6229ffa', 'sizenumberNo10Size in cmxl');
    const { page, sink } = read('en/node/management/widgets/get-widget.md', text);
    expect(facts(page)).toMatchObject({ method: 'ManagementClient.getWidget', request: ['widgetId: string', 'size: number?'] });
    expect(page!.request!.fields[0]!.line).toBe(text.split('\n').indexOf('widgetIdstringYes-The widget ID6229ffa') + 1);
    expect(page!.request!.fields[1]!.field.default).toBe(10);
    expect(page!.summary).toBe('Get a widget');
    expect(page!.description).toBeUndefined();
    expect(sink.items.map((item) => [item.code, item.line])).toEqual([['PAGE_RENDERED_SITE', CHROME_BEFORE.length + 1]]);
  });

  it('reads zh pages: run-together header, 是/否, a description glued to its sample', () => {
    const text = lines('文档', '', '¶ 获取小部件', '', '¶ 请求参数', '', '名称类型', '是否必填', '默认值', '描述', '示例值', 'widgetIdstring是-小部件 IDw-123', 'colourstring否-颜色red', '', '上一篇: 甲 下一篇: 乙');
    const { page } = read('zh/node/management/widgets/get-widget.md', text);
    expect(page!.locale).toBe('zh');
    expect(page!.request!.fields.map(({ field }) => [field.name, field.required, field.description.zh, field.example])).toEqual([
      ['widgetId', true, '小部件 ID', 'w-123'],
      ['colour', false, '颜色', 'red'],
    ]);
  });

  it('splits a type off by the page’s data-structure names, the longest that fits', () => {
    const text = enPage(
      '¶ Request response', '', 'Type: GetWidgetRespDto', '', 'NameTypeDescription', 'statusCodenumberStatus code', 'dataWidgetDtoResponse data', 'itemsWidgetDto[]All of them', '',
      '¶ Data structure', '', '¶ Widget', '', 'NameType', 'Is it required', 'Description', 'Sample value', 'idstringYesIdw1x2y3', '',
      '¶ WidgetDto', '', 'NameType', 'Is it required', 'Description', 'Sample value', 'partsYesThe parts Nested type: Widget.', '',
    );
    const { page, sink } = read('en/node/management/widgets/get-widget.md', text);
    expect(facts(page)).toMatchObject({
      responseType: 'GetWidgetRespDto',
      response: ['statusCode: number', 'data: WidgetDto', 'items: WidgetDto[]'],
      models: [{ name: 'Widget', fields: ['id: string'] }, { name: 'WidgetDto', fields: ['parts: Widget'] }],
    });
    expect(page!.models[1]!.fields[0]!.field.description.en).toBe('The parts Nested type: Widget.');
    expect(sink.items.map((item) => item.code)).toEqual(['PAGE_RENDERED_SITE']);
  });

  it('reads JSON, ids, dates and URLs as samples, and warns where the split is a guess', () => {
    const text = enPage(
      '¶ Request parameters', '', 'NameType', 'Required', 'Description', 'Sample value',
      'metaobjectNoExtra data{"a":{"b":[1,2]}}', 'createdAtstringNoCreated at2022-07-03T03:20:30.000Z', 'homestringNoHome pagehttps://example.com/w',
      'ownerstringNoThe owner nameJohn',
    );
    const { page, sink } = read('en/node/management/widgets/get-widget.md', text);
    expect(page!.request!.fields.map(({ field }) => field.example)).toEqual([{ a: { b: [1, 2] } }, '2022-07-03T03:20:30.000Z', 'https://example.com/w', 'John']);
    const ambiguous = sink.items.filter((item) => item.code === 'RENDERED_ROW_AMBIGUOUS');
    expect(ambiguous.map((item) => item.line)).toEqual([text.split('\n').findIndex((line) => line.startsWith('ownerstring')) + 1]);
  });

  it('splits versions, signed numbers and booleans glued to a word, and a word after a closing mark (with a warning)', () => {
    const text = enPage(
      '¶ Request parameters', '', 'NameType', 'Required', 'Description', 'Sample value',
      'versionstringNoThe version number2.0.0', 'areastringNoArea code+86', 'activebooleanNoIs it activetrue', 'countrystringNoSee the list (opens new window)CN',
    );
    const { page, sink } = read('en/node/management/widgets/get-widget.md', text);
    expect(page!.request!.fields.map(({ field }) => [field.description.en, field.example])).toEqual([
      ['The version number', '2.0.0'], ['Area code', '+86'], ['Is it active', true], ['See the list (opens new window)', 'CN'],
    ]);
    expect(sink.items.filter((item) => item.code === 'RENDERED_ROW_AMBIGUOUS').map((item) => item.line)).toEqual([text.split('\n').findIndex((line) => line.startsWith('countrystring')) + 1]);
  });

  it('joins cells with line breaks and code, and keeps Markdown rows the site showed as text', () => {
    const text = enPage(
      '¶ Request parameters', '', 'NameType', 'Required', 'Default value', 'Description', 'Sample value',
      'statusstringYes-The state:', '- on: running', '- off: stopped', 'codestringNo-The codefunction f() {', '', 'return 1;', '}',
      '| extra | string | No | - | Shown as text | x |', 'afterstringNo-Afterwards',
    );
    const { page } = read('en/node/management/widgets/get-widget.md', text);
    expect(page!.request!.fields.map(({ field }) => field.name)).toEqual(['status', 'code', 'extra', 'after']);
    expect(page!.request!.fields[0]!.field.description.en).toBe('The state:\n- on: running\n- off: stopped');
  });

  it('splits a Markdown table header run into a data-structure heading off it, and reads the rows', () => {
    const text = enPage(
      '¶ Request response', '', 'Type: GetWidgetRespDto', '', 'NameTypeDescription', 'dataWidgetDtoResponse data', '',
      '¶ Data structure', '', '¶ WidgetDto| Name | Type | Is it required? | Description | Sample value |', '',
      '| --- | --- | --- | --- | --- |', '| name | string | yes | The name | Widget |', '| size | number | no | The size | 3 |',
    );
    const { page, sink } = read('en/node/management/widgets/get-widget.md', text);
    expect(page!.models.map((model) => [model.name, model.fields.map(({ field }) => field.name)])).toEqual([['WidgetDto', ['name', 'size']]]);
    expect(sink.items.filter((item) => item.code === 'TABLE_LINES_SPLIT').map((item) => item.line)).toEqual([text.split('\n').findIndex((line) => line.startsWith('¶ WidgetDto')) + 1]);
  });

  it('fences the bare lines of the sample code and the sample result', () => {
    const text = enPage('¶ Sample code', '', 'const managementClient = new ManagementClient({});', 'await managementClient.getWidget({});', '', '¶ Request response', '', 'Sample result:', '', '{', '  "statusCode": 200', '}');
    const { page } = read('en/node/management/widgets/get-widget.md', text);
    expect(page!.sample!.code).toBe('const managementClient = new ManagementClient({});\nawait managementClient.getWidget({});');
    expect(page!.sampleMethod).toBe('getWidget');
    expect(page!.response!.example).toEqual({ statusCode: 200 });
  });

  it('leaves Markdown that uses ¶ to the Markdown reader', () => {
    expect(selectReader(pageText('a.md', '# Title\n\n¶ A note on paragraphs\n'))?.name).toBe('markdown');
  });
});

describe('render-site helper', () => {
  it('renders a Markdown page as the site shows it', () => {
    const markdown = lines(
      '# Get a widget', '', '<LastUpdated />', '', '## Request parameters', '',
      '| Name | Type | <div>Required</div> | <div>Description</div> |', '| --- | --- | --- | --- |',
      '| data | <a href="#Widget">Widget</a> | Yes | See [docs](https://example.com) and `code`<br>next |',
    );
    const { text, rowLines } = renderSite(markdown, { locale: 'en' });
    const rendered = text.split('\n');
    expect(rendered).toContain('¶ Get a widget');
    expect(rendered).toContain('Edit');
    expect(rendered.slice(rendered.indexOf('NameType'), rendered.indexOf('NameType') + 5)).toEqual(['NameType', 'Required', 'Description', 'dataWidgetYesSee docs (opens new window) and code', 'next']);
    expect(rendered[rowLines.get(9)! - 1]).toMatch(/^dataWidget/);
  });
});

function corpusFiles(): { file: string; path: string }[] {
  const files: { file: string; path: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ file: relative(join(CORPUS_ZH, '..'), path), path });
    }
  };
  walk(CORPUS_ZH);
  walk(CORPUS_EN);
  return files;
}

describe.skipIf(!hasShared)('the corpus, rendered and read back', () => {
  it('keeps ≥ 97% of fields and ≥ 99% of operations, and warns on every field it gets wrong', () => {
    const fidelity = emptyFidelity();
    for (const { file, path } of corpusFiles()) measurePage(file, readFileSync(path, 'utf8'), fidelity);
    const fields = fidelity.fieldsRight / fidelity.fields;
    const operations = fidelity.operationsFound / fidelity.operations;
    console.info(
      `[rendered corpus] fields ${fidelity.fieldsRight}/${fidelity.fields} (${(100 * fields).toFixed(2)}%), operations ${fidelity.operationsFound}/${fidelity.operations} (${(100 * operations).toFixed(2)}%), wrong without a warning ${fidelity.silentlyWrong.length}`,
    );
    expect(fidelity.errors).toEqual([]);
    expect(fields).toBeGreaterThanOrEqual(0.97);
    expect(operations).toBeGreaterThanOrEqual(0.99);
    expect(fidelity.silentlyWrong).toEqual([]);
  }, 120_000);
});

/**
 * Bad input yields diagnostics, never a throw, and never takes the other pages down:
 * every case parses a broken page together with a good one.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Ir } from '../../generator/ir/types.js';
import { validateIr } from '../../generator/ir/validate.js';
import { parsePages, type PageInput } from '../../generator/parse/index.js';

const REQUEST_HEADER = [
  '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |',
  '| ---- | ---- | ---- | ---- | ---- | ---- |',
].join('\n');
const MODEL_HEADER = [
  '| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |',
  '| ---- | ---- | ---- | ---- | ---- |',
].join('\n');

interface Spec {
  method: string;
  /** Lines under `## 请求参数` (defaults to a header and one row). */
  request?: string[];
  responseRows?: string[];
  models?: { name: string; rows: string[] }[];
}

function zhPage(spec: Spec): string {
  const lines = [
    '# 查看一个零件',
    '',
    '按标识查看零件的详细信息。',
    '',
    '## 方法名称',
    '',
    `\`ManagementClient.${spec.method}\``,
    '',
    '## 请求参数',
    '',
    ...(spec.request ?? [REQUEST_HEADER, '| partId | string | 是 | - | 零件标识 | `p-9` |']),
    '',
    '## 示例代码',
    '',
    '```ts',
    "import { ManagementClient } from 'authing-node-sdk';",
    "const managementClient = new ManagementClient({ accessKeyId: 'ID', accessKeySecret: 'SECRET' });",
    '(async () => {',
    `  const result = await managementClient.${spec.method}({ partId: 'p-9' });`,
    '  console.log(result);',
    '})();',
    '```',
    '',
    '## 请求响应',
    '',
    '类型： `PartRespDto`',
    '',
    '| 名称 | 类型 | 描述 |',
    '| ---- | ---- | ---- |',
    ...(spec.responseRows ?? ['| statusCode | number | 业务状态码 |', '| message | string | 结果说明 |']),
    '',
    '示例结果：',
    '',
    '```json',
    '{ "statusCode": 200, "message": "ok" }',
    '```',
    '',
  ];
  for (const model of spec.models ?? []) {
    if (model === spec.models![0]) lines.push('## 数据结构', '');
    lines.push(`### <a id="${model.name}"></a> ${model.name}`, '', MODEL_HEADER, ...model.rows, '');
  }
  return lines.join('\n');
}

const GOOD: PageInput = { file: 'node/management/分组/get-good-part.md', content: zhPage({ method: 'getGoodPart' }) };

function lineOf(content: string, needle: string): number {
  const index = content.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`fixture has no line containing ${needle}`);
  return index + 1;
}

/** Parses the bad page with the good one; the good one must always come through whole. */
function parseWithGood(bad: PageInput): Ir {
  let ir: Ir | undefined;
  expect(() => {
    ir = parsePages([bad, GOOD]).ir;
  }).not.toThrow();
  const good = ir!.operations.find((op) => op.id === 'management/get-good-part');
  expect(good, 'the good page still yields its operation').toBeDefined();
  expect(good!.methodNames.node).toBe('getGoodPart');
  expect(good!.request.fields.map((f) => f.name)).toEqual(['partId']);
  expect(ir!.diagnostics.filter((d) => d.file === GOOD.file)).toEqual([]);
  expect(ir!.diagnostics.filter((d) => d.code === 'PARSE_FAILED')).toEqual([]);
  expect(validateIr(ir), 'the IR is still schema-valid').toEqual([]);
  return ir!;
}

/** 1-based line of the first line that is exactly `text`. */
function lineIs(content: string, text: string): number {
  const index = content.split('\n').indexOf(text);
  if (index < 0) throw new Error(`fixture has no line ${text}`);
  return index + 1;
}

const of = (ir: Ir, file: string): Diagnostic[] => ir.diagnostics.filter((d) => d.file === file);

describe('bad input', () => {
  it('reports an empty page with PAGE_EMPTY', () => {
    const file = 'node/management/分组/empty-page.md';
    const ir = parseWithGood({ file, content: '  \n\n\t\n' });
    expect(of(ir, file)).toEqual([expect.objectContaining({ severity: 'warning', code: 'PAGE_EMPTY', line: 1 })]);
    expect(ir.operations).toHaveLength(1);
  });

  it('reports a binary file with PAGE_BINARY', () => {
    const file = 'node/management/分组/blob-page.md';
    const content = Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x7c, 0x0a]);
    const ir = parseWithGood({ file, content });
    expect(of(ir, file)).toEqual([expect.objectContaining({ severity: 'error', code: 'PAGE_BINARY', line: 1 })]);
    expect(ir.operations).toHaveLength(1);
  });

  it('reads a request table with a header and no rows as no fields', () => {
    const file = 'node/management/分组/list-parts.md';
    const ir = parseWithGood({ file, content: zhPage({ method: 'listParts', request: [REQUEST_HEADER] }) });
    const op = ir.operations.find((o) => o.id === 'management/list-parts');
    expect(op?.request.fields).toEqual([]);
    expect(op?.request.style).toBe('none');
    expect(op?.http.method).toBe('GET');
  });

  it('reports a table without name/type columns with TABLE_NOT_FIELDS, and its rows as unread', () => {
    const file = 'node/management/分组/find-parts.md';
    const content = zhPage({
      method: 'findParts',
      request: ['| 甲 | 乙 |', '| --- | --- |', '| 1 | 2 |'],
    });
    const ir = parseWithGood({ file, content });
    expect(of(ir, file)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'SECTION_NO_FIELDS', line: lineOf(content, '## 请求参数') }),
      expect.objectContaining({ severity: 'warning', code: 'TABLE_NOT_FIELDS', line: lineOf(content, '| 甲 | 乙 |') }),
      expect.objectContaining({ severity: 'warning', code: 'TABLE_LINE_UNREAD', line: lineOf(content, '| 1 | 2 |') }),
    ]);
    const op = ir.operations.find((o) => o.id === 'management/find-parts');
    expect(op?.request.fields).toEqual([]);
  });

  it('reports garbage rows and keeps the good rows of the same table', () => {
    const file = 'node/management/分组/sort-parts.md';
    const content = zhPage({
      method: 'sortParts',
      request: [
        REQUEST_HEADER,
        '| | | | | | |',
        '| ---- |',
        '| %%% garbage',
        '| order | string | 否 | - | 排序 | `asc` |',
      ],
    });
    const ir = parseWithGood({ file, content });
    const op = ir.operations.find((o) => o.id === 'management/sort-parts');
    expect(op?.request.fields.find((f) => f.name === 'order')).toMatchObject({ type: { kind: 'string' }, example: 'asc' });
    const noName = of(ir, file).filter((d) => d.code === 'TABLE_ROW_NO_NAME');
    expect(noName).toEqual([expect.objectContaining({ severity: 'warning', line: lineIs(content, '| ---- |') })]);
    const shortRows = of(ir, file).filter((d) => d.code === 'TABLE_SHORT_ROW').map((d) => d.line);
    expect(shortRows).toEqual([lineIs(content, '| ---- |'), lineIs(content, '| %%% garbage')]);
    const invalid = of(ir, file).filter((d) => d.code === 'FIELD_NAME_INVALID').map((d) => d.line);
    expect(invalid).toEqual([lineIs(content, '| %%% garbage')]);
    expect(op?.request.fields.map((f) => f.name)).toEqual(['order']);
    expect(of(ir, file).every((d) => d.severity !== 'info')).toBe(true);
  });

  it('types an unknown data-structure reference as any, with TYPE_UNKNOWN_REF', () => {
    const file = 'node/management/分组/get-lost-part.md';
    const content = zhPage({
      method: 'getLostPart',
      responseRows: ['| statusCode | number | 业务状态码 |', '| data | <a href="#Nope">Nope</a> | 零件 |'],
    });
    const ir = parseWithGood({ file, content });
    const op = ir.operations.find((o) => o.id === 'management/get-lost-part');
    expect(op?.response.fields.find((f) => f.name === 'data')?.type).toEqual({ kind: 'any' });
    expect(of(ir, file)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'TYPE_UNKNOWN_REF', line: lineOf(content, '| data |') }),
    ]);
    expect(ir.models.map((m) => m.name)).not.toContain('Nope');
  });

  it('merges an exactly repeated row with a FIELD_REPEATED warning, and one differing only in text', () => {
    const file = 'node/management/分组/tag-part.md';
    const row = '| label | string | 是 | - | 标签文字 | `新品` |';
    const content = zhPage({ method: 'tagPart', request: [REQUEST_HEADER, row, '| weight | number | 否 | - | 权重 | `1` |', row, '| label | string | 是 | - | 另一种说法 | `旧品` |'] });
    const ir = parseWithGood({ file, content });
    const lines = content.split('\n');
    const first = lines.indexOf(row) + 1;
    expect(of(ir, file)).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'FIELD_REPEATED', line: lines.lastIndexOf(row) + 1, message: `field "label" repeats line ${first} exactly; the rows are merged (the first wins)` }),
      expect.objectContaining({ severity: 'warning', code: 'FIELD_REPEATED', line: lineOf(content, '另一种说法'), message: `field "label" repeats line ${first} but for its description, example; the rows are merged (the first wins)` }),
    ]);
    const op = ir.operations.find((o) => o.id === 'management/tag-part');
    expect(op?.request.fields.map((f) => f.name)).toEqual(['label', 'weight']);
    expect(op?.request.fields.find((f) => f.name === 'label')).toMatchObject({ description: { zh: '标签文字' }, example: '新品' });
  });

  it('reports rows of one field that disagree on type or required flag with FIELD_DUPLICATE at the second row', () => {
    const file = 'node/management/分组/tag-part.md';
    const content = zhPage({
      method: 'tagPart',
      request: [
        REQUEST_HEADER,
        '| label | string | 是 | - | 标签文字 | `新品` |',
        '| weight | number | 否 | - | 权重 | `1` |',
        '| label | number | 否 | - | 又一个标签 | `2` |',
      ],
    });
    const ir = parseWithGood({ file, content });
    expect(of(ir, file)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'FIELD_DUPLICATE', line: lineOf(content, '又一个标签') }),
    ]);
    const op = ir.operations.find((o) => o.id === 'management/tag-part');
    expect(op?.request.fields.map((f) => f.name)).toEqual(['label', 'weight']);
    expect(op?.request.fields.find((f) => f.name === 'label')).toMatchObject({ type: { kind: 'string' }, example: '新品' });
  });

  it('skips a page that is not API reference with PAGE_NOT_API', () => {
    const file = 'node/management/分组/part-events.md';
    const content = [
      '# 零件事件',
      '',
      '零件发生变化时，系统会发出事件。',
      '',
      '## 事件列表',
      '',
      '零件被创建、被修改和被删除时各有一个事件。',
      '',
      '## 订阅方式',
      '',
      '在控制台中开启订阅即可。',
      '',
    ].join('\n');
    const ir = parseWithGood({ file, content });
    expect(of(ir, file)).toEqual([expect.objectContaining({ severity: 'info', code: 'PAGE_NOT_API', line: 1 })]);
    expect(ir.operations.map((op) => op.id)).toEqual(['management/get-good-part']);
  });
});

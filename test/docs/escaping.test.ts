/**
 * Values that cannot stand verbatim in a table cell — pipes, newlines, backticks, strings
 * that look like numbers or JSON, leading spaces — are escaped so that the emitted page
 * parses back to the same IR, in both locales.
 */
import { describe, expect, it } from 'vitest';
import { emitDocs } from '../../generator/emit/docs/index.js';
import { IR_VERSION, type Field, type Ir } from '../../generator/ir/types.js';
import { parsePages } from '../../generator/parse/index.js';

const field = (name: string, partial: Partial<Field>): Field => ({
  name,
  type: { kind: 'string' },
  required: false,
  description: { zh: `字段 ${name}`, en: `Field ${name}` },
  ...partial,
});

const TRICKY: Field[] = [
  field('pipe', { description: { zh: '选 a | b', en: 'either a | b' }, example: 'a|b' }),
  field('lines', { description: { zh: '第一行\n第二行', en: 'line one\nline two' }, example: 'x\ny' }),
  field('tick', { example: 'run `npm ci` first' }),
  field('digits', { example: '123' }),
  field('jsonText', { example: '{"a":1}' }),
  field('spaced', { example: ' padded ' }),
  field('dash', { example: '-' }),
  field('object', { type: { kind: 'object' }, example: { nested: ['a|b', 1, true, null] } }),
  field('count', { type: { kind: 'number' }, required: true, default: 10, example: 3 }),
  field('kind', { enum: ['a-b', 'c_d'], description: { zh: '种类', en: 'Kind' } }),
];

const ir: Ir = {
  irVersion: IR_VERSION,
  operations: [
    {
      id: 'management/create-gadget',
      module: 'management',
      tag: 'gadgets',
      slug: 'create-gadget',
      methodNames: { node: 'createGadget', python: 'create_gadget', java: 'createGadget', go: 'CreateGadget', php: 'createGadget', csharp: 'CreateGadget' },
      summary: { zh: '创建零件', en: 'Create a gadget' },
      description: { zh: '说明 | 带竖线', en: 'Text with a | pipe' },
      http: { method: 'POST', path: '/api/v3/create-gadget' },
      request: { style: 'body', typeName: 'CreateGadgetDto', fields: TRICKY },
      response: {
        typeName: 'CreateGadgetRespDto',
        fields: [field('statusCode', { type: { kind: 'number' }, required: true, description: { zh: '状态码', en: 'Status code' } })],
        example: { statusCode: 200 },
      },
      samples: [],
      sources: [{ file: 'x.md', line: 1 }],
    },
  ],
  models: [],
  diagnostics: [],
};

describe('docs escaping', () => {
  it('writes tricky values so that they read back the same, zh and en', () => {
    const pages = [...emitDocs(ir, { sdks: ['node'] }).files]
      .filter(([path]) => path.endsWith('.md'))
      .map(([file, content]) => ({ file, content }));
    expect(pages).toHaveLength(2);
    const zhPage = pages.find((page) => page.file.startsWith('zh/'))!.content;
    expect(zhPage).toContain("| pipe | string | 否 | - | 选 a \\| b  | `a\\|b` |");
    expect(zhPage).toContain("`` run `npm ci` first ``");
    expect(zhPage).toContain("| digits | string | 否 | - | 字段 digits  | `\"123\"` |");
    const { ir: back } = parsePages(pages);
    expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const operation = back.operations[0]!;
    const strip = (fields: Field[]) => fields.map((f) => ({ ...f }));
    expect(strip(operation.request.fields)).toEqual([...TRICKY].sort((a, b) => (a.name < b.name ? -1 : 1)));
    expect(operation.description).toEqual(ir.operations[0]!.description);
  });
});

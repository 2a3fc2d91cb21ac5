/**
 * No silent loss (issue 12): each damage the real pages and the fuzz showed, on a small
 * page of our own. Every case checks what is recovered, the warning that says so, and
 * the line-accounting invariant (test/helpers/line-accounting.ts) over the page.
 */
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../generator/ir/types.js';
import { parsePages } from '../../generator/parse/index.js';
import { formatUnaccounted, unaccountedLines } from '../helpers/line-accounting.js';

const FILE = 'en/node/management/gadgets/get-gadget.md';
const HEAD = ['| Name | Type | <div style="width:80px">Required</div> | <div style="width:300px">Description</div> |', '| --- | --- | --- | --- |'];
const ID_ROW = '| gadgetId | string | yes | The gadget |';
const SIZE_ROW = '| size | number | no | Its size |';

function page({ request = [...HEAD, ID_ROW, SIZE_ROW], response = ['Type: `GetGadgetRespDto`', '', ...HEAD, '| statusCode | number | yes | Status |'], extra = [] as string[] } = {}): string {
  return [
    '# Get a gadget',
    '',
    '## Method name',
    '',
    '`ManagementClient.getGadget`',
    '',
    '## Request parameters',
    '',
    ...request,
    '',
    '## Sample code',
    '',
    '```ts',
    'await managementClient.getGadget({ gadgetId: "g-1" });',
    '```',
    '',
    '## Request response',
    '',
    ...response,
    '',
    ...extra,
  ].join('\n');
}

function parse(text: string): { ir: Ir; codes: string[]; request: string[]; models: Record<string, string[]> } {
  const { ir } = parsePages([{ file: FILE, content: text }]);
  const lost = unaccountedLines(FILE, text, ir);
  expect(lost, formatUnaccounted(lost)).toEqual([]);
  const op = ir.operations[0];
  return {
    ir,
    codes: ir.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.line} ${d.code}`),
    request: op?.request.fields.map((field) => field.name) ?? [],
    models: Object.fromEntries(ir.models.map((model) => [model.name, model.fields.map((field) => field.name)])),
  };
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('line accounting: what the section readers leave over is reported', () => {
  it('a table of a request section without name/type columns: its rows are TABLE_LINE_UNREAD', () => {
    const text = page({ request: [...HEAD, ID_ROW, '', '| A | B |', '| --- | --- |', '| 1 | 2 |'] });
    expect(parse(text).codes).toEqual([`${lineOf(text, '| A | B |')} TABLE_NOT_FIELDS`, `${lineOf(text, '| 1 | 2 |')} TABLE_LINE_UNREAD`]);
  });

  it('a second field table in a section is TABLE_EXTRA, its rows TABLE_LINE_UNREAD', () => {
    const text = page({ request: [...HEAD, ID_ROW, '', ...HEAD, SIZE_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId']);
    expect(codes).toEqual([`${lineOf(text, ID_ROW) + 2} TABLE_EXTRA`, `${lineOf(text, SIZE_ROW)} TABLE_LINE_UNREAD`]);
  });

  it('two request sections (variants) are both read and merged', () => {
    const text = page({ request: [...HEAD, ID_ROW, '', '## Request parameters', '', ...HEAD, '| gadgetId | string | no | The gadget |', SIZE_ROW] });
    const { ir, codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(ir.operations[0]!.request.fields[0]!.required).toBe(false);
    expect(codes).toEqual([`${lineOf(text, '| gadgetId | string | no')} SECTION_VARIANT_DIFFERS`]);
  });
});

describe('recoveries of broken table heads', () => {
  it('a delimiter row with a cell more than the header is rewritten to its width', () => {
    const text = page({ request: [HEAD[0]!, `${HEAD[1]} --- |`, ID_ROW, SIZE_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(codes).toEqual([`${lineOf(text, HEAD[0]!)} TABLE_DELIMITER_FIXED`]);
  });

  it('a header with no delimiter row gets one', () => {
    const text = page({ request: [HEAD[0]!, ID_ROW, SIZE_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(codes).toEqual([`${lineOf(text, HEAD[0]!)} TABLE_DELIMITER_MISSING`]);
  });

  it('a delimiter row run into the first row is split', () => {
    const text = page({ request: [HEAD[0]!, `${HEAD[1]} ${ID_ROW}`, SIZE_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(codes).toEqual([`${lineOf(text, HEAD[0]!)} TABLE_DELIMITER_FIXED`, `${lineOf(text, ID_ROW)} TABLE_LINES_SPLIT`]);
  });

  it('a delimiter row garbled into the first row: rewritten, the lost text named at its line', () => {
    const text = page({ request: [HEAD[0]!, '| --- | --- | ---- ... | `g-1` |', SIZE_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['size']);
    expect(codes).toEqual([`${lineOf(text, HEAD[0]!)} TABLE_DELIMITER_FIXED`, `${lineOf(text, '---- ...')} TABLE_DELIMITER_FIXED`]);
  });

  it('a header run into its delimiter row is split', () => {
    const text = page({ request: [`${HEAD[0]}${HEAD[1]}`, ID_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId']);
    expect(codes).toEqual([`${lineOf(text, '| Name')} TABLE_LINES_SPLIT`]);
  });

  it('a data-structure heading run into the header line is split, a blank line before the delimiter dropped', () => {
    const text = page({ extra: ['## Data structure', '', `### <a id="GadgetDto"></a> GadgetDto${HEAD[0]}`, '', HEAD[1]!, ID_ROW] });
    const { codes, models } = parse(text);
    expect(models.GadgetDto).toEqual(['gadgetId']);
    const at = lineOf(text, 'GadgetDto|');
    expect(codes).toEqual([`${at} TABLE_DELIMITER_FIXED`, `${at} TABLE_LINES_SPLIT`]);
  });
});

describe('recoveries of runaway fences', () => {
  it('a fence left open before the request table is closed before it', () => {
    const text = page({ request: ['```ts', 'const gadget = 1;', '', ...HEAD, ID_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId']);
    expect(codes).toEqual([`${lineOf(text, '```ts')} FENCE_UNCLOSED`]);
  });

  it('an unclosed sample fence does not swallow the response', () => {
    const text = page().replace('});\n```\n', '});\n');
    const { ir, codes } = parse(text);
    expect(ir.operations[0]!.response.fields.map((field) => field.name)).toContain('statusCode');
    expect(codes).toEqual([`${lineOf(text, '```ts')} FENCE_UNCLOSED`]);
  });

  it('a stray fence line inside a table is dropped', () => {
    const text = page({ request: [...HEAD, ID_ROW, '```', SIZE_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(codes).toEqual([`${lineOf(text, ID_ROW)} FENCE_STRAY`]);
  });

  it('a stray fence line between a header and its delimiter row is dropped', () => {
    const text = page({ request: [HEAD[0]!, '~~~', HEAD[1]!, ID_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId']);
    expect(codes).toEqual([`${lineOf(text, HEAD[0]!)} FENCE_STRAY`]);
  });

  it('a fence line inside an HTML comment opens nothing', () => {
    const text = page().replace('# Get a gadget\n', '# Get a gadget\n\n<!--\n```ts\ndo not edit\n-->\n');
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(codes).toEqual([]);
  });

  it('an HTML comment left open is closed before the next section heading', () => {
    const text = page().replace('# Get a gadget\n', '# Get a gadget\n\n<!--\ndo not edit\n');
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId', 'size']);
    expect(codes).toEqual([`${lineOf(text, '<!--')} COMMENT_UNCLOSED`]);
  });

  it('a stray fence line right before a table is dropped', () => {
    const text = page({ request: ['```', '', ...HEAD, ID_ROW] });
    const { codes, request } = parse(text);
    expect(request).toEqual(['gadgetId']);
    expect(codes).toEqual([`${lineOf(text, '```')} FENCE_STRAY`]);
  });
});

describe('garbled data-structure headings', () => {
  for (const heading of ['### <a id="Gad</a>getDto"></a> GadgetDto', '### <a id="GadgetDto">GadgetDto</a>etDto"></a> GadgetDto']) {
    it(`${heading}: named by its visible text`, () => {
      const text = page({ extra: ['## Data structure', '', heading, '', ...HEAD, ID_ROW] });
      const { codes, models } = parse(text);
      expect(models.GadgetDto).toEqual(['gadgetId']);
      expect(codes.filter((code) => code.endsWith('MODEL_ANCHOR_GARBLED'))).toHaveLength(heading.includes('Gad</a>') ? 1 : 0);
    });
  }
});

describe('sections that say less than they should', () => {
  it('a request section without a field table is SECTION_NO_FIELDS', () => {
    const text = page({ request: ['- gadgetId `<String>` the gadget'] });
    expect(parse(text).codes).toEqual([`${lineOf(text, '## Request parameters')} SECTION_NO_FIELDS`]);
  });

  it('a response typed as a primitive needs no table; one without a type line is RESPONSE_TYPE_LINE_MISSING', () => {
    expect(parse(page({ response: ['Type: `boolean`'] })).codes).toEqual([]);
    const text = page({ response: [...HEAD, '| statusCode | number | yes | Status |'] });
    expect(parse(text).codes).toEqual([`${lineOf(text, '## Request response')} RESPONSE_TYPE_LINE_MISSING`]);
  });
});

describe('includes', () => {
  it('an include of a file not in the docs set is INCLUDE_MISSING naming it; one in the set is not', () => {
    const text = page({ request: ['!!!include(common/gadget_params.md)!!!', '', ...HEAD, ID_ROW] });
    expect(parse(text).codes).toEqual([`${lineOf(text, '!!!include')} INCLUDE_MISSING`]);
    const { ir } = parsePages([
      { file: FILE, content: text },
      { file: 'common/gadget_params.md', content: 'Shared words.\n' },
    ]);
    expect(ir.diagnostics.filter((d) => d.code === 'INCLUDE_MISSING')).toEqual([]);
  });
});

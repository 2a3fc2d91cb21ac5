/** Unit tests for generator/parse/cells.ts: one table cell → one IR value (plus problems). */
import { describe, expect, it } from 'vitest';
import {
  defaultValue,
  descriptionText,
  enumValues,
  exampleValue,
  maxItems,
  parseTypeCell,
} from '../../generator/parse/cells.js';

const codes = (problems: { code: string }[]): string[] => problems.map((problem) => problem.code);

describe('parseTypeCell', () => {
  it.each([
    ['string', { kind: 'string' }],
    ['number', { kind: 'number' }],
    ['boolean', { kind: 'boolean' }],
    ['object', { kind: 'object' }],
    ['array', { kind: 'array', items: { kind: 'any' } }],
  ])('reads the primitive %s', (cell, expected) => {
    const parsed = parseTypeCell(cell, '一个普通的描述');
    expect(parsed.value).toEqual(expected);
    expect(parsed.problems).toEqual([]);
  });

  it('reads string[] and number[] as arrays of the primitive', () => {
    expect(parseTypeCell('string[]', '').value).toEqual({ kind: 'array', items: { kind: 'string' } });
    expect(parseTypeCell('number[]', '').value).toEqual({ kind: 'array', items: { kind: 'number' } });
    expect(parseTypeCell('string[]', '').problems).toEqual([]);
  });

  it('reads array[] as an array of any', () => {
    const parsed = parseTypeCell('array[]', '成员列表');
    expect(parsed.value).toEqual({ kind: 'array', items: { kind: 'any' } });
    expect(parsed.problems).toEqual([]);
  });

  it('reads a link to a data structure as a ref', () => {
    const parsed = parseTypeCell('<a href="#GadgetDto">GadgetDto</a>', '');
    expect(parsed.value).toEqual({ kind: 'ref', name: 'GadgetDto' });
    expect(parsed.problems).toEqual([]);
  });

  it('reads a link whose text ends in [] as an array of the ref', () => {
    const parsed = parseTypeCell('<a href="#GadgetDto">GadgetDto[]</a>', '');
    expect(parsed.value).toEqual({ kind: 'array', items: { kind: 'ref', name: 'GadgetDto' } });
    expect(parsed.problems).toEqual([]);
  });

  it('takes an empty type from the nested type the description names', () => {
    const parsed = parseTypeCell('', '附加配置。嵌套类型：<a href="#GadgetExtra">GadgetExtra</a>。');
    expect(parsed.value).toEqual({ kind: 'ref', name: 'GadgetExtra' });
    expect(parsed.problems).toEqual([]);
  });

  it('reads array + nested type in the description as an array of the ref', () => {
    const parsed = parseTypeCell('array', '零件列表。嵌套类型：<a href="#GadgetPart">GadgetPart</a>。');
    expect(parsed.value).toEqual({ kind: 'array', items: { kind: 'ref', name: 'GadgetPart' } });
    expect(parsed.problems).toEqual([]);
  });

  it('understands the English "Nested type: X"', () => {
    expect(parseTypeCell('', 'Extra settings. Nested type: GadgetExtra.').value).toEqual({ kind: 'ref', name: 'GadgetExtra' });
    expect(parseTypeCell('object', 'Extra settings. Nested type: GadgetExtra').value).toEqual({ kind: 'ref', name: 'GadgetExtra' });
  });

  it('reads a broken link `<a X` in the type cell as a ref, with LINK_BROKEN', () => {
    const parsed = parseTypeCell('<a GadgetDto', '');
    expect(parsed.value).toEqual({ kind: 'ref', name: 'GadgetDto' });
    expect(codes(parsed.problems)).toEqual(['LINK_BROKEN']);
  });

  it('reads a broken nested-type link in the description as a ref, with LINK_BROKEN', () => {
    const parsed = parseTypeCell('', 'the payload. Nested type: <a GadgetExtra.');
    expect(parsed.value).toEqual({ kind: 'ref', name: 'GadgetExtra' });
    expect(codes(parsed.problems)).toEqual(['LINK_BROKEN']);
  });

  it('reads unknown text as any, with TYPE_UNKNOWN', () => {
    const parsed = parseTypeCell('a map of things', '');
    expect(parsed.value).toEqual({ kind: 'any' });
    expect(codes(parsed.problems)).toEqual(['TYPE_UNKNOWN']);
  });
});

describe('enumValues', () => {
  it('reads 枚举值：`a`,`b` from the description', () => {
    expect(enumValues('推送方式。 枚举值：`push`,`pull`', '')).toEqual(['push', 'pull']);
  });

  it('reads "Enumeration values:" from an English description', () => {
    expect(enumValues('Delivery mode. Enumeration values: `push`, `pull`', '')).toEqual(['push', 'pull']);
  });

  it('reads the list form once descriptionText has turned <br> into newlines', () => {
    const description = descriptionText('性别:<br>- `M`: 男<br>- `F`: 女');
    expect(description).toBe('性别:\n- `M`: 男\n- `F`: 女');
    expect(enumValues(description, '')).toEqual(['M', 'F']);
  });

  it('reads 可选枚举值 from the example cell', () => {
    expect(enumValues('推送方式', '可选枚举值：`push`,`pull`')).toEqual(['push', 'pull']);
  });

  it('returns undefined when there are no enum values', () => {
    expect(enumValues('一个普通的描述，含有 `code` 字样', '`abc`')).toBeUndefined();
  });
});

describe('maxItems', () => {
  it('reads 数组长度限制', () => {
    expect(maxItems('要处理的标识列表，数组长度限制：50。')).toBe(50);
  });

  it('returns undefined without a limit', () => {
    expect(maxItems('要处理的标识列表')).toBeUndefined();
  });
});

describe('exampleValue', () => {
  it('parses a JSON object in a code span', () => {
    expect(exampleValue('`{"size":3,"tags":["x"]}`')).toEqual({ value: { size: 3, tags: ['x'] }, problems: [] });
  });

  it('keeps code-span text as a string', () => {
    expect(exampleValue('`gadget-one`')).toEqual({ value: 'gadget-one', problems: [] });
  });

  it('drops [object Object] with EXAMPLE_PLACEHOLDER', () => {
    const parsed = exampleValue('`[object Object]`');
    expect(parsed.value).toBeUndefined();
    expect(codes(parsed.problems)).toEqual(['EXAMPLE_PLACEHOLDER']);
  });

  it('reads plain text without backticks', () => {
    expect(exampleValue('just some words').value).toBe('just some words');
    expect(exampleValue('42').value).toBe(42);
  });

  it('turns <br> inside a code span back into a newline', () => {
    expect(exampleValue('`first line<br>second line`').value).toBe('first line\nsecond line');
  });

  it('reads - and empty as no example', () => {
    expect(exampleValue('-')).toEqual({ value: undefined, problems: [] });
    expect(exampleValue('')).toEqual({ value: undefined, problems: [] });
  });
});

describe('defaultValue', () => {
  it('reads - as no default', () => {
    expect(defaultValue('-')).toBeUndefined();
    expect(defaultValue('')).toBeUndefined();
  });

  it('reads JSON when it parses, else text', () => {
    expect(defaultValue('1')).toBe(1);
    expect(defaultValue('`true`')).toBe(true);
    expect(defaultValue('zh-CN')).toBe('zh-CN');
  });
});

describe('descriptionText', () => {
  it('turns <br> into newlines and keeps the rest as written (pages are reproduced from it)', () => {
    expect(descriptionText('第一行<br>第二行<br/>第三行')).toBe('第一行\n第二行\n第三行');
    expect(descriptionText('末尾空格   <br>下一行<BR />')).toBe('末尾空格   \n下一行\n');
  });
});

/**
 * One table cell → one IR value. Each function takes the cell's Markdown text and
 * returns the value plus, where the text had to be guessed at, a problem to report.
 */
import type { WarningCode } from '../ir/diagnostic-codes.js';
import type { JsonValue, TypeRef } from '../ir/types.js';

export interface Problem {
  code: WarningCode;
  message: string;
}

export interface Parsed<T> {
  value: T;
  problems: Problem[];
}

const PRIMITIVES: Record<string, TypeRef> = {
  string: { kind: 'string' },
  number: { kind: 'number' },
  integer: { kind: 'number' },
  boolean: { kind: 'boolean' },
  bool: { kind: 'boolean' },
  int: { kind: 'number' },
  float: { kind: 'number' },
  object: { kind: 'object' },
  any: { kind: 'any' },
};

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const LINK = new RegExp(`^<a\\s+href="#(${IDENT})"\\s*>\\s*(${IDENT})(\\[\\])?\\s*</a>$`);
const BROKEN_LINK = new RegExp(`^<a\\s+(?:href="?#?)?(${IDENT})(\\[\\])?\\W*$`);
const NESTED = new RegExp(
  `(?:嵌套类型|nest(?:ed|ing) type)\\s*[:：]\\s*(?:<a\\s+href="#(${IDENT})"[^>]*>[^<]*</a>|<a\\s+(${IDENT})|(${IDENT}))`,
  'i',
);

/** The nested type a description names (`嵌套类型：<a href="#X">X</a>`, `Nested type: X`, broken `<a X`). */
export function nestedTypeName(description: string): { name: string; broken: boolean } | undefined {
  const match = NESTED.exec(description);
  if (!match) return undefined;
  const name = match[1] ?? match[2] ?? match[3];
  return name === undefined ? undefined : { name, broken: match[2] !== undefined };
}

export function parseTypeCell(cell: string, description: string): Parsed<TypeRef> {
  const problems: Problem[] = [];
  const text = cell.replace(/`/g, '').trim();
  const nested = nestedTypeName(description);
  if (nested?.broken) {
    problems.push({ code: 'LINK_BROKEN', message: `broken link to nested type; read it as "${nested.name}"` });
  }
  const nestedRef: TypeRef | undefined = nested ? { kind: 'ref', name: nested.name } : undefined;
  const lower = text.toLowerCase();

  if (text === '') {
    if (nestedRef) return { value: nestedRef, problems };
    problems.push({ code: 'TYPE_MISSING', message: 'type cell is empty and the description names no nested type; using any' });
    return { value: { kind: 'any' }, problems };
  }
  if (lower === 'array' || lower === 'array[]') {
    return { value: { kind: 'array', items: nestedRef ?? { kind: 'any' } }, problems };
  }
  if (lower === 'object' && nestedRef) return { value: nestedRef, problems };
  const primitive = PRIMITIVES[lower];
  if (primitive) return { value: primitive, problems };
  const arrayOf = /^(\w+)\[\]$/.exec(lower);
  if (arrayOf && PRIMITIVES[arrayOf[1]!]) return { value: { kind: 'array', items: PRIMITIVES[arrayOf[1]!]! }, problems };

  const link = LINK.exec(text);
  if (link) {
    const [, target, label, isArray] = link;
    if (target !== label) {
      problems.push({ code: 'LINK_MISMATCH', message: `link text "${label}" differs from its target "#${target}"; using the target` });
    }
    const ref: TypeRef = { kind: 'ref', name: target! };
    return { value: isArray ? { kind: 'array', items: ref } : ref, problems };
  }
  const broken = BROKEN_LINK.exec(text);
  if (broken) {
    problems.push({ code: 'LINK_BROKEN', message: `broken link in type cell "${text}"; read it as "${broken[1]}"` });
    const ref: TypeRef = { kind: 'ref', name: broken[1]! };
    return { value: broken[2] ? { kind: 'array', items: ref } : ref, problems };
  }
  const named = new RegExp(`^(${IDENT})(\\[\\])?$`).exec(text);
  if (named) {
    const ref: TypeRef = { kind: 'ref', name: named[1]! };
    return { value: named[2] ? { kind: 'array', items: ref } : ref, problems };
  }
  problems.push({ code: 'TYPE_UNKNOWN', message: `unknown type "${text}"; using any` });
  return { value: { kind: 'any' }, problems };
}

/**
 * Markdown cell text → description text: `<br>` becomes a newline; everything else,
 * inline markup and spacing included, stays as written (the docs emitter writes it back
 * byte for byte; code emitters tidy it for their own use).
 */
export function descriptionText(cell: string): string {
  return cell.replace(/<br\s*\/?>/gi, '\n');
}

const CODE_LIST = /((?:`[^`]+`\s*[,，、]?\s*)+)/;
const ENUM_IN_DESCRIPTION = new RegExp(`(?:枚举值|可选值|enumeration values?|enum values?)\\s*[:：]\\s*${CODE_LIST.source}`, 'i');
const ENUM_IN_EXAMPLE = new RegExp(`(?:可选枚举值|optional enumeration values?)\\s*[:：]\\s*${CODE_LIST.source}`, 'i');
const LIST_ITEM_VALUE = /^\s*[-*]\s*`([^`]+)`\s*[:：]/;

const codeValues = (list: string): string[] => [...list.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** Enum values from the description (`枚举值：`a`,`b``, or a `- `value`: meaning` list) or the example cell. */
export function enumValues(description: string, exampleCell: string): string[] | undefined {
  const inExample = ENUM_IN_EXAMPLE.exec(exampleCell);
  if (inExample) return codeValues(inExample[1]!);
  const inDescription = ENUM_IN_DESCRIPTION.exec(description);
  if (inDescription) return codeValues(inDescription[1]!);
  const listed = description
    .split('\n')
    .map((line) => LIST_ITEM_VALUE.exec(line)?.[1])
    .filter((value): value is string => value !== undefined);
  return listed.length > 0 ? listed : undefined;
}

export function isEnumExampleCell(exampleCell: string): boolean {
  return ENUM_IN_EXAMPLE.test(exampleCell);
}

const MAX_ITEMS = /(?:数组长度限制|array length limit(?:s|ation)?)\s*[:：]\s*(\d+)/i;

export function maxItems(description: string): number | undefined {
  const match = MAX_ITEMS.exec(description);
  return match ? Number(match[1]) : undefined;
}

/** Placeholders a broken docs generator printed instead of a value. */
const PLACEHOLDERS = new Set(['[object Object]', 'undefined', 'null,', 'NaN']);

/**
 * Example cell → JSON value when the text parses as JSON, else the string. A code span
 * is unwrapped first; `<br>` inside it (a joined multi-line cell) is a newline again.
 */
export function exampleValue(cell: string): Parsed<JsonValue | undefined> {
  let text = cell.trim();
  const code = /^`+([\s\S]*?)`+$/.exec(text);
  if (code) text = code[1]!.replace(/<br>/g, '\n');
  text = text.trim();
  if (text === '' || text === '-') return { value: undefined, problems: [] };
  if (PLACEHOLDERS.has(text)) {
    return {
      value: undefined,
      problems: [{ code: 'EXAMPLE_PLACEHOLDER', message: `example "${text}" is a placeholder, not a value; dropped` }],
    };
  }
  return { value: jsonOrString(text), problems: [] };
}

export function jsonOrString(text: string): JsonValue {
  if (!/^[[{"\d\-tfn]/.test(text)) return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** Default cell: `-` or empty means none. */
export function defaultValue(cell: string): JsonValue | undefined {
  const text = cell.replace(/^`+|`+$/g, '').trim();
  if (text === '' || text === '-') return undefined;
  return jsonOrString(text);
}

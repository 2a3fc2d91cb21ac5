/**
 * IR values → the text of one table cell, the inverse of parse/cells.ts. A cell holds
 * one line of Markdown, so newlines become `<br>` and pipes are escaped; everything the
 * parser reads back (type links, nested-type notes, enum lists) is written the way the
 * docs factory writes it.
 */
import type { Field, JsonValue, TypeRef } from '../../ir/types.js';

/** `嵌套类型：<a href="#X">X</a>` / `Nested type: X` in a description: the type cell then stays short. */
const NESTED_NOTE = /(?:嵌套类型|nest(?:ed|ing) type)\s*[:：]/i;

/** The names a page has an anchor for (a Set, or the models by name). */
export type Linked = Pick<ReadonlySet<string>, 'has'>;

/**
 * `linked`: the models whose anchor the page has. A type the docs name but never define
 * (or whose data structure was skipped) is plain text: a link must land on its page.
 */
export function typeCell(type: TypeRef, description: string, linked: Linked): string {
  const nestedInText = NESTED_NOTE.test(description);
  const link = (name: string, isArray: boolean): string => {
    const text = `${name}${isArray ? '[]' : ''}`;
    return linked.has(name) ? `<a href="#${name}">${text}</a>` : text;
  };
  switch (type.kind) {
    case 'ref':
      return nestedInText ? '' : link(type.name, false);
    case 'array':
      if (type.items.kind === 'ref') return nestedInText ? 'array' : link(type.items.name, true);
      if (type.items.kind === 'any' || type.items.kind === 'array') return 'array';
      return `${type.items.kind}[]`;
    case 'any':
      return '';
    default:
      return type.kind;
  }
}

/** Description text → one cell line: newlines become `<br>` (as the parser reads them back). */
export function textCell(text: string): string {
  return escapePipes(text).replace(/\n/g, '<br>');
}

export function escapePipes(text: string): string {
  return text.replace(/(?<!\\)\|/g, '\\|');
}

/**
 * JSON value → text that reads back as the same value: a string stays bare unless bare
 * it would read as something else (a number, JSON, nothing), then it is quoted JSON.
 */
export function valueText(value: JsonValue): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return readsAsOtherThanItself(value) ? JSON.stringify(value) : value;
}

const PLACEHOLDERS = new Set(['', '-', '[object Object]', 'undefined', 'null,', 'NaN']);

function readsAsOtherThanItself(text: string): boolean {
  if (text !== text.trim() || PLACEHOLDERS.has(text) || /^`|`$/.test(text)) return true;
  // Cheap answers first: throwing JSON.parse on every word is the emitter's hot spot.
  if (text === 'true' || text === 'false' || text === 'null' || /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return true;
  if (!/^[[{"]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A value in a code span; a backtick inside takes a longer fence, newlines become `<br>`. */
export function codeSpan(value: JsonValue): string {
  const text = textCell(valueText(value));
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  if (longest === 0) return `\`${text}\``;
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${text} ${fence}`;
}

export function defaultCell(field: Field): string {
  return field.default === undefined ? '-' : escapePipes(valueText(field.default));
}

/**
 * Fields → table rows: the cells of request, response and data-structure rows, padded
 * and escaped the way the docs factory writes them, so the pages parse back to the same
 * fields and reproduce the factory's pages.
 */
import { compareStrings } from '../../ir/diagnostics.js';
import type { Field, Operation } from '../../ir/types.js';
import { codeSpan, defaultCell, escapePipes, textCell, typeCell, valueText, type Linked } from './cells.js';
import type { LocaleWords } from './words.js';

export interface RowView {
  /** Cells in column order, already escaped. */
  cells: string[];
  /** docs-factory marks GET query parameters by a leading space and two spaces after the type. */
  query: boolean;
}

export interface ResponseView {
  typeName: string;
  rows: RowView[];
  /** The table needs the required and example columns (a response table usually has neither). */
  full: boolean;
}

/**
 * The response table has name, type and description only, unless a field carries what
 * only the longer data-structure table can say (an example, enum values, a default).
 */
export function responseView(operation: Operation, words: LocaleWords, describe: (field: Field) => string, linked: Linked): ResponseView {
  const fields = ordered(operation.response.fields, operation.layout?.response);
  const full = fields.some(
    (field) => field.example !== undefined || field.default !== undefined || (field.enum !== undefined && !enumListedIn(field.enum, describe(field))),
  );
  const rows = fields.map((field) => {
    const description = describe(field);
    if (full) return modelRow(field, words, description, false, linked);
    return { cells: [escapePipes(field.name), typeCell(field.type, description, linked), textCell(description)], query: false };
  });
  return { typeName: operation.response.typeName, rows, full };
}

/** Reproduce mode: a row the page spread over several lines is written so again (its `<br>` were line breaks). */
export function spread(row: RowView, multiline: boolean): RowView {
  return multiline ? { ...row, cells: row.cells.map((cell) => cell.replace(/<br>/g, '\n')) } : row;
}

export function requestRow(field: Field, words: LocaleWords, query: boolean, description: string, bare: boolean, linked: Linked): RowView {
  return {
    cells: [
      escapePipes(field.name),
      typeCell(field.type, description, linked),
      field.required ? words.yes : words.no,
      defaultCell(field),
      paddedDescription(description, ' '),
      exampleCell(field, bare, words, description),
    ],
    query,
  };
}

export function modelRow(field: Field, words: LocaleWords, description: string, bare: boolean, linked: Linked): RowView {
  return {
    // The docs factory sets a code-span example in data-structure rows off by one more space.
    cells: [
      escapePipes(field.name),
      typeCell(field.type, description, linked),
      field.required ? words.yes : words.no,
      paddedDescription(description, '  '),
      field.example === undefined || bare ? exampleCell(field, bare, words, description) : ` ${exampleCell(field, bare, words, description)}`,
    ],
    query: false,
  };
}

/** The notes the docs factory appends to a description: nested type, array length limit. */
const NOTE_AT_END = /(?:(?:嵌套类型|nest(?:ed|ing) type)\s*[:：]\s*<a href="#\w+">\w+<\/a>|(?:数组长度限制|array length limit)\s*[:：]\s*\d+)[。.]?$/i;

/**
 * The docs factory writes a description cell as `${text} ${notes}` plus a fixed pad, so
 * a text without notes ends in one more space. `base` is the pad after notes.
 */
function paddedDescription(description: string, base: string): string {
  // A description ending in a line break carries its own trailing spaces (see parse/fields.ts).
  if (/\n[\t ]*$/.test(description)) return `${textCell(description)} `;
  return `${textCell(description)}${base}${NOTE_AT_END.test(description) ? '' : ' '}`;
}

/** Whether the description itself lists the enum values (as code spans), so the parser finds them there. */
const enumListedIn = (values: string[], description: string): boolean => values.every((value) => description.includes(`\`${value}\``));

/**
 * The example in a code span, or bare where the page wrote it so (and bare reads back
 * the same). Enum values the description does not list go in this column instead.
 */
function exampleCell(field: Field, bare: boolean, words: LocaleWords, description: string): string {
  if (field.example === undefined) {
    if (!field.enum || enumListedIn(field.enum, description)) return '';
    return words.enumValues + field.enum.map((value) => `\`${escapePipes(value)}\``).join(',');
  }
  const text = valueText(field.example);
  if (bare && !/[`|\n]/.test(text) && !/^(?:可选枚举值|optional enumeration value)/i.test(text)) return text;
  return codeSpan(field.example);
}

/** Fields in documented order; fields the layout does not list follow in name order. */
export function ordered(fields: Field[], order: string[] | undefined): Field[] {
  if (!order || order.length === 0) return fields;
  const rank = new Map(order.map((name, index) => [name, index]));
  return [...fields].sort(
    (a, b) => (rank.get(a.name) ?? order.length) - (rank.get(b.name) ?? order.length) || compareStrings(a.name, b.name),
  );
}

/**
 * A parameter / response / data-structure table → IR fields. Columns are found by
 * their header words, never by position; short and long rows are realigned with a
 * warning; no row is dropped without a diagnostic.
 */
import { DiagnosticSink } from '../ir/diagnostics.js';
import type { Diagnostic, Field, Locale } from '../ir/types.js';
import {
  defaultValue,
  descriptionText,
  enumValues,
  exampleValue,
  isEnumExampleCell,
  maxItems,
  parseTypeCell,
  type Problem,
} from './cells.js';
import type { SourceText } from './source-text.js';
import { writtenPadding, type RawTable, type TableRow } from './table.js';
import { columnRole, CONDITIONAL_PRESENCE, parseRequiredWord, type ColumnRole } from './vocabulary.js';

export interface ParsedField {
  field: Field;
  /** Original 1-based line of the row. */
  line: number;
  /** docs-factory renders GET query parameters as ` | name | type  |` (leading space, two spaces). */
  queryRow: boolean;
  /** The example is written bare, not in a code span (the docs factory does so for enum fields). */
  bareExample: boolean;
  /** The row was spread over several lines (see TABLE_ROW_JOINED). */
  multiline: boolean;
}

/** Field names seen in real pages: identifiers, also with `-`, `.`, `:` or `@` (`x-authing-app-id`, `zh-CN`). */
const FIELD_NAME = /^[A-Za-z_$@][\w$@.:-]*$/;

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export function columnsOf(table: RawTable): ColumnMap | undefined {
  const columns: ColumnMap = {};
  table.header.forEach((cell, index) => {
    const role = columnRole(cell.raw);
    if (role !== undefined && columns[role] === undefined) columns[role] = index;
  });
  return columns.name === undefined || columns.type === undefined ? undefined : columns;
}

/**
 * A table's fields and diagnostics as a function of its text, with rows numbered 1…n in
 * place of lines. The same tables (envelopes, shared data structures) recur on hundreds
 * of pages; each distinct one is read once. Field objects are shared and read-only
 * (merge.ts and resolveReferences copy before they change anything).
 */
interface TableReading {
  /** `line` holds the row number. */
  fields: ParsedField[];
  diagnostics: { severity: Diagnostic['severity']; code: Diagnostic['code']; row: number; message: string }[];
}

const readings = new Map<string, TableReading | null>();

export function readFieldTable(
  table: RawTable,
  columns: ColumnMap,
  locale: Locale,
  source: SourceText,
  sink: DiagnosticSink,
): ParsedField[] {
  const key = readingKey(table, columns, locale);
  let reading = readings.get(key);
  if (reading === undefined) {
    const rowSink = new DiagnosticSink(sink.file);
    const fields = readRows(table, columns, locale, (_, index) => index + 1, rowSink);
    // A message that quotes another row's line cannot be moved to other lines.
    reading = rowSink.items.some((item) => REPEAT_CODES.has(item.code))
      ? null
      : {
          fields,
          diagnostics: rowSink.items.map(({ severity, code, line, message }) => ({ severity, code, row: line, message })),
        };
    readings.set(key, reading);
  }
  const lineOf = (row: number): number => source.origin[table.rows[row - 1]!.lineIndex] ?? 1;
  if (reading === null) return readRows(table, columns, locale, (row) => source.origin[row.lineIndex] ?? 1, sink);
  for (const { severity, code, row, message } of reading.diagnostics) sink.report(severity, code, lineOf(row), message);
  return reading.fields.map((parsed) => ({ ...parsed, line: lineOf(parsed.line) }));
}

/**
 * The fields of a page's repeated request or response sections (variants of one call,
 * such as two grant types), in page order. A field the variants share is one field;
 * where they differ, SECTION_VARIANT_DIFFERS says how: the field is optional if any
 * variant says so (it is not always sent), anything else is the first variant's.
 */
export function mergeVariants(lists: readonly ParsedField[][], what: string, sink: DiagnosticSink): ParsedField[] {
  if (lists.length <= 1) return lists[0] ?? [];
  const merged: ParsedField[] = [];
  const at = new Map<string, number>();
  for (const parsed of lists.flat()) {
    const index = at.get(parsed.field.name);
    if (index === undefined) {
      at.set(parsed.field.name, merged.length);
      merged.push(parsed);
      continue;
    }
    const first = merged[index]!;
    const differing = (['type', 'required', 'description', 'example', 'default', 'enum', 'maxItems'] as const).filter(
      (key) => JSON.stringify(first.field[key]) !== JSON.stringify(parsed.field[key]),
    );
    if (differing.length === 0) continue;
    const required = first.field.required && parsed.field.required;
    // Fields are shared between pages (readFieldTable): copy before changing.
    if (required !== first.field.required) merged[index] = { ...first, field: { ...first.field, required } };
    const words = differing.map((key) => (key === 'required' ? 'required flag' : key)).join(', ');
    sink.warning('SECTION_VARIANT_DIFFERS', parsed.line, `field "${parsed.field.name}" differs in its ${words} from line ${first.line} (another ${what} section); merged, ${required ? '' : 'optional, '}the first section's otherwise`);
  }
  return merged;
}

const REPEAT_CODES = new Set<Diagnostic['code']>(['FIELD_DUPLICATE', 'FIELD_REPEATED']);

/**
 * A second row for a field already in the table: merged with the first. Severity fits
 * the harm: rows that disagree on the type or the required flag leave no right reading
 * (an error); a row that repeats the first, or differs only in its text (description,
 * example, default), loses nothing that matters (a warning naming what differs).
 */
function reportRepeat(first: ParsedField, again: Field, line: number, sink: DiagnosticSink): void {
  const { name } = again;
  const before = first.field;
  const conflicts = [
    ...(JSON.stringify(before.type) !== JSON.stringify(again.type) ? ['type'] : []),
    ...(before.required !== again.required ? ['required flag'] : []),
  ];
  if (conflicts.length > 0) {
    sink.error('FIELD_DUPLICATE', line, `field "${name}" is defined again with another ${conflicts.join(' and ')} than on line ${first.line}; the first row is used`);
    return;
  }
  const texts = (['description', 'example', 'default', 'enum', 'maxItems'] as const).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(again[key]));
  const differing = texts.length === 0 ? 'exactly' : `but for its ${texts.join(', ')}`;
  sink.warning('FIELD_REPEATED', line, `field "${name}" repeats line ${first.line} ${differing}; the rows are merged (the first wins)`);
}

/** Everything readRows reads, except where the rows are (whole cells and lines, so new cell properties count too). */
/** A table's cells are a function of its source lines (and of which rows were joined from several), so those are the key. */
function readingKey(table: RawTable, columns: ColumnMap, locale: Locale): string {
  let key = `${locale}\u0002${table.header.map((cell) => cell.raw).join('\u0003')}\u0002${JSON.stringify(columns)}`;
  for (const row of table.rows) key += `\u0000${row.joined ? 'J' : ''}${row.sourceLine}\u0001${row.cells.length}`;
  return key;
}

function readRows(
  table: RawTable,
  columns: ColumnMap,
  locale: Locale,
  lineOfRow: (row: TableRow, index: number) => number,
  sink: DiagnosticSink,
): ParsedField[] {
  const fields: ParsedField[] = [];
  const seen = new Map<string, ParsedField>();
  for (const [index, row] of table.rows.entries()) {
    const line = lineOfRow(row, index);
    const cells = alignCells(row, table.header.length, columns, line, sink);
    if (cells === undefined) continue;
    const cell = (role: ColumnRole): string => (columns[role] === undefined ? '' : (cells[columns[role]!] ?? ''));
    const name = cell('name').replace(/[`*]/g, '').trim();
    if (name === '' || /^:?-+:?$/.test(name)) {
      sink.warning('TABLE_ROW_NO_NAME', line, 'table row has no field name; skipped');
      continue;
    }
    if (!FIELD_NAME.test(name)) {
      sink.warning('FIELD_NAME_INVALID', line, `"${name}" is not a field name; row skipped`);
      continue;
    }
    const problems: Problem[] = [];
    const report = (extra: Problem[]): void => void problems.push(...extra);

    const description = descriptionText(cell('description')) + keptTrailingSpace(row, columns, table.header.length);
    const type = parseTypeCell(cell('type'), description);
    report(type.problems);
    const field: Field = { name, type: type.value, required: false, description: {} };
    if (description !== '') field.description[locale] = description;

    if (columns.required === undefined) {
      field.required = !CONDITIONAL_PRESENCE.test(description);
    } else {
      const required = parseRequiredWord(cell('required'));
      if (required === undefined) {
        report([{ code: 'REQUIRED_UNKNOWN', message: `required cell "${cell('required')}" is neither yes nor no; assuming no` }]);
      } else {
        field.required = required;
        if (cell('required').trim().toLowerCase() === 'is') {
          report([{ code: 'REQUIRED_UNCLEAR', message: 'required cell "is" read as yes (a mistranslated 是)' }]);
        }
      }
    }
    const fallback = defaultValue(cell('default'));
    if (fallback !== undefined) field.default = fallback;

    const exampleCell = cell('example');
    const values = enumValues(description, exampleCell);
    const isStringy = field.type.kind === 'string' || (field.type.kind === 'array' && field.type.items.kind === 'string');
    if (values && (isStringy || isEnumExampleCell(exampleCell))) field.enum = values;
    if (!isEnumExampleCell(exampleCell)) {
      const example = exampleValue(exampleCell);
      report(example.problems);
      if (example.value !== undefined) field.example = example.value;
    }
    const limit = maxItems(description);
    if (limit !== undefined) field.maxItems = limit;

    for (const problem of problems) sink.warning(problem.code, line, `field "${name}": ${problem.message}`);
    const earlier = seen.get(name);
    if (earlier) {
      reportRepeat(earlier, field, line, sink);
      continue;
    }
    const bareExample = field.example !== undefined && !exampleCell.trim().startsWith('`');
    const parsed: ParsedField = { field, line, queryRow: /^ \|/.test(row.sourceLine), bareExample, multiline: row.joined };
    seen.set(name, parsed);
    fields.push(parsed);
  }
  return fields;
}

/**
 * A description ending in `<br>` keeps the spaces after it, all but the one that pads
 * the cell: they are the indentation of its last (empty) line, and the docs emitter
 * writes them back.
 */
function keptTrailingSpace(row: TableRow, columns: ColumnMap, width: number): string {
  const at = columns.description;
  if (at === undefined || row.cells.length !== width) return '';
  const cell = row.cells[at]!;
  return /<br\s*\/?>$/i.test(cell.raw) ? writtenPadding(row, at).replace(/[\t ]$/, '') : '';
}

/**
 * Realigns a row to the header. A short row whose type cell holds a required word lost
 * its type cell (`| response | is | … |`); otherwise missing cells are empty. Surplus
 * cells come from unescaped pipes in the description and are joined back into it.
 */
function alignCells(
  row: TableRow,
  width: number,
  columns: ColumnMap,
  line: number,
  sink: DiagnosticSink,
): string[] | undefined {
  const cells = row.cells.map((cell) => cell.raw);
  if (cells.every((cell) => cell === '')) return undefined;
  if (cells.length === width) return cells;
  if (cells.length > width) {
    const at = columns.description ?? width - 1;
    const surplus = cells.length - width;
    const joined = cells.slice(at, at + surplus + 1).join(' | ');
    sink.warning('TABLE_LONG_ROW', line, `row has ${cells.length} cells for ${width} columns; joined the extra cells into the description`);
    return [...cells.slice(0, at), joined, ...cells.slice(at + surplus + 1)];
  }
  sink.warning('TABLE_SHORT_ROW', line, `row has ${cells.length} cells for ${width} columns; missing cells read as empty`);
  const typeAt = columns.type;
  if (typeAt !== undefined && columns.required === typeAt + 1 && parseRequiredWord(cells[typeAt] ?? '') !== undefined) {
    cells.splice(typeAt, 0, '');
  }
  while (cells.length < width) cells.push('');
  return cells;
}

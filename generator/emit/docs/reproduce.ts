/**
 * An input page given back as written (ir/types.ts, PageRecord): its text parts as they
 * are; in each field table, a row whose field keeps the print it had when the page was
 * read is written as it was, a changed field's row is rendered anew in the table's own
 * columns, a field the IR lost is dropped, a field the IR gained is added at the end of
 * the table that shows its kind; a padded table that changed is padded again (align.ts).
 */

import { LOCALES, type Field, type Ir, type Locale, type Model, type Operation, type PagePart, type PageRecord, type PageTable } from '../../ir/types.js';
import { fieldsShownBy } from '../../ir/prints.js';
import { alignTable } from './align.js';
import { defaultCell, escapePipes, textCell, typeCell, type Linked } from './cells.js';
import { modelRow, ordered, requestRow } from './rows.js';
import { WORDS } from './words.js';

/** `print`: fieldPrint, memoized for the run (ir/prints.ts). */
export function reproducePage(record: PageRecord, ir: Pick<Ir, 'pageParts'>, operation: Operation, models: Map<string, Model>, print: Print): string {
  const parts = record.parts.map((index) => ir.pageParts![index]!);
  // A field the page does not show yet goes to the last table of its kind.
  const last = new Map<string, PageTable>();
  // The fields each kind's tables show (sets per kind: no key string built per row).
  const shownOf = new Map<string, Set<string>>();
  for (const part of parts) {
    if (!('table' in part)) continue;
    const table = part.table;
    last.set(table.of, table);
    let shown = shownOf.get(table.of);
    if (!shown) shownOf.set(table.of, (shown = new Set()));
    for (const row of table.rows) if (row.field) shown.add(row.field);
  }
  return parts
    .map((part: PagePart) => {
      if ('text' in part) return part.text;
      const table = part.table;
      const { fields, order } = fieldsShownBy(table.of, operation, models);
      const missing = last.get(table.of) === table ? fields.filter((field) => !shownOf.get(table.of)!.has(field.name) && !table.omitted?.includes(field.name)) : [];
      // Added fields in documented order (sorting only when there are some: most tables have none).
      const added = missing.length > 0 ? ordered(missing, order) : missing;
      return tableText(table, fields, added, record.locale, models, operation.request.style === 'query', print);
    })
    .join('\n');
}

type Print = (field: Field, locale: Locale) => string;

function tableText(table: PageTable, fields: Field[], added: Field[], locale: Locale, linked: Linked, query: boolean, print: Print): string {
  const byName = new Map(fields.map((field) => [field.name, field]));
  // A page with CRLF line ends keeps them on the rows docs-to-sdk writes (the head's separator line tells).
  const eol = table.head.endsWith('\r') ? '\r' : '';
  let changed = added.length > 0;
  const rows: string[] = [];
  for (const row of table.rows) {
    const field = row.field === undefined ? undefined : byName.get(row.field);
    if (row.field === undefined || (field && print(field, locale) === row.print)) rows.push(row.text);
    else {
      changed = true;
      if (field) rows.push(renderRow(table, field, locale, linked, query) + eol);
    }
  }
  for (const field of added) rows.push(renderRow(table, field, locale, linked, query) + eol);
  // A table left as written is its head and rows joined: split and re-padded only when it changed.
  if (!(changed && table.padded)) return rows.length > 0 ? `${table.head}\n${rows.join('\n')}` : table.head;
  return alignTable([...table.head.split('\n'), ...rows].map((line) => line.replace(/\r$/, ''))).join(`${eol}\n`) + eol;
}

/** A field's row in the table's own columns (a column docs-to-sdk does not read stays empty). */
function renderRow(table: PageTable, field: Field, locale: Locale, linked: Linked, query: boolean): string {
  const words = WORDS[locale];
  const description = field.description[locale] ?? LOCALES.map((other) => field.description[other]).find((text) => text !== undefined) ?? '';
  const short = table.of === 'response' && !table.columns.includes('required');
  let cells: Record<string, string>;
  if (short) cells = { name: escapePipes(field.name), type: typeCell(field.type, description, linked), description: textCell(description) };
  else if (table.of === 'request') {
    const [name, type, required, deflt, text, example] = requestRow(field, words, query, description, false, linked).cells;
    cells = { name: name!, type: type!, required: required!, default: deflt!, description: text!, example: example! };
  } else {
    const [name, type, required, text, example] = modelRow(field, words, description, false, linked).cells;
    cells = { name: name!, type: type!, required: required!, default: defaultCell(field), description: text!, example: example!.trimStart() };
  }
  // The description cell carries its own padding, as the docs factory writes it.
  const inner = table.columns.map((role) => ` ${role ? (cells[role] ?? '') : ''}${role === 'description' ? '' : ' '}`).join('|');
  // A table written without outer pipes (`a | b`) gets its new rows the same way.
  return table.head.trimStart().startsWith('|') ? `|${inner}|` : inner.trim();
}

/**
 * The page's shape: its lines cut into text it carries as is and the field tables it
 * read (head, column roles, style, one row per field). The docs emitter gives the page
 * back from it, re-rendering only rows whose field the IR changed (ir/types.ts,
 * PageRecord). Made from the file's own lines, so the page's frame, words and blank
 * lines are whatever it wrote.
 */
import { modelTableOf } from '../../../ir/prints.js';
import type { PagePart, PageRow } from '../../../ir/types.js';
import { displayWidth } from '../../../shared/display-width.js';
import { tableCells } from '../../../shared/table-line.js';
import type { PageDoc } from '../../page.js';
import { columnRole } from '../../vocabulary.js';
import { endsRow } from './continued-rows.js';

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const ROW = /^\s*\|/;
// A table ends at a blank line, a heading or a fence (`\s` is what trim() strips).
const TABLE_END = /^\s*(?:$|#|```|~~~)/;

/** `lines`: the file's lines as decoded; the page's fields carry their line (1-based) in it. */
export function pageShape(lines: readonly string[], page: Pick<PageDoc, 'request' | 'response' | 'models'>): PagePart[] {
  const rowAt = new Map<number, { of: string; field: string }>();
  const mark = (of: string, fields: { field: { name: string }; line: number }[] | undefined): void => {
    for (const { field, line } of fields ?? []) if (!rowAt.has(line - 1)) rowAt.set(line - 1, { of, field: field.name });
  };
  mark('request', page.request?.fields);
  mark('response', page.response?.fields);
  for (const model of page.models) mark(modelTableOf(model.name), model.fields);

  const parts: PagePart[] = [];
  // Text runs are cut as ranges of lines and joined once (no line copied into a buffer and taken back for a head).
  let textFrom = 0;
  const flush = (to: number): void => {
    if (to > textFrom) parts.push({ text: lines.slice(textFrom, to).join('\n') });
  };
  for (let index = 0; index < lines.length; ) {
    const first = rowAt.get(index);
    // Rows of no field above the first field's (a group heading row, a note) are the table's too.
    let start = index;
    while (first && start - 1 >= textFrom && ROW.test(lines[start - 1]!) && !SEPARATOR.test(lines[start - 1]!) && !rowAt.has(start - 1)) start -= 1;
    if (!first || start - textFrom < 2 || !lines[start - 2]!.includes('|') || !SEPARATOR.test(lines[start - 1]!)) {
      index += 1;
      continue;
    }
    // The head is the two lines before the table's first row: they end the text before it.
    const header = lines[start - 2]!;
    const separator = lines[start - 1]!;
    flush(start - 2);
    index = start;
    const rows: PageRow[] = [];
    for (; index < lines.length && !TABLE_END.test(lines[index]!); index += 1) {
      const line = lines[index]!;
      const at = rowAt.get(index);
      if (at?.of === first.of) rows.push({ text: line, field: at.field });
      // A line without a leading pipe continues the row above only where that row is still open (continued-rows.ts);
      // after a closed row it is a row of its own (GFM), kept as written when the row above is rendered anew.
      else if (ROW.test(line) || rows.length === 0 || endsRow(rows[rows.length - 1]!.text.split('\n').pop()!)) rows.push({ text: line });
      else rows[rows.length - 1]!.text += `\n${line}`;
    }
    textFrom = index;
    const head = `${header}\n${separator}`;
    parts.push({ table: { of: first.of, head, columns: tableCells(header).map((cell) => columnRole(cell) ?? null), padded: isPadded(header, separator, rows), rows } });
  }
  flush(lines.length);
  return parts;
}

/** Every line as wide as the others (the separator, plain ASCII, is measured first: most tables fail there). */
function isPadded(header: string, separator: string, rows: readonly PageRow[]): boolean {
  const width = separator.trimEnd().length;
  if (displayWidth(header.trimEnd()) !== width) return false;
  return rows.every((row) => !row.text.includes('\n') && displayWidth(row.text.trimEnd()) === width);
}


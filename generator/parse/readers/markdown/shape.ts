/**
 * The page's shape: its lines cut into text it carries as is and the field tables it
 * read (head, column roles, style, one row per field). The docs emitter gives the page
 * back from it, re-rendering only rows whose field the IR changed (ir/types.ts,
 * PageRecord). Made from the file's own lines, so the page's frame, words and blank
 * lines are whatever it wrote.
 */
import type { PagePart, PageRow } from '../../../ir/types.js';
import { displayWidth } from '../../../shared/display-width.js';
import { tableCells } from '../../../shared/table-line.js';
import type { PageDoc } from '../../page.js';
import { columnRole } from '../../vocabulary.js';

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const ROW = /^\s*\|/;

/** `lines`: the file's lines as decoded; the page's fields carry their line (1-based) in it. */
export function pageShape(lines: readonly string[], page: Pick<PageDoc, 'request' | 'response' | 'models'>): PagePart[] {
  const rowAt = new Map<number, { of: string; field: string }>();
  const mark = (of: string, fields: { field: { name: string }; line: number }[] | undefined): void => {
    for (const { field, line } of fields ?? []) if (!rowAt.has(line - 1)) rowAt.set(line - 1, { of, field: field.name });
  };
  mark('request', page.request?.fields);
  mark('response', page.response?.fields);
  for (const model of page.models) mark(`model:${model.name}`, model.fields);

  const parts: PagePart[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) parts.push({ text: text.join('\n') });
    text = [];
  };
  for (let index = 0; index < lines.length; ) {
    const first = rowAt.get(index);
    if (!first || index < 2 || !lines[index - 2]!.includes('|') || !SEPARATOR.test(lines[index - 1]!) || text.length < 2) {
      text.push(lines[index]!);
      index += 1;
      continue;
    }
    // The head is the two lines before the first row: taken back from the text.
    const head = text.splice(-2).join('\n');
    flush();
    const rows: PageRow[] = [];
    for (; index < lines.length && lines[index]!.trim() !== '' && !/^\s*(?:#|```|~~~)/.test(lines[index]!); index += 1) {
      const line = lines[index]!;
      const at = rowAt.get(index);
      if (at?.of === first.of) rows.push({ text: line, field: at.field });
      else if (ROW.test(line) || rows.length === 0) rows.push({ text: line });
      else rows[rows.length - 1]!.text += `\n${line}`;
    }
    parts.push({ table: { of: first.of, head, columns: tableCells(head.split('\n')[0]!).map((cell) => columnRole(cell) ?? null), padded: isPadded(head, rows), rows } });
  }
  flush();
  return parts;
}

/** Every line as wide as the others (the separator, plain ASCII, is measured first: most tables fail there). */
function isPadded(head: string, rows: readonly PageRow[]): boolean {
  const [header, separator] = head.split('\n') as [string, string];
  const width = separator.trimEnd().length;
  if (displayWidth(header.trimEnd()) !== width) return false;
  return rows.every((row) => !row.text.includes('\n') && displayWidth(row.text.trimEnd()) === width);
}


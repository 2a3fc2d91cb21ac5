/** GFM table nodes → rows of cell text, with source lines. Knows nothing of field semantics. */
import type { Table, TableCell } from 'mdast';
import type { Segment } from './segments.js';
import type { SourceText } from './source-text.js';

export interface CellText {
  /** The cell's Markdown as written, escaped pipes unescaped, trimmed. */
  raw: string;
}

export interface TableRow {
  cells: CellText[];
  /** Index into SourceText.lines. */
  lineIndex: number;
  /** The row's source line as written (its spacing tells query rows from body rows). */
  sourceLine: string;
  /** The row was spread over several lines in the page, joined before parsing. */
  joined: boolean;
}

export interface RawTable {
  header: CellText[];
  rows: TableRow[];
  lineIndex: number;
}

/** Cell texts by table node: trees are shared between identical segments (markdown.ts), so are these. */
const cellTexts = new WeakMap<Table, CellText[][]>();

export function readTable(table: Table, segment: Segment, source: SourceText): RawTable {
  let texts = cellTexts.get(table);
  if (!texts) {
    const cellText = (cell: TableCell): CellText => {
      const first = cell.children[0]?.position?.start.offset;
      const last = cell.children[cell.children.length - 1]?.position?.end.offset;
      const raw = first === undefined || last === undefined ? '' : segment.text.slice(first, last);
      return { raw: raw.replace(/\\\|/g, '|').trim() };
    };
    texts = table.children.map((row) => row.children.map(cellText));
    cellTexts.set(table, texts);
  }
  const lineIndexOf = (line: number | undefined): number => segment.start + (line ?? 1) - 1;
  return {
    header: texts[0] ?? [],
    lineIndex: lineIndexOf(table.position?.start.line),
    rows: table.children.slice(1).map((row, index) => {
      const lineIndex = lineIndexOf(row.position?.start.line);
      const sourceLine = source.lines[lineIndex] ?? '';
      return { cells: texts[index + 1]!, lineIndex, sourceLine, joined: source.joined?.[lineIndex] === true };
    }),
  };
}

/**
 * The whitespace after cell `index`'s content, before its closing pipe, as the page
 * wrote it (the text remark parsed may have had its padding squeezed, see segments.ts).
 */
export function writtenPadding(row: TableRow, index: number): string {
  const written = row.sourceLine.trim().replace(/^\|/, '').split(/(?<!\\)\|/);
  return /\s*$/.exec(written[index] ?? '')![0];
}

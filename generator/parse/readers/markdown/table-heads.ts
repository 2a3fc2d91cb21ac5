/**
 * A repair applied before segmentation: GFM reads a table only under a header line and
 * a delimiter row of as many cells, on lines of their own. Damaged pages break that
 * (a heading run into the header, a header run into its delimiter, a delimiter row with
 * a cell too many, run into the first row, or lost) and the whole table is lost. A field
 * table's header is known by its words (a name and a type column), so its head is put
 * back in shape here, each repair a warning at the header line.
 */
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import { fencedLines, SourceTextBuilder, type SourceText } from '../../source-text.js';
import { columnRole } from '../../vocabulary.js';

const TABLE_LINE = /^\s*\|/;
const BLANK = /^\s*$/;
const DELIMITER_CELL = /^\s*:?-+:?\s*$/;
/** A delimiter cell with spaces inside (`--- ---`): GFM reads no table, a reader sees the intent. */
const LOOSE_DELIMITER_CELL = /^[\s:]*-[\s:-]*$/;
const ATX_HEADING = /^\s{0,3}#{1,6}\s/;

/** A `|` line's cells: split at unescaped pipes, the outer pipes dropped, trimmed. */
export function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** A `|` line whose cells name a field table's columns (a name and a type column at least). */
export function isFieldTableHeader(line: string): boolean {
  if (!TABLE_LINE.test(line) || !line.includes('|', line.indexOf('|') + 1)) return false;
  const roles = new Set(cellsOf(line).map((cell) => columnRole(cell)));
  return roles.has('name') && roles.has('type');
}

const isDelimiterRow = (line: string): boolean => TABLE_LINE.test(line) && cellsOf(line).every((cell) => DELIMITER_CELL.test(cell));
const delimiterOf = (width: number): string => `|${' --- |'.repeat(width)}`;
const rowOf = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
const quote = (text: string): string => `"${text.trim().slice(0, 40)}"`;

export function repairTableHeads(source: SourceText, sink: DiagnosticSink): SourceText {
  const { lines, origin } = source;
  const fenced = fencedLines(lines);
  const out = new SourceTextBuilder();
  let changed = false;
  const keep = (index: number): void => out.push(lines[index]!, origin[index]!, source.joined?.[index] === true);
  // A `|` line right under another is a row of that table, not a header: most table lines, spared the header test.
  const isBodyRow = (index: number): boolean => index > 0 && !fenced[index - 1] && TABLE_LINE.test(lines[index - 1]!);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (fenced[index] || !line.includes('|')) {
      keep(index);
      continue;
    }
    const at = origin[index]!;
    let header = line;
    if (!TABLE_LINE.test(line)) {
      const start = ATX_HEADING.test(line) ? headerStart(line) : undefined;
      if (start === undefined) {
        keep(index);
        continue;
      }
      out.push(line.slice(0, start).trimEnd(), at);
      header = line.slice(start);
      sink.warning('TABLE_LINES_SPLIT', at, `a table header runs on after the heading ${quote(line.slice(0, start))}; split it onto its own line`);
      changed = true;
    } else if (isBodyRow(index) || !isFieldTableHeader(line)) {
      keep(index);
      continue;
    }
    // The header as cells: a delimiter run into it ends it.
    const cells = cellsOf(header);
    const firstDelimiter = cells.findIndex((cell, i) => i >= 2 && cells.slice(i).every((rest) => DELIMITER_CELL.test(rest)));
    let delimiterDone = false;
    if (firstDelimiter > 0) {
      // `…| Description || --- |…`: the pipes of both lines leave an empty cell between them.
      let width = firstDelimiter;
      while (width > 2 && cells[width - 1] === '') width -= 1;
      out.push(rowOf(cells.slice(0, width)), at);
      out.push(delimiterOf(width), at);
      sink.warning('TABLE_LINES_SPLIT', at, 'a table header runs into its delimiter row; split them');
      changed = true;
      delimiterDone = true;
    } else {
      out.push(header, at, source.joined?.[index] === true);
    }
    if (delimiterDone) continue;
    const width = cells.length;
    let next = index + 1;
    while (next < lines.length && BLANK.test(lines[next]!) && !fenced[next]) next += 1;
    const following = fenced[next] ? undefined : lines[next];
    if (following !== undefined && isDelimiterRow(following)) {
      if (next === index + 1 && cellsOf(following).length === width) continue;
      const apart = next > index + 1 ? ` (after ${next - index - 1} blank line${next - index - 1 > 1 ? 's' : ''})` : '';
      const count = cellsOf(following).length;
      sink.warning('TABLE_DELIMITER_FIXED', at, `delimiter row on line ${origin[next]}${apart} has ${count} cells for the header's ${width}; rewrote it with ${width}`);
      out.push(delimiterOf(width), origin[next]!);
      changed = true;
      index = next;
      continue;
    }
    const isTableLine = following !== undefined && TABLE_LINE.test(following);
    const leading = isTableLine ? leadingDelimiterCells(following) : 0;
    const lenient = isTableLine && cellsOf(following).every((cell) => LOOSE_DELIMITER_CELL.test(cell));
    if (following !== undefined && (leading > 0 || lenient)) {
      // A delimiter row with other text after its delimiter cells: run into the next row, or garbled.
      const rest = following.slice(pipeAfter(following, leading));
      const isRow = !lenient && leading === width && TABLE_LINE.test(rest.trimStart()) && cellsOf(rest).some((cell) => cell !== '');
      out.push(delimiterOf(width), origin[next]!);
      changed = true;
      index = next;
      sink.warning('TABLE_DELIMITER_FIXED', at, `delimiter row on line ${origin[next]} is ${isRow ? 'run into a table row' : 'garbled'}; rewrote it with the header's ${width} cells`);
      if (isRow) {
        sink.warning('TABLE_LINES_SPLIT', origin[next]!, 'a table row runs on after the delimiter row; split it onto its own line');
        out.push(rest.trimStart(), origin[next]!);
      } else {
        sink.warning('TABLE_DELIMITER_FIXED', origin[next]!, lenient ? 'delimiter row is garbled (spaces inside its cells); rewrote it' : `text after the delimiter cells is no table row; lost: ${quote(rest)}`);
      }
      continue;
    }
    if (following !== undefined && next === index + 1 && TABLE_LINE.test(following)) {
      sink.warning('TABLE_DELIMITER_MISSING', at, 'table header has no delimiter row below it; inserted one');
      out.push(delimiterOf(width), at);
      changed = true;
    }
  }
  return changed ? out.build() : source;
}

/** Where, in a heading line, a field table's header starts. */
function headerStart(line: string): number | undefined {
  for (let at = line.indexOf('|'); at > 0; at = line.indexOf('|', at + 1)) {
    if (line[at - 1] !== '\\' && isFieldTableHeader(line.slice(at))) return at;
  }
  return undefined;
}

/** How many cells at the start of a `|` line are delimiter cells. */
function leadingDelimiterCells(line: string): number {
  const cells = line.trim().replace(/^\|/, '').split(/(?<!\\)\|/);
  let count = 0;
  while (count < cells.length && DELIMITER_CELL.test(cells[count]!)) count += 1;
  return count;
}

/** The offset of the pipe that closes the `count`-th cell of a `|` line. */
function pipeAfter(line: string, count: number): number {
  let at = line.indexOf('|');
  for (let cell = 0; cell < count; cell += 1) {
    at = line.indexOf('|', at + 1);
    while (at > 0 && line[at - 1] === '\\') at = line.indexOf('|', at + 1);
    if (at < 0) return line.length;
  }
  return at + 1;
}

/**
 * Blocks plain enough to build without remark: a fenced code block, a GFM table, an ATX
 * heading, a paragraph of ordinary lines. The parser reads tables' cells, headings and
 * paragraphs only as source text, so their inline content is one text node spanning
 * what remark's inline nodes span; every position is remark's. The chunked parse is
 * checked against remark's own tree over every distinct section of the corpus
 * (test/cli/cache-and-threads.test.ts). Anything less plain returns undefined and goes
 * to remark.
 */
import type { AlignType, Code, Heading, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';

export interface Chunk {
  /** Index of the chunk's first line in the segment. */
  line: number;
  /** Offset of the chunk's first character in the segment text. */
  offset: number;
  lines: readonly string[];
  /** The chunk is exactly one plain fenced code block. */
  fence?: { lang: string };
}

const BLANK = /^[ \t]*$/;

/** The chunk as a table, heading or paragraph node, when it is exactly one plain such block. */
export function plainBlock(chunk: Chunk): RootContent | undefined {
  return tableNode(chunk) ?? headingNode(chunk) ?? paragraphNode(chunk);
}

/** The `code` node remark builds for a plain fenced block (fence lines included in `lines`). */
export function codeNode(chunk: Chunk, lang: string): Code {
  const { lines } = chunk;
  const close = lines[lines.length - 1]!;
  const length = lines.reduce((sum, line) => sum + line.length + 1, -1);
  return {
    type: 'code',
    lang: lang === '' ? null : lang,
    meta: null,
    value: lines.slice(1, -1).join('\n'),
    position: {
      start: { line: chunk.line + 1, column: 1, offset: chunk.offset },
      end: { line: chunk.line + lines.length, column: close.length + 1, offset: chunk.offset + length },
    },
  };
}

const TABLE_LINE = /^ {0,3}\|/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A chunk that is exactly one GFM table — every non-blank line a `|` row, a delimiter
 * row second, blank lines only at the end — built directly: remark on tables is most of
 * the parse time, and the parser reads cells only as text. Table, row and cell positions
 * are remark's; a cell's inline content is one `text` node spanning what remark's inline
 * nodes span (test/cli/cache-and-threads.test.ts compares the two over the corpus).
 * Anything less plain (rows without a leading pipe, astral characters, a short
 * delimiter row) goes to remark.
 */
function tableNode(chunk: Chunk): Table | undefined {
  let count = chunk.lines.length;
  while (count > 0 && BLANK.test(chunk.lines[count - 1]!)) count -= 1;
  const lines = chunk.lines.slice(0, count);
  if (lines.length < 2 || !lines.every((line) => TABLE_LINE.test(line) && !SURROGATE.test(line))) return undefined;
  let offset = chunk.offset;
  const rows: TableRow[] = [];
  const splits = lines.map((line, index) => {
    const split = splitRow(line, chunk.line + index + 1, offset);
    offset += line.length + 1;
    return split;
  });
  const [header, delimiter] = splits as [RowSplit, RowSplit];
  if (header.cells.length !== delimiter.cells.length) return undefined;
  const align: AlignType[] = [];
  for (const cell of delimiter.cells) {
    const text = lines[1]!.slice(cell.contentStart - delimiter.lineOffset, cell.contentEnd - delimiter.lineOffset);
    if (!DELIMITER_CELL.test(text)) return undefined;
    const left = text.startsWith(':');
    const right = text.endsWith(':');
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
  }
  splits.forEach((split, index) => {
    if (index !== 1) rows.push(split.row);
  });
  const first = rows[0]!.position!.start;
  const last = splits[splits.length - 1]!.row.position!.end;
  return { type: 'table', align, children: rows, position: { start: { line: chunk.line + 1, column: first.column, offset: first.offset }, end: last } };
}

/** The chunk's lines without its trailing blank lines. */
function contentLines(chunk: Chunk): readonly string[] {
  let count = chunk.lines.length;
  while (count > 0 && BLANK.test(chunk.lines[count - 1]!)) count -= 1;
  return chunk.lines.slice(0, count);
}

const point = (line: number, column: number, offset: number) => ({ line, column: column + 1, offset: offset + column });

/** One text node spanning `from`–`to` of a line: the inline content, which the parser reads only as text. */
function span(line: string, lineNumber: number, lineOffset: number, from: number, to: number): PhrasingContent[] {
  return from < to ? [{ type: 'text', value: line.slice(from, to), position: { start: point(lineNumber, from, lineOffset), end: point(lineNumber, to, lineOffset) } }] : [];
}

const PLAIN_HEADING = /^(#{1,6})(?:[ \t]+|$)/;

/** A chunk that is one ATX heading (at column 0) and blank lines: the heading node, built directly. */
function headingNode(chunk: Chunk): Heading | undefined {
  const lines = contentLines(chunk);
  if (lines.length !== 1 || SURROGATE.test(lines[0]!)) return undefined;
  const line = lines[0]!;
  const open = PLAIN_HEADING.exec(line);
  if (!open) return undefined;
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  let to = end;
  // A closing sequence of #s (after a space, or the whole content) is not content.
  let hashes = to;
  while (hashes > open[0].length && line[hashes - 1] === '#') hashes -= 1;
  if (hashes < to && (hashes === open[0].length || line[hashes - 1] === ' ' || line[hashes - 1] === '\t')) to = hashes;
  while (to > open[0].length && (line[to - 1] === ' ' || line[to - 1] === '\t')) to -= 1;
  const from = Math.min(open[0].length, to);
  const lineNumber = chunk.line + 1;
  return {
    type: 'heading',
    depth: open[1]!.length as Heading['depth'],
    children: span(line, lineNumber, chunk.offset, from, to),
    position: { start: point(lineNumber, 0, chunk.offset), end: point(lineNumber, end, chunk.offset) },
  };
}

/**
 * Lines that can only be paragraph text: nothing that opens or interrupts another block
 * (indentation, `<`, `>`, `#`, `|`, list and thematic-break marks, setext underlines,
 * definitions, fences, digits that may start a list).
 */
const PARAGRAPH_LINE = /^[^ \t<>#|\-*+_=:[~0-9`]|^`(?!``)/;

/** A chunk that is one paragraph of such lines and blank lines: the paragraph node, built directly. */
function paragraphNode(chunk: Chunk): Paragraph | undefined {
  const lines = contentLines(chunk);
  if (lines.length === 0 || !lines.every((line) => PARAGRAPH_LINE.test(line) && !SURROGATE.test(line))) return undefined;
  const lastLine = lines[lines.length - 1]!;
  let end = lastLine.length;
  while (end > 0 && (lastLine[end - 1] === ' ' || lastLine[end - 1] === '\t')) end -= 1;
  const lastOffset = chunk.offset + lines.slice(0, -1).reduce((sum, line) => sum + line.length + 1, 0);
  const lastNumber = chunk.line + lines.length;
  const start = point(chunk.line + 1, 0, chunk.offset);
  // remark's paragraph ends at its last line's end, trailing blanks included; its text does not.
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: '', position: { start, end: point(lastNumber, end, lastOffset) } }],
    position: { start, end: point(lastNumber, lastLine.length, lastOffset) },
  };
}

interface RowSplit {
  row: TableRow;
  lineOffset: number;
  cells: { contentStart: number; contentEnd: number }[];
}

/** One `|` row → its cells, split at unescaped pipes, with remark's positions. */
function splitRow(line: string, lineNumber: number, lineOffset: number): RowSplit {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  const pipes: number[] = [];
  for (let index = line.indexOf('|'); index < end; index += 1) {
    if (line[index] !== '|') continue;
    let backslashes = 0;
    while (index - backslashes - 1 >= 0 && line[index - backslashes - 1] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) pipes.push(index);
  }
  const closed = pipes.length > 1 && pipes[pipes.length - 1] === end - 1;
  const bounds: [number, number, number][] = []; // cell start, content from, content to
  for (let i = 0; i < pipes.length - (closed ? 1 : 0); i += 1) {
    const from = pipes[i]!;
    const to = pipes[i + 1] ?? end;
    bounds.push([from, from + 1, to]);
  }
  const point = (column: number) => ({ line: lineNumber, column: column + 1, offset: lineOffset + column });
  const cells: TableCell[] = [];
  const contents: RowSplit['cells'] = [];
  bounds.forEach(([start, from, to], index) => {
    let a = from;
    let b = to;
    while (a < b && (line[a] === ' ' || line[a] === '\t')) a += 1;
    while (b > a && (line[b - 1] === ' ' || line[b - 1] === '\t')) b -= 1;
    const cellEnd = index === bounds.length - 1 ? end : to;
    const children: TableCell['children'] = a < b ? [{ type: 'text', value: line.slice(a, b), position: { start: point(a), end: point(b) } }] : [];
    cells.push({ type: 'tableCell', children, position: { start: point(start), end: point(cellEnd) } });
    contents.push({ contentStart: lineOffset + a, contentEnd: lineOffset + b });
  });
  const row: TableRow = { type: 'tableRow', children: cells, position: { start: point(pipes[0] ?? 0), end: point(end) } };
  return { row, lineOffset, cells: contents };
}

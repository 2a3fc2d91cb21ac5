/**
 * remark (CommonMark) + GFM tables, memoized. The six SDK-language pages (and many pages
 * of one tag) repeat most sections word for word, so each distinct text is parsed once.
 * Trees are shared between callers and must be read-only.
 *
 * A segment (one heading's section, see segments.ts) is cut further into chunks at block
 * boundaries that CommonMark guarantees (a blank line followed by a line that cannot
 * continue anything before it; the end of a fenced code block). Each chunk is parsed on
 * its own (and memoized) and the trees are stitched back with shifted positions: the
 * result is the tree remark builds for the whole segment (test/parse/markdown.test.ts
 * checks this over the corpus). The sample code of each SDK language is the text that
 * repeats least; a plain fenced code block is turned into its `code` node directly.
 * Segments with constructs that make the cut points uncertain (link reference
 * definitions, raw-text HTML blocks, indented fences, fences right under other text)
 * are parsed whole.
 *
 * Only the GFM table extension is registered — the one remark-gfm uses. The rest of
 * remark-gfm (autolink literals, footnotes, strikethrough, task lists) builds nodes we
 * never read and cost 30% of parse time over the corpus (4.0 s → 2.8 s).
 */
import type { AlignType, Code, Heading, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point, Position } from 'unist';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkGfmTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTables);
const blocks = new Map<string, Root>();
const segments = new Map<string, Root>();

/** remark's tree for `text`, parsed whole. */
export function parseMarkdownBlock(text: string): Root {
  let tree = blocks.get(text);
  if (tree === undefined) {
    tree = processor.parse(text);
    blocks.set(text, tree);
  }
  return tree;
}

/** The same tree as `parseMarkdownBlock(lines.join('\n'))`, built from memoized chunks. */
export function parseMarkdownSegment(lines: readonly string[], text = lines.join('\n')): Root {
  let tree = segments.get(text);
  if (tree === undefined) {
    tree = stitch(lines, text);
    segments.set(text, tree);
  }
  return tree;
}

export function markdownCacheSize(): number {
  return blocks.size;
}

const BLANK = /^[ \t]*$/;
/** A line that may open a fence (or a raw-text / comment HTML block) at any indentation. */
const FENCE_LIKE = /^[ \t]*(`{3,}|~{3,})/;
/** A fence we can read exactly: column 0, a one-word info string without escapes or entities. */
const PLAIN_FENCE = /^(`{3,}|~{3,})([^\s`\\&]*)$/;
/** A closing fence: up to three spaces, the fence characters, trailing blanks. */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const ATX_HEADING = /^ {0,3}#{1,6}([ \t]|$)/;
const DEFINITION = /^[ \t]{0,3}\[[^\]]*\]:/;
const RAW_HTML = /^[ \t]{0,3}<(?:script|pre|style|textarea|\?|![A-Za-z]|!\[CDATA\[)/i;
const HTML_START = /^[ \t]{0,3}</;
const COMMENT_START = /^[ \t]{0,3}<!--/;
/** After a blank line, a line starting like this cannot continue a list, quote or code. */
const FRESH_START = /^[^ \t>*+\-0-9]/;

interface Chunk {
  /** Index of the chunk's first line in the segment. */
  line: number;
  /** Offset of the chunk's first character in the segment text. */
  offset: number;
  lines: readonly string[];
  /** The chunk is exactly one plain fenced code block. */
  fence?: { lang: string };
}

function stitch(lines: readonly string[], text: string): Root {
  const chunks = chunksOf(lines);
  if (chunks === undefined || chunks.length === 1) return parseMarkdownBlock(text);
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    if (chunk.fence) {
      children.push(codeNode(chunk, chunk.fence.lang));
      continue;
    }
    if (chunk.lines.every((line) => BLANK.test(line))) continue;
    const plain = tableNode(chunk) ?? headingNode(chunk) ?? paragraphNode(chunk);
    if (plain) {
      children.push(plain);
      continue;
    }
    const tree = parseMarkdownBlock(chunk.lines.join('\n'));
    if (chunk.line === 0) children.push(...tree.children);
    else for (const node of tree.children) children.push(shifted(node, chunk.line, chunk.offset));
  }
  const last = lines[lines.length - 1] ?? '';
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: last.length + 1, offset: text.length } },
  };
}

/** Chunk boundaries of a segment, or undefined when it must be parsed whole. */
function chunksOf(lines: readonly string[]): Chunk[] | undefined {
  const starts: number[] = [0];
  const fences = new Map<number, string>();
  let fence: { marker: string; start: number; plain: boolean } | undefined;
  let inComment = false;
  let maybeHtml = false;
  const hasNul = lines.some((line) => line.includes('\0'));
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (fence) {
      const closer = CLOSING_FENCE.exec(line);
      if (closer && closer[1]![0] === fence.marker[0] && closer[1]!.length >= fence.marker.length) {
        if (fence.plain) fences.set(fence.start, PLAIN_FENCE.exec(lines[fence.start]!)![2]!);
        fence = undefined;
        if (index + 1 < lines.length) starts.push(index + 1);
      }
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (DEFINITION.test(line) || RAW_HTML.test(line)) return undefined;
    const blank = BLANK.test(line);
    const afterBlank = index > 0 && BLANK.test(lines[index - 1]!);
    if (blank) {
      maybeHtml = false;
      continue;
    }
    if (index > 0 && afterBlank && FRESH_START.test(line) && starts[starts.length - 1] !== index) starts.push(index);
    if (FENCE_LIKE.test(line)) {
      // Only fences at column 0 that start a block after a blank line (or the heading)
      // are certain to be fences at the top level of the segment.
      const opensBlock = index === 0 || afterBlank || (index === 1 && ATX_HEADING.test(lines[0]!));
      if (!opensBlock || maybeHtml || !/^[`~]/.test(line)) return undefined;
      const marker = /^(`{3,}|~{3,})/.exec(line)![1]!;
      if (marker[0] === '`' && line.slice(marker.length).includes('`')) return undefined;
      const plain = PLAIN_FENCE.test(line) && !hasNul;
      if (starts[starts.length - 1] !== index) starts.push(index);
      fence = { marker, start: index, plain };
      continue;
    }
    if (COMMENT_START.test(line)) {
      if (!line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
      maybeHtml = true;
      continue;
    }
    if (HTML_START.test(line)) maybeHtml = true;
  }
  // An unclosed fence or comment runs to the end of the segment, as in remark: its chunk does too.
  const chunks: Chunk[] = [];
  let offset = 0;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? lines.length;
    const chunkLines = lines.slice(start, end);
    const lang = fences.get(start);
    chunks.push({ line: start, offset, lines: chunkLines, fence: lang !== undefined && end - start >= 2 ? { lang } : undefined });
    offset += chunkLines.reduce((sum, line) => sum + line.length + 1, 0);
  });
  return chunks;
}

/** The `code` node remark builds for a plain fenced block (fence lines included in `lines`). */
function codeNode(chunk: Chunk, lang: string): Code {
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

/** A copy of a (shared, read-only) node with every position moved down by a chunk's start. */
function shifted<T extends object>(node: T, lines: number, offset: number): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position') copy[key] = shiftPosition(value as Position, lines, offset);
    else if (key === 'children') copy[key] = (value as object[]).map((child) => shifted(child, lines, offset));
    else copy[key] = value;
  }
  return copy as T;
}

function shiftPosition(position: Position, lines: number, offset: number): Position {
  const move = (point: Point): Point => ({ line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset });
  return { start: move(position.start), end: move(position.end) };
}


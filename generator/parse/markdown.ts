/**
 * remark (CommonMark) + GFM (remark-gfm), memoized. The six SDK-language pages (and many pages
 * of one tag) repeat most sections word for word, so each distinct text is parsed once.
 * Trees are shared between callers and must be read-only.
 *
 * A segment (one heading's section, see segments.ts) is cut further into chunks at block
 * boundaries that CommonMark guarantees (a blank line followed by a line that cannot
 * continue anything before it; the end of a fenced code block). Each chunk is parsed on
 * its own (and memoized) and the trees are stitched back with shifted positions: the
 * result is the tree remark builds for the whole segment (test/parse/markdown-chunks.test.ts
 * checks this over the corpus). The sample code of each SDK language is the text that
 * repeats least; a plain fenced code block is turned into its `code` node directly.
 * Segments with constructs that make the cut points uncertain (link reference
 * definitions, raw-text HTML blocks, indented fences, fences right under other text)
 * are parsed whole.
 *
 * Chunks that are one plain table, heading or paragraph are built without remark
 * (plain-blocks.ts).
 *
 * The extension set is remark-gfm, as the design names it. The parser reads tables,
 * headings and paragraphs only as source spans, so GFM's inline nodes (autolinks,
 * strikethrough) change nothing it reads; over the corpus the output is byte-identical
 * and the parse stage costs the same as with the table extension alone (remark itself
 * is ~20% slower with all of GFM, but sees only the chunks plain-blocks.ts cannot
 * build). Measurements: docs/architecture.md.
 */
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { codeNode, plainBlock, type Chunk } from './plain-blocks.js';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);
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


function stitch(lines: readonly string[], text: string): Root {
  const chunks = chunksOf(lines);
  if (chunks === undefined) return parseMarkdownBlock(text);
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    if (chunk.fence) {
      children.push(codeNode(chunk, chunk.fence.lang));
      continue;
    }
    if (chunk.lines.every((line) => BLANK.test(line))) continue;
    const plain = plainBlock(chunk);
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


/** A copy of a (shared, read-only) node with every position moved down by a chunk's start. */
function shifted<T extends object>(node: T, lines: number, offset: number): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // GFM's autolink literals (`a@b.c` in a paragraph) come without a position: nothing to move.
    if (key === 'position') copy[key] = value === undefined ? undefined : shiftPosition(value as Position, lines, offset);
    else if (key === 'children') copy[key] = (value as object[]).map((child) => shifted(child, lines, offset));
    else copy[key] = value;
  }
  return copy as T;
}

function shiftPosition(position: Position, lines: number, offset: number): Position {
  const move = (point: Point): Point => ({ line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset });
  return { start: move(position.start), end: move(position.end) };
}


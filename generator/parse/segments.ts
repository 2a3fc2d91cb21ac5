/**
 * Splits a page at its headings into segments, each parsed by remark on its own (and
 * so cached across pages; markdown.ts cuts them further into memoized chunks).
 * Headings inside fences or HTML comments do not split.
 */
import type { Root } from 'mdast';
import { parseMarkdownSegment } from './markdown.js';
import { fencedLines, type SourceText } from './source-text.js';

export interface Segment {
  /** Heading depth (1–6), or 0 for text before the first heading. */
  depth: number;
  /** Heading text as written, `#` marks removed. */
  heading: string;
  /** Index into SourceText.lines of the segment's first line. */
  start: number;
  text: string;
  readonly tree: Root;
}

const HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;

export function splitSegments(source: SourceText): Segment[] {
  const { lines } = source;
  const protectedLines = protectedMask(lines);
  const starts: number[] = [0];
  lines.forEach((line, index) => {
    if (index > 0 && !protectedLines[index] && HEADING.test(line)) starts.push(index);
  });
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? lines.length;
    const match = HEADING.exec(lines[start]!);
    const isHeading = match !== null && !protectedLines[start];
    const segmentLines = lines.slice(start, end).map((line, i) => (protectedLines[start + i] ? line : squeezeTableRow(line)));
    const text = segmentLines.join('\n');
    let tree: Root | undefined;
    return {
      depth: isHeading ? match[1]!.length : 0,
      heading: isHeading ? (match[2] ?? '') : '',
      start,
      text,
      // Parsed when first read: a page found not to be API reference by its headings is never parsed.
      get tree(): Root {
        return (tree ??= parseMarkdownSegment(segmentLines, text));
      },
    };
  });
}

/** Lines inside fences or multi-line HTML comments. */
function protectedMask(lines: readonly string[]): boolean[] {
  const mask = fencedLines(lines);
  let inComment = false;
  lines.forEach((line, index) => {
    if (mask[index]) return;
    if (inComment) {
      mask[index] = true;
      if (line.includes('-->')) inComment = false;
      return;
    }
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && !line.includes('-->', open)) inComment = true;
  });
  return mask;
}

const TABLE_LINE = /^\s{0,3}\|/;

/**
 * Prettier-aligned tables pad cells with long runs of spaces and dashes, which remark
 * reads character by character. Padding next to a cell border carries no meaning (cells
 * are trimmed), so it is squeezed before parsing; the lines themselves, which tell query
 * rows by their spacing, are left as written. Saves ~25% of parse time on padded pages.
 */
function squeezeTableRow(line: string): string {
  // Nothing to squeeze (most rows of unaligned tables): no run of two spaces or four dashes.
  if (!line.includes('  ') && !line.includes('----')) return line;
  if (!TABLE_LINE.test(line)) return line;
  if (/^[\s|:-]+$/.test(line)) return line.replace(/-{4,}/g, '---').replace(/ {2,}/g, ' ');
  return line.replace(/ {2,}\|/g, ' |').replace(/(?<!\\)\| {2,}/g, '| ');
}

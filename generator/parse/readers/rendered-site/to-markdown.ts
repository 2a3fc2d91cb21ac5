/**
 * A rendered-site article (article.ts) rebuilt as Markdown, so the Markdown reader's
 * section readers read it: `¶` headings become `#`/`##`/`###` headings (data structures
 * with their anchor), header and row lines `| … |` table rows (split-row.ts), the bare
 * lines of a code block a fence, the generated-from notice a blockquote. Every line keeps
 * its line in the file.
 */
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import { SourceTextBuilder, type SourceText } from '../../source-text.js';
import { classifySection } from '../../vocabulary.js';
import { PILCROW_HEADING } from './article.js';
import { headerColumns, type HeaderColumn } from './header.js';
import { splitRow, type RowVocabulary } from './split-row.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The line that introduces the response's JSON (`Sample result:`), on a line of its own. */
const RESULT_LINE = /^\s*(?:sample results?|example results?|示例结果)\s*[:：]?\s*$/i;
/** The notice the docs generator puts under every title (a blockquote in the Markdown). */
const NOTICE = /docs-factory|docs-to-sdk/i;
/** A Markdown table line the site showed as text (a table it could not render): kept with the lines of its table. */
const TABLE_LINE = /^\s*\|/;

export function markdownFromRenderedSite(article: SourceText, sink: DiagnosticSink): SourceText {
  const { lines, origin } = headingsApartFromTables(article, sink);
  const out = new SourceTextBuilder();
  const block = (line: string, at: number): void => {
    out.push(line, at);
    out.push('', at);
  };
  const models = modelNamesOf(lines);
  let title = true;
  let section: ReturnType<typeof classifySection>;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const at = origin[index]!;
    const heading = PILCROW_HEADING.exec(line)?.[1];
    if (heading !== undefined) {
      const kind = classifySection(heading);
      if (title) block(`# ${heading}`, at);
      else if (kind) block(`## ${heading}`, at);
      else if (models.has(heading)) block(`### <a id="${heading}"></a> ${heading}`, at);
      else block(`## ${heading}`, at);
      if (!title) section = kind ?? (section?.kind === 'models' ? section : undefined);
      title = false;
      index += 1;
      continue;
    }
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    if (section?.kind === 'sample') {
      index = fence(lines, origin, index, (end) => PILCROW_HEADING.test(lines[end]!), out);
      continue;
    }
    const header = headerColumns(line);
    if (header && header[0]!.role === 'name') {
      index = table(lines, origin, index, { models }, out, sink);
      continue;
    }
    if (RESULT_LINE.test(line) || /^\s*[[{]\s*$/.test(line)) {
      if (RESULT_LINE.test(line)) block(line.trim(), at);
      else index -= 1;
      const start = nextText(lines, index + 1);
      const end = start === undefined ? undefined : jsonEnd(lines, start);
      if (start !== undefined && end !== undefined) {
        out.push('```json', origin[start]!);
        for (let inner = start; inner < end; inner += 1) out.push(lines[inner]!, origin[inner]!);
        out.push('```', origin[end - 1]!);
        out.push('', origin[end - 1]!);
        index = end;
      } else {
        index += 1;
      }
      continue;
    }
    if (TABLE_LINE.test(line) && TABLE_LINE.test(lines[index + 1] ?? '')) out.push(line.trim(), at);
    else block(NOTICE.test(line) ? `> ${line.trim()}` : line.trim(), at);
    index += 1;
  }
  return out.build();
}

/**
 * A `¶` heading with a Markdown table header run into it (`¶ GoodsPackageDto| Name | Type |`,
 * a page whose source table the site could not render): the heading and the header on
 * lines of their own, so the data structure keeps its name and its rows.
 */
function headingsApartFromTables(article: SourceText, sink: DiagnosticSink): SourceText {
  if (!article.lines.some((line) => PILCROW_HEADING.test(line) && /\|.*\|/.test(line))) return article;
  const out = new SourceTextBuilder();
  article.lines.forEach((line, index) => {
    const at = article.origin[index]!;
    const heading = PILCROW_HEADING.exec(line)?.[1];
    const cut = heading?.indexOf('|') ?? -1;
    if (heading === undefined || cut <= 0 || !/\|.*\|/.test(heading)) return out.push(line, at);
    sink.warning('TABLE_LINES_SPLIT', at, `a table header runs on after the heading "${heading.slice(0, cut).trim()}"; split it onto its own line`);
    out.push(`¶ ${heading.slice(0, cut).trim()}`, at);
    out.push(heading.slice(cut), at);
  });
  return out.build();
}

/**
 * Data-structure names: the identifier headings after the data-structures heading, and
 * elsewhere those whose section starts with a field table (the Markdown marks both with
 * an anchor the site does not show).
 */
function modelNamesOf(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  let inModels = false;
  lines.forEach((line, index) => {
    const heading = PILCROW_HEADING.exec(line)?.[1];
    if (heading === undefined || index === 0) return;
    const kind = classifySection(heading)?.kind;
    if (kind) inModels = kind === 'models';
    else if (IDENTIFIER.test(heading) && (inModels || startsFieldTable(lines, index + 1))) names.add(heading);
  });
  return names;
}

function startsFieldTable(lines: readonly string[], from: number): boolean {
  const at = nextText(lines, from);
  return at !== undefined && headerColumns(lines[at]!)?.[0]?.role === 'name';
}

/**
 * A header (its cells on one line or several) and the rows under it, to a blank line.
 * A line that does not start a row continues the one above (a cell with line breaks:
 * joined with `<br>`). Returns the index after the table.
 */
function table(
  lines: readonly string[],
  origin: readonly number[],
  start: number,
  { models }: Pick<RowVocabulary, 'models'>,
  out: SourceTextBuilder,
  sink: DiagnosticSink,
): number {
  const columns: HeaderColumn[] = [];
  let index = start;
  for (let cells = headerColumns(lines[index]!); cells && index < lines.length; cells = headerColumns(lines[++index] ?? '')) {
    columns.push(...cells);
  }
  const vocabulary: RowVocabulary = { roles: columns.map((column) => column.role), models };
  const rows: { text: string; line: number; markdown?: boolean }[] = [];
  for (; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (PILCROW_HEADING.test(line)) break;
    const previous = rows[rows.length - 1];
    if (line.trim() === '') {
      // A blank line ends the table, unless a cell's code goes on (brackets open) or a row follows in the next block.
      const next = nextText(lines, index + 1);
      const goesOn = next !== undefined && !PILCROW_HEADING.test(lines[next]!) && (opensBrackets(previous?.text ?? '') || rowInBlock(lines, next, vocabulary));
      if (!goesOn) break;
      if (previous) previous.text += '<br>';
      continue;
    }
    if (TABLE_LINE.test(line)) rows.push({ text: line.trim(), line: origin[index]!, markdown: true });
    else if (previous?.markdown && !isMarkdownRow(previous.text, columns.length)) previous.text += `<br>${line.trim()}`;
    else if (previous && !previous.markdown && splitRow(line, vocabulary) === undefined) previous.text += `<br>${line.trim()}`;
    else rows.push({ text: line, line: origin[index]! });
  }
  out.push(`| ${columns.map((column) => column.text).join(' | ')} |`, origin[start]!);
  out.push(`|${columns.map(() => ' --- |').join('')}`, origin[start]!);
  for (const row of rows) {
    if (row.markdown) {
      out.push(row.text, row.line);
      continue;
    }
    const split = splitRow(row.text, vocabulary);
    if (split === undefined) {
      sink.warning('RENDERED_ROW_UNREADABLE', row.line, `row "${row.text.slice(0, 60)}" does not split into the columns ${vocabulary.roles.join(', ')}; skipped`);
      continue;
    }
    if (split.doubt) sink.warning('RENDERED_ROW_AMBIGUOUS', row.line, `row "${row.text.slice(0, 60)}": ${split.doubt}; took the likeliest reading`);
    const cells = split.cells.map((cell, column) => (vocabulary.roles[column] === 'example' ? codeSpan(cell) : cell).replace(/\|/g, '\\|'));
    out.push(`| ${cells.join(' | ')} |`, row.line);
  }
  out.push('', origin[Math.max(start, index - 1)]!);
  return index;
}

/** A sample value as the docs write it: in a code span (long enough for the backticks it holds). */
function codeSpan(text: string): string {
  if (text === '') return '';
  const ticks = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
  return /^`|`$/.test(text) ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

/** The bare lines of a code block, to the line `isEnd` takes (trailing blank lines left out), fenced. */
function fence(lines: readonly string[], origin: readonly number[], start: number, isEnd: (index: number) => boolean, out: SourceTextBuilder): number {
  let end = start;
  while (end < lines.length && !isEnd(end)) end += 1;
  let last = end;
  while (last > start && lines[last - 1]!.trim() === '') last -= 1;
  out.push('```', origin[start]!);
  for (let index = start; index < last; index += 1) out.push(lines[index]!, origin[index]!);
  out.push('```', origin[last - 1]!);
  out.push('', origin[last - 1]!);
  return end;
}

/** Whether a line of the block (to the next blank line) at `from` starts a row. */
function rowInBlock(lines: readonly string[], from: number, vocabulary: RowVocabulary): boolean {
  for (let index = from; index < lines.length && lines[index]!.trim() !== '' && !PILCROW_HEADING.test(lines[index]!); index += 1) {
    if (splitRow(lines[index]!, vocabulary) !== undefined) return true;
  }
  return false;
}

/** A Markdown row the site showed as text (after a cell it could not render), with the table's number of cells. */
function isMarkdownRow(line: string, width: number): boolean {
  const text = line.trim();
  return text.startsWith('|') && text.endsWith('|') && text.slice(1, -1).split(/(?<!\\)\|/).length === width;
}

/** More `{`, `(` or `[` than their closers: code in a cell that goes on below. */
function opensBrackets(text: string): boolean {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  return count(/[{([]/g) > count(/[})\]]/g);
}

function nextText(lines: readonly string[], from: number): number | undefined {
  for (let index = from; index < lines.length; index += 1) if (lines[index]!.trim() !== '') return index;
  return undefined;
}

/** The index after the JSON value that starts at `start` (brackets balanced, strings skipped), or undefined. */
function jsonEnd(lines: readonly string[], start: number): number | undefined {
  if (!/^\s*[[{]/.test(lines[start]!)) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index]!;
    for (let at = 0; at < line.length; at += 1) {
      const char = line[at]!;
      if (inString) {
        if (char === '\\') at += 1;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') depth -= 1;
    }
    if (depth <= 0) return index + 1;
  }
  return undefined;
}

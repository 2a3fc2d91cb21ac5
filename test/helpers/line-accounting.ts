/**
 * Line accounting (issue 12): every line of an API section that looks like table content
 * is either read into the IR or named by a diagnostic at its own line. Nothing a page
 * says about fields may vanish in silence.
 *
 * The judge is deliberately simpler than the parser, and reads the page as Markdown
 * outlines it:
 * - a section is what a heading the parser's vocabulary knows (请求参数, Response, 数据结构 …)
 *   opens, down to the next heading of the same or a higher level; deeper headings stay
 *   in it; in a data-structure section, and anywhere under a `<a id=…>` heading of level 3
 *   or deeper, the nearest such heading names the model the rows belong to;
 * - a table line is a line that starts with `|` after trimming, outside closed fences and
 *   closed HTML comments (an unclosed one does not hide what follows: that is the loss);
 * - a header line (the next line is a delimiter row with as many cells, as GFM needs),
 *   a delimiter row and a row of empty cells carry no field and need no accounting;
 * - a row is read when its first cell (backticks and `*` dropped, `\|` unescaped) is the
 *   name of a field of its table in the IR: the request or response of an operation the
 *   page is a source of, or the model whose source is the row's model heading.
 * Check a page against the IR of that page parsed alone: in a docs set, other pages of
 * the same operation would supply the fields a broken page lost.
 * Plain-text pages (no `#` heading at all, rebuilt by the parser) are not judged.
 */
import type { Diagnostic, Ir } from '../../generator/ir/types.js';
import { classifySection } from '../../generator/parse/vocabulary.js';

export interface UnaccountedLine {
  file: string;
  /** 1-based line of the page. */
  line: number;
  section: 'request' | 'response' | 'models';
  /** The model the row belongs to (its heading's anchor or text), for data-structure rows. */
  model?: string;
  text: string;
}

/** Diagnostics that refuse a whole page: every line of it is accounted for. */
const PAGE_REFUSALS = new Set<Diagnostic['code']>(['PAGE_BINARY']);

const HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const MODEL_ANCHOR = /<a\s+id="([^"]+)"/;

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
}

/** A table line's cells: split at unescaped pipes, the outer pipes dropped, trimmed. */
export function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

const fieldNameOf = (cell: string): string => cell.replace(/\\\|/g, '|').replace(/[`*]/g, '').trim();

/** The table lines of `text` (page `file`) that `ir` neither read nor has a diagnostic for. */
export function unaccountedLines(file: string, text: string, ir: Ir): UnaccountedLine[] {
  const diagnosed = new Set<number>();
  for (const diagnostic of ir.diagnostics) {
    if (diagnostic.file !== file) continue;
    if (PAGE_REFUSALS.has(diagnostic.code)) return [];
    diagnosed.add(diagnostic.line);
  }
  const lines = splitLines(text);
  if (!lines.some((line) => HEADING.test(line))) return [];
  const hidden = hiddenLines(lines);
  const operations = ir.operations.filter((op) => op.sources.some((source) => source.file === file));
  const requestNames = new Set(operations.flatMap((op) => op.request.fields.map((field) => field.name)));
  const responseNames = new Set(operations.flatMap((op) => op.response.fields.map((field) => field.name)));
  const modelNamesAt = (headingLine: number): Set<string> =>
    new Set(
      ir.models
        .filter((model) => model.sources.some((source) => source.file === file && source.line === headingLine))
        .flatMap((model) => model.fields.map((field) => field.name)),
    );

  const found: UnaccountedLine[] = [];
  let section: { kind: UnaccountedLine['section']; depth: number } | undefined;
  let model: { depth: number; line: number; name: string; fields: Set<string> } | undefined;
  lines.forEach((line, index) => {
    if (hidden[index]) return;
    const lineNumber = index + 1;
    const heading = HEADING.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      const words = heading[2] ?? '';
      if (model && depth <= model.depth) model = undefined;
      if (section && depth <= section.depth) section = undefined;
      const kind = depth >= 2 ? classifySection(words)?.kind : undefined;
      if (kind === 'request' || kind === 'response' || kind === 'models') section = { kind, depth };
      else if (kind !== undefined) section = undefined;
      else if (depth >= 3 && (section?.kind === 'models' || MODEL_ANCHOR.test(words))) {
        section ??= { kind: 'models', depth: depth - 1 };
        const name = (MODEL_ANCHOR.exec(words)?.[1] ?? words.replace(/<[^>]*>/g, '')).trim();
        model = { depth, line: lineNumber, name, fields: modelNamesAt(lineNumber) };
      }
      return;
    }
    if (!section || !line.trimStart().startsWith('|')) return;
    if (DELIMITER_ROW.test(line) && line.includes('-')) return;
    const cells = cellsOf(line);
    if (cells.every((cell) => cell === '')) return;
    const next = lines[index + 1];
    if (next !== undefined && !hidden[index + 1] && DELIMITER_ROW.test(next) && next.includes('-') && cellsOf(next).length === cells.length) return;
    if (diagnosed.has(lineNumber)) return;
    const name = fieldNameOf(cells[0] ?? '');
    // Under a data-structure heading the rows are the model's, whatever section holds it (as documented above).
    const names = model ? model.fields : section.kind === 'request' ? requestNames : section.kind === 'response' ? responseNames : undefined;
    if (names?.has(name)) return;
    found.push({ file, line: lineNumber, section: section.kind, ...(section.kind === 'models' && model ? { model: model.name } : {}), text: line });
  });
  return found;
}

/** Lines inside closed fences and closed HTML comments (their opening and closing lines included). */
function hiddenLines(lines: readonly string[]): boolean[] {
  const hidden = new Array<boolean>(lines.length).fill(false);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const fence = FENCE.exec(line)?.[1];
    const comment = !fence && /<!--/.test(line) && !/<!--[\s\S]*-->/.test(line);
    if (!fence && !comment) {
      index += 1;
      continue;
    }
    let end = index + 1;
    const closes = (candidate: string): boolean => {
      if (comment) return candidate.includes('-->');
      const closing = FENCE.exec(candidate)?.[1];
      return closing !== undefined && closing[0] === fence![0] && closing.length >= fence!.length && candidate.trim() === closing;
    };
    while (end < lines.length && !closes(lines[end]!)) end += 1;
    if (end >= lines.length) {
      // Unclosed: it hides nothing here (the parser must say what it did with the rest).
      index += 1;
      continue;
    }
    for (let at = index; at <= end; at += 1) hidden[at] = true;
    index = end + 1;
  }
  return hidden;
}

export function formatUnaccounted(lines: readonly UnaccountedLine[], limit = 10): string {
  const shown = lines.slice(0, limit).map(({ file, line, section, model, text }) => `${file}:${line} [${section}${model ? ` ${model}` : ''}] ${text.trim().slice(0, 120)}`);
  if (lines.length > limit) shown.push(`… and ${lines.length - limit} more`);
  return shown.join('\n');
}

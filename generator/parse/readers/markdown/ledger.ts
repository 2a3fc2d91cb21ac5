/**
 * Line accounting (issue 12): no table line of an API section is lost in silence. The
 * section readers record in the ledger every source line they consume (a field table's
 * header, delimiter and rows); after them, every table-like line of a request, response
 * or data-structure section that was neither consumed nor named by a diagnostic gets
 * TABLE_LINE_UNREAD at its line. What is left over is reported by construction, not by a
 * list of known cases.
 */
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import type { SourceText } from '../../source-text.js';
import { classifySection } from '../../vocabulary.js';
import { cellsOf } from './table-heads.js';

/** The lines (indices into SourceText.lines) the section readers consumed. */
export class LineLedger {
  private readonly consumed = new Set<number>();

  consume(first: number, last = first): void {
    for (let index = first; index <= last; index += 1) this.consumed.add(index);
  }

  has(index: number): boolean {
    return this.consumed.has(index);
  }
}

const HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const MODEL_ANCHOR = /<a\s+id=/;
type AccountedKind = 'request' | 'response' | 'models';

/**
 * TABLE_LINE_UNREAD for each table line of an API section the ledger does not hold and no
 * diagnostic names. A section runs from its heading down to the next heading of the same
 * or a higher level (its sub-headings stay in it); a `<a id=…>` heading of level 3 or
 * deeper opens a data structure. Closed fences and comments hide their lines; an unclosed
 * one hides nothing (it is what swallowed the rows).
 */
export function reportUnreadTableLines(source: SourceText, ledger: LineLedger, sink: DiagnosticSink): void {
  const diagnosed = new Set(sink.items.map((item) => item.line));
  const hidden = closedBlockLines(source.lines);
  let section: { kind: AccountedKind; depth: number } | undefined;
  source.lines.forEach((text, index) => {
    if (hidden[index]) return;
    const heading = HEADING.exec(text);
    if (heading) {
      const depth = heading[1]!.length;
      const words = heading[2] ?? '';
      if (section && depth <= section.depth) section = undefined;
      const kind = depth >= 2 ? classifySection(words)?.kind : undefined;
      if (kind === 'request' || kind === 'response' || kind === 'models') section = { kind, depth };
      else if (kind !== undefined) section = undefined;
      else if (depth >= 3 && MODEL_ANCHOR.test(words)) section ??= { kind: 'models', depth: depth - 1 };
      return;
    }
    if (!section || ledger.has(index) || !isUnreadCandidate(source.lines, index, hidden)) return;
    const line = source.origin[index] ?? 1;
    if (diagnosed.has(line)) return;
    diagnosed.add(line);
    const where = section.kind === 'models' ? 'data-structure' : section.kind;
    sink.warning('TABLE_LINE_UNREAD', line, `${where} table line was read into no field: "${text.trim().slice(0, 60)}"`);
  });
}

/** A `|` line that may carry a field: not a delimiter row, not all empty cells, not a header (next line its delimiter). */
function isUnreadCandidate(lines: readonly string[], index: number, hidden: readonly boolean[]): boolean {
  const line = lines[index]!;
  if (!line.trimStart().startsWith('|')) return false;
  if (DELIMITER_ROW.test(line) && line.includes('-')) return false;
  const cells = cellsOf(line);
  if (cells.every((cell) => cell === '')) return false;
  const next = lines[index + 1];
  return !(next !== undefined && !hidden[index + 1] && DELIMITER_ROW.test(next) && next.includes('-') && cellsOf(next).length === cells.length);
}


/** Lines inside closed fences and closed HTML comments (their opening and closing lines included). */
function closedBlockLines(lines: readonly string[]): boolean[] {
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
    const closes = (candidate: string): boolean => {
      if (comment) return candidate.includes('-->');
      const closing = FENCE.exec(candidate)?.[1];
      return closing !== undefined && closing[0] === fence![0] && closing.length >= fence!.length && candidate.trim() === closing;
    };
    let end = index + 1;
    while (end < lines.length && !closes(lines[end]!)) end += 1;
    if (end >= lines.length) {
      index += 1;
      continue;
    }
    hidden.fill(true, index, end + 1);
    index = end + 1;
  }
  return hidden;
}

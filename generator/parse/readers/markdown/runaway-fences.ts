/**
 * A repair applied before segmentation: a code fence left open (its closing line lost)
 * or opened by a stray line swallows what follows as code, section headings and field
 * tables included, and the page loses them in silence. Code in these pages never holds a
 * section heading or a field table's header, so a fence that reaches one ends there; a
 * fence line that cuts a table (a table line right above and below it) is stray and
 * dropped. An HTML comment left open is closed the same way. Each repair is a warning
 * at the fence or comment line.
 */
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import { opensComment, SourceTextBuilder, type SourceText } from '../../source-text.js';
import { classifySection } from '../../vocabulary.js';
import { isFieldTableHeader } from './table-heads.js';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_LINE = /^\s*\|/;
const BLANK = /^\s*$/;

/** What a code block never holds: an API section or data-structure heading, a field table's header. */
function pageStructure(line: string): string | undefined {
  const heading = HEADING.exec(line);
  if (heading) {
    const depth = heading[1]!.length;
    if (depth >= 2 && classifySection(heading[2]!) !== undefined) return 'section heading';
    if (depth >= 3 && /<a\s+id=/.test(heading[2]!)) return 'data-structure heading';
    return undefined;
  }
  return isFieldTableHeader(line) ? 'field table' : undefined;
}

export function closeRunawayFences(source: SourceText, sink: DiagnosticSink): SourceText {
  const { lines, origin } = source;
  const out = new SourceTextBuilder();
  let changed = false;
  let open: { marker: string; at: number; out: number; body: number } | undefined;
  let comment: number | undefined;
  const joined = (index: number): boolean => source.joined?.[index] === true;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const fence = FENCE.exec(line)?.[1];
    if (comment !== undefined) {
      const structure = line.includes('-->') ? undefined : pageStructure(line);
      if (structure === undefined) {
        if (line.includes('-->')) comment = undefined;
        out.push(line, origin[index]!, joined(index));
        continue;
      }
      // An HTML comment that never closes hides the rest of the page, as an open fence does.
      sink.warning('COMMENT_UNCLOSED', origin[comment]!, `HTML comment is not closed before the ${structure} on line ${origin[index]}; closed it there`);
      out.push('-->', origin[index]!);
      changed = true;
      comment = undefined;
    }
    if (open === undefined) {
      // A fence line inside an HTML comment block opens nothing (CommonMark).
      if (fence === undefined) {
        if (opensComment(line)) comment = index;
        out.push(line, origin[index]!, joined(index));
        continue;
      }
      const before = out.lines[out.lines.length - 1];
      if (before !== undefined && TABLE_LINE.test(before) && TABLE_LINE.test(lines[index + 1] ?? '')) {
        // Said at the table line above: a header cut from its delimiter row is no header on its own.
        sink.warning('FENCE_STRAY', out.origin[out.origin.length - 1]!, `a code fence line (line ${origin[index]}) cuts the table after this line; dropped it`);
        changed = true;
        continue;
      }
      open = { marker: fence, at: index, out: out.lines.length, body: 0 };
      out.push(line, origin[index]!, joined(index));
      continue;
    }
    if (fence && fence[0] === open.marker[0] && fence.length >= open.marker.length && line.trim() === fence) {
      open = undefined;
      out.push(line, origin[index]!, joined(index));
      continue;
    }
    const structure = pageStructure(line);
    if (structure !== undefined) {
      changed = true;
      if (open.body === 0) {
        // Nothing but blank lines was fenced: the fence line was stray.
        out.removeAt(open.out);
        sink.warning('FENCE_STRAY', origin[open.at]!, `a code fence line opens no code (a ${structure} follows on line ${origin[index]}); dropped it`);
      } else {
        out.push(open.marker, origin[index]!);
        sink.warning('FENCE_UNCLOSED', origin[open.at]!, `code fence is not closed before the ${structure} on line ${origin[index]}; closed it there`);
      }
      open = undefined;
      out.push(line, origin[index]!, joined(index));
      continue;
    }
    if (!BLANK.test(line)) open.body += 1;
    out.push(line, origin[index]!, joined(index));
  }
  return changed ? out.build() : source;
}

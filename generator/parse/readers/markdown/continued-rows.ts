/**
 * A repair applied before remark sees a page. GFM tables cannot hold a line break inside
 * a cell, so a real page whose cell spans several lines (a Markdown list in a
 * description, multi-line code in an example) would end the table early and turn the
 * rest of the rows into a list. We join such rows here, and say so.
 */
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import { fencedLines, SourceTextBuilder, type SourceText } from '../../source-text.js';

const TABLE_ROW = /^\s{0,3}\|/;
const BLOCK_START = /^\s{0,3}(#{1,6}\s|`{3,}|~{3,}|<!--)/;

/** The line closes its table row (it does not continue on the next lines). */
export const endsRow = (line: string): boolean => /[^\\]\|\s*$/.test(line) || line.trim() === '|';

/** Joins table rows that continue on the following lines (with `<br>`, as the docs do in one line). */
export function joinContinuedTableRows(source: SourceText, sink: DiagnosticSink): SourceText {
  const { lines, origin } = source;
  const fenced = fencedLines(lines);
  const out = new SourceTextBuilder();
  let index = 0;
  while (index < lines.length) {
    let line = lines[index]!;
    const first = index;
    index += 1;
    if (!fenced[first] && TABLE_ROW.test(line) && !endsRow(line)) {
      while (index < lines.length && !endsRow(line) && isContinuation(lines[index]!)) {
        line = `${line.trimEnd()}<br>${lines[index]!}`;
        index += 1;
      }
      if (index - first > 1) {
        sink.warning(
          'TABLE_ROW_JOINED',
          origin[first]!,
          `table row spans ${index - first} lines; joined them with <br> (a table cell cannot hold a line break)`,
        );
      }
    }
    out.push(line, origin[first]!, index - first > 1);
  }
  return out.build();
}

function isContinuation(line: string): boolean {
  return line.trim() !== '' && !TABLE_ROW.test(line) && !BLOCK_START.test(line);
}

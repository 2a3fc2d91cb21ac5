/**
 * Line-level repairs applied before remark sees a page. GFM tables cannot hold a line
 * break inside a cell, so a real page whose cell spans several lines (a Markdown list in
 * a description, multi-line code in an example) would end the table early and turn the
 * rest of the rows into a list. We join such rows here, and say so.
 */
import type { DiagnosticSink } from '../ir/diagnostics.js';
import { fencedLines, SourceTextBuilder, type SourceText } from './source-text.js';
import { SECTION_TITLES } from './vocabulary.js';

const TABLE_ROW = /^\s{0,3}\|/;
const BLOCK_START = /^\s{0,3}(#{1,6}\s|`{3,}|~{3,}|<!--)/;

const endsRow = (line: string): boolean => /[^\\]\|\s*$/.test(line) || line.trim() === '|';

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

const HEADING = /^\s{0,3}#{1,6}\s/;
const CODE_LANGS = /^(ts|typescript|js|javascript|json|py|python|java|go|php|cs|csharp|shell|bash)$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Some pages are plain text copied from the rendered site or an export: no `#` headings,
 * no fences, section titles on their own lines (or run onto the previous line), code
 * introduced by a bare language word. Rebuild the Markdown structure so the same
 * section logic applies. Returns undefined when the page is already Markdown.
 */
export function markdownFromPlainText(source: SourceText, sink: DiagnosticSink): SourceText | undefined {
  const { lines, origin } = source;
  if (lines.some((line) => HEADING.test(line) || /^\s{0,3}(`{3,}|~{3,})/.test(line))) return undefined;
  const titleIndex = lines.findIndex((line) => sectionTitleAt(line) !== undefined);
  if (titleIndex < 0) return undefined;
  sink.warning('PAGE_PLAIN_TEXT', 1, 'page has no Markdown headings; read it as plain text with section titles');

  const out = new SourceTextBuilder();
  const block = (line: string, at: number): void => {
    out.push(line, at);
    out.push('', at);
  };
  let inCode = false;
  let inModels = false;
  let firstText = true;
  lines.forEach((rawLine, index) => {
    const at = origin[index]!;
    const title = sectionTitleAt(rawLine);
    let line = rawLine;
    if (title !== undefined) {
      const before = rawLine.slice(0, rawLine.length - title.length);
      if (before.trim() !== '') {
        if (inCode) out.push(before, at);
        else block(before, at);
      }
      if (inCode) block('```', at);
      inCode = false;
      inModels = /data structure|数据结构/i.test(title);
      block(`## ${title.trim()}`, at);
      return;
    }
    if (inCode) {
      out.push(line, at);
      return;
    }
    if (CODE_LANGS.test(line.trim())) {
      out.push('', at);
      out.push('```' + line.trim(), at);
      inCode = true;
      return;
    }
    if (line.trim() === '') return;
    if (firstText) {
      firstText = false;
      block(`# ${line.trim()}`, at);
      return;
    }
    const next = lines[index + 1] ?? '';
    if (inModels && IDENTIFIER.test(line.trim()) && TABLE_ROW.test(next)) {
      block(`### <a id="${line.trim()}"></a> ${line.trim()}`, at);
      return;
    }
    if (TABLE_ROW.test(line)) {
      out.push(line, at);
      if (!TABLE_ROW.test(next)) out.push('', at);
      return;
    }
    line = line.trim();
    block(line, at);
  });
  if (inCode) out.push('```', origin[origin.length - 1] ?? 1);
  return out.build();
}

/** The section title a plain-text line is, or ends with (`})();Request response`). */
function sectionTitleAt(line: string): string | undefined {
  const trimmed = line.trim();
  for (const title of SECTION_TITLES) {
    if (trimmed === title) return line.slice(line.indexOf(title));
    if (trimmed.endsWith(title) && /[)};\]]$/.test(trimmed.slice(0, -title.length))) return title;
  }
  return undefined;
}

/**
 * Plain text to Markdown. Some pages are plain text copied from the rendered site or an
 * export: no `#` headings, no fences, section titles on their own lines (or run onto
 * the previous line), code introduced by a bare language word. Their Markdown structure
 * is rebuilt so the Markdown reader's section readers apply.
 */
import { SourceTextBuilder, type SourceText } from '../../source-text.js';
import { SECTION_TITLES } from '../../vocabulary.js';

const TABLE_ROW = /^\s{0,3}\|/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}\s/;
const CODE_LANGS = /^(ts|typescript|js|javascript|json|py|python|java|go|php|cs|csharp|shell|bash)$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** No Markdown heading or fence, and a section title on a line of its own (or run onto the end of one). */
export function isPlainText(lines: readonly string[]): boolean {
  if (lines.some((line) => HEADING.test(line) || FENCE.test(line))) return false;
  return lines.some((line) => sectionTitleAt(line) !== undefined);
}

/**
 * A plain-text page (isPlainText) rebuilt as Markdown: section titles become `##`
 * headings, the first line the `#` title, a bare language word opens a code fence,
 * an identifier above a table under the data-structures title a `###` model heading.
 * Every line keeps its line in the file.
 */
export function markdownFromPlainText(source: SourceText): SourceText {
  const { lines, origin } = source;
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

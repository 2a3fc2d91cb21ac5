/**
 * The article of a page copied from a rendered docs site: from its `¶` title to the
 * previous/next-article line. What stands around it (navigation, sidebar tree,
 * breadcrumbs, table of contents, footer) is site chrome and is dropped.
 */
import type { SourceText } from '../../source-text.js';
import { classifySection } from '../../vocabulary.js';
import { headerColumns } from './header.js';

/** `¶ Title`: the site's heading anchor, copied with the heading text. */
export const PILCROW_HEADING = /^\s*¶\s+(.*\S)\s*$/;

/** The line after the article: `Previous article: … Next article: …` (either may be absent), `上一篇：…`. */
const PREV_NEXT = /^\s*(?:previous article|next article|上一篇|下一篇)\s*[:：]/i;

/** The line under the title with the page's update time, and the site's `Edit` link after it. */
const UPDATE_TIME = /^\s*(?:update time|last updated|更新时间|最近更新)\s*[:：]/i;
const EDIT_LINK = /^\s*(?:edit|编辑)(?: this page|此页)?\s*$/i;

/**
 * `¶` headings and, to tell the page from a Markdown one that happens to use `¶`, a
 * section title after one or a header whose cells run together (`NameType`).
 */
export function isRenderedSite(lines: readonly string[]): boolean {
  // Cheap first: no `¶` heading, no rendered page (the header test below splits lines into column words).
  if (!lines.some((line) => line.includes('¶') && PILCROW_HEADING.test(line))) return false;
  let headings = 0;
  let evidence = false;
  for (const line of lines) {
    const heading = PILCROW_HEADING.exec(line);
    if (heading) {
      headings += 1;
      evidence ||= classifySection(heading[1]!) !== undefined;
    } else if (!evidence && line.length < 80 && /^\S/.test(line)) {
      evidence = (headerColumns(line)?.length ?? 0) >= 2;
    }
    if (headings > 0 && evidence) return true;
  }
  return false;
}

/** The article's lines (their origins kept), without the update-time and edit lines; undefined without a `¶` title. */
export function articleOf(source: SourceText): SourceText | undefined {
  const start = source.lines.findIndex((line) => PILCROW_HEADING.test(line));
  if (start < 0) return undefined;
  let end = source.lines.findIndex((line, index) => index > start && PREV_NEXT.test(line));
  if (end < 0) end = source.lines.length;
  const lines: string[] = [];
  const origin: number[] = [];
  for (let index = start; index < end; index += 1) {
    const line = source.lines[index]!;
    if (UPDATE_TIME.test(line)) {
      if (EDIT_LINK.test(source.lines[index + 1] ?? '')) index += 1;
      continue;
    }
    lines.push(line);
    origin.push(source.origin[index]!);
  }
  return { lines, origin };
}

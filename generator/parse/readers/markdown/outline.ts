/**
 * A Markdown page's outline: its segments (one per heading, see segments.ts) in page
 * order, each with the role its heading gives it and the locale the headings so far
 * tell. Decided from the headings alone; the section readers (sections.ts) read the
 * bodies.
 */
import type { Locale } from '../../../ir/types.js';
import { localeOfPath } from '../../page.js';
import type { Segment } from '../../segments.js';
import type { SourceText } from '../../source-text.js';
import { classifySection, type SectionKind } from '../../vocabulary.js';
import type { PageText } from '../contract.js';

/**
 * `intro`: the H1 and what stands under it; `description`: a sub-heading of the intro
 * (an example, a note), kept in the description as written; `model`: a data structure;
 * `skipped`: a section we do not read (and a data-structures heading itself).
 */
export type Role = Exclude<SectionKind, 'models'> | 'intro' | 'description' | 'model' | 'skipped';

export interface Section {
  role: Role;
  segment: Segment;
  /** Line in the file of the segment's first line (its heading). */
  line: number;
  /** The page's locale as far as the headings up to here tell it: tables are read in it. */
  locale: Locale;
}

export interface Outline {
  /** The first H1, as plain words. */
  title?: string;
  sections: Section[];
  /** A method, request, sample, response or result heading was found. */
  hasApiSection: boolean;
  locale: Locale;
}

const ANCHOR = /<a\s+id=/;

/**
 * Whether the headings alone leave the page a chance to be API reference: a known
 * section heading, or a data-structure heading (`<a id=…>`, level 3 or deeper). Without
 * either the page is skipped before its sections are parsed (the corpus's 33 guide
 * pages took 70% of what remark still parses).
 */
export function mayBeApiReference(segments: readonly Segment[]): boolean {
  return segments.some(
    (segment) => (segment.depth >= 2 && classifySection(segment.heading) !== undefined) || (segment.depth >= 3 && ANCHOR.test(segment.heading)),
  );
}

export function outlineOf(segments: readonly Segment[], source: SourceText, page: PageText): Outline {
  const locales: Locale[] = [];
  const sections: Section[] = [];
  let title: string | undefined;
  let current: SectionKind | 'intro' | 'other' = 'intro';
  let hasApiSection = false;
  for (const segment of segments) {
    let role: Role | undefined;
    if (segment.depth === 1 && title === undefined) {
      title = inlineText(segment.heading);
      current = 'intro';
    } else if (segment.depth >= 2) {
      const classified = classifySection(segment.heading);
      if (classified) {
        locales.push(classified.locale);
        current = classified.kind;
        hasApiSection ||= classified.kind !== 'models';
      } else if (segment.depth >= 3 && (current === 'models' || ANCHOR.test(segment.heading))) {
        role = 'model';
      } else if (current === 'intro' && title !== undefined && !hasApiSection) {
        role = 'description';
      } else {
        current = 'other';
      }
    }
    // Text above the first heading and later H1s belong to the section they stand in.
    role ??= current === 'models' || current === 'other' ? 'skipped' : current;
    const line = source.origin[segment.start] ?? 1;
    sections.push({ role, segment, line, locale: localeOf(locales, title, page) });
  }
  return { title, sections, hasApiSection, locale: localeOf(locales, title, page) };
}

/** The headings' majority (ties: zh); without headings, the path, then the script of the title or the text's start. */
function localeOf(locales: readonly Locale[], title: string | undefined, page: PageText): Locale {
  if (locales.length > 0) return locales.filter((l) => l === 'zh').length * 2 >= locales.length ? 'zh' : 'en';
  return localeOfPath(page.file) ?? (/[\u4e00-\u9fff]/.test(title ?? page.text.slice(0, 400)) ? 'zh' : 'en');
}

/** Heading or paragraph Markdown → plain words (HTML tags dropped). */
export function inlineText(markdown: string): string {
  return markdown.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

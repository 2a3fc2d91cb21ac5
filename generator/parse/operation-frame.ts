/**
 * The frame of an operation's own pages (issue 13): what prevails among them, per locale,
 * kept where it differs from the docs set's frame, so the pages the input lacks are
 * synthesized in the style of their operation's pages first, the docs set's second. A
 * page without a notice votes for none (`""`). Only pages read in their source form count:
 * a page rebuilt from another format has the frame the reader rebuilt, not one of its own.
 */
import { LOCALES, type LocaleFrame, type PageFrame } from '../ir/types.js';
import { pageFrame } from './merge.js';
import type { PageDoc } from './page.js';

export function operationFrame(pages: readonly PageDoc[], docsSet: PageFrame | undefined): PageFrame | undefined {
  const own = pageFrame(pages.filter((page) => page.shape !== undefined).map((page) => ({ ...page, frame: { ...page.frame, notice: page.frame.notice ?? '' } })));
  const frame: PageFrame = {};
  for (const locale of LOCALES) {
    const set: LocaleFrame = { ...docsSet?.[locale], notice: docsSet?.[locale]?.notice ?? '' };
    const parts = Object.entries(own?.[locale] ?? {}).filter(([part, text]) => set[part as keyof LocaleFrame] !== text);
    if (parts.length > 0) frame[locale] = Object.fromEntries(parts);
  }
  return Object.keys(frame).length > 0 ? frame : undefined;
}

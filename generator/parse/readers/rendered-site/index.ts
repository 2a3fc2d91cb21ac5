/**
 * The rendered-site reader: text copied from a rendered docs site (`¶ ` headings, table
 * cells run together, code as bare lines), in zh and en. The article is cut from the
 * site chrome (article.ts), its Markdown rebuilt (to-markdown.ts), then the Markdown
 * reader reads it, so all formats share one set of section readers.
 */
import { notApiReference } from '../../page.js';
import type { Reader } from '../contract.js';
import { readMarkdownPage } from '../markdown/index.js';
import { articleOf, isRenderedSite } from './article.js';
import { markdownFromRenderedSite } from './to-markdown.js';

export const renderedSiteReader: Reader = {
  name: 'rendered-site',
  detect: (page) => isRenderedSite(page.source.lines),
  read(page, sink) {
    const article = articleOf(page.source);
    if (article === undefined) return notApiReference(sink);
    sink.warning('PAGE_RENDERED_SITE', article.origin[0] ?? 1, 'page is text copied from a rendered docs site; read the article from its ¶ title, site chrome around it dropped');
    const doc = readMarkdownPage({ ...page, source: markdownFromRenderedSite(article, sink) }, sink);
    // A page of the same operation in its source form wins where they disagree (merge.ts).
    return doc && { ...doc, copied: true };
  },
};

/**
 * The plain-text reader: pages without Markdown headings or fences whose sections are
 * titled on lines of their own. Their Markdown structure is rebuilt (to-markdown.ts),
 * then the Markdown reader reads them, so both formats share one set of section readers.
 */
import type { Reader } from '../contract.js';
import { readMarkdownPage } from '../markdown/index.js';
import { isPlainText, markdownFromPlainText } from './to-markdown.js';

export const plainTextReader: Reader = {
  name: 'plain-text',
  detect: (page) => isPlainText(page.source.lines),
  read(page, sink) {
    sink.warning('PAGE_PLAIN_TEXT', 1, 'page has no Markdown headings; read it as plain text with section titles');
    return readMarkdownPage({ ...page, source: markdownFromPlainText(page.source) }, sink);
  },
};

/**
 * The reader registry: picks the reader of a page by its content and runs it.
 *
 * READERS is tried in order and the first whose detect() takes the page reads it, so
 * the most particular formats come first: text copied from a rendered site (`¶ `
 * headings, cells run together), then plain text (no Markdown headings or fences,
 * section titles on lines of their own), then Markdown, which takes any text and
 * stays last. A new reader is one folder beside these and one entry in this list,
 * placed before the readers whose pages would also pass its detect().
 */
import type { DiagnosticSink } from '../../ir/diagnostics.js';
import { notApiReference, type PageDoc } from '../page.js';
import { toSourceText } from '../source-text.js';
import type { PageText, Reader } from './contract.js';
import { markdownReader } from './markdown/index.js';
import { plainTextReader } from './plain-text/index.js';
import { renderedSiteReader } from './rendered-site/index.js';

export type { PageText, Reader };

export const READERS: readonly Reader[] = [renderedSiteReader, plainTextReader, markdownReader];

export function pageText(file: string, text: string): PageText {
  return { file, text, source: toSourceText(text) };
}

export function selectReader(page: PageText, readers: readonly Reader[] = READERS): Reader | undefined {
  return readers.find((reader) => reader.detect(page));
}

/** Returns undefined for pages that are not API reference (events.md, oidc.md …). */
export function readPage(file: string, text: string, sink: DiagnosticSink, readers: readonly Reader[] = READERS): PageDoc | undefined {
  const page = pageText(file, text);
  const reader = selectReader(page, readers);
  return reader ? reader.read(page, sink) : notApiReference(sink);
}

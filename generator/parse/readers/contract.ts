/**
 * The reader contract. A reader turns one input file into the facts of one page (a
 * PageDoc) and reports what it could not read as diagnostics. Which reader reads a page
 * is decided by its content, never its file name (readers/index.ts). A new input format
 * is one folder here and one entry in READERS: what comes after a PageDoc (assembly, IR,
 * emitters, cache, CLI) does not change.
 */
import type { DiagnosticSink } from '../../ir/diagnostics.js';
import type { PageDoc } from '../page.js';
import type { SourceText } from '../source-text.js';

/** One input file, decoded. */
export interface PageText {
  /** Path relative to the docs root, forward slashes. */
  file: string;
  /** The text as decoded. */
  text: string;
  /** The same as lines (byte-order mark and carriage returns removed), each with its line in the file. */
  source: SourceText;
}

export interface Reader {
  /** Stable, lower case; names the reader in tests. */
  readonly name: string;
  /** Whether this reader takes the page: cheap line tests, no parsing, no diagnostics. */
  detect(page: PageText): boolean;
  /** The page's facts, or undefined (after an info diagnostic) when it is not API reference. */
  read(page: PageText, sink: DiagnosticSink): PageDoc | undefined;
}

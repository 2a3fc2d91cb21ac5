/**
 * One input file → a PageResult: the page (if it is API reference) and the diagnostics
 * it raised on its own. A pure function of (path, content), so results can be cached by
 * content hash (pageHash).
 */
import { createHash } from 'node:crypto';
import { DiagnosticSink } from '../ir/diagnostics.js';
import type { Diagnostic } from '../ir/types.js';
import type { PageDoc } from './page.js';
import { readPage } from './readers/index.js';

export interface PageInput {
  /** Path relative to the docs root, forward slashes. */
  file: string;
  content: Buffer | Uint8Array | string;
}

export interface PageResult {
  file: string;
  page?: PageDoc;
  diagnostics: Diagnostic[];
  /** A hash of the page's path and content: what the assembly's memo keys on (index.ts, assembly.ts). */
  hash: string;
}

const hashes = new WeakMap<PageInput, string>();

/** A hash of a page's path and content, once per input: its identity for every memo (the page cache, the merges, the run key). */
export function pageHash(input: PageInput): string {
  let hash = hashes.get(input);
  if (hash === undefined) {
    hash = createHash('sha1').update(input.file).update('\0').update(input.content).digest('base64');
    hashes.set(input, hash);
  }
  return hash;
}

export function readPageResult(input: PageInput): PageResult {
  const sink = new DiagnosticSink(input.file);
  const text = decode(input.content, sink);
  let page: PageDoc | undefined;
  if (text !== undefined) {
    try {
      page = readPage(input.file, text, sink);
    } catch (error) {
      // A parser bug must not take the other pages down; report it like any bad input.
      sink.error('PARSE_FAILED', 1, `could not parse page: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const hash = pageHash(input);
  return page ? { file: input.file, page, diagnostics: sink.items, hash } : { file: input.file, diagnostics: sink.items, hash };
}

function decode(content: PageInput['content'], sink: DiagnosticSink): string | undefined {
  if (typeof content !== 'string') {
    if (content.includes(0)) {
      sink.error('PAGE_BINARY', 1, 'file is binary (contains NUL bytes), not a Markdown page');
      return undefined;
    }
    content = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  }
  if (content.trim() === '') {
    sink.warning('PAGE_EMPTY', 1, 'page is empty');
    return undefined;
  }
  const replaced = (content.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0) sink.warning('PAGE_ENCODING', 1, `page is not valid UTF-8 (${replaced} characters replaced)`);
  return content;
}

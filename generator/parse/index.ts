/**
 * The parse stage's public surface: a docs folder (or in-memory pages) → an IR.
 * Every problem is a diagnostic; a broken page never stops the others.
 *
 * Two steps: each page is read on its own (`readPageResult`, a pure function of the
 * page's path and content), then all pages are assembled into operations and models
 * (`assemble`). A caller that keeps page results between runs passes its own
 * `readPage` (a memoized readPageResult): the stage itself keeps nothing.
 */
import type { GeneratorConfig } from '../config/index.js';
import type { CustomCodeFile, Ir } from '../ir/types.js';
import { assemble, type MergeMemo } from './assembly.js';
import { readCustomCode, readInputs } from './inputs.js';
import { readPageResult, type PageInput, type PageResult } from './read-page.js';

export type { PageInput, PageResult };
export { assemble, type MergeMemo } from './assembly.js';
export { findPages, readInputs, readPages } from './inputs.js';
export { pageHash, readPageResult } from './read-page.js';

export interface ParseOptions {
  config?: GeneratorConfig;
  /** Called as pages are read (for progress bars). */
  onProgress?: (done: number, total: number) => void;
  /** How one page is read (default readPageResult). */
  readPage?: (input: PageInput) => PageResult;
  /** How the assembly's merges are computed (default: at once; see MergeMemo). */
  mergeMemo?: MergeMemo;
  /** The custom code folder's files: carried into the IR as they are, for the SDK emitter. */
  customCode?: CustomCodeFile[];
}

export interface ParseResult {
  ir: Ir;
  pages: number;
}

export function parsePages(inputs: readonly PageInput[], options: ParseOptions = {}): ParseResult {
  const readPage = options.readPage ?? readPageResult;
  const results = inputs.map((input, index) => {
    if (index % 50 === 0) options.onProgress?.(index, inputs.length);
    return readPage(input);
  });
  options.onProgress?.(inputs.length, inputs.length);
  const ir = assemble(results, options.config, options.mergeMemo);
  if (options.customCode && options.customCode.length > 0) ir.customCode = options.customCode;
  return { ir, pages: inputs.length };
}

export async function parseDocsFolder(root: string, options: ParseOptions = {}): Promise<ParseResult> {
  return parsePages(await readInputs(root), { ...options, customCode: options.customCode ?? readCustomCode(root, options.config?.customCode) });
}

/**
 * The parse stage's public surface: a docs folder (or in-memory pages) → a validated IR.
 * Every problem is a diagnostic; a broken page never stops the others.
 *
 * Two steps: each page is read on its own (`readPageResult`: cacheable by content hash,
 * run on worker threads for large folders), then all pages are assembled into operations
 * and models (always in this thread). The assembly also returns what it was made of
 * (`AssemblyState`: which pages fed which operation and model, and every diagnostic by
 * what raised it), so a later run with a few pages changed re-merges only the operations
 * and models those pages touch (`previous`), falling back to a full assembly whenever a
 * change could reach further (see tryIncremental in assembly.ts).
 */
import { compareStrings } from '../ir/diagnostics.js';
import type { Ir } from '../ir/types.js';
import type { GeneratorConfig } from '../config/index.js';
import { assemble, tryIncremental, type AssemblyState } from './assembly.js';
import { readInputs } from './inputs.js';
import { readPageResult, type PageInput, type PageResult } from './read-page.js';
import { MIN_PAGES_PER_WORKER, readPagesInWorkers } from './workers.js';

export type { AssemblyState, PageInput, PageResult };
export { findPages, readInputs } from './inputs.js';

/** Page results by content key, kept between runs by the caller (see generator/cache). */
export interface PageResultCache {
  keyOf(input: PageInput): string;
  get(key: string): PageResult | undefined;
  set(key: string, result: PageResult): void;
  /** Keep this entry for the next run although this run did not read it. */
  retain?(key: string): void;
}

export interface ParseOptions {
  config?: GeneratorConfig;
  /** Called as pages are read (for progress bars). */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for reading pages (default 1: this thread only). */
  threads?: number;
  cache?: PageResultCache;
  /**
   * The state a previous assembly returned (needs `cache`, whose keys it records): only
   * pages whose key changed are read, and only what they touch is merged again.
   */
  previous?: AssemblyState;
}

export interface ParseResult {
  ir: Ir;
  pages: number;
  /** Pages read afresh (not from the cache). */
  parsed: number;
  /** What this IR was assembled from, for the next run's `previous` (only with a cache). */
  state?: AssemblyState;
  /** With `previous`: how the IR was built (`full`, or `incremental` with what was merged again). */
  reuse?: { mode: 'full' } | { mode: 'incremental'; operations: string[]; models: string[] };
}

export async function parseDocsFolder(root: string, options: ParseOptions = {}): Promise<ParseResult> {
  return parsePagesAsync(await readInputs(root), options);
}

/** Single-threaded parse of in-memory pages. */
export function parsePages(inputs: PageInput[], options: ParseOptions = {}): ParseResult {
  const incremental = tryIncremental(inputs, options);
  if (incremental) return incremental;
  const { results, misses, keys } = fromCache(inputs, options.cache);
  misses.forEach((input, index) => {
    if (index % 50 === 0) options.onProgress?.(index, misses.length);
    results.set(input.file, readPageResult(input));
  });
  options.onProgress?.(misses.length, misses.length);
  storeInCache(misses, results, keys, options.cache);
  return assemble(inputs, results, keys, misses.length, options);
}

/** Like parsePages, but reads uncached pages on worker threads when there are enough of them. */
export async function parsePagesAsync(inputs: PageInput[], options: ParseOptions = {}): Promise<ParseResult> {
  const threads = Math.min(options.threads ?? 1, Math.floor(inputs.length / MIN_PAGES_PER_WORKER));
  if (threads < 2) return parsePages(inputs, options);
  const incremental = tryIncremental(inputs, options);
  if (incremental) return incremental;
  const { results, misses, keys } = fromCache(inputs, options.cache);
  if (misses.length >= MIN_PAGES_PER_WORKER * 2) {
    options.onProgress?.(0, misses.length);
    for (const result of await readPagesInWorkers(misses, threads)) results.set(result.file, result);
    options.onProgress?.(misses.length, misses.length);
  } else {
    for (const input of misses) results.set(input.file, readPageResult(input));
  }
  storeInCache(misses, results, keys, options.cache);
  return assemble(inputs, results, keys, misses.length, options);
}

function fromCache(inputs: PageInput[], cache: PageResultCache | undefined) {
  const results = new Map<string, PageResult>();
  const keys = new Map<string, string>();
  const misses: PageInput[] = [];
  for (const input of [...inputs].sort((a, b) => compareStrings(a.file, b.file))) {
    const key = cache?.keyOf(input);
    const hit = key === undefined ? undefined : cache!.get(key);
    if (key !== undefined) keys.set(input.file, key);
    if (hit) results.set(input.file, hit);
    else misses.push(input);
  }
  return { results, misses, keys };
}

function storeInCache(misses: PageInput[], results: Map<string, PageResult>, keys: Map<string, string>, cache: PageResultCache | undefined): void {
  if (!cache) return;
  for (const input of misses) cache.set(keys.get(input.file)!, results.get(input.file)!);
}

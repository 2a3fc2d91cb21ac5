/**
 * The parse stage's public surface: a docs folder (or in-memory pages) → a validated IR.
 * Every problem is a diagnostic; a broken page never stops the others.
 *
 * Two steps: each page is read on its own (`readPageResult`: cacheable by content hash,
 * run on worker threads for large folders), then all pages are assembled into operations
 * and models (cheap, always in this thread).
 */
import { compareDiagnostics, compareStrings, DiagnosticSink } from '../ir/diagnostics.js';
import { IR_VERSION, type Ir, type Operation, type TypeRef } from '../ir/types.js';
import { applyOverrides, type GeneratorConfig } from '../config/index.js';
import { mergeModels, mergeOperation, pageFrame, operationKey, typeText, type OperationKey } from './merge.js';
import type { PageDoc } from './page.js';
import { readInputs } from './inputs.js';
import { readPageResult, type PageInput, type PageResult } from './read-page.js';
import { MIN_PAGES_PER_WORKER, readPagesInWorkers } from './workers.js';

export type { PageInput, PageResult };
export { findPages, readInputs } from './inputs.js';

/** Page results by content key, kept between runs by the caller (see generator/cache). */
export interface PageResultCache {
  keyOf(input: PageInput): string;
  get(key: string): PageResult | undefined;
  set(key: string, result: PageResult): void;
}

export interface ParseOptions {
  config?: GeneratorConfig;
  /** Called as pages are read (for progress bars). */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for reading pages (default 1: this thread only). */
  threads?: number;
  cache?: PageResultCache;
}

export interface ParseResult {
  ir: Ir;
  pages: number;
  /** Pages read afresh (not from the cache). */
  parsed: number;
}

export async function parseDocsFolder(root: string, options: ParseOptions = {}): Promise<ParseResult> {
  return parsePagesAsync(await readInputs(root), options);
}

/** Single-threaded parse of in-memory pages. */
export function parsePages(inputs: PageInput[], options: ParseOptions = {}): ParseResult {
  const { results, misses, keys } = fromCache(inputs, options.cache);
  misses.forEach((input, index) => {
    if (index % 50 === 0) options.onProgress?.(index, misses.length);
    results.set(input.file, readPageResult(input));
  });
  options.onProgress?.(misses.length, misses.length);
  storeInCache(misses, results, keys, options.cache);
  return assemble(inputs, results, misses.length, options);
}

/** Like parsePages, but reads uncached pages on worker threads when there are enough of them. */
export async function parsePagesAsync(inputs: PageInput[], options: ParseOptions = {}): Promise<ParseResult> {
  const threads = Math.min(options.threads ?? 1, Math.floor(inputs.length / MIN_PAGES_PER_WORKER));
  if (threads < 2) return parsePages(inputs, options);
  const { results, misses, keys } = fromCache(inputs, options.cache);
  if (misses.length >= MIN_PAGES_PER_WORKER * 2) {
    options.onProgress?.(0, misses.length);
    for (const result of await readPagesInWorkers(misses, threads)) results.set(result.file, result);
    options.onProgress?.(misses.length, misses.length);
  } else {
    for (const input of misses) results.set(input.file, readPageResult(input));
  }
  storeInCache(misses, results, keys, options.cache);
  return assemble(inputs, results, misses.length, options);
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

/** Page results → IR. Page results are never modified (they may live in a cache). */
function assemble(inputs: PageInput[], results: Map<string, PageResult>, parsed: number, options: ParseOptions): ParseResult {
  const sinks = new Map<string, DiagnosticSink>();
  const sinkFor = (file: string): DiagnosticSink => {
    let sink = sinks.get(file);
    if (!sink) sinks.set(file, (sink = new DiagnosticSink(file)));
    return sink;
  };
  const files = [...results.keys()].sort(compareStrings);
  let pages: PageDoc[] = [];
  for (const file of files) {
    const result = results.get(file)!;
    sinkFor(file).items.push(...result.diagnostics);
    if (result.page) pages.push(result.page);
  }

  pages = resolveReferences(pages, sinkFor);
  const groups = new Map<string, { module: Operation['module']; slug: string; pages: PageDoc[] }>();
  for (const { page, key } of keysOf(pages, sinkFor)) {
    const id = `${key.module}/${key.slug}`;
    const group = groups.get(id) ?? { ...key, pages: [] };
    group.pages.push(page);
    groups.set(id, group);
  }
  const operations = [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, group]) => mergeOperation(group.module, group.slug, group.pages, sinkFor));
  const models = mergeModels(pages, sinkFor);
  if (options.config) applyOverrides(operations, options.config, sinkFor('<config>'));

  const diagnostics = [...sinks.values()].flatMap((sink) => sink.items).sort(compareDiagnostics);
  const frame = pageFrame(pages);
  const ir: Ir = { irVersion: IR_VERSION, operations, models, ...(frame ? { frame } : {}), diagnostics };
  return { ir, pages: inputs.length, parsed };
}

/**
 * A stale page's other SDK-language copies (same folder and slug) often have no sample
 * code to betray them; they follow the client their siblings' samples revealed.
 */
function keysOf(pages: PageDoc[], sinkFor: (file: string) => DiagnosticSink): { page: PageDoc; key: OperationKey }[] {
  const keyed = pages.flatMap((page) => {
    const key = operationKey(page, sinkFor);
    return key ? [{ page, key }] : [];
  });
  const folderOf = (page: PageDoc): string => `${page.locale}|${page.path.module}|${page.path.tag}|${page.path.slug}`;
  const revealed = new Map<string, OperationKey['module']>();
  for (const { page, key } of keyed) {
    if (page.path.module && page.sampleClient && page.sampleClient !== page.path.module) revealed.set(folderOf(page), key.module);
  }
  for (const { page, key } of keyed) {
    const module = revealed.get(folderOf(page));
    if (module && module !== key.module && !page.sampleClient) {
      sinkFor(page.file).warning(
        'CLIENT_MISMATCH',
        page.method?.line ?? 1,
        `this page's copies in other SDK languages call the ${module} client; using ${module}`,
      );
      key.module = module;
    }
  }
  return keyed;
}

/**
 * Every `ref` must name a data structure some page defines. An unknown one (a page cut
 * off before its data structures, a misspelt link) becomes `any`, reported at its row.
 */
function resolveReferences(pages: PageDoc[], sinkFor: (file: string) => DiagnosticSink): PageDoc[] {
  const known = new Set(pages.flatMap((page) => page.models.map((model) => model.name)));
  const resolve = (type: TypeRef): TypeRef => {
    if (type.kind === 'ref') return known.has(type.name) ? type : { kind: 'any' };
    if (type.kind === 'array') {
      const items = resolve(type.items);
      return items === type.items ? type : { kind: 'array', items };
    }
    return type;
  };
  const tablesOf = (page: PageDoc) =>
    [page.request?.fields, page.response?.fields, ...page.models.map((model) => model.fields)].flatMap((fields) => fields ?? []);
  return pages.map((original) => {
    if (tablesOf(original).every(({ field }) => resolve(field.type) === field.type)) return original;
    const page = structuredClone(original); // copy on write: the original may live in a cache
    for (const { field, line } of tablesOf(page)) {
      const resolved = resolve(field.type);
      if (resolved === field.type) continue;
      sinkFor(page.file).warning('TYPE_UNKNOWN_REF', line, `field "${field.name}" refers to ${typeText(field.type)}, a data structure no page defines; typed as any`);
      field.type = resolved;
    }
    return page;
  });
}

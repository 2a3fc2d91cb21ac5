/**
 * Page results → IR: operations and models merged from what their pages say,
 * references resolved, then the API profile and the config's overrides applied
 * (generator/profile: paths, verbs, DTO names). A pure function of the page results and
 * the config: every diagnostic of the parse stage ends up in the IR's list, in a stable
 * order. The profile's clients are needed earlier too: they tell which client a page's
 * method section or sample names, which groups pages into operations.
 */
import { compareDiagnostics, compareStrings, DiagnosticSink } from '../ir/diagnostics.js';
import { IR_VERSION, type Ir, type Module, type TypeRef } from '../ir/types.js';
import type { GeneratorConfig } from '../config/index.js';
import { applyProfile, clientIndex, resolveProfile } from '../profile/index.js';
import { withSampleValues } from './sample-names.js';
import { clientOptionsFromSamples } from './sample-options.js';
import { clientsOf, mergeModels, mergeOperation, pageFrame, operationKey, typeText, type OperationKey, type SinkFor } from './merge.js';
import type { PageDoc } from './page.js';
import { operationFrame } from './operation-frame.js';
import { pageRecords } from './page-records.js';
import type { PageResult } from './read-page.js';

const folderOf = (page: PageDoc): string => `${page.locale}|${page.path.module}|${page.path.tag}|${page.path.slug}`;
const modelNamesOf = (page: PageDoc): string[] => page.models.map((model) => model.name);

/** A page limited to one of its data structures: what mergeModels reads for that model. */
const withModel = (page: PageDoc, name: string): PageDoc => ({ ...page, models: modelsByName(page).get(name) ?? [] });

/** A page's data structures by name (in page order, repeats kept), once per page: pages define up to ~60. */
const byName = new WeakMap<PageDoc, Map<string, PageDoc['models']>>();
function modelsByName(page: PageDoc): Map<string, PageDoc['models']> {
  let index = byName.get(page);
  if (!index) {
    index = new Map();
    for (const model of page.models) {
      const list = index.get(model.name);
      if (list) list.push(model);
      else index.set(model.name, [model]);
    }
    byName.set(page, index);
  }
  return index;
}

/**
 * How the assembly's merges are computed: at once, or (a caller that keeps results between
 * runs, generate's cache layer) from an earlier run's result for the same key. A key names
 * everything the merge reads; the value must be structured-clone serializable.
 */
export type MergeMemo = <T>(key: string, compute: () => T) => T;

const compute: MergeMemo = (_key, run) => run();

/** Page results → IR. Page results are never modified (they may be shared, e.g. by a cache). */
export function assemble(results: readonly PageResult[], config?: GeneratorConfig, memo: MergeMemo = compute): Ir {
  // loadConfig checked the profile.
  const profile = resolveProfile(config?.profile);
  const clients = clientIndex(profile);
  const sorted = [...results].sort((a, b) => compareStrings(a.file, b.file));
  const sinks = new Map<string, DiagnosticSink>();
  const sinkFor = (file: string): DiagnosticSink => {
    let sink = sinks.get(file);
    if (!sink) sinks.set(file, (sink = new DiagnosticSink(file)));
    return sink;
  };
  for (const result of sorted) sinkFor(result.file).items.push(...result.diagnostics);
  const pages = sorted.flatMap((result) => (result.page ? [result.page] : []));
  const known = new Set(pages.flatMap(modelNamesOf));
  reportMissingIncludes(pages, sorted.map((result) => result.file), sinkFor);

  // Operation keys of the pages as they are; then the client each folder's samples reveal (the last page, in file
  // order, that reveals one decides it) for the folder's copies whose samples do not say.
  const keys = new Map<PageDoc, OperationKey | undefined>();
  const revealed = new Map<string, Module>();
  for (const page of pages) {
    const key = operationKey(page, sinkFor, clients);
    keys.set(page, key);
    if (key && revealsClient(clientsOf(page, clients))) revealed.set(folderOf(page), key.module);
  }
  const groups = new Map<string, { key: OperationKey; pages: PageDoc[] }>();
  const resolved: PageDoc[] = [];
  for (const original of pages) {
    const page = resolveReferences(original, known, sinkFor(original.file));
    resolved.push(page);
    const key = keys.get(original);
    if (!key) continue;
    const module = revealed.get(folderOf(page));
    if (module && module !== key.module && !clientsOf(page, clients).sample) {
      sinkFor(page.file).warning('CLIENT_MISMATCH', page.method?.line ?? 1, `this page's copies in other SDK languages call the ${module} client; using ${module}`);
      key.module = module;
    }
    const id = `${key.module}/${key.slug}`;
    const group = groups.get(id) ?? { key, pages: [] };
    group.pages.push(page);
    groups.set(id, group);
  }
  // What every merge reads besides its pages: which data structures exist (references resolve by it) and the clients.
  const hashes = new Map<string, string>(sorted.map((result) => [result.file, result.hash]));
  const context = JSON.stringify([[...known].sort(compareStrings), profile.clients]);
  const pagesKey = (members: readonly PageDoc[]): string => members.map((page) => `${page.file}\0${hashes.get(page.file)}`).join('\0');
  /** A merge's result with the diagnostics it raised, replayed into the page sinks (memoized merges raise nothing anew). */
  const merged = <T>(key: string, merge: (sinkFor: SinkFor) => T): T => {
    const { value, diagnostics } = memo(`${key}\0${context}`, () => {
      const own = new Map<string, DiagnosticSink>();
      const value = merge((file) => own.get(file) ?? own.set(file, new DiagnosticSink(file)).get(file)!);
      return { value, diagnostics: [...own.values()].flatMap((sink) => sink.items) };
    });
    for (const diagnostic of diagnostics) sinkFor(diagnostic.file).items.push(diagnostic);
    return value;
  };
  const documented = [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([id, { key, pages: members }]) =>
      merged(`operation\0${id}\0${pagesKey(members)}`, (sinks) => mergeOperation(key.module, key.slug, [...members], sinks, clients)),
    );

  const definitions = new Map<string, PageDoc[]>();
  for (const page of resolved) {
    for (const name of new Set(modelNamesOf(page))) {
      const definers = definitions.get(name);
      if (definers) definers.push(page);
      else definitions.set(name, [page]);
    }
  }
  const definedModels = [...definitions.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, definers]) => merged(`model\0${name}\0${pagesKey(definers)}`, (sinks) => mergeModels(definers.map((page) => withModel(page, name)), sinks)[0]!));
  // Enum members the node samples name where the tables list none (parse/sample-names.ts).
  const { operations, models } = withSampleValues(documented, definedModels);
  // Options the node samples pass to client constructors (parse/sample-options.ts).
  const clientOptions = clientOptionsFromSamples(operations.flatMap((operation) => operation.samples), sinkFor);
  const frame = pageFrame(resolved);
  const profiled = applyProfile(
    { irVersion: IR_VERSION, operations, models, ...(frame ? { frame } : {}), ...(clientOptions.length > 0 ? { clientOptions } : {}), diagnostics: [] },
    profile,
    config?.operations,
  );
  const diagnostics = [...[...sinks.values()].flatMap((sink) => sink.items), ...profiled.diagnostics].sort(compareDiagnostics);
  const pagesOf = new Map([...groups].map(([id, group]) => [id, group.pages]));
  const framed = profiled.ir.operations.map((operation) => {
    const own = operation.layout && operationFrame(pagesOf.get(operation.id) ?? [], frame);
    return own ? { ...operation, layout: { ...operation.layout!, frame: own } } : operation;
  });
  return { ...profiled.ir, operations: framed, ...pageRecords(pagesOf, profiled.ir), diagnostics };
}

/** The page's sample calls a client other than its folder's: it tells which client the folder's copies mean. */
const revealsClient = (named: ReturnType<typeof clientsOf>): boolean => !!named.path && !!named.sample && named.sample !== named.path;

/**
 * Every `ref` must name a data structure some page defines. An unknown one (a page cut
 * off before its data structures, a misspelt link) becomes `any`, reported at its row.
 */
/**
 * `!!!include(path)!!!` pulls in a file of the docs repository; docs-to-sdk reads the
 * pages as written, so what a file outside the docs set holds is missing from the output.
 * A file is in the set when a page's path is the include's path or ends with it.
 */
function reportMissingIncludes(pages: readonly PageDoc[], files: readonly string[], sinkFor: (file: string) => DiagnosticSink): void {
  const inSet = (include: string): boolean => {
    const path = include.replace(/^\.?\//, '');
    return files.some((file) => file === path || file.endsWith(`/${path}`));
  };
  for (const page of pages) {
    for (const { file, line } of page.includes ?? []) {
      if (!inSet(file)) sinkFor(page.file).warning('INCLUDE_MISSING', line, `includes ${file}, which is not in the docs set; what it holds is missing from the output`);
    }
  }
}

function resolveReferences(original: PageDoc, known: Set<string>, sink: DiagnosticSink): PageDoc {
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
  if (tablesOf(original).every(({ field }) => resolve(field.type) === field.type)) return original;
  const page = structuredClone(original); // copy on write: the original may live in a cache
  for (const { field, line } of tablesOf(page)) {
    const resolved = resolve(field.type);
    if (resolved === field.type) continue;
    sink.warning('TYPE_UNKNOWN_REF', line, `field "${field.name}" refers to ${typeText(field.type)}, a data structure no page defines; typed as any`);
    field.type = resolved;
  }
  return page;
}


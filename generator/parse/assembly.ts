/**
 * Page results → IR: operations and models merged from their pages, references
 * resolved, the API profile and the config's overrides applied (generator/profile). Also returns what the IR was made of
 * (`AssemblyState`), and rebuilds from a previous state when only a few pages changed
 * (`tryIncremental`), merging again only what those pages touch.
 */
import { hash } from 'node:crypto';
import { compareDiagnostics, compareStrings, DiagnosticSink } from '../ir/diagnostics.js';
import { entityHash, type EntityHashes } from '../ir/hashes.js';
import { IR_VERSION, type ApiProfile, type Diagnostic, type Ir, type Model, type Module, type Operation, type TypeRef } from '../ir/types.js';
import { applyProfile, clientIndex, deriveOperation, resolveProfile, type ClientIndex, type DocumentedOperation } from '../profile/index.js';
import { clientsOf, mergeModels, mergeOperation, pageFrame, operationKey, typeText, type OperationKey, type SinkFor } from './merge.js';
import type { PageDoc } from './page.js';
import { readPageResult, type PageInput, type PageResult } from './read-page.js';
import type { ParseOptions, ParseResult } from './index.js';

/** What one page contributed to the last assembly, by file. */
export interface PageFacts {
  /** Content key (PageResultCache.keyOf). */
  key: string;
  /** Operation id the page went to. */
  op?: string;
  /** Data structures it defines, in page order (repeats kept). */
  models: string[];
  /** `locale|module|tag|slug` of its path, and the client its sample revealed for that folder. */
  folder?: string;
  reveals?: Module;
  /**
   * What it adds to the IR's frame: a hash of the JSON of [locale, frame], compared only
   * (the frame's text repeats on every page: ~1.5 MB of the corpus's state as text).
   */
  frame?: string;
  /** Its own diagnostics and those its references and operation key raised. */
  diagnostics: Diagnostic[];
}

export interface AssemblyState {
  version: 1;
  config: string;
  files: Record<string, PageFacts>;
  /** Member files and merge diagnostics of each operation and model. */
  operations: Record<string, { files: string[]; diagnostics: Diagnostic[] }>;
  models: Record<string, { files: string[]; diagnostics: Diagnostic[] }>;
  configDiagnostics: Diagnostic[];
  ir: Omit<Ir, 'diagnostics'>;
  /** A content hash of each operation and model of `ir`. */
  hashes: EntityHashes;
}

/** Sinks per file, collected: diagnostics of one step of the assembly. */
function capture(): { sinkFor: SinkFor; items: () => Diagnostic[] } {
  const sinks = new Map<string, DiagnosticSink>();
  const sinkFor = (file: string): DiagnosticSink => {
    let sink = sinks.get(file);
    if (!sink) sinks.set(file, (sink = new DiagnosticSink(file)));
    return sink;
  };
  return { sinkFor, items: () => [...sinks.values()].flatMap((sink) => sink.items) };
}

const folderOf = (page: PageDoc): string => `${page.locale}|${page.path.module}|${page.path.tag}|${page.path.slug}`;
const modelNamesOf = (page: PageDoc | undefined): string[] => page?.models.map((model) => model.name) ?? [];

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
 * Pages of one folder name the client their samples call; the last such page (in file
 * order) decides the folder's client for copies whose samples do not say (keysOf).
 */
function revealedOf(files: string[], facts: (file: string) => PageFacts | undefined): Map<string, Module> {
  const revealed = new Map<string, Module>();
  for (const file of files) {
    const fact = facts(file);
    if (fact?.folder !== undefined && fact.reveals !== undefined) revealed.set(fact.folder, fact.reveals);
  }
  return revealed;
}

interface Prepared {
  file: string;
  page?: PageDoc;
  key?: OperationKey;
  facts: PageFacts;
}

/**
 * The page-local part of the assembly, given what it needs of all pages (the known
 * model names, the clients folders revealed): references resolved, operation key.
 */
function prepare(result: PageResult, key: string, known: Set<string>, firstPass: Map<string, OperationKey | undefined>, revealed: Map<string, Module>, sink: DiagnosticSink, clients: ClientIndex): Prepared {
  const original = result.page;
  const facts: PageFacts = { key, models: modelNamesOf(original), diagnostics: [] };
  if (!original) return { file: result.file, facts };
  const page = resolveReferences(original, known, sink);
  facts.frame = hash('sha1', JSON.stringify([page.locale, page.frame]), 'base64');
  facts.folder = folderOf(page);
  const opKey = firstPass.get(result.file);
  if (!opKey) return { file: result.file, page, facts };
  const named = clientsOf(page, clients);
  if (revealsClient(named)) facts.reveals = opKey.module;
  const module = revealed.get(facts.folder);
  if (module && module !== opKey.module && !named.sample) {
    sink.warning('CLIENT_MISMATCH', page.method?.line ?? 1, `this page's copies in other SDK languages call the ${module} client; using ${module}`);
    opKey.module = module;
  }
  facts.op = `${opKey.module}/${opKey.slug}`;
  return { file: result.file, page, key: opKey, facts };
}

/** The page's sample calls a client other than its folder's: it tells which client the folder's copies mean. */
const revealsClient = (named: ReturnType<typeof clientsOf>): boolean => !!named.path && !!named.sample && named.sample !== named.path;

/** The config's profile, resolved (loadConfig checked it). */
const profileFor = (options: ParseOptions): ApiProfile => resolveProfile(options.config?.profile);

/** Page results → IR. Page results are never modified (they may live in a cache). */
export function assemble(inputs: PageInput[], results: Map<string, PageResult>, keys: Map<string, string>, parsed: number, options: ParseOptions): ParseResult {
  const profile = profileFor(options);
  const clients = clientIndex(profile);
  const files = [...results.keys()].sort(compareStrings);
  const pageSinks = new Map(files.map((file) => [file, new DiagnosticSink(file)]));
  for (const file of files) pageSinks.get(file)!.items.push(...results.get(file)!.diagnostics);
  const known = new Set(files.flatMap((file) => modelNamesOf(results.get(file)!.page)));
  // Operation keys of the pages as they are, then each folder's revealed client.
  const firstPass = new Map<string, OperationKey | undefined>();
  const firstFacts = new Map<string, PageFacts>();
  for (const file of files) {
    const page = results.get(file)!.page;
    if (!page) continue;
    const key = operationKey(page, () => pageSinks.get(file)!, clients);
    firstPass.set(file, key);
    if (key && revealsClient(clientsOf(page, clients))) {
      firstFacts.set(file, { key: '', models: [], folder: folderOf(page), reveals: key.module, diagnostics: [] });
    }
  }
  const revealed = revealedOf(files, (file) => firstFacts.get(file));
  const prepared = files.map((file) => prepare(results.get(file)!, keys.get(file) ?? '', known, firstPass, revealed, pageSinks.get(file)!, clients));
  for (const item of prepared) item.facts.diagnostics = pageSinks.get(item.file)!.items;

  const groups = new Map<string, { module: Module; slug: string; pages: PageDoc[] }>();
  for (const { page, key } of prepared) {
    if (!page || !key) continue;
    const id = `${key.module}/${key.slug}`;
    const group = groups.get(id) ?? { ...key, pages: [] };
    group.pages.push(page);
    groups.set(id, group);
  }
  const state: AssemblyState = { version: 1, config: JSON.stringify(options.config ?? null), files: {}, operations: {}, models: {}, configDiagnostics: [], ir: { irVersion: IR_VERSION, operations: [], models: [] }, hashes: { operations: {}, models: {} } };
  for (const item of prepared) state.files[item.file] = item.facts;
  const operations = [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([id, group]) => {
      const { operation, diagnostics } = mergeOne(group.module, group.slug, group.pages, clients);
      state.operations[id] = { files: group.pages.map((page) => page.file).sort(compareStrings), diagnostics };
      return operation;
    });
  const definitions = new Map<string, PageDoc[]>();
  for (const { page } of prepared) {
    for (const name of new Set(modelNamesOf(page))) {
      const list = definitions.get(name);
      if (list) list.push(page!);
      else definitions.set(name, [page!]);
    }
  }
  const models = [...definitions.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, pages]) => {
      const { model, diagnostics } = mergeModel(name, pages);
      state.models[name] = { files: pages.map((page) => page.file), diagnostics };
      return model;
    });
  const frame = pageFrame(prepared.flatMap(({ page }) => (page ? [page] : [])));
  const profiled = applyProfile({ irVersion: IR_VERSION, operations, models, ...(frame ? { frame } : {}), diagnostics: [] }, profile, options.config?.operations);
  state.configDiagnostics = profiled.diagnostics;
  const { diagnostics: _none, ...irWithoutDiagnostics } = profiled.ir;
  state.ir = irWithoutDiagnostics;
  if (options.cache) {
    for (const operation of state.ir.operations) state.hashes.operations[operation.id] = entityHash(operation);
    for (const model of models) state.hashes.models[model.name] = entityHash(model);
  }
  const ir: Ir = { ...state.ir, diagnostics: diagnosticsOf(state) };
  return { ir, pages: inputs.length, parsed, ...(options.cache ? { state } : {}), ...(options.previous ? { reuse: { mode: 'full' as const } } : {}) };
}

function mergeOne(module: Module, slug: string, pages: PageDoc[], clients: ClientIndex): { operation: DocumentedOperation; diagnostics: Diagnostic[] } {
  const sinks = capture();
  const operation = mergeOperation(module, slug, [...pages], sinks.sinkFor, clients);
  return { operation, diagnostics: sinks.items() };
}

function mergeModel(name: string, pages: PageDoc[]): { model: Model; diagnostics: Diagnostic[] } {
  const sinks = capture();
  const [model] = mergeModels(pages.map((page) => withModel(page, name)), sinks.sinkFor);
  return { model: model!, diagnostics: sinks.items() };
}

/** Every diagnostic the assembly recorded, in the IR's order. */
function diagnosticsOf(state: AssemblyState): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const facts of Object.values(state.files)) all.push(...facts.diagnostics);
  for (const entry of Object.values(state.operations)) all.push(...entry.diagnostics);
  for (const entry of Object.values(state.models)) all.push(...entry.diagnostics);
  all.push(...state.configDiagnostics);
  return all.sort(compareDiagnostics);
}

/** At most this share of the pages changed for an incremental assembly (beyond, a full one is as cheap). */
const MAX_INCREMENTAL_SHARE = 0.05;

/**
 * The IR of `previous` with the operations and models the changed pages (added, removed
 * or edited) feed merged again from all their pages, exactly as a full assembly would
 * merge them. Undefined (do a full assembly) when a change could reach further than
 * that: the set of data-structure names (it decides how every reference resolves), a
 * folder's revealed client (it moves its pages' copies), the page frame (most common
 * boilerplate), the set of operation ids (config warnings), or when a page's result is
 * not in the cache.
 */
export function tryIncremental(inputs: PageInput[], options: ParseOptions): ParseResult | undefined {
  const { previous, cache } = options;
  if (!previous || !cache || previous.version !== 1 || previous.config !== JSON.stringify(options.config ?? null)) return undefined;
  const profile = profileFor(options);
  const clients = clientIndex(profile);
  const byFile = new Map(inputs.map((input) => [input.file, input]));
  const keys = new Map(inputs.map((input) => [input.file, cache.keyOf(input)]));
  const changed = new Set<string>();
  for (const [file, key] of keys) if (previous.files[file]?.key !== key) changed.add(file);
  for (const file of Object.keys(previous.files)) if (!byFile.has(file)) changed.add(file);
  if (changed.size > Math.max(1, inputs.length * MAX_INCREMENTAL_SHARE)) return undefined;

  let parsed = 0;
  const resultOf = (file: string): PageResult => {
    const key = keys.get(file)!;
    const hit = cache.get(key);
    if (hit) return hit;
    const result = readPageResult(byFile.get(file)!);
    cache.set(key, result);
    parsed += 1;
    return result;
  };
  const results = new Map<string, PageResult>();
  for (const file of changed) if (byFile.has(file)) results.set(file, resultOf(file));

  // What the assembly needs of all pages must be what it was.
  const oldFacts = (file: string): PageFacts | undefined => previous.files[file];
  const known = new Set(previous.ir.models.map((model) => model.name));
  const knownNow = new Set<string>();
  for (const file of keys.keys()) for (const name of changed.has(file) ? modelNamesOf(results.get(file)!.page) : oldFacts(file)!.models) knownNow.add(name);
  if (knownNow.size !== known.size || [...knownNow].some((name) => !known.has(name))) return undefined;

  const files = [...keys.keys()].sort(compareStrings);
  const firstPass = new Map<string, OperationKey | undefined>();
  const newFacts = new Map<string, PageFacts>();
  const firstSinks = new Map<string, DiagnosticSink>();
  for (const file of changed) {
    const result = results.get(file);
    if (!result) continue;
    const sink = new DiagnosticSink(file);
    sink.items.push(...result.diagnostics);
    firstSinks.set(file, sink);
    const page = result.page;
    if (!page) continue;
    const key = operationKey(page, () => sink, clients);
    firstPass.set(file, key);
    if (key && revealsClient(clientsOf(page, clients))) {
      newFacts.set(file, { key: '', models: [], folder: folderOf(page), reveals: key.module, diagnostics: [] });
    } else if (page) {
      newFacts.set(file, { key: '', models: [], folder: folderOf(page), diagnostics: [] });
    }
  }
  const folders = new Set<string>();
  for (const file of changed) {
    const before = oldFacts(file)?.folder;
    const after = newFacts.get(file)?.folder;
    if (before !== undefined) folders.add(before);
    if (after !== undefined) folders.add(after);
  }
  const revealedBefore = revealedOf(Object.keys(previous.files).sort(compareStrings), oldFacts);
  const currentFacts = (file: string): PageFacts | undefined => (changed.has(file) ? newFacts.get(file) : oldFacts(file));
  const revealed = revealedOf(files, currentFacts);
  for (const folder of folders) if (revealedBefore.get(folder) !== revealed.get(folder)) return undefined;

  const prepared = new Map<string, Prepared>();
  for (const file of changed) {
    const result = results.get(file);
    if (!result) continue;
    const item = prepare(result, keys.get(file)!, known, firstPass, revealed, firstSinks.get(file)!, clients);
    item.facts.diagnostics = firstSinks.get(file)!.items;
    prepared.set(file, item);
    if (item.facts.frame !== oldFacts(file)?.frame) return undefined;
  }
  for (const file of changed) if (!byFile.has(file) && oldFacts(file)?.frame !== undefined) return undefined;

  // Unchanged pages are prepared again only where a merge needs them (same inputs, same result).
  const pageOf = (file: string): PageDoc => {
    let item = prepared.get(file);
    if (!item) {
      const facts = oldFacts(file)!;
      const sink = new DiagnosticSink(file);
      const result = resultOf(file);
      const first = new Map([[file, result.page ? operationKey(result.page, () => sink, clients) : undefined]]);
      item = prepare(result, facts.key, known, first, revealed, sink, clients);
      prepared.set(file, item);
    }
    return item.page!;
  };

  const state: AssemblyState = {
    ...previous,
    files: { ...previous.files },
    operations: { ...previous.operations },
    models: { ...previous.models },
    hashes: { operations: { ...previous.hashes.operations }, models: { ...previous.hashes.models } },
  };
  for (const file of changed) {
    if (prepared.has(file)) state.files[file] = prepared.get(file)!.facts;
    else delete state.files[file];
  }
  const touchedOps = new Set<string>();
  const touchedModels = new Set<string>();
  for (const file of changed) {
    const before = oldFacts(file);
    const after = prepared.get(file)?.facts;
    for (const facts of [before, after]) {
      if (facts?.op) touchedOps.add(facts.op);
      for (const name of facts?.models ?? []) touchedModels.add(name);
    }
  }
  const operationIds = new Set(Object.keys(previous.operations));
  const members = new Map<string, Set<string>>();
  for (const id of touchedOps) members.set(id, new Set((previous.operations[id]?.files ?? []).filter((file) => !changed.has(file))));
  for (const file of changed) {
    const op = prepared.get(file)?.facts.op;
    if (op) members.get(op)!.add(file);
  }
  const operations = [...previous.ir.operations];
  const indexOf = new Map(operations.map((operation, index) => [operation.id, index]));
  const rebuilt: Operation[] = [];
  for (const [id, files] of members) {
    if (files.size === 0 || !operationIds.has(id)) return undefined; // an operation appears or goes
    const pages = [...files].sort(compareStrings).map(pageOf);
    const key = prepared.get(pages[0]!.file)!.key!;
    const { operation: documented, diagnostics } = mergeOne(key.module, key.slug, pages, clients);
    // The set of operation ids is the last run's, so are the config's warnings about it (state.configDiagnostics).
    const operation = deriveOperation(documented, profile, options.config?.operations?.[id]);
    state.operations[id] = { files: [...files].sort(compareStrings), diagnostics };
    operations[indexOf.get(id)!] = operation;
    rebuilt.push(operation);
  }
  for (const operation of rebuilt) state.hashes.operations[operation.id] = entityHash(operation);

  const models = [...previous.ir.models];
  const modelIndex = new Map(models.map((model, index) => [model.name, index]));
  for (const name of touchedModels) {
    const definers = new Set((previous.models[name]?.files ?? []).filter((file) => !changed.has(file)));
    for (const file of changed) if (prepared.get(file)?.facts.models.includes(name)) definers.add(file);
    const pages = [...definers].sort(compareStrings).map(pageOf);
    const { model, diagnostics } = mergeModel(name, pages);
    state.models[name] = { files: pages.map((page) => page.file), diagnostics };
    state.hashes.models[name] = entityHash(model);
    models[modelIndex.get(name)!] = model;
  }
  for (const key of keys.values()) cache.retain?.(key);
  state.ir = { ...previous.ir, operations, models };
  const ir: Ir = { ...state.ir, diagnostics: diagnosticsOf(state) };
  return { ir, pages: inputs.length, parsed, state, reuse: { mode: 'incremental', operations: [...members.keys()].sort(compareStrings), models: [...touchedModels].sort(compareStrings) } };
}

/**
 * Every `ref` must name a data structure some page defines. An unknown one (a page cut
 * off before its data structures, a misspelt link) becomes `any`, reported at its row.
 */
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


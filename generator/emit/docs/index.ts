/**
 * The docs emitter's public surface: IR → one Markdown page per operation × SDK language
 * × locale, laid out like the docs-factory pages, plus a sidebar per locale. Returns
 * relative path → content and the warnings it raised (a locale with no text of its own).
 */
import { hash } from 'node:crypto';
import { compareDiagnostics, compareStrings } from '../../ir/diagnostics.js';
import { entityHash, type EntityHashes } from '../../ir/hashes.js';
import { LOCALES, SDK_LANGUAGES, type Diagnostic, type Ir, type Locale, type Model, type Operation, type SdkLanguage } from '../../ir/types.js';
import { profileOf } from '../../profile/index.js';
import { registerPartial, render } from '../templates.js';
import { mergeFallbacks } from './fallback.js';
import { sidebar } from './sidebar.js';
import { modelNamesOnPage, pageView, type Fallbacks, type SampleMode } from './view.js';

export interface DocsOptions {
  /**
   * `fill` (default): a page whose SDK language has no documented sample gets one from
   * the sample templates. `documented`: only samples the docs carried (reproduces pages).
   */
  samples?: SampleMode;
  /** Limit to these SDK languages / locales (default: all). */
  sdks?: readonly SdkLanguage[];
  locales?: readonly Locale[];
  /**
   * Rendered pages from earlier runs (generator/cache/emit.ts). The pages of one
   * operation in one locale (one per SDK language) are a group, keyed by a hash of all
   * they are made from: the operation, every model it lists or reaches, the IR's frame,
   * the locale, SDK languages and sample mode (the tool version keys the whole cache).
   * The cache keeps the pages' stamps (hash, length), not their texts: a group found
   * there is not rendered, unless a page's text is asked for (CachedPage.bytes); what it
   * recorded about locale fallbacks is replayed, so warnings are the same as in a run
   * without the cache.
   */
  cache?: DocsGroupCache;
  /**
   * Content hashes of the IR's operations and models (generator/ir/hashes.ts), when the
   * caller has them from the parse stage: group keys then serialize nothing.
   */
  hashes?: EntityHashes;
}

/** Fallbacks as plain data, for the cache. */
export interface RecordedFallbacks {
  missing: [string, string[]][];
  present: string[];
}

/** What the cache keeps of a rendered page: the SHA-1 (hex) and length of its UTF-8 bytes, not the text. */
export interface PageStamp {
  hash: string;
  length: number;
}

/**
 * A page of a group the cache knew: its stamp, and its bytes on demand, rendered again
 * then (the writer asks only when the file on disk differs; --check, for a diff).
 */
export interface CachedPage extends PageStamp {
  bytes(): Uint8Array;
}

export interface DocsGroupCache {
  get(key: string): { files: [string, PageStamp][]; fallbacks: RecordedFallbacks } | undefined;
  /** Stores a group's pages (their stamps) and the fallbacks it recorded. */
  set(key: string, files: [string, string][], fallbacks: RecordedFallbacks): void;
}

export interface DocsOutput<T = string> {
  files: Map<string, T>;
  diagnostics: Diagnostic[];
}

export const pagePath = (locale: Locale, sdk: SdkLanguage, module: string, tag: string, slug: string): string =>
  [locale, sdk, module, ...(tag ? [tag] : []), `${slug}.md`].join('/');

/** With a cache, pages of groups it holds come back as CachedPage (not rendered unless asked). */
export function emitDocs(ir: Ir, options: DocsOptions & { cache: DocsGroupCache }): DocsOutput<string | CachedPage>;
export function emitDocs(ir: Ir, options?: DocsOptions & { cache?: undefined }): DocsOutput;
export function emitDocs(ir: Ir, options: DocsOptions = {}): DocsOutput<string | CachedPage> {
  registerPartial('request-row', 'docs/request-row.hbs');
  registerPartial('model-row', 'docs/model-row.hbs');
  const models = new Map(ir.models.map((model) => [model.name, model]));
  const fallbacks: Fallbacks = { missing: new Map(), present: new Set() };
  const files = new Map<string, string | CachedPage>();
  const memo = new Map<string, unknown>();
  const operations = [...ir.operations].sort((a, b) => compareStrings(a.id, b.id));
  const sdks = options.sdks ?? SDK_LANGUAGES;
  const mode = options.samples ?? 'fill';
  const { cache } = options;
  /** The pages of one operation in one locale (a group), one per SDK language. */
  const renderGroup = (operation: Operation, locale: Locale, into: Fallbacks, tables: Map<string, unknown>): [string, string][] =>
    sdks.map((sdk) => [
      pagePath(locale, sdk, operation.module, operation.tag, operation.slug),
      renderPage(pageView(ir, models, operation, sdk, locale, mode, into, tables)),
    ]);
  // The profile's clients name the pages' classes: part of every group's key.
  const frame = `${JSON.stringify(ir.frame ?? null)}\0${JSON.stringify(profileOf(ir).clients)}`;
  const hashOf = entityHasher(options.hashes);
  // What a group's key is made of that does not depend on its locale: the operation and every model its pages show.
  const contents = new Map<Operation, string>();
  const contentOf = (operation: Operation): string => {
    let content = contents.get(operation);
    if (content === undefined) contents.set(operation, (content = groupContent(operation, models, hashOf)));
    return content;
  };
  for (const locale of options.locales ?? LOCALES) {
    for (const operation of operations) {
      if (!cache) {
        // One memo for the whole run: tables are built once per locale, shared by all pages.
        for (const [path, content] of renderGroup(operation, locale, fallbacks, memo)) files.set(path, content);
        continue;
      }
      const key = hash('sha256', `${locale}\0${sdks.join(',')}\0${mode}\0${frame}\0${contentOf(operation)}`);
      const hit = cache.get(key);
      if (hit) {
        // Rendered again only if a page's text is asked for (its fallbacks are the recorded ones).
        let again: Map<string, string> | undefined;
        const text = (path: string): string => {
          again ??= new Map(renderGroup(operation, locale, { missing: new Map(), present: new Set() }, memo));
          return again.get(path)!;
        };
        for (const [path, { hash, length }] of hit.files) files.set(path, { hash, length, bytes: () => Buffer.from(text(path), 'utf8') });
        mergeFallbacks(hit.fallbacks, fallbacks);
        continue;
      }
      // A group records its own fallbacks (tables shared with other groups bring theirs), so what it records is complete.
      const own: Fallbacks = { missing: new Map(), present: new Set() };
      const rendered = renderGroup(operation, locale, own, memo);
      const recorded = recordFallbacks(own);
      cache.set(key, rendered, recorded);
      for (const [path, content] of rendered) files.set(path, content);
      mergeFallbacks(recorded, fallbacks);
    }
    files.set(`${locale}/sidebar.json`, `${JSON.stringify(sidebar(operations, locale, profileOf(ir)), null, 2)}\n`);
  }
  return { files: new Map([...files.entries()].sort(([a], [b]) => compareStrings(a, b))), diagnostics: fallbackWarnings(ir, fallbacks) };
}

const renderPage = (view: object): string => render('docs/page.hbs', view);

/** The hashes of the operation and of every model its pages show (modelNamesOnPage), in name order. */
function groupContent(operation: Operation, models: Map<string, Model>, hashOf: (entity: Operation | Model) => string): string {
  const shown = [...modelNamesOnPage(operation, models)].sort(compareStrings);
  return [hashOf(operation), ...shown.map((name) => `${name}\0${hashOf(models.get(name)!)}`)].join('\0');
}

/** Content hash of an IR object: the parse stage's when given, else made here (once per object). */
function entityHasher(given: EntityHashes | undefined): (entity: Operation | Model) => string {
  const made = new WeakMap<object, string>();
  return (entity) => {
    const known = 'id' in entity ? given?.operations[entity.id] : given?.models[entity.name];
    if (known !== undefined) return known;
    let hash = made.get(entity);
    if (hash === undefined) made.set(entity, (hash = entityHash(entity)));
    return hash;
  };
}

function recordFallbacks(fallbacks: Fallbacks): RecordedFallbacks {
  return { missing: [...fallbacks.missing].map(([key, what]) => [key, [...what]]), present: [...fallbacks.present] };
}

/**
 * Where a locale had no text and the other locale's was used. An operation or model with
 * no text at all in a locale (a docs set written in one language) is counted in one
 * summary warning per locale; one with gaps gets its own warning naming them.
 */
function fallbackWarnings(ir: Ir, fallbacks: Fallbacks): Diagnostic[] {
  const sourceOf = new Map<string, { file: string; line: number }>();
  for (const operation of ir.operations) sourceOf.set(operation.id, operation.sources[0]!);
  for (const model of ir.models) sourceOf.set(`model ${model.name}`, model.sources[0]!);
  const diagnostics: Diagnostic[] = [];
  const untranslated = new Map<Locale, string[]>();
  const warn = (source: { file: string; line: number }, message: string): void =>
    void diagnostics.push({ file: source.file, line: source.line, column: 1, severity: 'warning', code: 'DOCS_LOCALE_FALLBACK', message });
  for (const [key, what] of [...fallbacks.missing.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    const [owner, locale] = key.split('\0') as [string, Locale];
    if (!fallbacks.present.has(key)) {
      untranslated.set(locale, [...(untranslated.get(locale) ?? []), owner]);
      continue;
    }
    const other = LOCALES.find((l) => l !== locale)!;
    const list = [...what].sort(compareStrings);
    const shown = list.slice(0, 5).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
    warn(sourceOf.get(owner) ?? { file: '<ir>', line: 1 }, `${owner}: no ${locale} text for ${shown}; the ${locale} pages use the ${other} text`);
  }
  for (const [locale, owners] of untranslated) {
    const other = LOCALES.find((l) => l !== locale)!;
    const shown = owners.slice(0, 3).join(', ') + (owners.length > 3 ? ` and ${owners.length - 3} more` : '');
    warn(sourceOf.get(owners[0]!) ?? { file: '<ir>', line: 1 }, `${owners.length} operations and models have no ${locale} text at all (${shown}); their ${locale} pages use the ${other} text`);
  }
  return diagnostics.sort(compareDiagnostics);
}

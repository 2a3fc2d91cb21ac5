/**
 * The docs emitter's public surface: IR → one Markdown page per operation × SDK language
 * × locale, laid out like the docs-factory pages, plus a sidebar per locale. Returns
 * relative path → content and the warnings it raised (a locale with no text of its own).
 */
import { hash } from 'node:crypto';
import { posix } from 'node:path';
import { compareDiagnostics, compareStrings, createDiagnostic } from '../../ir/diagnostics.js';
import { LOCALES, SDK_LANGUAGES, type Diagnostic, type Ir, type Locale, type Operation, type PageRecord, type SdkLanguage } from '../../ir/types.js';
import { fieldPrints } from '../../ir/prints.js';
import { profileOf } from '../../profile/index.js';
import type { Unit } from '../target.js';
import { registerPartial, render } from '../templates.js';
import { mergeFallbacks } from './fallback.js';
import { reproducePage } from './reproduce.js';
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
}

export interface DocsOutput {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** A unit's pages as UTF-8 bytes, and where its texts fell back to the other locale (plain data: units may be cached). */
export interface DocsUnitResult {
  files: [string, Uint8Array][];
  /** The files made from templates (not input pages given back): an input page at the same path wins over them. */
  synthesized: string[];
  /** The page of each SDK language, where it went (the sidebar links it). */
  sdkPaths: [string, string][];
  fallbacks: RecordedFallbacks;
}

/** Fallbacks as plain data. */
export interface RecordedFallbacks {
  missing: [string, string[]][];
  present: string[];
}

export const pagePath = (locale: Locale, sdk: SdkLanguage, module: string, tag: string, slug: string): string =>
  [locale, sdk, module, ...(tag ? [tag] : []), `${slug}.md`].join('/');

export function emitDocs(ir: Ir, options: DocsOptions = {}): DocsOutput {
  const plan = planDocs(ir, options);
  const { files, diagnostics } = plan.finish(plan.units.map((unit) => unit.render()));
  return { files: new Map([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')])), diagnostics };
}

/**
 * The docs cut into units (generator/emit/target.ts): the pages of one operation in one
 * locale (one per SDK language), keyed by all they are made from: the operation, every
 * model its pages show, the IR's frame, the locale, SDK languages and sample mode.
 */
export function planDocs(ir: Ir, options: DocsOptions = {}): { units: Unit<DocsUnitResult>[]; finish(results: DocsUnitResult[]): { files: Map<string, Uint8Array>; diagnostics: Diagnostic[] } } {
  registerPartial('request-row', 'docs/request-row.hbs');
  registerPartial('model-row', 'docs/model-row.hbs');
  const models = new Map(ir.models.map((model) => [model.name, model]));
  // Tables built once per run and shared by all pages; each carries the fallbacks it recorded (view.ts).
  const tables = new Map<string, unknown>();
  const operations = [...ir.operations].sort((a, b) => compareStrings(a.id, b.id));
  const sdks = options.sdks ?? SDK_LANGUAGES;
  const mode = options.samples ?? 'fill';
  // The profile's clients name the pages' client classes and samples: part of every key (its other settings, such as
  // the SDK's version, are not on the pages).
  const settings = JSON.stringify([sdks, mode, ir.frame ?? null, profileOf(ir).clients]);
  // Models are shown on many pages: each is fingerprinted once, and keys carry the fingerprint (not ~12 MB of JSON).
  const modelPrints = new Map<string, string>();
  const printOf = (name: string): string => modelPrints.get(name) ?? modelPrints.set(name, hash('sha1', JSON.stringify(models.get(name)), 'base64')).get(name)!;
  // What an operation's pages are made of, whatever their locale: the operation and every model they show.
  const contents = new Map(operations.map((operation) => [operation, [JSON.stringify(operation), ...[...modelNamesOnPage(operation, models)].sort(compareStrings).map(printOf)].join('\0')]));
  // The input pages of each operation: given back at their own path, as written (reproduce.ts).
  const print = fieldPrints();
  const recordsOf = new Map<string, PageRecord[]>();
  for (const record of ir.pages ?? []) {
    const records = recordsOf.get(record.operation);
    if (records) records.push(record);
    else recordsOf.set(record.operation, [record]);
  }
  // Parts are shared by an operation's pages in six SDK languages: each is fingerprinted once, keys carry the print.
  const partPrints: string[] = [];
  const partPrint = (index: number): string => (partPrints[index] ??= hash('sha1', JSON.stringify(ir.pageParts![index]), 'base64'));
  const units: Unit<DocsUnitResult>[] = [];
  const unitOf: { locale: Locale; operation: string }[] = [];
  for (const locale of options.locales ?? LOCALES) {
    for (const operation of operations) {
      const records = (recordsOf.get(operation.id) ?? []).filter((record) => record.locale === locale && (!record.sdk || sdks.includes(record.sdk)));
      const shapes = JSON.stringify(records.map((record) => [record, record.parts.map(partPrint)]));
      unitOf.push({ locale, operation: operation.id });
      units.push({
        key: `${locale}\0${settings}\0${contents.get(operation)}\0${shapes}`,
        render: () => {
          // A group records its own fallbacks (tables shared with other groups bring theirs), so what it records is complete.
          const own: Fallbacks = { missing: new Map(), present: new Set() };
          const reproduced = records.map((record): [string, Uint8Array] => [record.file, Buffer.from(reproducePage(record, ir, operation, models, print), 'utf8')]);
          // Custom code (config `implementation: "custom"`) exists only in the SDKs its input pages document: no page is made up for the others.
          const documented = new Set((recordsOf.get(operation.id) ?? []).map((record) => record.sdk));
          const exists = (sdk: SdkLanguage): boolean => operation.implementation !== 'custom' || documented.size === 0 || documented.has(sdk);
          const synthesizedSdks = sdks.filter((sdk) => exists(sdk) && !records.some((record) => record.sdk === sdk));
          const synthesized = synthesizedSdks
            .map((sdk): [string, Uint8Array] => [
              synthesizedPath(recordsOf.get(operation.id) ?? [], locale, sdk, operation.tag) ?? pagePath(locale, sdk, operation.module, operation.tag, operation.slug),
              Buffer.from(renderPage(pageView(ir, models, operation, sdk, locale, mode, own, tables)), 'utf8'),
            ]);
          const sdkPaths = [...records.flatMap((record): [string, string][] => (record.sdk ? [[record.sdk, record.file]] : [])), ...synthesized.map(([path], index): [string, string] => [synthesizedSdks[index]!, path])];
          return { files: [...reproduced, ...synthesized], synthesized: synthesized.map(([path]) => path), sdkPaths, fallbacks: recordFallbacks(own) };
        },
      });
    }
  }
  return {
    units,
    finish: (results) => {
      const fallbacks: Fallbacks = { missing: new Map(), present: new Set() };
      for (const result of results) mergeFallbacks(result.fallbacks, fallbacks);
      // A page of one operation may stand where another's would be synthesized (a page filed under another client's folder).
      const inputs = new Set(results.flatMap((result) => result.files.map(([path]) => path).filter((path) => !result.synthesized.includes(path))));
      const files = results.flatMap((result) => result.files.filter(([path]) => !inputs.has(path) || !result.synthesized.includes(path)));
      // The sidebars are cheap: made here, not as units.
      // Each page where it went: units are (locale, operation) in plan order; the first page of an SDK language counts.
      const placed = new Map<string, string>();
      const emitted = new Set(files.map(([file]) => file));
      results.forEach((result, index) => {
        const { locale, operation } = unitOf[index]!;
        for (const [sdk, path] of result.sdkPaths) {
          const key = `${locale}\0${operation}\0${sdk}`;
          // Relative to the sidebar's folder: an input page kept under another folder (`v3/en/…`) is linked as `../v3/en/…`.
          if (!placed.has(key) && emitted.has(path)) placed.set(key, posix.relative(locale, path));
        }
      });
      for (const locale of options.locales ?? LOCALES) {
        const pathOf = (operation: Operation, sdk: string): string | undefined => placed.get(`${locale}\0${operation.id}\0${sdk}`);
        files.push([`${locale}/sidebar.json`, Buffer.from(`${JSON.stringify(sidebar(operations, locale, profileOf(ir), pathOf), null, 2)}\n`, 'utf8')]);
      }
      files.sort(([a], [b]) => compareStrings(a, b));
      return { files: new Map(files), diagnostics: fallbackWarnings(ir, fallbacks) };
    },
  };
}

const renderPage = (view: object): string => render('docs/page.hbs', view);

/**
 * Where a page missing from the input goes: beside the operation's input pages, laid out
 * as they are (an input page's path with its locale and SDK language folders replaced).
 */
function synthesizedPath(records: readonly PageRecord[], locale: Locale, sdk: SdkLanguage, tag: string): string | undefined {
  // Pages of one operation may sit in different folders: the locale's own first, then those in the operation's tag folder.
  const rank = (record: PageRecord): number => (record.locale === locale ? 0 : 2) + (record.file.split('/').includes(tag) ? 0 : 1);
  for (const record of [...records].sort((a, b) => rank(a) - rank(b))) {
    const parts = record.file.split('/');
    if (!record.sdk || !parts.includes(record.sdk) || !parts.includes(record.locale) || !record.file.endsWith('.md')) continue;
    return parts.map((part) => (part === record.locale ? locale : part === record.sdk ? sdk : part)).join('/');
  }
  return undefined;
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
    void diagnostics.push(createDiagnostic('warning', 'DOCS_LOCALE_FALLBACK', source.file, source.line, message));
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

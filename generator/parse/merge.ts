/**
 * PageDocs → IR operations and models. The pages of one operation (six SDK languages ×
 * zh/en, plus stale twins under the other module) become one operation; a model defined
 * on many pages becomes one model. Where pages disagree, the first page in a fixed
 * precedence wins (source form before a rendered-site copy, zh before en, then SDK
 * language order, then path) and a warning names
 * both places, so the result never depends on file-system or row order.
 */
import type { WarningCode } from '../ir/diagnostic-codes.js';
import { compareStrings, type DiagnosticSink } from '../ir/diagnostics.js';
import {
  LOCALES,
  SDK_LANGUAGES,
  type LocaleFrame,
  type ModelLayout,
  type PageFrame,
  type Field,
  type Model,
  type Module,
  type Sample,
  type SdkLanguage,
  type SourceRef,
  type TypeRef,
} from '../ir/types.js';
import { camelCase, kebabCase, pascalCase, snakeCase } from '../shared/case.js';
import type { ClientIndex, DocumentedOperation } from '../profile/index.js';
import type { ParsedField } from './fields.js';
import type { PageDoc } from './page.js';
import { requestTypeFromSamples } from './sample-names.js';

export type SinkFor = (file: string) => DiagnosticSink;

const sdkRank = (sdk: SdkLanguage | undefined): number => (sdk === undefined ? SDK_LANGUAGES.length : SDK_LANGUAGES.indexOf(sdk));

export function comparePages(a: PageDoc, b: PageDoc): number {
  return (
    // A page in its source form (Markdown, plain text) before a copy of the rendered site (issue 16).
    Number(a.copied === true) - Number(b.copied === true) ||
    (a.locale === b.locale ? 0 : a.locale === 'zh' ? -1 : 1) || sdkRank(a.sdk) - sdkRank(b.sdk) || compareStrings(a.file, b.file)
  );
}

interface Located<T> {
  value: T;
  file: string;
  line: number;
}

/** Which operation a page documents: its client (sample wins over method section) and slug. */
export interface OperationKey {
  module: Module;
  slug: string;
}

/** The clients a page names (method section, sample code, folder) as profile client ids; names the profile does not know are absent. */
export interface PageClients {
  method?: Module;
  sample?: Module;
  path?: Module;
}

export function clientsOf(page: PageDoc, clients: ClientIndex): PageClients {
  const id = (written: string | undefined) => (written === undefined ? undefined : clients.find(written)?.id);
  return { method: id(page.method?.client), sample: id(page.sampleClient), path: id(page.path.module) };
}

export function operationKey(page: PageDoc, sinkFor: SinkFor, clients: ClientIndex): OperationKey | undefined {
  const sink = sinkFor(page.file);
  const named = clientsOf(page, clients);
  let module = named.method ?? named.sample ?? named.path;
  if (named.method && named.sample && named.method !== named.sample) {
    sink.warning(
      'CLIENT_MISMATCH',
      page.method!.line,
      `method section says ${named.method} client but the sample code uses the ${named.sample} client; using ${named.sample}`,
    );
    module = named.sample;
  }
  // Client names the profile does not know (a folder name is layout, not a claim: it is not reported).
  const unknown = [
    ...(page.method && !named.method ? [{ what: 'method section', written: page.method.client, line: page.method.line }] : []),
    ...(page.sampleClient && !named.sample ? [{ what: 'sample code', written: page.sampleClient, line: page.sample?.line ?? 1 }] : []),
  ];
  if (module === undefined) {
    module = clients.fallback.id;
    if (unknown.length === 0) sink.warning('MODULE_UNKNOWN', 1, `page names no client and its path no module; assuming ${module}`);
  }
  for (const { what, written, line } of unknown) {
    const known = clients.profile.clients.map((client) => client.className).join(', ');
    sink.warning('CLIENT_UNKNOWN', line, `${what} names ${written}, a client the ${clients.profile.name} profile does not know (${known}); using ${module}`);
  }
  const name = page.method?.name ?? page.sampleMethod ?? page.response?.typeName?.replace(/RespDto$|Dto$/, '');
  // The page path's slug as written; only pages without one get a slug made from the method name.
  const slug = page.path.slug ?? (name ? kebabCase(name) : undefined);
  if (slug === undefined) {
    sink.error('OPERATION_UNNAMED', 1, 'cannot tell which operation this page documents: no method name, slug or response type');
    return undefined;
  }
  return { module, slug };
}

/**
 * What the pages of one operation say, merged. Its HTTP binding and DTO names are the
 * API profile's to add (generator/profile), except a response type the pages name.
 */
export function mergeOperation(module: Module, slug: string, pages: PageDoc[], sinkFor: SinkFor, clients: ClientIndex): DocumentedOperation {
  pages.sort(comparePages);
  const methodNames: Partial<Record<SdkLanguage, string>> = {};
  const summary: DocumentedOperation['summary'] = {};
  const description: DocumentedOperation['description'] = {};
  const samples: Sample[] = [];
  for (const page of pages) {
    const name = page.method?.name ?? page.sampleMethod;
    if (page.sdk && name) {
      const known = methodNames[page.sdk];
      if (known === undefined) methodNames[page.sdk] = name;
      else if (known !== name) sinkFor(page.file).warning('METHOD_NAME_CONFLICT', page.method?.line ?? 1, `method "${name}" differs from "${known}" on another ${page.sdk} page; using "${known}"`);
    }
    if (page.summary && summary[page.locale] === undefined) summary[page.locale] = page.summary;
    if (page.description && description[page.locale] === undefined) description[page.locale] = page.description;
    if (page.sdk && page.sample && !samples.some((s) => s.sdk === page.sdk && s.locale === page.locale)) {
      samples.push({ sdk: page.sdk, locale: page.locale, lang: page.sample.lang, code: page.sample.code, source: { file: page.file, line: page.sample.line + 1 } });
    }
  }
  completeMethodNames(methodNames, slug);

  // The tag comes from pages filed under the operation's own module (a stale twin's folder is not its home).
  const home = pages.find((page) => page.path.module === module && page.path.tag) ?? pages.find((page) => page.path.tag);
  const requestPages = pages.filter((page) => page.request);
  const requestFields = mergeFields(requestPages.map((page) => ({ page, fields: page.request!.fields })), sinkFor, 'request');
  const queryRows = requestPages.flatMap((page) => page.request!.fields.filter((f) => f.queryRow));
  const style = requestFields.length === 0 ? 'none' : queryRows.length > 0 ? 'query' : 'body';
  const responsePages = pages.filter((page) => page.response);
  const responseType = firstOf(responsePages.map((page) => page.response?.typeName && { value: page.response.typeName, file: page.file, line: page.response.line }), sinkFor, 'RESPONSE_TYPE_CONFLICT', 'response type');
  const example = responsePages.find((page) => page.response!.example !== undefined)?.response!.example;

  const operation: DocumentedOperation = {
    id: `${module}/${slug}`,
    module,
    tag: home?.path.tag ?? '',
    slug,
    methodNames,
    summary,
    description,
    request: { style, fields: requestFields },
    response: {
      ...(responseType !== undefined ? { typeName: responseType } : {}),
      fields: mergeFields(responsePages.map((page) => ({ page, fields: page.response!.fields })), sinkFor, 'response'),
    },
    samples: samples.sort((a, b) => sdkRank(a.sdk) - sdkRank(b.sdk) || compareStrings(a.locale, b.locale)),
    sources: sourcesOf(pages.map((page) => ({ file: page.file, line: 1 }))),
  };
  if (example !== undefined) operation.response.example = example;
  const first = pages[0]!;
  const layoutPage = (part: 'request' | 'response') => pages.find((page) => page[part] && page[part]!.fields.length > 0);
  operation.layout = {
    request: layoutPage('request')?.request!.fields.map(({ field }) => field.name) ?? [],
    response: layoutPage('response')?.response!.fields.map(({ field }) => field.name) ?? [],
    models: (pages.find((page) => page.models.length > 0) ?? first).models.map((model) => model.name),
    methodSection: first.method !== undefined,
    bareExamples: bareExamples(layoutPage('request')?.request!.fields ?? []),
  };
  const methodClient = first.method && clientsOf(first, clients).method;
  if (methodClient && methodClient !== module) operation.layout.methodClient = methodClient;
  const multiline = multilineRows(layoutPage('request')?.request!.fields ?? []);
  if (multiline.length > 0) operation.layout.multilineRows = multiline;
  const named = requestTypeFromSamples(methodNames.node!, requestFields, operation.samples);
  if (named) operation.request.typeName = named.name;
  return operation;
}

/** Languages without a page get the name their SDK's convention gives the operation. */
function completeMethodNames(names: Partial<Record<SdkLanguage, string>>, slug: string): void {
  const base = names.node ?? names.java ?? names.php ?? names.python ?? names.go ?? names.csharp ?? slug;
  const convention: Record<SdkLanguage, (name: string) => string> = {
    node: camelCase, python: snakeCase, java: camelCase, go: pascalCase, php: camelCase, csharp: pascalCase,
  };
  for (const sdk of SDK_LANGUAGES) names[sdk] ??= convention[sdk](base);
}

export function mergeModels(pages: PageDoc[], sinkFor: SinkFor): Model[] {
  const byName = new Map<string, { page: PageDoc; fields: ParsedField[]; line: number }[]>();
  for (const page of [...pages].sort(comparePages)) {
    for (const model of page.models) {
      const list = byName.get(model.name) ?? [];
      list.push({ page, fields: model.fields, line: model.line });
      byName.set(model.name, list);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, definitions]) => {
      const fields = mergeFields(definitions, sinkFor, `model ${name}`);
      const sources = sourcesOf(definitions.map((d) => ({ file: d.page.file, line: d.line })));
      const first = definitions[0]!.fields;
      const layout: ModelLayout = { fields: first.map(({ field }) => field.name), bareExamples: bareExamples(first) };
      const multiline = multilineRows(first);
      if (multiline.length > 0) layout.multilineRows = multiline;
      return { name, fields, opaque: fields.length === 0, sources, layout };
    });
}

/**
 * Unions the fields of several definitions by name. The first definition (by page
 * precedence) gives type, required flag and values; each locale's description comes from
 * the first page in that locale. Output is sorted by name: row order carries no meaning.
 */
function mergeFields(definitions: { page: PageDoc; fields: ParsedField[] }[], sinkFor: SinkFor, what: string): Field[] {
  const merged = new Map<string, { field: Field; file: string; line: number }>();
  for (const { page, fields } of definitions) {
    for (const { field, line } of fields) {
      const known = merged.get(field.name);
      if (!known) {
        merged.set(field.name, { field: structuredClone(field), file: page.file, line });
        continue;
      }
      const differences = differencesBetween(known.field, field);
      if (differences.length > 0) {
        sinkFor(page.file).warning(
          'DEFINITION_CONFLICT',
          line,
          `${what} field "${field.name}": ${differences.join(', ')} differ from ${known.file}:${known.line}; using that definition`,
        );
      }
      const description = known.field.description;
      if (description[page.locale] === undefined && field.description[page.locale] !== undefined) {
        description[page.locale] = field.description[page.locale];
      }
    }
  }
  return [...merged.values()].map((entry) => entry.field).sort((a, b) => compareStrings(a.name, b.name));
}

const bareExamples = (fields: ParsedField[]): string[] => fields.filter((f) => f.bareExample).map((f) => f.field.name);
const multilineRows = (fields: ParsedField[]): string[] => fields.filter((f) => f.multiline).map((f) => f.field.name);

/** The boilerplate most pages of each locale carry (ties: the first in text order). */
export function pageFrame(pages: PageDoc[]): PageFrame | undefined {
  const frame: PageFrame = {};
  for (const locale of LOCALES) {
    const ofLocale = pages.filter((page) => page.locale === locale);
    const parts: LocaleFrame = {};
    for (const part of FRAME_PARTS) {
      const counts = new Map<string, number>();
      for (const page of ofLocale) {
        const text = page.frame[part];
        if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      const best = [...counts.entries()].sort(([a, x], [b, y]) => y - x || compareStrings(a, b))[0];
      if (best) parts[part] = best[0];
    }
    if (Object.keys(parts).length > 0) frame[locale] = parts;
  }
  return Object.keys(frame).length > 0 ? frame : undefined;
}

const FRAME_PARTS = ['comment', 'notice', 'requestTable', 'responseTable', 'modelTable'] as const;

function differencesBetween(a: Field, b: Field): string[] {
  const differences: string[] = [];
  if (typeText(a.type) !== typeText(b.type)) differences.push(`type (${typeText(b.type)} vs ${typeText(a.type)})`);
  if (a.required !== b.required) differences.push('required flag');
  if (JSON.stringify(a.enum) !== JSON.stringify(b.enum)) differences.push('enum values');
  return differences;
}

export function typeText(type: TypeRef): string {
  if (type.kind === 'array') return `${typeText(type.items)}[]`;
  if (type.kind === 'ref') return type.name;
  return type.kind;
}

function firstOf<T>(candidates: (Located<T> | undefined | '')[], sinkFor: SinkFor, code: WarningCode, what: string): T | undefined {
  const present = candidates.filter((c): c is Located<T> => !!c);
  const [first, ...rest] = present;
  for (const other of rest) {
    if (other.value !== first!.value) {
      sinkFor(other.file).warning(code, other.line, `${what} "${String(other.value)}" differs from "${String(first!.value)}" at ${first!.file}:${first!.line}; using the latter`);
    }
  }
  return first?.value;
}

function sourcesOf(sources: SourceRef[]): SourceRef[] {
  return sources.sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line);
}

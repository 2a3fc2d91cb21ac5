/**
 * One operation × SDK language × locale → the view a page template renders. All text
 * decisions live here (which locale, which rows, how each cell reads); the templates
 * only lay the pieces out.
 */
import type { Field, Ir, Locale, LocaleFrame, Localized, Model, ModelLayout, Operation, SdkLanguage, TypeRef } from '../../ir/types.js';
import { localOptional, mergeFallbacks, type Fallbacks } from './fallback.js';
import { clientOf, profileOf } from '../../profile/index.js';
import { render } from '../templates.js';
import { modelRow, ordered, requestRow, responseView, spread, type RowView } from './rows.js';
import { renderSample } from './samples.js';
import { WORDS, type LocaleWords } from './words.js';

export interface ModelView {
  name: string;
  /** The data-structure table: head and rows, rendered. */
  table: string;
}

export interface PageView {
  words: LocaleWords;
  summary: string;
  comment: string;
  /** Blockquote lines, `> ` included. */
  notice?: string;
  description?: string;
  method?: string;
  /** The request table: head and rows, rendered. */
  request: string;
  sample?: { lang: string; code: string; gap: string };
  responseType: string;
  /** The response table: head and rows, rendered. */
  response: string;
  example?: string;
  models: ModelView[];
}

export type SampleMode = 'fill' | 'documented';

export type { Fallbacks, RowView };

/** The class a method section names for a module: the IR's profile's. */
const className = (ir: Ir, module: string): string => clientOf(profileOf(ir), module).className;

export function pageView(
  ir: Ir,
  models: Map<string, Model>,
  operation: Operation,
  sdk: SdkLanguage,
  locale: Locale,
  sampleMode: SampleMode,
  fallbacks: Fallbacks,
  memo: Map<string, unknown> = new Map(),
): PageView {
  const shared = <T>(key: string, build: () => T): T => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key) as T;
  };
  // Where texts record their locale fallbacks: the page's, or a table's own while it is built.
  let sink = fallbacks;
  /**
   * Tables do not depend on the SDK language: each is built once per locale and shared
   * (by all pages of the run that show it). The fallbacks a table recorded come with it,
   * so every page that shows it records them, shared or not.
   */
  const once = <T>(key: string, build: () => T): T => {
    const entry = shared(`${locale}\0${key}`, () => {
      sink = { missing: new Map(), present: new Set() };
      try {
        return { value: build(), recorded: sink };
      } finally {
        sink = fallbacks;
      }
    });
    mergeFallbacks(entry.recorded, fallbacks);
    return entry.value;
  };
  const words = WORDS[locale];
  // The same for every page of a locale, as is the notice's quoting.
  const ownFrame = operation.layout?.frame?.[locale];
  const frameKey = `${locale} ${ownFrame ? JSON.stringify(ownFrame) : ''}`;
  const frame = shared(`frame ${frameKey}`, () => frameOf(ir, locale, words, ownFrame));
  const notice = shared(`notice ${frameKey}`, () => frame.notice?.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n'));
  const text = (value: Localized, owner: string, what: string): string => localOptional(value, locale, owner, what, sink) ?? '';
  const own = operation.id;
  const layout = operation.layout;
  /** A table's rows in documented order; in reproduce mode, rows the page spread over lines spread again. */
  const rowsOf = (fields: Field[], shape: ModelLayout | undefined, row: (field: Field, bare: boolean) => RowView): RowView[] =>
    ordered(fields, shape?.fields).map((field) =>
      spread(row(field, shape?.bareExamples.includes(field.name) === true), sampleMode === 'documented' && shape?.multilineRows?.includes(field.name) === true),
    );
  // Every model a table refers to is listed on the page (modelsOnPage), so a known model's anchor is there.
  const linked = models;
  const requestShape = layout && { fields: layout.request, bareExamples: layout.bareExamples, multilineRows: layout.multilineRows };
  const query = operation.request.style === 'query';
  const request = once(`request ${own}`, () =>
    tableText('request', frame.requestTable, rowsOf(operation.request.fields, requestShape, (field, bare) =>
      requestRow(field, words, query, text(field.description, own, `request.${field.name}`), bare, linked),
    )),
  );
  const response = once(`response ${own}`, () => {
    const view = responseView(operation, words, (field) => text(field.description, own, `response.${field.name}`), linked);
    return tableText(view.full ? 'model' : 'response', view.full ? frame.modelTable : frame.responseTable, view.rows);
  });
  // Neither the models listed nor a template sample depend on the locale: shared by both.
  const listed = shared(`models ${own}`, () => modelsOnPage(operation, models, sampleMode === 'documented'));
  const documented = operation.samples.find((s) => s.sdk === sdk && s.locale === locale);
  const sample = documented ?? (sampleMode === 'fill' ? shared(`sample ${own} ${sdk}`, () => renderSample(operation, sdk, clientOf(profileOf(ir), operation.module))) : undefined);
  const view: PageView = {
    words,
    summary: text(operation.summary, own, 'summary'),
    comment: frame.comment,
    notice,
    request,
    responseType: operation.response.typeName,
    response,
    models: listed.map((model) =>
      once(`model ${model.name}`, () => ({
        name: model.name,
        table: tableText('model', frame.modelTable, rowsOf(model.fields, model.layout, (field, bare) =>
          modelRow(field, words, text(field.description, `model ${model.name}`, field.name), bare, linked),
        )),
      })),
    ),
  };
  const description = localOptional(operation.description, locale, own, 'description', fallbacks);
  if (description !== undefined) view.description = description;
  // The docs factory's PHP pages leave one blank line less after the sample.
  if (sample) view.sample = { lang: sample.lang, code: sample.code, gap: sdk === 'php' ? '\n\n' : '\n\n\n' };
  if (sampleMode === 'fill') view.method = `${className(ir, operation.module)}.${operation.methodNames[sdk]}`;
  else if (layout?.methodSection !== false) view.method = `${className(ir, layout?.methodClient ?? operation.module)}.${operation.methodNames[sdk]}`;
  if (operation.response.example !== undefined) view.example = shared(`example ${own}`, () => JSON.stringify(operation.response.example, null, 2));
  return view;
}

/** A table, rendered once from `templates/docs/<kind>-table.hbs` (the head as the docs set writes it, then its rows). */
function tableText(kind: 'request' | 'response' | 'model', head: string, rows: RowView[]): string {
  return render(`docs/${kind}-table.hbs`, { head, rows }).replace(/\n$/, '');
}

/** The docs set's own boilerplate for this locale (a notice it lacks stays out), else ours. */
function frameOf(ir: Ir, locale: Locale, words: LocaleWords, operation?: LocaleFrame): Required<Omit<LocaleFrame, 'notice'>> & { notice?: string } {
  // The operation's own pages' frame first (layout.frame: only what differs from the docs set's), then the docs set's.
  const own = ir.frame?.[locale] || operation ? { ...ir.frame?.[locale], ...operation } : undefined;
  const frame = {
    comment: own?.comment ?? words.comment,
    requestTable: own?.requestTable ?? words.requestTable,
    responseTable: own?.responseTable ?? words.responseTable,
    modelTable: own?.modelTable ?? words.modelTable,
  };
  // An empty notice: the operation's pages have none.
  const notice = own ? own.notice || undefined : words.notice;
  return notice === undefined ? frame : { ...frame, notice };
}

/**
 * The names of the models an operation's pages show, as a set: those of modelsOnPage,
 * found without putting them in page order (what a cache key needs, ~5x cheaper).
 */
export function modelNamesOnPage(operation: Operation, models: Map<string, Model>): Set<string> {
  const names = new Set<string>();
  const pending: TypeRef[] = [];
  const add = (name: string): void => {
    const model = models.get(name);
    if (!model || names.has(name)) return;
    names.add(name);
    for (const field of model.fields) pending.push(field.type);
  };
  for (const name of operation.layout?.models ?? []) add(name);
  for (const field of operation.request.fields) pending.push(field.type);
  for (const field of operation.response.fields) pending.push(field.type);
  for (let type = pending.pop(); type !== undefined; type = pending.pop()) {
    if (type.kind === 'ref') add(type.name);
    else if (type.kind === 'array') pending.push(type.items);
  }
  return names;
}

/**
 * The models an operation's pages show: the layout's, then every other model reachable
 * from the operation's fields, depth first. `repeats`: keep a model the layout lists twice.
 */
export function modelsOnPage(operation: Operation, models: Map<string, Model>, repeats: boolean): Model[] {
  const names: string[] = [];
  const add = (name: string): void => {
    const model = models.get(name);
    if (!model || names.includes(name)) return;
    names.push(name);
    ordered(model.fields, model.layout?.fields).forEach((field) => visit(field.type));
  };
  const visit = (type: TypeRef): void => {
    if (type.kind === 'ref') add(type.name);
    else if (type.kind === 'array') visit(type.items);
  };
  const listed = operation.layout?.models ?? [];
  // A page may list a model twice; reproduced pages keep that, generated pages list each once.
  for (const name of listed) if (models.has(name) && (repeats || !names.includes(name))) names.push(name);
  const fields = [...ordered(operation.request.fields, operation.layout?.request), ...ordered(operation.response.fields, operation.layout?.response)];
  for (const name of [...new Set(names)]) ordered(models.get(name)!.fields, models.get(name)!.layout?.fields).forEach((field) => visit(field.type));
  fields.forEach((field) => visit(field.type));
  return names.map((name) => models.get(name)!);
}

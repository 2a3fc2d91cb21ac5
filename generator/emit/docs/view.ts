/**
 * One operation × SDK language × locale → the view a page template renders. All text
 * decisions live here (which locale, which rows, how each cell reads); the templates
 * only lay the pieces out.
 */
import { compareStrings } from '../../ir/diagnostics.js';
import { LOCALES, type Field, type Ir, type Locale, type LocaleFrame, type Localized, type Model, type Operation, type SdkLanguage, type TypeRef } from '../../ir/types.js';
import { codeSpan, defaultCell, escapePipes, textCell, typeCell, valueText } from './cells.js';
import { renderSample } from './samples.js';
import { WORDS, type LocaleWords } from './words.js';

export interface RowView {
  /** Cells in column order, already escaped. */
  cells: string[];
  /** docs-factory marks GET query parameters by a leading space and two spaces after the type. */
  query: boolean;
}

export interface ModelView {
  name: string;
  rows: RowView[];
}

export interface PageView {
  words: LocaleWords;
  summary: string;
  comment: string;
  /** Blockquote lines, `> ` included. */
  notice?: string;
  /** Header and separator lines of each table. */
  tables: { request: string; response: string; model: string };
  description?: string;
  method?: string;
  request: RowView[];
  hasRequest: boolean;
  sample?: { lang: string; code: string; gap: string };
  /** `full`: the table needs the required and example columns (a response table usually has neither). */
  response: { typeName: string; rows: RowView[]; full: boolean };
  example?: string;
  hasModels: boolean;
  models: ModelView[];
}

export type SampleMode = 'fill' | 'documented';

/**
 * Texts that had no words in the page's locale and took the other locale's (`missing`,
 * by `owner\0locale`), and the owners that do have some text in that locale (`present`).
 */
export interface Fallbacks {
  missing: Map<string, Set<string>>;
  present: Set<string>;
}

const CLIENT: Record<Operation['module'], string> = { management: 'ManagementClient', authentication: 'AuthenticationClient' };

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
  /** Tables do not depend on the SDK language: each is built once per locale and shared. */
  const once = <T>(key: string, build: () => T): T => {
    const full = `${locale}\0${key}`;
    if (!memo.has(full)) memo.set(full, build());
    return memo.get(full) as T;
  };
  const words = WORDS[locale];
  const frame = frameOf(ir, locale, words);
  const text = (value: Localized, owner: string, what: string): string => localOptional(value, locale, owner, what, fallbacks) ?? '';
  const own = operation.id;
  const layout = operation.layout;
  const request = once(`request ${own}`, () =>
    ordered(operation.request.fields, layout?.request).map((field) =>
      spread(
        requestRow(field, words, operation.request.style === 'query', text(field.description, own, `request.${field.name}`), layout?.bareExamples.includes(field.name) === true),
        sampleMode === 'documented' && layout?.multilineRows?.includes(field.name) === true,
      ),
    ),
  );
  const listed = modelsOnPage(operation, models, sampleMode === 'documented');
  const documented = operation.samples.find((s) => s.sdk === sdk && s.locale === locale);
  const sample = documented ?? (sampleMode === 'fill' ? renderSample(operation, sdk, models) : undefined);
  const view: PageView = {
    words,
    summary: text(operation.summary, own, 'summary'),
    comment: frame.comment,
    notice: frame.notice?.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n'),
    tables: { request: frame.requestTable, response: frame.responseTable, model: frame.modelTable },
    request,
    hasRequest: request.length > 0,
    response: once(`response ${own}`, () => responseView(operation, words, (field) => text(field.description, own, `response.${field.name}`))),
    hasModels: listed.length > 0,
    models: listed.map((model) =>
      once(`model ${model.name}`, () => ({
        name: model.name,
        rows: ordered(model.fields, model.layout?.fields).map((field) =>
          spread(
            modelRow(field, words, text(field.description, `model ${model.name}`, field.name), model.layout?.bareExamples.includes(field.name) === true),
            sampleMode === 'documented' && model.layout?.multilineRows?.includes(field.name) === true,
          ),
        ),
      })),
    ),
  };
  const description = localOptional(operation.description, locale, own, 'description', fallbacks);
  if (description !== undefined) view.description = description;
  // The docs factory's PHP pages leave one blank line less after the sample.
  if (sample) view.sample = { lang: sample.lang, code: sample.code, gap: sdk === 'php' ? '\n\n' : '\n\n\n' };
  if (sampleMode === 'fill') view.method = `${CLIENT[operation.module]}.${operation.methodNames[sdk]}`;
  else if (layout?.methodSection !== false) view.method = `${CLIENT[layout?.methodClient ?? operation.module]}.${operation.methodNames[sdk]}`;
  if (operation.response.example !== undefined) view.example = JSON.stringify(operation.response.example, null, 2);
  return view;
}

/** The docs set's own boilerplate for this locale (a notice it lacks stays out), else ours. */
function frameOf(ir: Ir, locale: Locale, words: LocaleWords): Required<Omit<LocaleFrame, 'notice'>> & { notice?: string } {
  const own = ir.frame?.[locale];
  const frame = {
    comment: own?.comment ?? words.comment,
    requestTable: own?.requestTable ?? words.requestTable,
    responseTable: own?.responseTable ?? words.responseTable,
    modelTable: own?.modelTable ?? words.modelTable,
  };
  const notice = own ? own.notice : words.notice;
  return notice === undefined ? frame : { ...frame, notice };
}

/**
 * The response table has name, type and description only, unless a field carries what
 * only the longer data-structure table can say (an example, enum values, a default).
 */
function responseView(operation: Operation, words: LocaleWords, describe: (field: Field) => string): PageView['response'] {
  const fields = ordered(operation.response.fields, operation.layout?.response);
  const full = fields.some(
    (field) => field.example !== undefined || field.default !== undefined || (field.enum !== undefined && !enumListedIn(field.enum, describe(field))),
  );
  const rows = fields.map((field) => {
    const description = describe(field);
    if (full) return modelRow(field, words, description, operation.layout?.bareExamples.includes(field.name) === true);
    return { cells: [escapePipes(field.name), typeCell(field.type, description), textCell(description)], query: false };
  });
  return { typeName: operation.response.typeName, rows, full };
}

/** Reproduce mode: a row the page spread over several lines is written so again (its `<br>` were line breaks). */
function spread(row: RowView, multiline: boolean): RowView {
  return multiline ? { ...row, cells: row.cells.map((cell) => cell.replace(/<br>/g, '\n')) } : row;
}

function requestRow(field: Field, words: LocaleWords, query: boolean, description: string, bare: boolean): RowView {
  return {
    cells: [
      escapePipes(field.name),
      typeCell(field.type, description),
      field.required ? words.yes : words.no,
      defaultCell(field),
      paddedDescription(description, ' '),
      exampleCell(field, bare, words, description),
    ],
    query,
  };
}

function modelRow(field: Field, words: LocaleWords, description: string, bare: boolean): RowView {
  return {
    // The docs factory sets a code-span example in data-structure rows off by one more space.
    cells: [
      escapePipes(field.name),
      typeCell(field.type, description),
      field.required ? words.yes : words.no,
      paddedDescription(description, '  '),
      field.example === undefined || bare ? exampleCell(field, bare, words, description) : ` ${exampleCell(field, bare, words, description)}`,
    ],
    query: false,
  };
}

/** The notes the docs factory appends to a description: nested type, array length limit. */
const NOTE_AT_END = /(?:(?:嵌套类型|nest(?:ed|ing) type)\s*[:：]\s*<a href="#\w+">\w+<\/a>|(?:数组长度限制|array length limit)\s*[:：]\s*\d+)[。.]?$/i;

/**
 * The docs factory writes a description cell as `${text} ${notes}` plus a fixed pad, so
 * a text without notes ends in one more space. `base` is the pad after notes.
 */
function paddedDescription(description: string, base: string): string {
  // A description ending in a line break carries its own trailing spaces (see parse/fields.ts).
  if (/\n[\t ]*$/.test(description)) return `${textCell(description)} `;
  return `${textCell(description)}${base}${NOTE_AT_END.test(description) ? '' : ' '}`;
}

/** Whether the description itself lists the enum values (as code spans), so the parser finds them there. */
const enumListedIn = (values: string[], description: string): boolean => values.every((value) => description.includes(`\`${value}\``));

/**
 * The example in a code span, or bare where the page wrote it so (and bare reads back
 * the same). Enum values the description does not list go in this column instead.
 */
function exampleCell(field: Field, bare: boolean, words: LocaleWords, description: string): string {
  if (field.example === undefined) {
    if (!field.enum || enumListedIn(field.enum, description)) return '';
    return words.enumValues + field.enum.map((value) => `\`${escapePipes(value)}\``).join(',');
  }
  const text = valueText(field.example);
  if (bare && !/[`|\n]/.test(text) && !/^(?:可选枚举值|optional enumeration value)/i.test(text)) return text;
  return codeSpan(field.example);
}

/** Fields in documented order; fields the layout does not list follow in name order. */
function ordered(fields: Field[], order: string[] | undefined): Field[] {
  if (!order || order.length === 0) return fields;
  const rank = new Map(order.map((name, index) => [name, index]));
  return [...fields].sort(
    (a, b) => (rank.get(a.name) ?? order.length) - (rank.get(b.name) ?? order.length) || compareStrings(a.name, b.name),
  );
}

/** The layout's models, then every other model reachable from the operation's fields, depth first. */
function modelsOnPage(operation: Operation, models: Map<string, Model>, repeats: boolean): Model[] {
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

function localOptional(value: Localized, locale: Locale, owner: string, what: string, fallbacks: Fallbacks): string | undefined {
  const key = `${owner}\0${locale}`;
  const own = value[locale];
  if (own !== undefined) {
    fallbacks.present.add(key);
    return own;
  }
  const other = LOCALES.find((l) => l !== locale && value[l] !== undefined);
  if (other === undefined) return undefined;
  const entry = fallbacks.missing.get(key) ?? new Set<string>();
  entry.add(what);
  fallbacks.missing.set(key, entry);
  return value[other];
}


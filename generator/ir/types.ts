/**
 * The IR: the one contract between the parser and every emitter.
 *
 * It is plain JSON (no classes, no undefined-vs-missing tricks beyond optional
 * keys), versioned by `irVersion`, and described by `ir.schema.json` beside
 * this file. Emitters read only this; the parser writes only this.
 * Bump IR_VERSION on any change that an existing consumer could misread.
 */

import type { DiagnosticCode } from './diagnostic-codes.js';

export const IR_VERSION = 2 as const;

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The SDK languages of the docs factory, in its order (used for stable precedence). */
export const SDK_LANGUAGES = ['node', 'python', 'java', 'go', 'php', 'csharp'] as const;
export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

/**
 * The id of an SDK client (`management`), also the docs' folder of its pages. The set is
 * the API profile's (`Ir.profile.clients`), not closed here.
 */
export type Module = string;

/** Text in one or both locales; a missing key means the docs have no text in that locale. */
export type Localized = Partial<Record<Locale, string>>;

export type PrimitiveKind = 'string' | 'number' | 'boolean' | 'object' | 'any';

export type TypeRef =
  | { kind: PrimitiveKind }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'ref'; name: string };

/** JSON value as it appears in examples. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Field {
  name: string;
  type: TypeRef;
  required: boolean;
  /** Default value as written in the docs (JSON when it parses as JSON, else the text). */
  default?: JsonValue;
  /** Markdown text; `<br>` in the docs becomes a newline. Inline markup is kept verbatim. */
  description: Localized;
  example?: JsonValue;
  /** Allowed values, in the order the docs list them. */
  enum?: string[];
  /**
   * Values of a field without `enum` that a node sample names as enum members
   * (`Models.X.field.MEMBER`, the member matching the table's default or example value;
   * generator/parse/sample-names.ts). Not the field's whole domain: the SDK gives them an
   * enum and keeps the field open to any string.
   */
  sampleValues?: string[];
  /** From 数组长度限制 / array length limit. */
  maxItems?: number;
}

export interface SourceRef {
  /** Path relative to the docs root, with forward slashes. */
  file: string;
  line: number;
}

export type HttpMethod = 'GET' | 'POST';
export type RequestStyle = 'body' | 'query' | 'none';

export interface Sample {
  sdk: SdkLanguage;
  locale: Locale;
  /** The fence's info string (`ts`, `py`, …). */
  lang: string;
  code: string;
  /** The line of the page where the code's first line is (diagnostics on a sample's line map from it). */
  source?: SourceRef;
}

export interface Operation {
  /** `${module}/${slug}`: unique. */
  id: string;
  module: Module;
  /** The API group folder of the docs factory (e.g. `管理-webhook`); empty when the page path has none. */
  tag: string;
  slug: string;
  methodNames: Partial<Record<SdkLanguage, string>>;
  summary: Localized;
  description: Localized;
  http: { method: HttpMethod; path: string };
  request: {
    style: RequestStyle;
    typeName: string;
    fields: Field[];
    /** `form`: the body is sent `application/x-www-form-urlencoded` (config); absent: JSON. */
    contentType?: 'form';
    /** Sent with these values on every call, whatever the caller passes (config). */
    fixed?: Record<string, JsonValue>;
    /** Fields the SDK method takes as positional parameters, in order (config); the rest follow in one object. */
    positional?: string[];
    /** Fields the SDK method neither takes nor sends (config): documented, but not this SDK's to send. */
    omit?: string[];
  };
  response: { typeName: string; fields: Field[]; example?: JsonValue };
  /** Sample code carried by the pages, verbatim, one per (sdk, locale). */
  samples: Sample[];
  sources: SourceRef[];
  /** How the pages laid the operation out (order only); see Layout. */
  layout?: OperationLayout;
  /**
   * Facts the docs' tables do not state, by key, and what supplied them: the API profile's
   * convention, the config's per-operation override, or a node sample (a request DTO name
   * it writes, generator/parse/sample-names.ts). Keys not listed came from the tables.
   */
  derived?: Partial<Record<DerivedKey, 'profile' | 'config' | 'sample'>>;
  /**
   * `custom`: the SDK method is written by hand (the custom code folder, `ir.customCode`),
   * not one HTTP call: its types and docs are emitted, its body is not. Absent: one HTTP call.
   */
  implementation?: 'custom';
}

export type DerivedKey =
  | 'http.method'
  | 'http.path'
  | 'request.style'
  | 'request.typeName'
  | 'request.contentType'
  | 'request.fixed'
  | 'request.positional'
  | 'request.omit'
  | 'response.typeName'
  | 'implementation';

/**
 * An option a node sample passes to a client's constructor (`protocol: 'oidc'`), which no
 * table states: the client must accept it (generator/parse/sample-options.ts). Its types are
 * the literal values' the samples give (more than one: SAMPLE_OPTION_TYPE_CONFLICT).
 */
export interface ClientOption {
  /** The class the sample constructs (`AuthenticationClient`). */
  client: string;
  name: string;
  types: { kind: 'string' | 'number' | 'boolean' }[];
  derived: 'sample';
  /** Every sample line that passes it. */
  sources: SourceRef[];
}

/** A file of the custom code folder: TypeScript merged into the SDK's client classes. */
export interface CustomCodeFile {
  /** Relative to the docs root, forward slashes (`sdk-custom/ManagementClient.ts`). */
  file: string;
  code: string;
}

/**
 * Documented order, and nothing else: the row order of the highest-precedence page and
 * the data structures it lists. Fields are compared and merged by name, so no meaning
 * depends on it; the docs emitter follows it to reproduce pages as written (names not
 * listed follow in name order). Absent for IR built by other means.
 */
export interface OperationLayout {
  request: string[];
  response: string[];
  /** Data structures listed on the page, in order (also ones no field links to). */
  models: string[];
  /** False when the page has no method-name section (some pages leave it out). */
  methodSection: boolean;
  /** The client a stale method section names when it is not the operation's own (see CLIENT_MISMATCH). */
  methodClient?: Module;
  /** Request fields whose example the page writes bare, not in a code span. */
  bareExamples: string[];
  /** Request rows the page spread over several lines (broken Markdown, repaired on reading). */
  multilineRows?: string[];
  /**
   * The frame that prevails among the operation's own input pages, where it differs from
   * the docs set's (`Ir.frame`): what its synthesized pages repeat. `notice: ""`: they have none.
   */
  frame?: PageFrame;
}

export interface ModelLayout {
  fields: string[];
  bareExamples: string[];
  multilineRows?: string[];
}

/**
 * What every page of the docs set repeats, per locale, as the docs wrote it: the
 * do-not-edit HTML comment, the generated-from notice (blockquote text) and the head
 * (header and separator lines) of each kind of table. Each part is the most common one
 * among the locale's pages (ties: first in text order). The docs emitter repeats it,
 * so a docs set keeps its own words and column widths; where a part is missing it
 * writes docs-to-sdk's own.
 */
export interface LocaleFrame {
  comment?: string;
  notice?: string;
  requestTable?: string;
  responseTable?: string;
  modelTable?: string;
}

export type PageFrame = Partial<Record<Locale, LocaleFrame>>;

/**
 * One input page, kept so that the docs emitter gives it back as written: at its own
 * path, in its own style. A page is a list of parts (indexes into `Ir.pageParts`): text
 * the page carries as is (headings, notice, blank lines, sample, prose), and the field
 * tables, whose rows are re-rendered only where the IR changed since the page was read.
 * A fact of the page, never of the API: nothing but the docs emitter reads it.
 */
export interface PageRecord {
  /** Path relative to the docs root, as read. */
  file: string;
  locale: Locale;
  sdk?: SdkLanguage;
  /** The operation the page shows (`Operation.id`). */
  operation: string;
  parts: number[];
}

export type PagePart = { text: string } | { table: PageTable };

export type ColumnRole = 'name' | 'type' | 'required' | 'default' | 'description' | 'example';

/** A field table as the page wrote it: its head (two lines), column roles, style and rows. */
export interface PageTable {
  /** `request`, `response` or `model:<Name>`: whose fields the rows show. */
  of: string;
  head: string;
  /** The role of each column (`null`: one docs-to-sdk does not read). */
  columns: (ColumnRole | null)[];
  /** Every line padded to its column's width, as prettier aligns tables (wide characters count two). */
  padded: boolean;
  rows: PageRow[];
  /** Fields the IR had when the page was read that the page's tables of this kind leave out (not added back later). */
  omitted?: string[];
}

/**
 * A row as written. `field`: the field it shows; `print`: that field's fingerprint in
 * the IR the page was read into (fieldPrint): while the IR's field keeps it, the row is
 * written as it was. A row without `field` (one docs-to-sdk did not read) stays as it is.
 */
export interface PageRow {
  text: string;
  field?: string;
  print?: string;
}

export interface Model {
  name: string;
  /** An empty list with `opaque: true` is a type the docs do not describe (e.g. `Any`). */
  fields: Field[];
  opaque: boolean;
  sources: SourceRef[];
  layout?: ModelLayout;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /**
   * Stable, upper-snake code (e.g. `TABLE_SHORT_ROW`), declared in diagnostic-codes.ts
   * (README's table is made from it). A plain string in ir.schema.json: consumers must
   * accept codes a later version adds.
   */
  code: DiagnosticCode;
  message: string;
}

/**
 * An API's conventions: what the pages do not say but the API's design decides (see
 * generator/profile and docs/profiles.md). Recorded in the IR as applied, so emitters
 * read the client set and SDK settings from it.
 */
export interface ApiProfile {
  name: string;
  /** The registered profile a config-made one starts from. */
  extends?: string;
  /** HTTP path of an operation; placeholders `{slug}` (as the page path spells it) and `{module}`. */
  pathTemplate: string;
  /** The first rule that matches decides the verb; none matching: `otherwise`. */
  verbs: { rules: VerbRule[]; otherwise: HttpMethod };
  /** Request DTO name; placeholders `{Method}` (the Node method name in PascalCase) and `{method}` (as written). */
  requestTypeName: string;
  /** Response DTO name when the pages name none; same placeholders. */
  responseTypeName: string;
  /** The SDK's clients, in order; the first is the fallback for pages that name none (or an unknown one). */
  clients: ClientProfile[];
  sdk: SdkSettings;
}

/** Matches when every condition given holds. */
export interface VerbRule {
  method: HttpMethod;
  style?: RequestStyle;
  /** The slug starts with one of these. */
  slugPrefixes?: string[];
}

export interface ClientProfile {
  /** Module id of its operations (`management`). */
  id: string;
  /** The class as the docs write it (`ManagementClient`); also the SDK's class. */
  className: string;
  /** How it authenticates, i.e. which runtime base class of the SDK it extends. */
  auth: ClientAuth;
}

/** `access-key`: management token from an access key pair; `app-id`: application id and user token. */
export type ClientAuth = 'access-key' | 'app-id';

export interface SdkSettings {
  packageName: string;
  version: string;
  defaultHost: string;
  /** Milliseconds. */
  defaultTimeout: number;
}

export interface Ir {
  irVersion: typeof IR_VERSION;
  /** The profile applied after parsing (absent in IR built by other means: emitters assume authing-v3). */
  profile?: ApiProfile;
  operations: Operation[];
  models: Model[];
  /** Most common page boilerplate per locale (ties: first in text order). */
  frame?: PageFrame;
  /** The custom code folder's files, by path (config `customCode`, default `sdk-custom/`). */
  customCode?: CustomCodeFile[];
  /** Each input page as it was written (its own path, frame, words, tables, blank lines): see PageRecord. */
  pages?: PageRecord[];
  /** The parts pages are made of, each once (an operation's pages in six SDK languages share most of theirs). */
  pageParts?: PagePart[];
  /** Client options the node samples pass, by client and name (none: absent). */
  clientOptions?: ClientOption[];
  /** The SDK's releases, newest first: what each version changed (generator/changes). Absent before the first. */
  releases?: Release[];
  diagnostics: Diagnostic[];
}

/** One version of the SDK and the API changes that made it (none: a docs-only release). */
export interface Release {
  version: string;
  changes: { breaking: boolean; kind: string; target: string; message: string }[];
}

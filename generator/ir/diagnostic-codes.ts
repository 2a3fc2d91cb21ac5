/**
 * Every diagnostic code docs-to-sdk can raise, declared once: its severity, the stage
 * that raises it and what it means in one line (README's table is generated from this:
 * `npm run docs:diagnostics`). DiagnosticSink and createDiagnostic accept only codes
 * declared here with the severity they are raised at, so tsc rejects anything else.
 *
 * Severity policy: an error only where every reading of the input gives wrong output
 * (the run exits 1); a warning where output is still produced, with the fallback the
 * message states; info for pages skipped as not API reference (shown with --verbose).
 * Codes are part of the tool's interface: never rename one, add a new one instead.
 */
import type { Severity } from './types.js';

/** What raises a code: reading one page, assembling all pages, the config, comparing with the previous IR, an emitter. */
export type DiagnosticStage = 'read' | 'assemble' | 'config' | 'changes' | 'emit' | 'samples';

export interface DiagnosticCodeSpec {
  severity: Severity;
  stage: DiagnosticStage;
  /** One line of Markdown, for README's table. */
  meaning: string;
}

export const DIAGNOSTIC_CODES = {
  // Reading one page: the file itself.
  PAGE_EMPTY: { severity: 'warning', stage: 'read', meaning: 'the file is empty or only whitespace; no page read' },
  PAGE_BINARY: { severity: 'error', stage: 'read', meaning: 'the file is binary (it has NUL bytes), not a Markdown page' },
  PAGE_ENCODING: { severity: 'warning', stage: 'read', meaning: 'the file is not valid UTF-8; the bad bytes read as U+FFFD' },
  PARSE_FAILED: { severity: 'error', stage: 'read', meaning: 'a bug in docs-to-sdk met this page (the message says what); the other pages still come through' },
  PAGE_NOT_API: { severity: 'info', stage: 'read', meaning: 'no method, request or response section (a guide or events page); skipped' },
  PAGE_PLAIN_TEXT: { severity: 'warning', stage: 'read', meaning: 'no Markdown headings; the structure is rebuilt from bare section titles' },
  PAGE_RENDERED_SITE: { severity: 'warning', stage: 'read', meaning: 'text copied from a rendered docs site (`¶` headings, cells run together); the article is rebuilt as Markdown, the site chrome dropped' },
  RENDERED_ROW_AMBIGUOUS: { severity: 'warning', stage: 'read', meaning: 'a rendered table row whose run-together cells split more than one way (or whose sample value cannot be told from the description); the likeliest split is used' },
  RENDERED_ROW_UNREADABLE: { severity: 'warning', stage: 'read', meaning: 'a rendered table row that does not split into its columns (no field name, type or required word where they belong); skipped' },
  // Reading one page: its sections.
  METHOD_NAME_UNREADABLE: { severity: 'warning', stage: 'read', meaning: 'the method section names no `Client.method`' },
  EXAMPLE_INVALID_JSON: { severity: 'warning', stage: 'read', meaning: 'a sample result that is not JSON; kept as text' },
  MODEL_ANCHOR_GARBLED: { severity: 'warning', stage: 'read', meaning: 'a data-structure heading whose anchor HTML is garbled; named by the heading\'s visible text' },
  MODEL_NAME_INVALID: { severity: 'warning', stage: 'read', meaning: 'a data-structure heading whose name is not an identifier; the structure is skipped' },
  // Reading one page: its tables.
  TABLE_NOT_FIELDS: { severity: 'warning', stage: 'read', meaning: 'a table without a name/type header; ignored' },
  TABLE_ROW_JOINED: { severity: 'warning', stage: 'read', meaning: 'a row spread over several lines (a list or code in a cell); joined with `<br>`' },
  TABLE_SHORT_ROW: { severity: 'warning', stage: 'read', meaning: 'a row with fewer cells than the header; the missing cells read as empty' },
  TABLE_LONG_ROW: { severity: 'warning', stage: 'read', meaning: 'a row with more cells than the header (an unescaped pipe); the extra cells join the description' },
  FENCE_UNCLOSED: { severity: 'warning', stage: 'read', meaning: 'a code fence still open at a section heading or field table (its closing line lost); closed before it' },
  COMMENT_UNCLOSED: { severity: 'warning', stage: 'read', meaning: 'an HTML comment still open at a section heading or field table (its `-->` lost); closed before it' },
  FENCE_STRAY: { severity: 'warning', stage: 'read', meaning: 'a code fence line that opens no code (it cuts a table, or only a heading or table follows); dropped' },
  TABLE_LINES_SPLIT: { severity: 'warning', stage: 'read', meaning: 'a table header run into a heading or its delimiter row, or a delimiter row run into a row; split onto their own lines' },
  TABLE_DELIMITER_FIXED: { severity: 'warning', stage: 'read', meaning: 'a delimiter row whose cell count differs from the header\'s, apart from it, or garbled; rewritten to the header\'s width' },
  TABLE_DELIMITER_MISSING: { severity: 'warning', stage: 'read', meaning: 'a field table header with rows but no delimiter row; one inserted' },
  TABLE_EXTRA: { severity: 'warning', stage: 'read', meaning: 'a second field table in one section (most likely a data structure whose heading was lost); not read, its rows are TABLE_LINE_UNREAD' },
  SECTION_NO_FIELDS: { severity: 'warning', stage: 'read', meaning: 'a request, response or data-structure section without a field table; read as no fields' },
  RESPONSE_TYPE_LINE_MISSING: { severity: 'warning', stage: 'read', meaning: 'a response section without a `类型：`/`Type:` line; the type is named after the operation' },
  TABLE_LINE_UNREAD: { severity: 'warning', stage: 'read', meaning: 'a table line of a request, response or data-structure section that no reader read into a field; its content is lost' },
  SECTION_VARIANT_DIFFERS: { severity: 'warning', stage: 'read', meaning: 'a field of a repeated request or response section (a variant) differs from the earlier one; merged, optional if any says so' },
  TABLE_ROW_NO_NAME: { severity: 'warning', stage: 'read', meaning: 'a row without a field name; skipped' },
  FIELD_NAME_INVALID: { severity: 'warning', stage: 'read', meaning: 'the name cell is not a field name (a garbage row); skipped' },
  FIELD_DUPLICATE: { severity: 'error', stage: 'read', meaning: 'two rows of one table define a field with different types or required flags; the first row is used' },
  FIELD_REPEATED: { severity: 'warning', stage: 'read', meaning: 'a row repeats a field of its table (exactly, or but for its text); the rows are merged, the first wins' },
  // Reading one page: its cells.
  TYPE_MISSING: { severity: 'warning', stage: 'read', meaning: 'an empty type cell and no nested type in the description; typed `any`' },
  TYPE_UNKNOWN: { severity: 'warning', stage: 'read', meaning: 'a type cell that is neither a known type nor a type name; typed `any`' },
  LINK_BROKEN: { severity: 'warning', stage: 'read', meaning: 'a type link without `href` (`<a X`), in the type cell or a nested-type note; read as a reference to `X`' },
  LINK_MISMATCH: { severity: 'warning', stage: 'read', meaning: 'a type link whose text differs from its target; the target wins' },
  REQUIRED_UNKNOWN: { severity: 'warning', stage: 'read', meaning: 'a required cell that is not 是/否/Yes/No; read as not required' },
  REQUIRED_UNCLEAR: { severity: 'warning', stage: 'read', meaning: 'a required cell that says `is` (a mistranslated 是); read as required' },
  EXAMPLE_PLACEHOLDER: { severity: 'warning', stage: 'read', meaning: 'an example that is a placeholder (`[object Object]`, `undefined`); dropped' },
  // Assembling pages into operations and models.
  TYPE_UNKNOWN_REF: { severity: 'warning', stage: 'assemble', meaning: 'a type names a data structure no page defines; typed `any`' },
  CLIENT_MISMATCH: { severity: 'warning', stage: 'assemble', meaning: 'the method section names another client than the sample code (or than the copies in other SDK languages); the code wins' },
  CLIENT_UNKNOWN: { severity: 'warning', stage: 'assemble', meaning: "the method section or sample names a client the API profile does not know; the sample's or folder's client is used, else the profile's first" },
  MODULE_UNKNOWN: { severity: 'warning', stage: 'assemble', meaning: "neither the client nor the path tells the module; the profile's first client (management) assumed" },
  OPERATION_UNNAMED: { severity: 'error', stage: 'assemble', meaning: 'no slug, method name or response type to name the operation; the page makes no operation' },
  METHOD_NAME_CONFLICT: { severity: 'warning', stage: 'assemble', meaning: 'pages of one SDK language name the method differently; the first in precedence order wins' },
  DEFINITION_CONFLICT: { severity: 'warning', stage: 'assemble', meaning: 'pages define a field differently (type, required flag, enum); the first in precedence order wins' },
  INCLUDE_MISSING: { severity: 'warning', stage: 'assemble', meaning: 'a page\'s `!!!include(file)!!!` names a file not in the docs set; what it holds is missing' },
  RESPONSE_TYPE_CONFLICT: { severity: 'warning', stage: 'assemble', meaning: 'pages name the response type differently; the first in precedence order wins' },
  // The config.
  CONFIG_UNKNOWN_OPERATION: { severity: 'warning', stage: 'config', meaning: 'the config overrides an operation no page documents' },
  // Emitters.
  PREVIOUS_IR_UNREADABLE: { severity: 'warning', stage: 'changes', meaning: 'the previous `ir.json` is not JSON or not an IR of this version; no API changes reported, the version stays' },
  DOCS_LOCALE_FALLBACK: { severity: 'warning', stage: 'emit', meaning: 'the docs emitter used the text of the other locale where a locale has none' },
  SDK_NAME_COLLISION: { severity: 'warning', stage: 'emit', meaning: 'two things of the SDK want one name (or names equal up to case, which are one file); one keeps it, the other is named from its own identity' },
  OPENAPI_PATH_CLASH: { severity: 'warning', stage: 'emit', meaning: 'two operations (of different clients) have one HTTP verb and path, which OpenAPI cannot hold twice; openapi.json keeps the first client\'s and lists the other under `x-path-clashes`' },
  // The docs' node samples and the custom code, type-checked against the emitted SDK (generator/samples).
  SAMPLE_UNKNOWN_FIELD: { severity: 'warning', stage: 'samples', meaning: 'a sample passes a field the request table does not document (the message names the documented spelling when there is one)' },
  SAMPLE_MISSING_REQUIRED: { severity: 'warning', stage: 'samples', meaning: 'a sample leaves out a field the request table marks required' },
  SAMPLE_UNKNOWN_NAME: { severity: 'warning', stage: 'samples', meaning: 'a sample uses a method, model, enum member or option the SDK does not have' },
  SAMPLE_OPTION_TYPE_CONFLICT: { severity: 'warning', stage: 'assemble', meaning: 'samples pass a client option with values of different types; the option accepts each of them' },
  SAMPLE_TYPE_ERROR: { severity: 'warning', stage: 'samples', meaning: 'a sample does not type-check against the SDK for another reason; the message is TypeScript\'s' },
  // The custom code folder (`sdk-custom/*.ts`) and the operations the config marks `implementation: "custom"`.
  CUSTOM_CODE_UNUSED: { severity: 'warning', stage: 'emit', meaning: 'a custom code file has no class named as one of the SDK\'s clients; it adds nothing' },
  CUSTOM_METHOD_MISSING: { severity: 'error', stage: 'emit', meaning: 'the config marks an operation `implementation: "custom"` but no custom code class has its method: the SDK would lack it' },
  CUSTOM_PARAMETER_MISMATCH: { severity: 'warning', stage: 'emit', meaning: 'a custom method\'s first parameter is not of the operation\'s documented request type' },
  CUSTOM_CODE_TYPE_ERROR: { severity: 'error', stage: 'samples', meaning: 'custom code does not type-check in the SDK it is merged into (the message is TypeScript\'s)' },
} as const satisfies Record<string, DiagnosticCodeSpec>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The codes declared with severity `S`. */
export type CodeOfSeverity<S extends Severity> = {
  [C in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[C]['severity'] extends S ? C : never;
}[DiagnosticCode];

export type ErrorCode = CodeOfSeverity<'error'>;
export type WarningCode = CodeOfSeverity<'warning'>;
export type InfoCode = CodeOfSeverity<'info'>;

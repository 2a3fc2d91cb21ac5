/**
 * The profile step, run after parsing: operations as the docs describe them → IR
 * operations with what the API's conventions add (HTTP path and verb, DTO names), then
 * the config's per-operation overrides. Precedence: a fact the docs state (a response
 * type name) is kept; the config overrides the profile; the profile fills the rest. Each
 * key not taken from the docs is recorded in `operation.derived` with its source.
 */
import { compareStrings, DiagnosticSink } from '../ir/diagnostics.js';
import type { ApiProfile, DerivedKey, Diagnostic, HttpMethod, Ir, JsonValue, Operation, RequestStyle } from '../ir/types.js';
import { pascalCase } from '../shared/case.js';
import { fillTemplate } from './template.js';

/** What the docs say about an operation: no HTTP binding, DTO names only where the pages give them. */
export type DocumentedOperation = Omit<Operation, 'http' | 'request' | 'response' | 'derived'> & {
  /** `typeName`: only when a node sample names the request DTO (parse/sample-names.ts). */
  request: Omit<Operation['request'], 'typeName'> & { typeName?: string };
  response: Omit<Operation['response'], 'typeName'> & { typeName?: string };
};

export type DocumentedIr = Omit<Ir, 'operations' | 'profile'> & { operations: DocumentedOperation[] };

/** Per-operation overrides from the config, keyed by operation id. */
export interface OperationOverride {
  http?: { method?: HttpMethod; path?: string };
  request?: { style?: RequestStyle; typeName?: string; contentType?: 'json' | 'form'; fixed?: Record<string, JsonValue>; positional?: string[]; omit?: string[] };
  /** `custom`: the SDK method is custom code (emitted without an HTTP call). */
  implementation?: 'custom';
}

export type OperationOverrides = Record<string, OperationOverride>;

/**
 * The IR with the profile applied (recorded as `ir.profile`) and the config's overrides.
 * Pure: the input is not changed. Diagnostics: overrides of operations no page documents.
 */
export function applyProfile(ir: DocumentedIr, profile: ApiProfile, overrides: OperationOverrides = {}): { ir: Ir; diagnostics: Diagnostic[] } {
  const { operations, ...rest } = ir;
  const { irVersion, ...others } = rest;
  return {
    ir: { irVersion, profile, operations: operations.map((operation) => deriveOperation(operation, profile, overrides[operation.id])), ...others },
    diagnostics: unknownOverrides(operations, overrides),
  };
}

/** CONFIG_UNKNOWN_OPERATION for each override whose operation no page documents, in id order. */
export function unknownOverrides(operations: readonly { id: string }[], overrides: OperationOverrides): Diagnostic[] {
  const ids = new Set(operations.map((operation) => operation.id));
  const sink = new DiagnosticSink('<config>');
  for (const id of Object.keys(overrides).sort(compareStrings)) {
    if (!ids.has(id)) sink.warning('CONFIG_UNKNOWN_OPERATION', 1, `config overrides "${id}", which no page documents`);
  }
  return sink.items;
}

export function deriveOperation(documented: DocumentedOperation, profile: ApiProfile, override: OperationOverride = {}): Operation {
  const derived: NonNullable<Operation['derived']> = {};
  /** The config's value, else the profile's (recorded as derived either way). */
  const pick = <T>(key: DerivedKey, fromConfig: T | undefined, fromProfile: () => T): T => {
    derived[key] = fromConfig === undefined ? 'profile' : 'config';
    return fromConfig ?? fromProfile();
  };
  const method = documented.methodNames.node!;
  const names = { Method: pascalCase(method), method };
  const style = override.request?.style ?? documented.request.style;
  if (override.request?.style !== undefined) derived['request.style'] = 'config';
  const http = {
    method: pick('http.method', override.http?.method, () => verbOf(profile, style, documented.slug)),
    path: pick('http.path', override.http?.path, () => fillTemplate(profile.pathTemplate, { slug: documented.slug, module: documented.module })),
  };
  // A name a sample states beats the convention; the config beats both.
  const fromSample = override.request?.typeName === undefined ? documented.request.typeName : undefined;
  const requestTypeName = fromSample ?? pick('request.typeName', override.request?.typeName, () => fillTemplate(profile.requestTypeName, names));
  if (fromSample !== undefined) derived['request.typeName'] = 'sample';
  let responseTypeName = documented.response.typeName;
  if (responseTypeName === undefined) {
    responseTypeName = fillTemplate(profile.responseTypeName, names);
    derived['response.typeName'] = 'profile';
  }
  const { request, response, samples, sources, layout, ...head } = documented;
  // Key order is the IR's (ir.json is diffed by people): the derived keys sit where they always did.
  const operation: Operation = {
    ...head,
    http,
    request: {
      style,
      typeName: requestTypeName,
      fields: request.fields,
      ...(override.request?.contentType === 'form' ? { contentType: 'form' as const } : {}),
      ...(override.request?.fixed ? { fixed: override.request.fixed } : {}),
      ...(override.request?.positional ? { positional: override.request.positional } : {}),
      ...(override.request?.omit ? { omit: override.request.omit } : {}),
    },
    response: { typeName: responseTypeName, fields: response.fields, ...(response.example !== undefined ? { example: response.example } : {}) },
    samples,
    sources,
    ...(layout ? { layout } : {}),
    ...(override.implementation ? { implementation: override.implementation } : {}),
  };
  if (override.request?.contentType !== undefined) derived['request.contentType'] = 'config';
  if (override.request?.fixed) derived['request.fixed'] = 'config';
  if (override.request?.positional) derived['request.positional'] = 'config';
  if (override.request?.omit) derived['request.omit'] = 'config';
  if (override.implementation) derived.implementation = 'config';
  operation.derived = sortedKeys(derived);
  return operation;
}

/** The first rule whose conditions all hold decides; none: the profile's `otherwise`. */
export function verbOf(profile: ApiProfile, style: RequestStyle, slug: string): HttpMethod {
  const rule = profile.verbs.rules.find(
    (candidate) =>
      (candidate.style === undefined || candidate.style === style) &&
      (candidate.slugPrefixes === undefined || candidate.slugPrefixes.some((prefix) => slug.startsWith(prefix))),
  );
  return rule?.method ?? profile.verbs.otherwise;
}

function sortedKeys<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b))) as T;
}

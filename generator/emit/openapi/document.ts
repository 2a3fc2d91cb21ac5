/**
 * IR → an OpenAPI 3.1 document: plain JSON, built in one pass (no units: it is cheaper
 * to build than to key). Names come from the SDK's declarations (declareSdk, which the
 * SDK target prints), so operationIds are its method names and schema keys its types.
 */
import { compareStrings, createDiagnostic } from '../../ir/diagnostics.js';
import type { ClientAuth, ClientProfile, Diagnostic, Field, Ir, Operation } from '../../ir/types.js';
import { profileOf } from '../../profile/index.js';
import { declareSdk, type MethodDeclaration } from '../sdk/declarations.js';
import { NamePlan } from '../sdk/naming.js';
import { pascalCase } from '../../shared/case.js';
import {
  componentKeys,
  declarationSchema,
  ERROR_BODY,
  ERROR_SCHEMA,
  fieldSchema,
  schemaRef,
  type RefResolver,
  type Schema,
} from './schemas.js';
import { localizedText } from './text.js';

export const OPENAPI_FILE = 'openapi.json';

/** What an OpenAPI consumer needs to send with each client's calls: the headers the SDK runtime's base classes send (templates/sdk/src/http/*Base.ts.hbs). */
const SECURITY_SCHEMES: Record<ClientAuth, Record<string, Schema>> = {
  'access-key': {
    managementToken: {
      type: 'http',
      scheme: 'bearer',
      description: 'The management token, obtained from an access key pair (`get-management-token`) and sent as `Authorization: Bearer <token>`.',
    },
  },
  'app-id': {
    appId: { type: 'apiKey', in: 'header', name: 'x-authing-app-id', description: 'The application ID.' },
    userAccessToken: { type: 'apiKey', in: 'header', name: 'Authorization', description: "The signed-in user's access token, sent as is." },
  },
};

/** Each way of authenticating, as operation `security`: the app-id client's user token is optional. */
const SECURITY: Record<ClientAuth, Record<string, string[]>[]> = {
  'access-key': [{ managementToken: [] }],
  'app-id': [{ appId: [], userAccessToken: [] }, { appId: [] }],
};

const ERROR_RESPONSE = 'ApiError';

/**
 * An operation implemented by custom SDK code (the custom-code issue's IR fact,
 * `implementation: "custom"`) makes no HTTP call of its own: it is left out of `paths`
 * and listed under the document's `x-sdk-only` (its types stay in the components).
 */
export function isSdkOnly(operation: Operation): boolean {
  return operation.implementation === 'custom';
}

export interface OpenApiExport {
  document: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export function openapiDocument(ir: Ir): OpenApiExport {
  const profile = profileOf(ir);
  const { types, clients, modelNames } = declareSdk(ir);
  const keys = componentKeys(types.map((type) => type.name));
  const refKey: RefResolver = (docsName) => keys.get(modelNames.get(docsName) ?? '');
  const diagnostics: Diagnostic[] = [];

  const methods = clients.flatMap(({ client, methods }) => methods.map((method) => ({ client, method })));
  const operationIds = operationIdPlan(methods);
  const paths = new Map<string, Record<string, unknown>>();
  const owners = new Map<string, Operation>();
  const sdkOnly: Record<string, unknown>[] = [];
  const clashes: Record<string, unknown>[] = [];
  const tags = new Set<string>();
  // The profile's client order, then ids: who keeps a path two clients' operations share.
  const ordered = [...methods].sort((a, b) => clientRank(a.client) - clientRank(b.client) || compareStrings(a.method.operation.id, b.method.operation.id));
  for (const { client, method } of ordered) {
    const { operation } = method;
    const operationId = operationIds.name('operationId', operation.id);
    // What `paths` cannot hold is listed, so every operation of the IR is in the document.
    const listing = { operationId, 'x-docs-id': operation.id, 'x-sdk-method': sdkMethod(client, method), ...summaryOf(operation) };
    if (isSdkOnly(operation)) {
      sdkOnly.push(listing);
      continue;
    }
    const { path } = operation.http;
    const verb = operation.http.method.toLowerCase();
    const item = paths.get(path) ?? {};
    const holder = owners.get(`${verb} ${path}`);
    if (holder) {
      const source = operation.sources[0];
      diagnostics.push(
        createDiagnostic('warning', 'OPENAPI_PATH_CLASH', source?.file ?? '', source?.line ?? 0, `${operation.id} is ${operation.http.method} ${path}, as ${holder.id} is; openapi.json keeps ${holder.id} and lists ${operation.id} under x-path-clashes`),
      );
      clashes.push({ ...listing, 'x-path-held-by': holder.id });
      continue;
    }
    owners.set(`${verb} ${path}`, operation);
    const tag = operation.tag || client.className;
    tags.add(tag);
    item[verb] = operationObject(operation, { operationId, tag, client, method, refKey, keys });
    paths.set(path, item);
  }

  const schemes = Object.assign({}, ...[...new Set(profile.clients.map((client) => client.auth))].map((auth) => SECURITY_SCHEMES[auth]));
  const schemas: Record<string, Schema> = { [ERROR_SCHEMA]: ERROR_BODY };
  for (const type of types) schemas[keys.get(type.name)!] = declarationSchema(type, refKey);
  const document = {
    openapi: '3.1.0',
    info: {
      title: profile.sdk.packageName,
      version: profile.sdk.version, // the SDK's: a docs change moves both
      description: 'Exported by docs-to-sdk from the API reference pages.',
    },
    servers: [{ url: profile.sdk.defaultHost }],
    tags: [...tags].sort(compareStrings).map((name) => ({ name })),
    paths: Object.fromEntries([...paths].sort(([a], [b]) => compareStrings(a, b))),
    components: {
      schemas: sortKeys(schemas),
      responses: {
        [ERROR_RESPONSE]: { description: 'The call failed.', content: { 'application/json': { schema: schemaRef(ERROR_SCHEMA) } } },
      },
      securitySchemes: schemes,
    },
    ...(sdkOnly.length > 0 ? { 'x-sdk-only': sdkOnly } : {}),
    ...(clashes.length > 0 ? { 'x-path-clashes': clashes } : {}),
  };
  return { document, diagnostics };

  function clientRank(client: ClientProfile): number {
    return profile.clients.findIndex((known) => known.id === client.id);
  }
}

interface OperationContext {
  operationId: string;
  tag: string;
  client: ClientProfile;
  method: MethodDeclaration;
  refKey: RefResolver;
  keys: Map<string, string>;
}

/** The body's media type of an operation the config sends form-encoded (the SDK's runtime does the same). */
const FORM = 'application/x-www-form-urlencoded';

function operationObject(operation: Operation, { operationId, tag, client, method, refKey, keys }: OperationContext): Record<string, unknown> {
  const { request, response } = operation;
  // What the SDK's runtime does: query fields, and a GET's body fields, go in the query string.
  const inQuery = request.style === 'query' || (operation.http.method === 'GET' && request.style === 'body');
  const out: Record<string, unknown> = {
    operationId,
    tags: [tag],
    ...summaryOf(operation),
    ...localizedText('description', operation.description),
  };
  if (inQuery && request.fields.length > 0) out.parameters = request.fields.map((field) => queryParameter(field, refKey));
  if (!inQuery && method.requestType) {
    out.requestBody = {
      required: request.fields.some((field) => field.required),
      content: { [request.contentType === 'form' ? FORM : 'application/json']: { schema: schemaRef(keys.get(method.requestType)!) } },
    };
  }
  const success: Record<string, unknown> = { schema: schemaRef(keys.get(method.responseType)!) };
  if (response.example !== undefined) success.example = response.example;
  out.responses = {
    '200': { description: 'The call succeeded.', content: { 'application/json': success } },
    '4XX': { $ref: `#/components/responses/${ERROR_RESPONSE}` },
    '5XX': { $ref: `#/components/responses/${ERROR_RESPONSE}` },
  };
  out.security = SECURITY[client.auth];
  out['x-sdk-method'] = sdkMethod(client, method);
  out['x-docs-id'] = operation.id;
  return out;
}

/** A query field: primitives and arrays of them as a form parameter; objects as JSON, as the SDK sends them. */
function queryParameter(field: Field, refKey: RefResolver): Record<string, unknown> {
  const structured = field.type.kind === 'object' || field.type.kind === 'ref';
  const parameter: Record<string, unknown> = { name: field.name, in: 'query', required: field.required, ...localizedText('description', field.description) };
  // The description is the parameter's; the schema keeps type, enum, default and example.
  const schema = fieldSchema({ ...field, description: {} }, refKey);
  if (structured) parameter.content = { 'application/json': { schema } };
  else parameter.schema = schema;
  return parameter;
}

/** A page without a title still names its operation: its slug is the summary then (viewers list operations by it). */
function summaryOf(operation: Operation): Record<string, string> {
  const text = localizedText('summary', operation.summary);
  return text.summary ? text : { summary: operation.slug };
}

const sdkMethod = (client: ClientProfile, method: MethodDeclaration) => ({ client: client.className, method: method.name });

/**
 * operationIds are the SDK's method names; those are unique per client, so a name two
 * clients' methods share is decided by the naming registry: the profile's first
 * client keeps it, the other takes its client's id before it (`authenticationGetUser`).
 */
function operationIdPlan(methods: { client: ClientProfile; method: MethodDeclaration }[]): NamePlan {
  const plan = new NamePlan();
  const clientOrder = [...new Set(methods.map(({ client }) => client.id))];
  for (const { client, method } of methods) {
    plan.request({
      kind: 'method',
      scope: 'operationId',
      identity: method.operation.id,
      preferred: method.name,
      alternatives: [`${client.id}${pascalCase(method.name)}`],
      rank: clientOrder.indexOf(client.id),
      label: `operation ${method.operation.id}`,
    });
  }
  return plan;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareStrings(a, b)));
}

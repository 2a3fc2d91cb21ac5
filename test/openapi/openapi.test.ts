/**
 * The `openapi` target against tools none of us wrote: Redocly's linter (recommended
 * rules), openapi-typescript's types compiled by TypeScript; and against the IR it came
 * from: every operation and every field is in the document, twice the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitTarget } from '../../generator/emit/target.js';
import { OPENAPI_FILE, openapiDocument, openapiTarget } from '../../generator/emit/openapi/index.js';
import { componentKeys, fieldSchema } from '../../generator/emit/openapi/schemas.js';
import { declareSdk } from '../../generator/emit/sdk/declarations.js';
import type { Ir } from '../../generator/ir/types.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { REPO_ROOT, SHARED, hasShared } from '../helpers/shared.js';
import { typeCheck } from '../helpers/typecheck.js';

type Json = Record<string, any>;

const docsSrcIr = (): Ir => JSON.parse(readFileSync(join(REPO_ROOT, 'generated/ir.json'), 'utf8')) as Ir;

/** Redocly's recommended rules: problems by severity and rule. */
async function lint(document: Json): Promise<{ errors: string[]; warnings: number }> {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: join(REPO_ROOT, OPENAPI_FILE), config });
  return {
    errors: problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.message} ${p.location[0]?.pointer ?? ''}`),
    warnings: problems.filter((p) => p.severity === 'warn').length,
  };
}

const ref = (document: Json, schema: Json): Json => document.components.schemas[String(schema.$ref).replace('#/components/schemas/', '')];

/** What of the IR the document lacks: operations (by docs id) and fields (`op request field`, `model M field`). */
function missing(ir: Ir, document: Json): string[] {
  const lost: string[] = [];
  const operations = new Map<string, Json>();
  for (const item of Object.values(document.paths as Json)) for (const op of Object.values(item as Json)) operations.set(op['x-docs-id'], op);
  const listed = new Set([...(document['x-sdk-only'] ?? []), ...(document['x-path-clashes'] ?? [])].map((entry: Json) => entry['x-docs-id']));
  for (const operation of ir.operations) {
    const op = operations.get(operation.id);
    if (!op) {
      if (!listed.has(operation.id)) lost.push(operation.id);
      continue;
    }
    const body = op.requestBody ? ref(document, op.requestBody.content['application/json'].schema) : undefined;
    const requestNames = new Set([...(op.parameters ?? []).map((p: Json) => p.name), ...Object.keys(body?.properties ?? {})]);
    for (const field of operation.request.fields) if (!requestNames.has(field.name)) lost.push(`${operation.id} request ${field.name}`);
    const response = ref(document, op.responses['200'].content['application/json'].schema);
    for (const field of operation.response.fields) if (!(field.name in (response?.properties ?? {}))) lost.push(`${operation.id} response ${field.name}`);
  }
  const { modelNames } = declareSdk(ir);
  for (const model of ir.models) {
    const schema = document.components.schemas[modelNames.get(model.name)!];
    if (!schema) lost.push(`model ${model.name}`);
    else for (const field of model.fields) if (!(field.name in (schema.properties ?? {}))) lost.push(`model ${model.name} field ${field.name}`);
  }
  return lost;
}

const fieldCount = (ir: Ir): number =>
  ir.operations.reduce((n, op) => n + op.request.fields.length + op.response.fields.length, 0) + ir.models.reduce((n, model) => n + model.fields.length, 0);

describe('openapi schemas', () => {
  const noRefs = () => undefined;
  const field = (type: Ir['models'][number]['fields'][number]['type'], extra: object = {}) => ({ name: 'f', type, required: false, description: { zh: '中文', en: 'English' }, ...extra });

  it('puts enums where the type can hold them, and keeps the rest as x-enum', () => {
    expect(fieldSchema(field({ kind: 'array', items: { kind: 'string' } }, { enum: ['a', 'b'], maxItems: 3 }), noRefs)).toEqual({
      type: 'array', items: { type: 'string', enum: ['a', 'b'] }, maxItems: 3, description: 'English', 'x-description-zh': '中文',
    });
    expect(fieldSchema(field({ kind: 'number' }, { enum: ['1', '2'], default: 1, example: 2 }), noRefs)).toMatchObject({ type: 'number', enum: [1, 2], default: 1, examples: [2] });
    expect(fieldSchema(field({ kind: 'boolean' }, { enum: ['true', 'false'] }), noRefs)).toMatchObject({ enum: [true, false] });
    expect(fieldSchema(field({ kind: 'number' }, { enum: ['1', 'many'] }), noRefs)).toMatchObject({ type: 'number', 'x-enum': ['1', 'many'] });
    expect(fieldSchema(field({ kind: 'ref', name: 'Nowhere' }), noRefs)).toEqual({ description: 'English', 'x-description-zh': '中文' });
  });

  it('makes valid, unique component keys of any type name', () => {
    expect([...componentKeys(['A$b', 'A_b', 'Ok'])]).toEqual([['A$b', 'A_b_2'], ['A_b', 'A_b'], ['Ok', 'Ok']]);
  });
});

describe('openapi target (docs-src)', () => {
  const ir = docsSrcIr();
  const { document: exported, diagnostics } = openapiDocument(ir);
  const document = exported as Json;

  it('is the committed generated/openapi.json, and the same bytes twice', () => {
    const first = emitTarget('openapi', openapiTarget, ir).files.get(OPENAPI_FILE);
    expect(emitTarget('openapi', openapiTarget, structuredClone(ir)).files.get(OPENAPI_FILE)).toBe(first);
    expect(first).toBe(readFileSync(join(REPO_ROOT, 'generated', OPENAPI_FILE), 'utf8'));
    expect(diagnostics).toEqual([]);
  });

  it('holds every operation and every field of the IR', () => {
    expect(missing(ir, document)).toEqual([]);
    const operations = Object.values(document.paths as Json).flatMap((item) => Object.values(item as Json));
    const custom = ir.operations.filter((op) => op.implementation === 'custom').map((op) => op.id);
    expect(custom).toEqual(['management/list-all-webhooks']);
    expect(operations).toHaveLength(ir.operations.length - custom.length);
    expect(document['x-sdk-only'].map((entry: Json) => entry['x-docs-id'])).toEqual(custom);
    expect(fieldCount(ir)).toBeGreaterThan(50);
    // The count can fail: a document that lost one field or operation says which.
    const lossy = structuredClone(document);
    delete lossy.components.schemas.WebhookDto.properties.secret;
    delete lossy.paths['/api/v3/get-webhook'];
    expect(missing(ir, lossy)).toEqual(['management/get-webhook', 'model WebhookDto field secret']);
  });

  it('names operations and schemas as the SDK does', () => {
    const sdk = readFileSync(join(REPO_ROOT, 'generated/sdk/src/ManagementClient.ts'), 'utf8');
    for (const item of Object.values(document.paths as Json)) {
      for (const op of Object.values(item as Json)) {
        expect(sdk).toContain(`public async ${op.operationId}(`);
        expect(op['x-sdk-method']).toEqual({ client: 'ManagementClient', method: op.operationId });
      }
    }
    const types = readFileSync(join(REPO_ROOT, 'generated/sdk/src/models/index.ts'), 'utf8');
    for (const name of Object.keys(document.components.schemas)) if (name !== 'ApiError') expect(types).toContain(`./${name}.js`);
  });

  it('keeps what the docs say of a field: required, enum, both locales, example, default', () => {
    const create = ref(document, document.paths['/api/v3/create-webhook'].post.requestBody.content['application/json'].schema);
    expect(create.required).toEqual(['contentType', 'events', 'name', 'url']);
    expect(create.properties.contentType).toMatchObject({ type: 'string', enum: ['application/json', 'application/x-www-form-urlencoded'], examples: ['application/json'] });
    expect(create.properties.contentType.description).toMatch(/^Encoding used/);
    expect(create.properties.contentType['x-description-zh']).toMatch(/^推送请求体/);
    const list = document.paths['/api/v3/list-webhooks'].get;
    expect(list.parameters.map((p: Json) => [p.name, p.in, p.required, p.schema.default])).toEqual([['limit', 'query', false, 10], ['page', 'query', false, 1]]);
    expect(list.responses['200'].content['application/json'].example.statusCode).toBe(200);
    expect(list.security).toEqual([{ managementToken: [] }]);
    expect(document.components.securitySchemes.managementToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.ApiError.properties).toHaveProperty('apiCode');
  });

  it('passes Redocly lint (recommended) with 0 errors', async () => {
    expect((await lint(document)).errors).toEqual([]);
  });

  it('becomes types with openapi-typescript that compile', async () => {
    const types = astToString(await openapiTS(document as never));
    const file = join(REPO_ROOT, 'test/openapi/__openapi-types.ts');
    const use = `\nexport type Created = operations['createWebhook']['requestBody'];\nconst list: paths['/api/v3/list-webhooks']['get']['parameters']['query'] = { limit: 10 };\nexport { list };\n`;
    expect(typeCheck([], { [file]: types + use })).toEqual([]);
  });

  it("authenticates each client's operations its own way; operationIds stay unique across clients", () => {
    const both = structuredClone(ir);
    const list = both.operations.find((op) => op.id === 'management/list-webhooks')!;
    // The authentication client: one operation with the same method name on another path, one on the same path.
    const twin = (slug: string, method: string) => ({
      ...structuredClone(list),
      id: `authentication/${slug}`,
      module: 'authentication',
      slug,
      methodNames: { node: method },
      http: { method: 'GET' as const, path: `/api/v3/${slug}` },
    });
    both.operations.push(twin('list-app-webhooks', 'listWebhooks'), twin('list-webhooks', 'webhooksOfApp'));
    const { document: exported, diagnostics: raised } = openapiDocument(both);
    const paths = (exported as Json).paths;
    expect(paths['/api/v3/list-webhooks'].get.operationId).toBe('listWebhooks');
    expect(paths['/api/v3/list-app-webhooks'].get).toMatchObject({
      operationId: 'authenticationListWebhooks',
      security: [{ appId: [], userAccessToken: [] }, { appId: [] }],
      'x-sdk-method': { client: 'AuthenticationClient', method: 'listWebhooks' },
    });
    expect((exported as Json).components.securitySchemes.appId).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-authing-app-id' }));
    expect((exported as Json)['x-path-clashes']).toEqual([expect.objectContaining({ 'x-docs-id': 'authentication/list-webhooks', 'x-path-held-by': 'management/list-webhooks' })]);
    expect(raised.map((d) => d.code)).toEqual(['OPENAPI_PATH_CLASH']);
    expect(missing(both, exported as Json)).toEqual([]);
  });

  it('leaves custom-code operations out of paths, listed as x-sdk-only', () => {
    const custom = structuredClone(ir);
    Object.assign(custom.operations.find((op) => op.id === 'management/list-webhooks')!, { implementation: 'custom' });
    const exported = openapiDocument(custom).document as Json;
    expect(exported.paths['/api/v3/list-webhooks']).toBeUndefined();
    expect(exported['x-sdk-only']).toContainEqual(expect.objectContaining({ operationId: 'listWebhooks', 'x-docs-id': 'management/list-webhooks' }));
    expect(missing(custom, exported)).toEqual([]);
  });
});

describe.skipIf(!hasShared)('openapi target (../shared/corpus)', () => {
  let ir: Ir;
  let document: Json;
  beforeAll(async () => {
    ir = (await parseDocsFolder(join(SHARED, 'corpus'))).ir;
    document = openapiDocument(ir).document;
  }, 60_000);

  it('holds every operation and field (operations sharing a path listed under x-path-clashes)', () => {
    expect(missing(ir, document)).toEqual([]);
    const inPaths = Object.values(document.paths as Json).flatMap((item) => Object.keys(item as Json)).length;
    expect(inPaths + (document['x-path-clashes'] ?? []).length).toBe(ir.operations.length);
    const ids = Object.values(document.paths as Json).flatMap((item) => Object.values(item as Json).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('passes Redocly lint (recommended) with 0 errors', async () => {
    expect((await lint(document)).errors).toEqual([]);
  }, 30_000);

  it('becomes types with openapi-typescript that compile', async () => {
    const types = astToString(await openapiTS(document as never));
    expect(typeCheck([], { [join(REPO_ROOT, 'test/openapi/__corpus-types.ts')]: types })).toEqual([]);
  }, 60_000);
});

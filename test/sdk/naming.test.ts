/** The naming registry: reserved words, runtime symbols and collisions resolve deterministically and compile. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSdk, planSdk } from '../../generator/emit/sdk/index.js';
import { bindingNameFor, enumMemberNameFor, enumNameFor, methodNameFor, NamePlan, typeNameFor } from '../../generator/emit/sdk/naming.js';
import { IR_VERSION, type Field, type Ir, type Operation } from '../../generator/ir/types.js';
import { typeCheck } from '../helpers/typecheck.js';

const field = (name: string, extra: Partial<Field> = {}): Field => ({ name, type: { kind: 'string' }, required: true, description: {}, ...extra });

const operation = (slug: string, node: string, extra: Partial<Operation> = {}): Operation => ({
  id: `management/${slug}`,
  module: 'management',
  tag: '',
  slug,
  methodNames: { node },
  summary: { en: `Operation ${slug}` },
  description: {},
  http: { method: 'POST', path: `/api/v3/${slug}` },
  request: { style: 'body', typeName: `${node[0]!.toUpperCase()}${node.slice(1)}Dto`, fields: [field('id')] },
  response: { typeName: 'IsSuccessRespDto', fields: [field('statusCode', { type: { kind: 'number' } })] },
  samples: [],
  sources: [{ file: `${slug}.md`, line: 1 }],
  ...extra,
});

const tricky: Ir = {
  irVersion: IR_VERSION,
  operations: [
    operation('find-things', 'findThings', {
      http: { method: 'GET', path: '/api/v3/find-things' },
      request: {
        style: 'query',
        typeName: 'FindThingsDto',
        fields: [field('class'), field('default', { required: false, enum: ['x'] }), field('user-id', { required: false }), field('status', { enum: ['a-b', 'a_b', 'A B', '1st', ''] })],
      },
    }),
    operation('request', 'request'),
    // The same response name with another shape must not overwrite the first declaration.
    operation('other', 'other', { response: { typeName: 'IsSuccessRespDto', fields: [field('ok', { type: { kind: 'boolean' } })] } }),
  ],
  models: [
    { name: 'Promise', fields: [field('then')], opaque: false, sources: [{ file: 'm.md', line: 1 }] },
    { name: 'ApiError', fields: [], opaque: true, sources: [{ file: 'm.md', line: 2 }] },
  ],
  diagnostics: [],
};

describe('naming registry', () => {
  it('maps docs names to safe identifiers', () => {
    expect(typeNameFor('Promise')).toBe('PromiseType');
    expect(typeNameFor('string')).toBe('StringType');
    expect(typeNameFor('user-info')).toBe('UserInfo');
    expect(bindingNameFor('class')).toBe('class_');
    expect(bindingNameFor('user-id')).toBe('userId');
    expect(enumMemberNameFor('application/json')).toBe('APPLICATION_JSON');
    expect(enumMemberNameFor('1st')).toBe('_1ST');
    expect(enumMemberNameFor('')).toBe('EMPTY');
    expect(typeNameFor('index')).toBe('IndexType');
    expect(methodNameFor('delete')).toBe('delete');
    expect(enumNameFor('class')).toBe('class_');
    expect(enumNameFor('string')).toBe('string_');
  });

  it('gives a shared type the best claim among the operations sharing it, whichever others exist', () => {
    const respond = (slug: string, module: string, fields: Field[]) =>
      operation(slug, slug, { id: `${module}/${slug}`, module, request: { style: 'none', typeName: 'NoneDto', fields: [] }, response: { typeName: 'FooRespDto', fields } });
    // management/foo's slug spells FooRespDto; management/bar shares that type; authentication/foo has another FooRespDto.
    const shared = [field('x')];
    const all = [respond('bar', 'management', shared), respond('foo', 'management', shared), respond('foo', 'authentication', [field('y')])];
    const typesOf = (operations: Operation[]) => {
      const files = emitSdk({ irVersion: IR_VERSION, operations, models: [], diagnostics: [] });
      return [...files].filter(([path]) => /RespDto\.ts$/.test(path)).map(([path, text]) => `${path} ${/(\w+)[?]?: string/.exec(text)?.[1]}`);
    };
    const withBar = typesOf(all);
    expect(withBar).toContain('src/models/FooRespDto.ts x');
    // Dropping management/bar (not the type's owner) renames nothing.
    expect(typesOf(all.slice(1))).toEqual(withBar.filter((entry) => !entry.includes('Bar')));
  });

  it('resolves a contested name by identity and rank, never by the order of requests', () => {
    const request = (identity: string, preferred: string, rank = 1, alternatives: string[] = []) =>
      ({ kind: 'type' as const, scope: 'models', identity, preferred, rank, alternatives, label: identity, source: { file: `${identity}.md`, line: 1 } });
    const resolve = (requests: ReturnType<typeof request>[]) => {
      const plan = new NamePlan();
      plan.reserve('models', ['ApiError']);
      for (const entry of requests) plan.request(entry);
      return { names: requests.map((entry) => plan.name('models', entry.identity)), plan };
    };
    const b = request('b', 'GetUserDto', 2, ['ManagementBDto']);
    const a = request('a', 'GetUserDto', 2, ['ManagementADto']);
    // Either order: a's identity sorts first, so a keeps the name; b's comes from b itself.
    expect(resolve([a, b]).names).toEqual(['GetUserDto', 'ManagementBDto']);
    expect(resolve([b, a]).names).toEqual(['ManagementBDto', 'GetUserDto']);
    // A lower rank (a documented model) beats a name by convention whatever the identities.
    expect(resolve([b, request('z', 'GetUserDto', 0)]).names).toEqual(['ManagementBDto', 'GetUserDto']);
    // Types are files: equal up to case is a collision; the runtime's names are taken; no alternative left → a hash.
    const { names, plan } = resolve([request('m1', 'UserDto', 0), request('m2', 'userDto', 0), request('m3', 'ApiError', 0)]);
    expect(names[0]).toBe('UserDto');
    expect(names[1]).toMatch(/^userDto_[0-9a-f]{6}$/);
    expect(names[2]).toMatch(/^ApiError_[0-9a-f]{6}$/);
    expect(plan.collisions().map((collision) => [collision.loser.identity, collision.winner?.identity])).toEqual([['m2', 'm1'], ['m3', undefined]]);
  });

  it('warns once per collision, naming both sources; numbered suffixes never appear', () => {
    const ir: Ir = {
      ...tricky,
      operations: [
        operation('get-user', 'getUser'),
        operation('get-user-by-id', 'getUser', { request: { style: 'body', typeName: 'GetUserDto', fields: [field('userId')] } }),
      ],
      models: [{ name: 'ManagementClientBase', fields: [field('x')], opaque: false, sources: [{ file: 'm.md', line: 4 }] }],
    };
    const { diagnostics } = planSdk(ir);
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual([
      'SDK_NAME_COLLISION get-user-by-id.md:1 method name getUser of operation management/get-user-by-id is held by operation management/get-user (get-user.md:1); named getUserById',
      expect.stringMatching(/^SDK_NAME_COLLISION m\.md:4 type name ManagementClientBase of model ManagementClientBase is held by the SDK runtime; named ManagementClientBase_[0-9a-f]{6}$/),
      'SDK_NAME_COLLISION get-user-by-id.md:1 type name GetUserDto of request type of management/get-user-by-id is held by request type of management/get-user (get-user.md:1); named ManagementGetUserByIdDto',
    ]);
    const files = emitSdk(ir);
    expect([...files.keys()].filter((path) => /\d\.ts$/.test(path))).toEqual([]);
    // Dropping get-user gives get-user-by-id its name back, and nothing else moves.
    const alone = emitSdk({ ...ir, operations: [ir.operations[1]!] });
    expect(alone.get('src/models/GetUserDto.ts')).toBe(files.get('src/models/ManagementGetUserByIdDto.ts')!.replaceAll('ManagementGetUserByIdDto', 'GetUserDto'));
  });

  it('keeps models clear of the root exports, and fields clear of the callOptions parameter', () => {
    const ir: Ir = {
      ...tricky,
      operations: [
        operation('list-things', 'listThings', {
          http: { method: 'GET', path: '/api/v3/list-things' },
          request: { style: 'query', typeName: 'ListThingsDto', fields: [field('callOptions')] },
        }),
      ],
      models: ['CallOptions', 'ApiTimeoutError'].map((name, line) => ({ name, fields: [field('x')], opaque: false, sources: [{ file: 'm.md', line }] })),
    };
    const files = emitSdk(ir);
    expect(files.get('src/ManagementClient.ts')).toMatch(
      /public async listThings\(\{ callOptions: callOptions_[0-9a-f]{6} \}: \{ callOptions: string \}, callOptions\?: CallOptions\)/,
    );
    expect([...files.keys()].filter((path) => /models\/(CallOptions|ApiTimeoutError)/.test(path))).toEqual([
      expect.stringMatching(/^src\/models\/ApiTimeoutError_[0-9a-f]{6}\.ts$/),
      expect.stringMatching(/^src\/models\/CallOptions_[0-9a-f]{6}\.ts$/),
    ]);
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-root-exports-'));
    for (const [path, content] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const consumer = join(root, 'src/consumer.ts');
    const code = "import type { CallOptions } from './index.js';\nexport const options: CallOptions = { signal: undefined, timeout: 1 };\n";
    expect(typeCheck([join(root, 'src/index.ts')], { [consumer]: code })).toEqual([]);
  });

  it('emits a tricky IR that compiles, with collisions resolved in a fixed order', () => {
    const files = emitSdk(tricky);
    const client = files.get('src/ManagementClient.ts')!;
    expect(client).toContain("public async findThings({ class: class_, default: default_, 'user-id': userId, status }: { class: string; default?: FindThingsDto.default_ | `${FindThingsDto.default_}`; 'user-id'?: string; status: FindThingsDto.status | `${FindThingsDto.status}` }, callOptions?: CallOptions)");
    expect(client).toContain("query: { class: class_, default: default_, 'user-id': userId, status }");
    // `request` is the runtime's own method: the operation is named from its identity.
    expect(client).toContain('public async managementRequest(requestBody: RequestDto, callOptions?: CallOptions)');
    expect(client).toMatch(/public async other\(requestBody: OtherDto, callOptions\?: CallOptions\): Promise<(IsSuccessRespDto|ManagementOtherRespDto)>/);
    expect(files.get('src/models/FindThingsDto.ts')).toMatch(/A_B_[0-9a-f]{6} = 'a-b',\n    A_B_[0-9a-f]{6} = 'a_b',\n    A_B = 'A B',\n    _1ST = '1st',\n    EMPTY = ''/);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['src/models/PromiseType.ts']));
    expect([...files.keys()].filter((path) => /\/(ApiError|IsSuccessRespDto)/.test(path))).toHaveLength(3);

    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-naming-'));
    for (const [path, content] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    expect(typeCheck([join(root, 'src/index.ts')])).toEqual([]);
  });
});

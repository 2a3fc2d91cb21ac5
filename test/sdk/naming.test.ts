/** The naming registry: reserved words, runtime symbols and collisions resolve deterministically and compile. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk/index.js';
import { bindingNameFor, enumMemberNameFor, NameScope, typeNameFor } from '../../generator/emit/sdk/naming.js';
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
        fields: [field('class'), field('default', { required: false }), field('user-id', { required: false }), field('status', { enum: ['a-b', 'a_b', 'A B', '1st', ''] })],
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
    const scope = new NameScope(['Taken']);
    expect([scope.claim('Taken'), scope.claim('Taken'), scope.claim('Free')]).toEqual(['Taken2', 'Taken3', 'Free']);
  });

  it('emits a tricky IR that compiles, with collisions resolved in a fixed order', () => {
    const files = emitSdk(tricky);
    const client = files.get('src/ManagementClient.ts')!;
    expect(client).toContain("public async findThings({ class: class_, default: default_, 'user-id': userId, status }: { class: string; default?: string; 'user-id'?: string; status: FindThingsDto.status })");
    expect(client).toContain("query: { class: class_, default: default_, 'user-id': userId, status }");
    // `request` is the runtime's own method: the operation gets the next free name.
    expect(client).toContain('public async request2(requestBody: RequestDto)');
    expect(client).toContain('public async other(requestBody: OtherDto): Promise<IsSuccessRespDto2>');
    expect(files.get('src/models/FindThingsDto.ts')).toContain("A_B = 'a-b',\n    A_B2 = 'a_b',\n    A_B3 = 'A B',\n    _1ST = '1st',\n    EMPTY = ''");
    expect([...files.keys()]).toEqual(expect.arrayContaining(['src/models/PromiseType.ts', 'src/models/ApiError2.ts', 'src/models/IsSuccessRespDto2.ts']));

    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-naming-'));
    for (const [path, content] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    expect(typeCheck([join(root, 'src/index.ts')])).toEqual([]);
  });
});

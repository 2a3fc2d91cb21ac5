/** The JSON Schema is the published contract: it accepts real IR and rejects what the types forbid. */
import { describe, expect, it } from 'vitest';
import { IR_VERSION, type Ir } from '../../generator/ir/types.js';
import { validateIr } from '../../generator/ir/validate.js';
import { AUTHING_V3 } from '../../generator/profile/index.js';

const minimal = (): Ir => ({
  irVersion: IR_VERSION,
  operations: [
    {
      id: 'management/get-thing',
      module: 'management',
      tag: '',
      slug: 'get-thing',
      methodNames: { node: 'getThing' },
      summary: { en: 'Get a thing' },
      description: {},
      http: { method: 'GET', path: '/api/v3/get-thing' },
      request: { style: 'query', typeName: 'GetThingDto', fields: [{ name: 'id', type: { kind: 'string' }, required: true, description: {} }] },
      response: { typeName: 'GetThingRespDto', fields: [{ name: 'data', type: { kind: 'ref', name: 'Thing' }, required: false, description: {} }] },
      samples: [],
      sources: [{ file: 'a.md', line: 1 }],
    },
  ],
  models: [{ name: 'Thing', fields: [], opaque: true, sources: [{ file: 'a.md', line: 9 }] }],
  diagnostics: [],
});

describe('IR schema', () => {
  it('accepts a well-formed IR', () => {
    expect(validateIr(minimal())).toEqual([]);
  });

  it('rejects a wrong version, an unknown type kind and a missing key', () => {
    expect(validateIr({ ...minimal(), irVersion: IR_VERSION + 1 })).not.toEqual([]);
    const badKind = minimal();
    (badKind.operations[0]!.request.fields[0]!.type as { kind: string }).kind = 'date';
    expect(validateIr(badKind).join()).toMatch(/request\/fields\/0\/type/);
    const missing = minimal() as Partial<Ir>;
    delete missing.models;
    expect(validateIr(missing).join()).toMatch(/must have required property 'models'/);
  });

  it('accepts the profile and provenance, an open set of clients, slugs as spelt; rejects unknown derived keys', () => {
    const profiled = minimal();
    profiled.profile = structuredClone(AUTHING_V3);
    Object.assign(profiled.operations[0]!, { id: 'billing/pub-userEvent', module: 'billing', slug: 'pub-userEvent' });
    profiled.operations[0]!.derived = { 'http.method': 'profile', 'request.typeName': 'config' };
    expect(validateIr(profiled)).toEqual([]);
    const unknownKey = structuredClone(profiled);
    (unknownKey.operations[0]!.derived as Record<string, string>)['module'] = 'profile';
    expect(validateIr(unknownKey).join()).toMatch(/derived/);
    const badSource = structuredClone(profiled);
    (badSource.operations[0]!.derived as Record<string, string>)['http.path'] = 'guess';
    expect(validateIr(badSource).join()).toMatch(/derived/);
    const noClients = structuredClone(profiled);
    noClients.profile!.clients = [];
    expect(validateIr(noClients).join()).toMatch(/profile\/clients/);
  });

  it('rejects a reference to a model that does not exist and duplicate ids', () => {
    const dangling = minimal();
    dangling.models = [];
    expect(validateIr(dangling)).toEqual(['management/get-thing response.data refers to unknown model Thing']);
    const duplicated = minimal();
    duplicated.operations.push(structuredClone(duplicated.operations[0]!));
    expect(validateIr(duplicated)).toContain('duplicate operation id management/get-thing');
  });
});

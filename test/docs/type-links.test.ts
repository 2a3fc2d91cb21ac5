/** A type cell links only to an anchor its page has: a type no data structure defines is plain text. */
import { describe, expect, it } from 'vitest';
import { emitDocs } from '../../generator/emit/docs/index.js';
import { IR_VERSION, type Ir } from '../../generator/ir/types.js';
import { danglingAnchors } from '../helpers/generate-invariants.js';

const ir: Ir = {
  irVersion: IR_VERSION,
  operations: [
    {
      id: 'management/get-user',
      module: 'management',
      tag: '管理用户',
      slug: 'get-user',
      methodNames: { node: 'getUser' },
      summary: { zh: '获取用户' },
      description: {},
      http: { method: 'POST', path: '/api/v3/get-user' },
      request: {
        style: 'body',
        typeName: 'GetUserDto',
        fields: [
          // 用户Dto's data structure was skipped (MODEL_NAME_INVALID); UserDto is documented.
          { name: 'profile', type: { kind: 'ref', name: '用户Dto' }, required: true, description: { zh: '资料' } },
          { name: 'users', type: { kind: 'array', items: { kind: 'ref', name: 'UserDto' } }, required: false, description: { zh: '用户' } },
        ],
      },
      response: { typeName: 'IsSuccessRespDto', fields: [] },
      samples: [],
      sources: [{ file: 'zh/node/management/管理用户/get-user.md', line: 1 }],
    },
  ],
  models: [{ name: 'UserDto', fields: [{ name: 'id', type: { kind: 'string' }, required: true, description: {} }], opaque: false, sources: [{ file: 'zh/node/management/管理用户/get-user.md', line: 40 }] }],
  diagnostics: [],
};

describe('docs type links', () => {
  it('links documented models and writes the others as plain text', () => {
    const docs = new Map([...emitDocs(ir, { sdks: ['node'] }).files].map(([path, content]) => [path, String(content)]));
    const page = docs.get('zh/node/management/管理用户/get-user.md')!;
    expect(page).toContain('<a href="#UserDto">UserDto[]</a>');
    expect(page).toMatch(/\| profile \| 用户Dto \|/);
    expect(danglingAnchors(docs)).toEqual([]);
  });
});

/**
 * The API profile (generator/profile): authing-v3 reproduces the conventions the parser
 * used to hard-code; a custom profile changes exactly the settings it replaces; the
 * config replaces each setting and each operation's derived facts; page paths keep
 * their spelling; a client the profile does not know is a warning, not a crash.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type GeneratorConfig } from '../../generator/config/index.js';
import { emitDocs } from '../../generator/emit/docs/index.js';
import { emitSdk } from '../../generator/emit/sdk/index.js';
import type { Ir } from '../../generator/ir/types.js';
import { validateIr } from '../../generator/ir/validate.js';
import { parsePages } from '../../generator/parse/index.js';
import { AUTHING_V3, ProfileError, resolveProfile, type ProfileOverrides } from '../../generator/profile/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

/** A page of our own words: a method section, an optional request table, a response type. */
function page(client: string, method: string, rows: string[] = [], responseType?: string): string {
  const request = rows.length === 0 ? '' : ['| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |', '| ---- | ---- | ---- | ---- | ---- | ---- |', ...rows].join('\n');
  return [
    `# 操作 ${method}`,
    '## 方法名称',
    `\`${client}.${method}\``,
    '## 请求参数',
    request,
    '## 请求响应',
    responseType ? `类型： \`${responseType}\`` : '',
    '| 名称 | 类型 | 描述 |\n| ---- | ---- | ---- |\n| statusCode | number | 状态码 |',
    '',
  ].join('\n\n');
}

const BODY_ROW = '| thingId | string | 是 | - | 东西的编号 | `t-1` |';

const PAGES = [
  { file: 'zh/node/management/t/get-thing.md', content: page('ManagementClient', 'getThing', [], 'GetThingRespDto') },
  { file: 'zh/node/management/t/list-things.md', content: page('ManagementClient', 'listThings') },
  { file: 'zh/node/management/t/delete-thing.md', content: page('ManagementClient', 'deleteThing', [BODY_ROW], 'IsSuccessRespDto') },
  { file: 'zh/node/authentication/t/get-profile.md', content: page('AuthenticationClient', 'getProfile') },
];

const parse = (config?: GeneratorConfig, pages = PAGES): Ir => {
  const { ir } = parsePages(pages, config ? { config } : {});
  expect(validateIr(ir)).toEqual([]);
  return ir;
};
const op = (ir: Ir, id: string) => ir.operations.find((operation) => operation.id === id)!;
const bindings = (ir: Ir) =>
  Object.fromEntries(ir.operations.map((o) => [o.id, [o.http.method, o.http.path, o.request.typeName, o.response.typeName].join(' ')]));

describe('the authing-v3 profile', () => {
  it('gives the paths, verbs and DTO names the parser used to decide', () => {
    const ir = parse();
    expect(bindings(ir)).toEqual({
      'authentication/get-profile': 'GET /api/v3/get-profile GetProfileDto GetProfileRespDto',
      'management/delete-thing': 'POST /api/v3/delete-thing DeleteThingDto IsSuccessRespDto',
      'management/get-thing': 'GET /api/v3/get-thing GetThingDto GetThingRespDto',
      'management/list-things': 'GET /api/v3/list-things ListThingsDto ListThingsRespDto',
    });
    expect(ir.profile).toEqual(AUTHING_V3);
  });

  it('records what the profile supplied and leaves out what the docs said', () => {
    const ir = parse();
    // The page names its response type: that fact is the docs', not the profile's.
    expect(op(ir, 'management/get-thing').derived).toEqual({ 'http.method': 'profile', 'http.path': 'profile', 'request.typeName': 'profile' });
    expect(op(ir, 'management/list-things').derived).toMatchObject({ 'response.typeName': 'profile' });
  });
});

describe('a custom profile', () => {
  const custom: ProfileOverrides = {
    name: 'acme-v1',
    pathTemplate: '/v1/{module}/{slug}',
    verbs: { rules: [{ slugPrefixes: ['get-'], method: 'GET' }], otherwise: 'POST' },
    requestTypeName: '{Method}Request',
    clients: [
      { id: 'management', className: 'AdminClient', auth: 'access-key' },
      { id: 'authentication', className: 'UserClient', auth: 'app-id' },
    ],
    sdk: { packageName: '@acme/sdk', defaultHost: 'https://api.acme.test' },
  };
  const pages = PAGES.map(({ file, content }) => ({
    file,
    content: content.replace('ManagementClient', 'AdminClient').replace('AuthenticationClient', 'UserClient'),
  }));

  it('changes exactly the path, verb, request name and clients it replaces', () => {
    const ir = parse({ profile: custom }, pages);
    expect(bindings(ir)).toEqual({
      'authentication/get-profile': 'GET /v1/authentication/get-profile GetProfileRequest GetProfileRespDto',
      'management/delete-thing': 'POST /v1/management/delete-thing DeleteThingRequest IsSuccessRespDto',
      'management/get-thing': 'GET /v1/management/get-thing GetThingRequest GetThingRespDto',
      // No get- prefix: the custom rules make it a POST (authing-v3 made list- a GET).
      'management/list-things': 'POST /v1/management/list-things ListThingsRequest ListThingsRespDto',
    });
    // The pages without a type line say so (the profile names their response type).
    expect(ir.diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'RESPONSE_TYPE_LINE_MISSING')).toEqual([]);
    expect(ir.profile).toMatchObject({ name: 'acme-v1', extends: 'authing-v3', responseTypeName: '{Method}RespDto' });
    expect(ir.profile!.sdk).toEqual({ ...AUTHING_V3.sdk, packageName: '@acme/sdk', defaultHost: 'https://api.acme.test' });
  });

  it('names the SDK package, host and client classes after it', () => {
    const sdk = emitSdk(parse({ profile: custom }, pages));
    expect(JSON.parse(sdk.get('package.json')!)).toMatchObject({ name: '@acme/sdk', version: '0.1.0' });
    expect(sdk.get('src/http/HttpClient.ts')).toContain("options.host ?? 'https://api.acme.test'");
    expect([...sdk.keys()].filter((path) => /^src\/[A-Z]\w*Client\.ts$/.test(path))).toEqual(['src/AdminClient.ts', 'src/UserClient.ts']);
    expect(sdk.get('src/AdminClient.ts')).toContain('export class AdminClient extends ManagementClientBase');
    expect(sdk.get('src/AdminClient.ts')).toContain("path: '/v1/management/get-thing'");
    expect(sdk.get('src/index.ts')).toContain("export { UserClient } from './UserClient.js';");
    expect(sdk.get('src/index.ts')).not.toContain('ManagementClient }');
  });

  it('emits only the runtime bases its clients use, and docs that name its classes', () => {
    const single = { ...custom, clients: [{ id: 'management', className: 'AdminClient', auth: 'access-key' as const }] };
    const ir = parse({ profile: single }, pages.slice(0, 3));
    const sdk = emitSdk(ir);
    expect(sdk.has('src/http/ManagementClientBase.ts')).toBe(true);
    expect(sdk.has('src/http/AuthenticationClientBase.ts')).toBe(false);
    expect(sdk.get('src/index.ts')).not.toContain('AuthenticationClientOptions');
    const docs = emitDocs(ir, { samples: 'fill', sdks: ['node'] }).files;
    expect(docs.get('zh/node/management/t/get-thing.md')).toContain('`AdminClient.getThing`');
    // The input page comes back as written (it has no sample); the page the input lacks is made from the templates.
    expect(docs.get('en/node/management/t/get-thing.md')).toContain('`AdminClient.getThing`');
    expect(docs.get('en/node/management/t/get-thing.md')).toContain('const adminClient = new AdminClient(');
  });
});

describe('the config', () => {
  it('replaces each setting of the profile it extends', () => {
    const settings: [ProfileOverrides, (ir: Ir) => unknown, unknown][] = [
      [{ pathTemplate: '/x/{slug}' }, (ir) => op(ir, 'management/get-thing').http.path, '/x/get-thing'],
      [{ verbs: { otherwise: 'GET' } }, (ir) => op(ir, 'management/delete-thing').http.method, 'GET'],
      [{ verbs: { rules: [] } }, (ir) => op(ir, 'management/get-thing').http.method, 'POST'],
      [{ requestTypeName: 'Req{Method}' }, (ir) => op(ir, 'management/get-thing').request.typeName, 'ReqGetThing'],
      [{ responseTypeName: '{method}Response' }, (ir) => op(ir, 'management/list-things').response.typeName, 'listThingsResponse'],
      [{ sdk: { version: '2.0.0' } }, (ir) => ir.profile!.sdk.version, '2.0.0'],
      [{ sdk: { defaultTimeout: 5 } }, (ir) => ir.profile!.sdk.defaultTimeout, 5],
      [{ sdk: { packageName: 'x' } }, (ir) => ir.profile!.sdk.packageName, 'x'],
      [{ sdk: { defaultHost: 'http://h' } }, (ir) => ir.profile!.sdk.defaultHost, 'http://h'],
      [{ clients: [{ id: 'management', className: 'ManagementClient', auth: 'app-id' }] }, (ir) => ir.profile!.clients.length, 1],
    ];
    for (const [overrides, read, expected] of settings) expect(read(parse({ profile: overrides })), JSON.stringify(overrides)).toEqual(expected);
    expect(parse({ profile: 'authing-v3' }).profile).toEqual(AUTHING_V3);
  });

  it('overrides an operation over the profile and records it', () => {
    const ir = parse({ operations: { 'management/get-thing': { http: { path: '/custom' }, request: { typeName: 'Custom' } }, 'management/nope': {} } });
    const operation = op(ir, 'management/get-thing');
    expect(operation.http).toEqual({ method: 'GET', path: '/custom' });
    expect(operation.request.typeName).toBe('Custom');
    expect(operation.derived).toEqual({ 'http.method': 'profile', 'http.path': 'config', 'request.typeName': 'config' });
    expect(ir.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('<config> CONFIG_UNKNOWN_OPERATION');
  });

  it('rejects a bad profile with a ConfigError naming the setting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-to-sdk-profile-'));
    const load = (profile: unknown): string => {
      const file = join(dir, 'config.json');
      writeFileSync(file, JSON.stringify({ profile }));
      try {
        loadConfig(file);
        return 'loaded';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };
    expect(load('authing-v3')).toBe('loaded');
    expect(load({ extends: 'authing-v3', sdk: { packageName: '@acme/sdk' } })).toBe('loaded');
    expect(load('stripe-v1')).toMatch(/invalid config: \/profile must be equal to one of the allowed values/);
    expect(load({ pathTemplate: '/api/{version}/{slug}' })).toMatch(/pathTemplate "\/api\/\{version\}\/\{slug\}" uses \{version\}/);
    expect(load({ clients: [{ id: 'a', className: 'AClient', auth: 'app-id' }, { id: 'a', className: 'BClient', auth: 'app-id' }] })).toMatch(/two clients have the id "a"/);
    expect(load({ sdk: { defaultHost: "https://x'; evil()" } })).toMatch(/invalid config: .*\/profile\/sdk\/defaultHost must match pattern/);
    expect(load({ clients: [] })).toMatch(/invalid config/);
  });

  it('the registry and the schema know the same profile names', async () => {
    const schema = (await import('../../generator/config/config.schema.json', { with: { type: 'json' } })).default as { definitions: { profileName: { enum: string[] } } };
    expect(schema.definitions.profileName.enum).toEqual(['authing-v3']);
    expect(() => resolveProfile('nope')).toThrow(ProfileError);
    expect(resolveProfile()).toEqual(AUTHING_V3);
    expect(resolveProfile()).not.toBe(AUTHING_V3);
  });

  it('the repository config validates', () => {
    expect(() => loadConfig(join(REPO_ROOT, 'docs-to-sdk.config.json'))).not.toThrow();
  });
});

describe('facts keep their spelling', () => {
  it('a page named pub-userEvent.md is the path /api/v3/pub-userEvent', () => {
    const ir = parse(undefined, [{ file: 'zh/node/authentication/t/pub-userEvent.md', content: page('AuthenticationClient', 'pubUserEvent', [BODY_ROW]) }]);
    const [operation] = ir.operations;
    expect(operation!.id).toBe('authentication/pub-userEvent');
    expect(operation!.http.path).toBe('/api/v3/pub-userEvent');
    // SDK identifiers may be re-cased; the wire name may not.
    expect(operation!.request.typeName).toBe('PubUserEventDto');
    expect(emitSdk(ir).get('src/AuthenticationClient.ts')).toContain("path: '/api/v3/pub-userEvent'");
    expect([...emitDocs(ir, { sdks: ['node'], locales: ['zh'] }).files.keys()]).toContain('zh/node/authentication/t/pub-userEvent.md');
  });
});

describe('a client the profile does not know', () => {
  it('is a warning, and its operation goes to the folder client or the first one', () => {
    const ir = parse(undefined, [
      { file: 'zh/node/authentication/t/do-foo.md', content: page('FooClient', 'doFoo') },
      { file: 'zh/do-bar.md', content: page('BarClient', 'doBar') },
    ]);
    expect(ir.operations.map((operation) => operation.id)).toEqual(['authentication/do-foo', 'management/do-bar']);
    const warnings = ir.diagnostics.filter((d) => d.code === 'CLIENT_UNKNOWN').map((d) => `${d.file}:${d.line} ${d.message}`);
    expect(warnings).toEqual([
      'zh/do-bar.md:3 method section names BarClient, a client the authing-v3 profile does not know (ManagementClient, AuthenticationClient); using management',
      'zh/node/authentication/t/do-foo.md:3 method section names FooClient, a client the authing-v3 profile does not know (ManagementClient, AuthenticationClient); using authentication',
    ]);
    expect(ir.diagnostics.some((d) => d.code === 'MODULE_UNKNOWN')).toBe(false);
    expect(emitSdk(ir).get('src/ManagementClient.ts')).toContain('async doBar(');
  });

  it('in an IR made with another profile, is emitted under the first client', () => {
    const ir = parse();
    const moved = { ...ir, profile: undefined, operations: ir.operations.map((o) => (o.id === 'management/get-thing' ? { ...o, module: 'elsewhere' } : o)) };
    expect(emitSdk(moved).get('src/ManagementClient.ts')).toContain('async getThing(');
    expect(emitDocs(moved, { sdks: ['node'], locales: ['zh'] }).files.get('zh/sidebar.json')).toContain('"module": "elsewhere"');
  });
});

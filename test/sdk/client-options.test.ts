/**
 * Client options mined from the node samples (generator/parse/sample-options.ts): what a
 * constructor's object literal says, the IR's record of it, the SDK's options type that
 * takes it, and the runtime's own option names (naming.ts RUNTIME_OPTIONS) held to the templates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Project } from 'ts-morph';
import { RUNTIME_OPTIONS } from '../../generator/emit/sdk/naming.js';
import { emitTarget } from '../../generator/emit/target.js';
import { sdkTarget } from '../../generator/emit/sdk/target.js';
import { DiagnosticSink } from '../../generator/ir/diagnostics.js';
import type { Sample } from '../../generator/ir/types.js';
import { clientOptionsFromSamples } from '../../generator/parse/sample-options.js';
import { parsePages } from '../../generator/parse/index.js';

const sample = (code: string, line = 10): Sample => ({ sdk: 'node', locale: 'zh', lang: 'ts', code, source: { file: 'p.md', line } }) as Sample;

describe('options a sample passes to a client constructor', () => {
  it('are its object literal’s own properties with literal values, typed by them', () => {
    const sinks = new Map<string, DiagnosticSink>();
    const sinkFor = (file: string) => sinks.get(file) ?? sinks.set(file, new DiagnosticSink(file)).get(file)!;
    const code = [
      "const client = new AuthenticationClient({",
      "  // appId: 'commented out',",
      "  appId: 'APP', 'scope': 'openid profile', port: 443, secure: true,",
      "  nested: { inner: 'not an option' }, list: ['a'], fromEnv: process.env.X,",
      "  protocol: 'oidc' // the protocol",
      "});",
    ].join('\n');
    const options = clientOptionsFromSamples([sample(code)], sinkFor);
    expect(options.map(({ name, types }) => [name, types.map((type) => type.kind).join('|')])).toEqual([
      ['appId', 'string'],
      ['port', 'number'],
      ['protocol', 'string'],
      ['scope', 'string'],
      ['secure', 'boolean'],
    ]);
    expect(options.every((option) => option.client === 'AuthenticationClient' && option.derived === 'sample')).toBe(true);
    expect(options.find((option) => option.name === 'protocol')!.sources).toEqual([{ file: 'p.md', line: 14 }]);
    expect([...sinks.values()].flatMap((sink) => sink.items)).toEqual([]);
  });

  it('take every type samples give them, with a warning where they disagree', () => {
    const sinks = new Map<string, DiagnosticSink>();
    const sinkFor = (file: string) => sinks.get(file) ?? sinks.set(file, new DiagnosticSink(file)).get(file)!;
    const options = clientOptionsFromSamples([sample("new ManagementClient({ region: 'cn' })", 3), sample('new ManagementClient({ region: 2 })', 30)], sinkFor);
    expect(options).toEqual([{ client: 'ManagementClient', name: 'region', types: [{ kind: 'number' }, { kind: 'string' }], derived: 'sample', sources: [{ file: 'p.md', line: 3 }, { file: 'p.md', line: 30 }] }]);
    const warnings = [...sinks.values()].flatMap((sink) => sink.items);
    expect(warnings.map((d) => [d.code, d.line])).toEqual([['SAMPLE_OPTION_TYPE_CONFLICT', 30]]);
    expect(warnings[0]!.message).toContain('"region" as a number, p.md:3 as a string');
  });
});

describe('the SDK takes the options the samples pass', () => {
  const page = [
    '# logout', '', '## 方法名称', '', '`AuthenticationClient.logout`', '', '## 请求参数', '',
    '| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |', '| ---- | ---- | ---- | ---- | ---- | ---- |', '| token | string | 是 | - | 令牌 | `t` |', '',
    '## 示例代码', '', '```ts', "import { AuthenticationClient } from 'authing-node-sdk';",
    "const authenticationClient = new AuthenticationClient({ appId: 'APP', appHost: 'https://a.example', protocol: 'oidc', 'max-age': 3 });",
    "await authenticationClient.logout({ token: 't' });", '```', '',
    '## 请求响应', '', '类型： `LogoutRespDto`', '', '| 名称 | 类型 | 描述 |', '| ---- | ---- | ---- |', '| statusCode | number | 状态码 |', '',
  ].join('\n');
  const { ir } = parsePages([{ file: 'zh/node/authentication/logout/logout.md', content: page }]);

  it('records them in the IR with the sample as their source', () => {
    expect(ir.clientOptions?.map((option) => [option.name, option.derived, option.sources[0]!.file])).toEqual([
      ['appHost', 'sample', 'zh/node/authentication/logout/logout.md'],
      ['appId', 'sample', 'zh/node/authentication/logout/logout.md'],
      ['max-age', 'sample', 'zh/node/authentication/logout/logout.md'],
      ['protocol', 'sample', 'zh/node/authentication/logout/logout.md'],
    ]);
  });

  it('adds those the runtime lacks to the client options type, and the sample type-checks', () => {
    const out = emitTarget('sdk', sdkTarget, ir);
    const client = String(out.files.get('sdk/src/AuthenticationClient.ts'));
    const augmented = /declare module '\.\/http\/AuthenticationClientBase\.js' \{\s+interface AuthenticationClientOptions \{([^}]*)\}/.exec(client)?.[1] ?? '';
    expect(augmented.match(/^\s+[^\s/*][^;]*;/gm)?.map((line) => line.trim())).toEqual(["'max-age'?: number;", 'protocol?: string;']);
    expect(client).not.toMatch(/appId\?: string/);
    expect(out.diagnostics.filter((d) => d.code.startsWith('SAMPLE_'))).toEqual([]);
  });
});

describe('RUNTIME_OPTIONS', () => {
  it('lists exactly the options the runtime templates declare', () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const names = (file: string, type: string) =>
      project.createSourceFile(file, readFileSync(`generated/sdk/src/http/${file}`, 'utf8'), { overwrite: true }).getInterfaceOrThrow(type).getProperties().map((p) => p.getName());
    const shared = names('HttpClient.ts', 'ClientOptions');
    expect([...RUNTIME_OPTIONS['access-key'].names].sort()).toEqual([...shared, ...names('ManagementClientBase.ts', 'ManagementClientOptions')].sort());
    expect([...RUNTIME_OPTIONS['app-id'].names].sort()).toEqual([...shared, ...names('AuthenticationClientBase.ts', 'AuthenticationClientOptions')].sort());
  });
});

/**
 * Custom code (docs-src/sdk-custom): listAllWebhooks, merged into the generated
 * ManagementClient, over a real HTTP server on 127.0.0.1; and the config's ways of
 * binding an operation to HTTP (positional parameters, a fixed body part) as emitted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagementClient } from '../../generated/sdk/src/index.js';
import { emitTarget } from '../../generator/emit/target.js';
import { sdkTarget } from '../../generator/emit/sdk/target.js';
import { parsePages } from '../../generator/parse/index.js';

const WEBHOOKS = Array.from({ length: 7 }, (_, index) => ({ webhookId: `w${index + 1}`, name: `hook ${index + 1}` }));

let server: Server;
let host: string;
const requests: { path: string; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const reply = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (path === '/api/v3/get-management-token') return reply({ statusCode: 200, data: { access_token: 't', expires_in: 7200 } });
      const body = text === '' ? undefined : JSON.parse(text);
      requests.push({ path: `${req.method} ${path}${new URL(req.url ?? '/', 'http://127.0.0.1').search}`, body });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const { page = 1, limit = 10 } = { ...Object.fromEntries([...url.searchParams].map(([k, v]) => [k, Number(v)])), ...(body ?? {}) } as { page?: number; limit?: number };
      reply({ statusCode: 200, data: { totalCount: WEBHOOKS.length, list: WEBHOOKS.slice((page - 1) * limit, page * limit) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('listAllWebhooks (docs-src/sdk-custom/ManagementClient.ts)', () => {
  it('yields every webhook, fetching listWebhooks page by page', async () => {
    requests.length = 0;
    const client = new ManagementClient({ accessKeyId: 'id', accessKeySecret: 'secret', host });
    const seen: string[] = [];
    for await (const webhook of client.listAllWebhooks({ limit: 3 })) seen.push(webhook.webhookId);
    expect(seen).toEqual(WEBHOOKS.map((webhook) => webhook.webhookId));
    // Three pages of 3, 3 and 1: the short page ends it. No request to an endpoint listAllWebhooks does not have.
    expect(requests).toHaveLength(3);
    expect(requests.every((request) => !request.path.includes('list-all-webhooks'))).toBe(true);
  });

  it('stops at the total count when the last page is full', async () => {
    requests.length = 0;
    const client = new ManagementClient({ accessKeyId: 'id', accessKeySecret: 'secret', host });
    const seen: string[] = [];
    for await (const webhook of client.listAllWebhooks({ limit: 7 })) seen.push(webhook.webhookId);
    expect(seen).toHaveLength(7);
    expect(requests).toHaveLength(1);
  });

  it('is not emitted as an HTTP call', () => {
    expect(ManagementClient.prototype.listAllWebhooks.toString()).not.toContain('list-all-webhooks');
  });
});

const HEAD = ['| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |', '| ---- | ---- | ---- | ---- | ---- | ---- |'];
const page = (method: string, rows: string[]): string =>
  [`# ${method}`, '', '## 方法名称', '', `\`AuthenticationClient.${method}\``, '', '## 请求参数', '', ...HEAD, ...rows, '', '## 请求响应', '', '类型： `IntrospectTokenRespDto`', '',
    '| 名称 | 类型 | 描述 |', '| ---- | ---- | ---- |', '| statusCode | number | 状态码 |', ''].join('\n');

function sdkOf(pages: Record<string, string>, config: Parameters<typeof parsePages>[1]) {
  const { ir } = parsePages(Object.entries(pages).map(([file, content]) => ({ file, content })), config);
  return emitTarget('sdk', sdkTarget, ir);
}

describe('the config binds an operation to HTTP', () => {
  it('takes positional parameters and adds a fixed body part the caller cannot pass', () => {
    const out = sdkOf(
      { 'zh/node/authentication/tokens/introspect-token.md': page('introspectToken', ['| token | string | 是 | - | 令牌 | `t` |', '| token_type_hint | string | 否 | - | 令牌类型 | `access_token` |']) },
      { config: { operations: { 'authentication/introspect-token': { http: { path: '/oidc/token/introspection' }, request: { positional: ['token'], fixed: { token_type_hint: 'access_token' } } } } } },
    );
    const client = String(out.files.get('sdk/src/AuthenticationClient.ts'));
    expect(client).toContain('public async introspectToken(token: string, callOptions?: CallOptions): Promise<IntrospectTokenRespDto>');
    expect(client).toContain(`body: { token, token_type_hint: "access_token" }, options: callOptions`);
    expect(client).toContain(`path: '/oidc/token/introspection'`);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('the docs of an operation implemented by custom code', () => {
  it('are the pages of the SDK languages its input pages document, and the sidebar links only those', async () => {
    const { readFileSync } = await import('node:fs');
    const { emitDocs } = await import('../../generator/emit/docs/index.js');
    const ir = JSON.parse(readFileSync(new URL('../../generated/ir.json', import.meta.url), 'utf8'));
    const { files } = emitDocs(ir);
    const pages = [...files.keys()].filter((path) => path.endsWith('/list-all-webhooks.md')).sort();
    expect(pages).toEqual(['en/node/management/管理-webhook/list-all-webhooks.md', 'zh/node/management/管理-webhook/list-all-webhooks.md']);
    // An operation of one HTTP call is still documented in every SDK language.
    expect([...files.keys()].filter((path) => path.endsWith('/list-webhooks.md'))).toHaveLength(12);
    const sidebar = JSON.parse(Buffer.from(files.get('zh/sidebar.json')!).toString('utf8'));
    const entry = sidebar.flatMap((group: any) => group.tags.flatMap((tag: any) => tag.pages)).find((page: any) => page.slug === 'list-all-webhooks');
    expect(entry.paths).toEqual({ node: 'node/management/管理-webhook/list-all-webhooks.md' });
  });
});

/** The SDK of one introspectToken page whose operation the config marks custom, with this custom code. */
const customIntrospection = (customCode: { file: string; code: string }[]) =>
  sdkOf(
    { 'zh/node/authentication/tokens/introspect-token.md': page('introspectToken', ['| token | string | 是 | - | 令牌 | `t` |']) },
    { config: { operations: { 'authentication/introspect-token': { implementation: 'custom' } } }, customCode },
  );

describe('custom code imports', () => {
  it('keeps namespace and side-effect imports as written, beside the merged named ones', () => {
    const code = [
      "import * as Shapes from './models/index.js';",
      "import './models/index.js';",
      "import type { IntrospectTokenRespDto } from './models/index.js';",
      '',
      'export class AuthenticationClient {',
      '  async introspectToken(request: Shapes.IntrospectTokenDto): Promise<IntrospectTokenRespDto> {',
      '    return { statusCode: request.token === "" ? 400 : 200 };',
      '  }',
      '}',
      '',
    ].join('\n');
    const out = customIntrospection([{ file: 'sdk-custom/AuthenticationClient.ts', code }]);
    const client = String(out.files.get('sdk/src/AuthenticationClient.ts'));
    expect(client).toContain("import * as Shapes from './models/index.js';");
    expect(client).toContain("import './models/index.js';");
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('custom code errors', () => {
  it('are reported in the custom file that holds them, on their own line', () => {
    const helpers = "export const unused = 1;\n";
    const code = [
      "import type { IntrospectTokenDto, IntrospectTokenRespDto } from './models/index.js';",
      '',
      'export class AuthenticationClient {',
      '  /** Answers locally. */',
      '  async introspectToken(request: IntrospectTokenDto): Promise<IntrospectTokenRespDto> {',
      '    const status: number = request.token;',
      '    return { statusCode: status };',
      '  }',
      '}',
      '',
    ].join('\n');
    const out = customIntrospection([{ file: 'sdk-custom/a-helpers.ts', code: helpers }, { file: 'sdk-custom/AuthenticationClient.ts', code }]);
    const errors = out.diagnostics.filter((d) => d.code === 'CUSTOM_CODE_TYPE_ERROR');
    expect(errors).toEqual([expect.objectContaining({ file: 'sdk-custom/AuthenticationClient.ts', line: 6 })]);
  });
});

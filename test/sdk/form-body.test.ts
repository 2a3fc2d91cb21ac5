/**
 * An operation the config sends form-encoded (`request.contentType: "form"`, as OAuth/OIDC
 * token endpoints take it): the runtime's wire format against a real server on 127.0.0.1,
 * the client method that asks for it, the IR's provenance and the OpenAPI body's media type.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../generated/sdk/src/index.js';
import { openapiTarget } from '../../generator/emit/openapi/index.js';
import { emitTarget } from '../../generator/emit/target.js';
import { sdkTarget } from '../../generator/emit/sdk/target.js';
import { parsePages } from '../../generator/parse/index.js';

let server: Server;
let host: string;
const seen: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'a', expires_in: 60 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a form-encoded request body', () => {
  it('goes over the wire as application/x-www-form-urlencoded, fields as a query string holds them', async () => {
    seen.length = 0;
    const http = new HttpClient({ host, retries: 0 });
    const body = { grant_type: 'authorization_code', code: 'c&d=1', redirect_uri: 'https://app.example/cb', scope: ['openid', 'profile'], unset: undefined };
    await expect(http.send({ method: 'POST', path: '/oidc/token', body, contentType: 'form' })).resolves.toEqual({ access_token: 'a', expires_in: 60 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({ grant_type: 'authorization_code', code: 'c&d=1', redirect_uri: 'https://app.example/cb', scope: 'profile' });
    expect(new URLSearchParams(seen[0]!.body).getAll('scope')).toEqual(['openid', 'profile']);
  });

  it('keeps JSON as the default', async () => {
    seen.length = 0;
    await new HttpClient({ host, retries: 0 }).send({ method: 'POST', path: '/x', body: { a: 1 } });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.body).toBe('{"a":1}');
  });

  it('refuses, without sending, a form body that is not an object', async () => {
    seen.length = 0;
    await expect(new HttpClient({ host, retries: 0 }).send({ method: 'POST', path: '/x', body: [1], contentType: 'form' })).rejects.toThrow(/request not sent: a form-encoded body must be an object/);
    expect(seen).toEqual([]);
  });
});

describe('the config maps an operation to a form-encoded body', () => {
  const pageText = [
    '# getAccessTokenByCode', '', '## 方法名称', '', '`AuthenticationClient.getAccessTokenByCode`', '', '## 请求参数', '',
    '| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |', '| ---- | ---- | ---- | ---- | ---- | ---- |', '| code | string | 是 | - | 授权码 | `c` |', '',
    '## 请求响应', '', '类型： `TokenRespDto`', '', '| 名称 | 类型 | 描述 |', '| ---- | ---- | ---- |', '| access_token | string | 令牌 |', '',
  ].join('\n');
  const config = { operations: { 'authentication/get-access-token-by-code': { http: { path: '/oidc/token' }, request: { contentType: 'form' as const, fixed: { grant_type: 'authorization_code' } } } } };
  const { ir } = parsePages([{ file: 'zh/node/authentication/token/get-access-token-by-code.md', content: pageText }], { config });

  it('records it in the IR with the config as its source', () => {
    const operation = ir.operations[0]!;
    expect(operation.request.contentType).toBe('form');
    expect(operation.derived?.['request.contentType']).toBe('config');
  });

  it('emits a client method that sends it form-encoded', () => {
    const client = String(emitTarget('sdk', sdkTarget, ir).files.get('sdk/src/AuthenticationClient.ts'));
    expect(client).toMatch(/path: '\/oidc\/token', body: \{ \.\.\.requestBody, grant_type: "authorization_code" \}, contentType: 'form'/);
  });

  it('takes a positional field and leaves out an omitted one, neither taken nor sent', () => {
    const withRefresh = pageText.replace('| code | string | 是 | - | 授权码 | `c` |', '| code | string | 是 | - | 授权码 | `c` |\n| refresh_token | string | 是 | - | 刷新令牌 | `r` |');
    const bound = { operations: { 'authentication/get-access-token-by-code': { http: { path: '/oidc/token' }, request: { contentType: 'form' as const, positional: ['code'], omit: ['refresh_token'], fixed: { grant_type: 'authorization_code' } } } } };
    const parsed = parsePages([{ file: 'zh/node/authentication/token/get-access-token-by-code.md', content: withRefresh }], { config: bound }).ir;
    expect(parsed.operations[0]!.derived?.['request.omit']).toBe('config');
    const client = String(emitTarget('sdk', sdkTarget, parsed).files.get('sdk/src/AuthenticationClient.ts'));
    expect(client).toContain('public async getAccessTokenByCode(code: string, callOptions?: CallOptions): Promise<TokenRespDto>');
    expect(client).toContain(`body: { code, grant_type: "authorization_code" }, contentType: 'form'`);
  });

  it('gives the OpenAPI request body that media type', () => {
    const document = JSON.parse(String(emitTarget('openapi', openapiTarget, ir).files.get('openapi.json')));
    const body = Object.values(document.paths['/oidc/token'] as Record<string, { requestBody: { content: object } }>)[0]!.requestBody;
    expect(Object.keys(body.content)).toEqual(['application/x-www-form-urlencoded']);
  });
});

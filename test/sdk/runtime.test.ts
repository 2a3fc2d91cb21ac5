/**
 * The generated SDK (generated/sdk, from docs-src) against a real HTTP server on
 * 127.0.0.1: what goes over the wire, token handling, timeouts, retries and errors.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ManagementClient, Models } from '../../generated/sdk/src/index.js';

interface Seen {
  method: string;
  path: string;
  query: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

let server: Server;
let host: string;
let seen: Seen[] = [];
let handlers: Handler[] = [];
let tokenCalls = 0;

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request: Seen = { method: req.method ?? '', path: url.pathname, query: url.search, headers: req.headers, body };
      if (url.pathname === '/api/v3/get-management-token') {
        tokenCalls += 1;
        json(res, 200, { statusCode: 200, message: 'ok', data: { access_token: `token-${tokenCalls}`, expires_in: 7200 } });
        return;
      }
      seen.push(request);
      const handler = handlers.shift() ?? ((_s, r) => json(r, 200, { statusCode: 200, message: 'ok', data: {} }));
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  handlers = [];
  tokenCalls = 0;
});

const client = (options: Partial<ConstructorParameters<typeof ManagementClient>[0]> = {}) =>
  new ManagementClient({ accessKeyId: 'key-id', accessKeySecret: 'very-secret', host, retryDelay: 1, ...options });

describe('generated ManagementClient over HTTP', () => {
  it('sends a body operation as JSON POST with the bearer token', async () => {
    handlers.push((_s, res) => json(res, 200, { statusCode: 200, message: 'ok', data: { webhookId: 'w1' } }));
    const result = await client().createWebhook({
      name: 'on-create',
      url: 'https://example.com/hook',
      events: ['user:created'],
      contentType: Models.CreateWebhookDto.contentType.APPLICATION_JSON,
    });
    expect(result.data.webhookId).toBe('w1');
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', path: '/api/v3/create-webhook', query: '' });
    expect(request!.headers.authorization).toBe('Bearer token-1');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.body)).toEqual({
      name: 'on-create',
      url: 'https://example.com/hook',
      events: ['user:created'],
      contentType: 'application/json',
    });
  });

  it('sends a query operation as GET with a query string and no body', async () => {
    await client().getWebhook({ webhookId: 'w 1/ä' });
    await client().listWebhooks({ page: 2 });
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v3/get-webhook', query: '?webhookId=w+1%2F%C3%A4', body: '' });
    expect(seen[1]).toMatchObject({ method: 'GET', path: '/api/v3/list-webhooks', query: '?page=2' });
  });

  it('calls a no-parameter operation with no query and no body', async () => {
    await client().getWebhookEventList();
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/api/v3/get-webhook-event-list', query: '', body: '' });
  });

  it('obtains the management token once and reuses it, also for concurrent calls', async () => {
    const c = client();
    await Promise.all([c.getWebhookEventList(), c.getWebhook({ webhookId: 'a' })]);
    await c.getWebhookEventList();
    expect(tokenCalls).toBe(1);
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
  });

  it('times out a slow request with an ApiError', async () => {
    handlers.push((_s, res) => setTimeout(() => json(res, 200, { statusCode: 200 }), 500));
    const error = await client({ retries: 0 }).getWebhookEventList({ timeout: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('GET /api/v3/get-webhook-event-list timed out after 50 ms');
    expect((error as ApiError).statusCode).toBe(0);
  });

  it('retries a GET on 503 and succeeds', async () => {
    handlers.push((_s, res) => json(res, 503, { message: 'busy' }));
    handlers.push((_s, res) => json(res, 503, { message: 'busy' }));
    handlers.push((_s, res) => json(res, 200, { statusCode: 200, message: 'ok', data: { id: 'w' } }));
    const result = await client({ retries: 2 }).getWebhook({ webhookId: 'w' });
    expect(result.statusCode).toBe(200);
    expect(seen).toHaveLength(3);
  });

  it('does not retry a POST on 503', async () => {
    handlers.push((_s, res) => json(res, 503, { message: 'busy' }));
    handlers.push((_s, res) => json(res, 200, { statusCode: 200 }));
    const error = await client({ retries: 3 }).deleteWebhook({ webhookIds: ['w'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).httpStatus).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it('throws a typed error for a body statusCode 400 with apiCode, without leaking secrets', async () => {
    handlers.push((_s, res) => json(res, 200, { statusCode: 400, apiCode: 40001, message: 'webhook not found', requestId: 'req-9' }));
    const error = await client().getWebhook({ webhookId: 'missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 400, apiCode: 40001, requestId: 'req-9', message: 'webhook not found', httpStatus: 200 });
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(text).not.toContain('very-secret');
    expect(text).not.toContain('token-1');
  });

  it('keeps the key secret out of every URL it requests', async () => {
    await client().getWebhook({ webhookId: 'x' });
    expect(seen.every((s) => !`${s.path}${s.query}`.includes('very-secret'))).toBe(true);
  });
});

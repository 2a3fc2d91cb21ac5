/**
 * Fault injection (issue #15): the generated SDK (generated/sdk, from docs-src) against real
 * HTTP servers on 127.0.0.1 that misbehave the way production servers do. Waits between
 * retries go through an injected sleep that records them, so the suite stays fast.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationClient,
  ManagementClient,
  type ManagementClientOptions,
} from '../../generated/sdk/src/index.js';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

/** A server on 127.0.0.1 that records every request and answers with the handler the test set. */
class FaultServer {
  seen: Seen[] = [];
  handle: Handler = (_s, res) => json(res, 200, ok());
  origin = '';
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
        this.seen.push(seen);
        this.handle(seen, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server!.closeAllConnections();
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  calls(path: string): Seen[] {
    return this.seen.filter((seen) => seen.path.startsWith(path));
  }
}

const TOKEN = '/api/v3/get-management-token';
const ok = (data: unknown = {}) => ({ statusCode: 200, message: 'ok', data });
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const api = new FaultServer();
const elsewhere = new FaultServer();
let waits: number[] = [];
let tokens = 0;

/** Token endpoint answers `token-<n>`; every other path goes to `route`. */
function serve(route: Handler, token: (n: number, seen: Seen, res: ServerResponse) => void = (n, _s, res) => json(res, 200, ok({ access_token: `token-${n}`, expires_in: 7200 }))): void {
  api.handle = (seen, res) => {
    if (seen.path.startsWith(TOKEN)) token(++tokens, seen, res);
    else route(seen, res);
  };
}

/** Answers with each handler in turn, the last one for every further request. */
function sequence(...handlers: Handler[]): Handler {
  let index = 0;
  return (seen, res) => handlers[Math.min(index++, handlers.length - 1)]!(seen, res);
}

const client = (options: Partial<ManagementClientOptions> = {}) =>
  new ManagementClient({
    accessKeyId: 'key-id',
    accessKeySecret: 'very-secret',
    host: api.origin,
    timeout: 2000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...options,
  });

const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

const apiCalls = () => api.seen.filter((seen) => !seen.path.startsWith(TOKEN));

beforeAll(async () => {
  await api.start();
  await elsewhere.start();
});

afterAll(async () => {
  await api.stop();
  await elsewhere.stop();
});

beforeEach(() => {
  api.seen = [];
  elsewhere.seen = [];
  elsewhere.handle = (_s, res) => json(res, 200, ok({ access_token: 'attacker-token', expires_in: 7200 }));
  waits = [];
  tokens = 0;
  serve((_s, res) => json(res, 200, ok()));
});

describe('1. a rejected token is replaced', () => {
  it('HTTP 401: invalidates the token, fetches a new one once, retries the call once', async () => {
    serve(sequence((_s, res) => json(res, 401, { statusCode: 401, message: 'token expired' }), (_s, res) => json(res, 200, ok({ webhookId: 'w' }))));
    const result = await client().getWebhook({ webhookId: 'w' });
    expect(result.data.webhookId).toBe('w');
    expect(tokens).toBe(2);
    expect(apiCalls().map((s) => s.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('HTTP 200 with body statusCode 401: the same, also for a POST', async () => {
    serve(sequence((_s, res) => json(res, 200, { statusCode: 401, message: 'invalid token' }), (_s, res) => json(res, 200, ok({ webhookId: 'w' }))));
    const result = await client().createWebhook({ name: 'n', url: 'u', events: [], contentType: 'application/json' });
    expect(result.data.webhookId).toBe('w');
    expect(apiCalls().map((s) => [s.method, s.headers.authorization, s.body !== ''])).toEqual([
      ['POST', 'Bearer token-1', true],
      ['POST', 'Bearer token-2', true],
    ]);
  });

  it('concurrent callers rejected together share one refresh', async () => {
    serve((seen, res) => (seen.headers.authorization === 'Bearer token-1' ? json(res, 401, { statusCode: 401 }) : json(res, 200, ok())));
    const c = client();
    await Promise.all(Array.from({ length: 20 }, () => c.getWebhookEventList()));
    expect(tokens).toBe(2);
    expect(apiCalls()).toHaveLength(40);
  });

  it('a second 401 after the refresh is an ApiError, not a loop', async () => {
    serve((_s, res) => json(res, 401, { statusCode: 401, message: 'no access', requestId: 'r-401' }));
    const error = await failure(client().getWebhookEventList());
    expect(error).toMatchObject({ statusCode: 401, httpStatus: 401, requestId: 'r-401', method: 'GET', path: '/api/v3/get-webhook-event-list' });
    expect([tokens, apiCalls().length]).toEqual([2, 2]);
  });

  it('a token response without expires_in is cached (default lifetime)', async () => {
    serve((_s, res) => json(res, 200, ok()), (n, _s, res) => json(res, 200, ok({ access_token: `token-${n}` })));
    const c = client();
    for (let i = 0; i < 3; i += 1) await c.getWebhookEventList();
    expect(tokens).toBe(1);
  });
});

describe('2. redirects are the runtime\'s', () => {
  it('a cross-origin 307 from the token endpoint is refused: the secret never leaves the origin', async () => {
    serve(
      (_s, res) => json(res, 200, ok()),
      (_n, _s, res) => res.writeHead(307, { location: `${elsewhere.origin}/steal` }).end(),
    );
    const error = await failure(client().getWebhookEventList());
    expect(error.message).toContain('redirect to another origin');
    expect(error).toMatchObject({ method: 'POST', path: TOKEN, httpStatus: 307 });
    expect(elsewhere.seen).toHaveLength(0);
    expect(apiCalls()).toHaveLength(0);
  });

  it('a cross-origin redirect of an API call sends no token there', async () => {
    serve((_s, res) => res.writeHead(302, { location: `${elsewhere.origin}/api/v3/get-webhook-event-list` }).end());
    const error = await failure(client().getWebhookEventList());
    expect(error.message).toContain(`redirect to another origin (${elsewhere.origin}) refused`);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('a same-origin 301 on a POST keeps the method and the body', async () => {
    serve((seen, res) =>
      seen.path === '/api/v3/create-webhook' ? res.writeHead(301, { location: '/api/v3/create-webhook-2' }).end() : json(res, 200, ok({ webhookId: 'moved' })),
    );
    const result = await client().createWebhook({ name: 'n', url: 'u', events: ['e'], contentType: 'application/json' });
    expect(result.data.webhookId).toBe('moved');
    const [first, second] = apiCalls();
    expect(second).toMatchObject({ method: 'POST', path: '/api/v3/create-webhook-2', body: first!.body });
    expect(second!.headers.authorization).toBe('Bearer token-1');
    expect(JSON.parse(second!.body)).toMatchObject({ name: 'n', events: ['e'] });
  });

  it('a redirect loop stops after maxRedirects hops with an ApiError', async () => {
    serve((seen, res) => res.writeHead(302, { location: seen.path }).end());
    const error = await failure(client({ retries: 0 }).getWebhookEventList());
    expect(error.message).toContain('more than 5 redirects');
    expect(apiCalls()).toHaveLength(6);
  });
});

describe('3. failures after the headers are ApiErrors, retried for idempotent calls', () => {
  const truncated: Handler = (_s, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000', 'x-request-id': 'r-cut' });
    res.write('{"statusCode":200,"da');
    setTimeout(() => res.socket?.destroy(), 10);
  };
  const slowBody: Handler = (_s, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-slow' });
    res.write('{"statusCode":');
    setTimeout(() => res.end('200}'), 1500);
  };

  it('a socket closed mid-body: ApiConnectionError; a GET is retried and succeeds', async () => {
    serve(sequence(truncated, (_s, res) => json(res, 200, ok({ webhookId: 'w' }))));
    expect((await client().getWebhook({ webhookId: 'w' })).data.webhookId).toBe('w');
    serve(truncated);
    const error = await failure(client({ retries: 1 }).getWebhookEventList());
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ httpStatus: 200, requestId: 'r-cut', method: 'GET', path: '/api/v3/get-webhook-event-list' });
    expect(error.message).toContain('while reading the response');
  });

  it('a socket closed mid-body on a POST is not retried', async () => {
    serve(truncated);
    const error = await failure(client({ retries: 3 }).deleteWebhook({ webhookIds: ['w'] }));
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(apiCalls()).toHaveLength(1);
  });

  it('a slow body: ApiTimeoutError within the attempt\'s limit; a GET is retried', async () => {
    serve(sequence(slowBody, (_s, res) => json(res, 200, ok())));
    await client().getWebhookEventList({ timeout: 100 });
    expect(apiCalls()).toHaveLength(2);
    serve(slowBody);
    const started = Date.now();
    const error = await failure(client({ retries: 0 }).getWebhookEventList({ timeout: 100 }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ httpStatus: 200, requestId: 'r-slow' });
    expect(error.message).toBe('GET /api/v3/get-webhook-event-list timed out after 100 ms while reading the response');
  });

  it('a token response without access_token is an ApiError naming the token request', async () => {
    serve(
      (_s, res) => json(res, 200, ok()),
      (_n, _s, res) => json(res, 200, ok({ expires_in: 7200 }), { 'x-request-id': 'r-tok' }),
    );
    const error = await failure(client().getWebhookEventList());
    expect(error).toMatchObject({ method: 'POST', path: TOKEN, httpStatus: 200, requestId: 'r-tok' });
    expect(error.message).toContain('token response without access_token');
    expect(apiCalls()).toHaveLength(0);
  });

  it('a request that cannot be built, or a redirect without a usable Location, is an ApiError, not retried', async () => {
    const notSent = await failure(client().triggerWebhook({ webhookId: 'w', requestBody: { size: 1n } }));
    expect(notSent.message).toContain('POST /api/v3/trigger-webhook: request not sent');
    expect(apiCalls()).toHaveLength(0);
    serve((_s, res) => res.writeHead(302, { location: 'http://[bad' }).end());
    const error = await failure(client().getWebhookEventList());
    expect(error.message).toContain('redirect without a usable Location');
    expect(apiCalls()).toHaveLength(1);
  });

  it('a refused connection: ApiConnectionError, retried for a GET', async () => {
    const closed = new FaultServer();
    await closed.start();
    const host = closed.origin;
    await closed.stop();
    const error = await failure(client({ host, retries: 2 }).getWebhookEventList());
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ statusCode: 0, httpStatus: 0, method: 'POST', path: TOKEN });
    expect(waits).toHaveLength(2);
  });
});

describe('4. rate limits', () => {
  it('429 is retried after Retry-After seconds, also for a POST', async () => {
    serve(sequence((_s, res) => json(res, 429, { message: 'slow down' }, { 'retry-after': '2' }), (_s, res) => json(res, 200, ok({ webhookId: 'w' }))));
    const result = await client().createWebhook({ name: 'n', url: 'u', events: [], contentType: 'application/json' });
    expect(result.data.webhookId).toBe('w');
    expect(waits).toEqual([2000]);
    expect(apiCalls()).toHaveLength(2);
  });

  it('Retry-After as an HTTP-date is honoured', async () => {
    const at = new Date(Date.now() + 3000).toUTCString();
    serve(sequence((_s, res) => json(res, 503, { message: 'busy' }, { 'retry-after': at }), (_s, res) => json(res, 200, ok())));
    await client().getWebhookEventList();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
  });

  it('a Retry-After beyond maxRetryAfter is not waited for: the 429 is the ApiError', async () => {
    serve((_s, res) => json(res, 429, { message: 'come back tomorrow' }, { 'retry-after': '86400', 'x-request-id': 'r-429' }));
    const error = await failure(client().getWebhookEventList());
    expect(error).toMatchObject({ statusCode: 429, httpStatus: 429, requestId: 'r-429', message: 'come back tomorrow' });
    expect(waits).toEqual([]);
  });

  it('a 503 from the token endpoint is retried', async () => {
    let first = true;
    serve(
      (_s, res) => json(res, 200, ok()),
      (n, _s, res) => {
        if (first) {
          first = false;
          json(res, 503, { message: 'busy' });
        } else json(res, 200, ok({ access_token: `token-${n}`, expires_in: 7200 }));
      },
    );
    await client().getWebhookEventList();
    expect(tokens).toBe(2);
    expect(apiCalls().map((s) => s.headers.authorization)).toEqual(['Bearer token-2']);
  });

  it('without Retry-After the backoff is exponential and jittered by the injected random', async () => {
    serve((_s, res) => json(res, 502, { message: 'bad gateway' }));
    const randoms = [0, 0.999, 0.5];
    await failure(client({ retries: 3, retryDelay: 100, random: () => randoms.shift()! }).getWebhookEventList());
    expect(waits).toEqual([50, 200, 300]);
    expect(apiCalls()).toHaveLength(4);
  });
});

describe('5. headers merge case-insensitively; the SDK\'s own cannot be overridden by accident', () => {
  it('a caller\'s Authorization and Content-Type are dropped, other headers merge by name', async () => {
    const c = client({ headers: { Authorization: 'Bearer EVIL', 'X-Trace': 'client', 'Content-Type': 'text/plain' } });
    await c.createWebhook({ name: 'n', url: 'u', events: [], contentType: 'application/json' }, { headers: { AUTHORIZATION: 'Bearer EVIL2', 'x-trace': 'call' } });
    const [seen] = apiCalls();
    expect(seen!.headers.authorization).toBe('Bearer token-1');
    expect(seen!.headers['content-type']).toBe('application/json');
    expect(seen!.headers['x-trace']).toBe('call');
  });

  it('the app id cannot be spoofed by a caller\'s header', async () => {
    class Probe extends AuthenticationClient {
      call(headers: Record<string, string>) {
        return this.request({ method: 'GET', path: '/api/v3/get-profile', options: { headers } });
      }
    }
    await new Probe({ appId: 'app1', host: api.origin, accessToken: 'user-token', headers: { 'X-Authing-App-Id': 'spoofed' } }).call({ Authorization: 'Bearer EVIL' });
    expect(api.seen[0]!.headers['x-authing-app-id']).toBe('app1');
    expect(api.seen[0]!.headers.authorization).toBe('user-token');
    // Without a token of its own the SDK sends none, and a GET no content type, whatever the caller's headers say.
    await new Probe({ appId: 'app1', host: api.origin }).call({ Authorization: 'Bearer EVIL', 'Content-Type': 'text/plain' });
    expect(api.seen[1]!.headers.authorization).toBeUndefined();
    expect(api.seen[1]!.headers['content-type']).toBeUndefined();
  });

  it('overrideHeaders replaces an SDK header on purpose', async () => {
    await client().getWebhookEventList({ overrideHeaders: { Authorization: 'Bearer on-purpose' } });
    expect(apiCalls()[0]!.headers.authorization).toBe('Bearer on-purpose');
  });
});

describe('6. limits and bodies', () => {
  it('a 50 MB streamed response stops at maxResponseBytes without reading the rest', async () => {
    let written = 0;
    serve((_s, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (written < 50 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const error = await failure(client({ maxResponseBytes: 1024 * 1024 }).getWebhookEventList());
    expect(error.message).toBe('GET /api/v3/get-webhook-event-list: response body larger than 1048576 bytes');
    expect(error.httpStatus).toBe(200);
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it('a declared Content-Length over the default 10 MiB limit is refused before the body', async () => {
    serve((_s, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      res.write('{');
    });
    const error = await failure(client().getWebhookEventList());
    expect(error.message).toContain('response body larger than 10485760 bytes');
  });

  it.each([
    ['an empty 200', (res: ServerResponse) => res.writeHead(200).end(), 'empty response body'],
    ['a 204', (res: ServerResponse) => res.writeHead(204).end(), 'empty response body'],
    ['a null body', (res: ServerResponse) => json(res, 200, null), 'response body is null'],
    ['a string body', (res: ServerResponse) => json(res, 200, 'ok'), 'response body is string'],
  ])('%s where the docs describe a body is an ApiError', async (_name, answer, message) => {
    serve((_s, res) => answer(res));
    const error = await failure(client().getWebhookEventList());
    expect(error.message).toContain(message);
    expect(error.path).toBe('/api/v3/get-webhook-event-list');
  });
});

describe('7. per-call options', () => {
  it('signal: aborting mid-request rejects with ApiAbortError and is not retried', async () => {
    serve((_s, res) => setTimeout(() => json(res, 200, ok()), 1000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client().getWebhookEventList({ signal: controller.signal }));
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(apiCalls()).toHaveLength(1);
  });

  it('signal: aborting during the wait before a retry stops it at once', async () => {
    serve((_s, res) => json(res, 503, { message: 'busy' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(client({ sleep: undefined, retryDelay: 10_000 }).getWebhookEventList({ signal: controller.signal }));
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('timeout: 0 and Infinity mean no limit (a timer cannot wait past 2^31-1 ms), and a NaN retry count is the default', async () => {
    serve((_s, res) => setTimeout(() => json(res, 200, ok()), 50));
    await client({ timeout: 0 }).getWebhookEventList();
    await client({ timeout: Number.POSITIVE_INFINITY }).getWebhookEventList();
    await client().getWebhookEventList({ timeout: 2 ** 40 });
    expect(apiCalls()).toHaveLength(3);
    serve(sequence((_s, res) => json(res, 503, { statusCode: 503, message: 'busy' }), (_s, res) => json(res, 200, ok())));
    await client({ retries: Number.NaN }).getWebhookEventList();
    expect(apiCalls()).toHaveLength(3 + 2);
  });

  it('timeout: a per-call limit overrides the client\'s', async () => {
    serve((_s, res) => setTimeout(() => json(res, 200, ok()), 300));
    const error = await failure(client({ timeout: 5000 }).getWebhookEventList({ timeout: 50, retries: 0 }));
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error.message).toBe('GET /api/v3/get-webhook-event-list timed out after 50 ms');
  });
});

describe('8. secrets stay out of errors and URLs', () => {
  it('no error above carries the key secret or a token; no URL carries the secret', async () => {
    const errors: ApiError[] = [];
    serve((_s, res) => json(res, 500, { message: 'boom' }), (_n, _s, res) => res.writeHead(307, { location: `${elsewhere.origin}/x` }).end());
    errors.push(await failure(client().getWebhookEventList()));
    serve((_s, res) => json(res, 500, { message: 'boom' }));
    errors.push(await failure(client().getWebhookEventList()));
    serve((_s, res) => json(res, 200, ok()), (_n, _s, res) => json(res, 200, ok({})));
    errors.push(await failure(client().getWebhookEventList()));
    for (const error of errors) {
      const text = `${String(error)} ${JSON.stringify(error)} ${error.stack ?? ''}`;
      expect(text).not.toContain('very-secret');
      expect(text).not.toContain('token-1');
    }
    expect(api.seen.every((seen) => !seen.path.includes('very-secret'))).toBe(true);
  });
});

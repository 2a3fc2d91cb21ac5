/**
 * The contract, checked by a tool none of us wrote: the generated SDK (generated/sdk, from
 * docs-src) calls every docs-src operation with the values the docs give as examples,
 * against a Prism mock of the exported openapi.json on 127.0.0.1, and Prism finds no
 * request violation (its `sl-violations` header). So the SDK, the docs and the spec agree.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManagementClient } from '../../generated/sdk/src/index.js';
import type { Ir, JsonValue, Operation } from '../../generator/ir/types.js';
import { REPO_ROOT } from '../helpers/shared.js';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const STARTUP_MS = 30_000;

const ir = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/ir.json'), 'utf8')) as Ir;
const document = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));

interface Call {
  method: string;
  url: string;
  status: number;
  /** Prism's findings on the request (`location[0] === 'request'`). */
  requestViolations: unknown[];
}

let prism: ChildProcess | undefined;
let host = '';
let dir = '';
let log = '';
const calls: Call[] = [];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docs-to-sdk-prism-'));
  const spec = join(dir, 'openapi.json');
  writeFileSync(spec, JSON.stringify(document));
  const port = await freePort();
  host = `http://127.0.0.1:${port}`;
  prism = spawn(process.execPath, [PRISM, 'mock', spec, '--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => (log += chunk.toString('utf8'));
  prism.stdout!.on('data', collect);
  prism.stderr!.on('data', collect);
  const deadline = Date.now() + STARTUP_MS;
  while (!/listening on/i.test(log)) {
    if (prism.exitCode !== null || Date.now() > deadline) throw new Error(`prism did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, STARTUP_MS + 5_000);

afterAll(() => {
  prism?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The SDK's fetch: the management token (an endpoint of the runtime, not a docs-src
 * operation) is answered here; every other call goes to Prism, and what Prism found is kept.
 */
const recordingFetch: typeof fetch = async (input, init) => {
  const url = String(input);
  if (new URL(url).pathname === '/api/v3/get-management-token') {
    return new Response(JSON.stringify({ statusCode: 200, message: 'ok', data: { access_token: 'mock-token', expires_in: 7200 } }), { headers: { 'content-type': 'application/json' } });
  }
  const response = await fetch(input, init);
  const header = response.headers.get('sl-violations');
  const violations = header ? (JSON.parse(header) as { location?: string[] }[]) : [];
  calls.push({ method: init?.method ?? 'GET', url, status: response.status, requestViolations: violations.filter((v) => v.location?.[0] === 'request') });
  return response;
};

/** The request as the docs' examples spell it: every field that has an example. */
function sampleArguments(operation: Operation): Record<string, JsonValue> {
  const values: Record<string, JsonValue> = {};
  for (const field of operation.request.fields) if (field.example !== undefined) values[field.name] = field.example;
  return values;
}

describe('the SDK against a Prism mock of openapi.json (docs-src)', () => {
  const client = () => new ManagementClient({ accessKeyId: 'id', accessKeySecret: 'secret', host, fetch: recordingFetch, retries: 0 });

  it('documents a sample value for every required request field', () => {
    const lacking = ir.operations.flatMap((op) => op.request.fields.filter((f) => f.required && f.example === undefined).map((f) => `${op.id} ${f.name}`));
    expect(lacking).toEqual([]);
  });

  it.each(ir.operations.map((op) => [op.id, op] as const))('%s: Prism finds no request violation', async (_id, operation) => {
    const name = operation.methodNames.node!;
    const sdk = client() as unknown as Record<string, (args?: unknown) => Promise<unknown>>;
    expect(typeof sdk[name], `the SDK has no method ${name}`).toBe('function');
    const before = calls.length;
    const result = await sdk[name]!(operation.request.fields.length > 0 ? sampleArguments(operation) : undefined);
    if (operation.implementation === 'custom') {
      // Custom code (docs-src/sdk-custom) makes the calls it makes: each must be one the spec holds.
      for await (const _item of result as AsyncIterable<unknown>) if (calls.length - before > 10) break;
      const made = calls.slice(before);
      expect(made.length).toBeGreaterThan(0);
      for (const call of made) expect([call.status, call.requestViolations], log).toEqual([200, []]);
      return;
    }
    const made = calls.slice(before);
    expect(made).toHaveLength(1);
    expect(made[0]!.requestViolations, log).toEqual([]);
    expect(made[0]!.status).toBe(200);
    // Prism answers with the docs' example response, which the SDK hands back as it came.
    if (operation.response.example !== undefined) expect(result).toEqual(operation.response.example);
  });

  it('the mock does report a violation when the request breaks the spec (the check can fail)', async () => {
    const sdk = client() as unknown as Record<string, (args: unknown) => Promise<unknown>>;
    const before = calls.length;
    await expect(sdk.createWebhook!({ name: 'no url, events or content type' })).rejects.toThrow();
    expect(calls.slice(before)[0]!.status).toBe(422);
  });
});

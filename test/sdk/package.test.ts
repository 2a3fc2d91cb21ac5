/**
 * The generated SDK as a published package: built with its own build script, then used by
 * name through `require` and `import` in child Node processes (the `exports` conditions, not
 * file paths), against a real server on 127.0.0.1; and type-checked from .cts and .mts code.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';
import { typeCheck } from '../helpers/typecheck.js';

const run = promisify(execFile);
const SDK = join(REPO_ROOT, 'generated/sdk');
const NAME = (JSON.parse(readFileSync(join(SDK, 'package.json'), 'utf8')) as { name: string }).name;

let root: string;
let server: Server;
let host: string;

/** One call that succeeds and one that fails, in the module system of the file. */
const consumer = (load: string) => `${load}
const client = new ManagementClient({ accessKeyId: 'id', accessKeySecret: 'secret', host: process.env.SDK_HOST, retries: 0 });
client.getWebhookEventList().then(async (ok) => {
  const failed = await client.getWebhook({ webhookId: 'missing' }).catch((error) => error);
  console.log(JSON.stringify({ ok: ok.statusCode, apiError: failed instanceof ApiError, status: failed.statusCode, literal: Models.CreateWebhookDto.contentType.APPLICATION_JSON }));
});
`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-package-'));
  // Built outside node_modules (tsc treats sources under node_modules as another package's), then linked in by name.
  cpSync(SDK, join(root, 'pkg'), { recursive: true });
  await run('npm', ['run', 'build', '--silent'], { cwd: join(root, 'pkg'), env: { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env.PATH}` } });
  mkdirSync(join(root, 'node_modules'));
  symlinkSync(join(root, 'pkg'), join(root, 'node_modules', NAME), 'dir');
  server = createServer((req, res) => {
    const body = req.url?.startsWith('/api/v3/get-management-token')
      ? { statusCode: 200, data: { access_token: 't', expires_in: 60 } }
      : req.url?.startsWith('/api/v3/get-webhook?')
        ? { statusCode: 404, message: 'not found' }
        : { statusCode: 200, data: {} };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

describe('the built SDK package', () => {
  // `require` of an ES module works on Node ≥ 20.19 only: the flag makes this Node behave like the 18.17 that engines allows.
  it.each([
    ['require', 'consumer.cjs', `const { ManagementClient, ApiError, Models } = require('${NAME}');`, ['--no-experimental-require-module']],
    ['import', 'consumer.mjs', `import { ManagementClient, ApiError, Models } from '${NAME}';`, []],
  ])('works through %s', async (_how, file, load, flags) => {
    writeFileSync(join(root, file), consumer(load));
    const { stdout } = await run(process.execPath, [...flags, join(root, file)], { cwd: root, env: { ...process.env, SDK_HOST: host } });
    expect(JSON.parse(stdout)).toEqual({ ok: 200, apiError: true, status: 404, literal: 'application/json' });
  });

  it('declares engines that its code keeps (no AbortSignal.any, Node ≥ 18.17)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe('>=18.17');
    const code = readFileSync(join(root, 'pkg/dist/esm/http/HttpClient.js'), 'utf8');
    expect(code).not.toMatch(/AbortSignal\.any\(/);
  });

  it('types model imports from the root for CommonJS and ESM consumers', () => {
    const code = `import { ManagementClient, type CreateWebhookDto, type CallOptions } from '${NAME}';
const dto: CreateWebhookDto = { name: 'n', url: 'u', events: [], contentType: 'application/json' };
const options: CallOptions = { timeout: 100 };
export const created = new ManagementClient({ accessKeyId: 'a', accessKeySecret: 'b' }).createWebhook(dto, options);
`;
    writeFileSync(join(root, 'types.cts'), code);
    writeFileSync(join(root, 'types.mts'), code);
    expect(typeCheck([join(root, 'types.cts'), join(root, 'types.mts')])).toEqual([]);
  });
});

/** The CLI as users run it: exit codes, diagnostic format, summary line, the IR file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, main } from '../../generator/cli/main.js';
import { REPO_ROOT } from '../helpers/shared.js';

const GOOD_PAGE = `# 删除某个东西

用我们自己的话写的说明。

## 方法名称

\`ManagementClient.deleteThing\`

## 请求参数

| 名称 | 类型 | <div style="width:80px">是否必填</div> | <div style="width:60px">默认值</div> | <div style="width:300px">描述</div> | <div style="width:200px">示例值</div> |
| ---- | ---- | ---- | ---- | ---- | ---- |
| thingId | string | 是 | - | 要删除的东西  | \`t-1\` |

## 请求响应

类型： \`IsSuccessRespDto\`

| 名称 | 类型 | 描述 |
| ---- | ---- | ---- |
| statusCode | number | 状态码 |
`;

function docsFolder(pages: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-cli-'));
  for (const [file, content] of Object.entries(pages)) {
    mkdirSync(join(root, 'docs', file, '..'), { recursive: true });
    writeFileSync(join(root, 'docs', file), content);
  }
  return root;
}

/** main() as the CLI calls it: what it prints reaches stdout (in one write, at the end). */
async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    const code = await main(args);
    return { code, lines: chunks.join('').split('\n').filter((line) => line !== '') };
  } finally {
    process.stdout.write = original;
  }
}

describe('docs-to-sdk generate', () => {
  it('writes the IR and exits 0 when the docs have no errors', async () => {
    const root = docsFolder({ 'node/management/t/delete-thing.md': GOOD_PAGE });
    const { code, lines } = await run(['generate', '--docs', join(root, 'docs'), '--out', join(root, 'out'), '--only', 'ir,sdk']);
    expect(code).toBe(EXIT_OK);
    expect(lines.at(-1)).toMatch(/^1 pages, 1 operations, 0 models, \d+ files written, 0 unchanged, 0 removed, 0 warnings, 0 errors, \d+\.\d\ds$/);
    const ir = JSON.parse(readFileSync(join(root, 'out/ir.json'), 'utf8'));
    expect(ir.irVersion).toBe(2);
    expect(ir.operations[0].id).toBe('management/delete-thing');
  });

  it('--only openapi writes openapi.json alone', async () => {
    const root = docsFolder({ 'node/management/t/delete-thing.md': GOOD_PAGE });
    const { code } = await run(['generate', '--docs', join(root, 'docs'), '--out', join(root, 'out'), '--only', 'openapi', '--no-cache']);
    expect(code).toBe(EXIT_OK);
    expect(readdirSync(join(root, 'out'))).toEqual(['openapi.json']);
    const document = JSON.parse(readFileSync(join(root, 'out/openapi.json'), 'utf8'));
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/v3/delete-thing'].post.operationId).toBe('deleteThing');
  });

  it('prints tsc-style diagnostics and exits 1 on errors, still writing the good pages', async () => {
    const root = docsFolder({
      'node/management/t/delete-thing.md': GOOD_PAGE,
      'node/management/t/broken.md': Buffer.from([0x23, 0x00, 0x01, 0x02]),
    });
    const irFile = join(root, 'ir.json');
    const { code, lines } = await run(['generate', '--docs', join(root, 'docs'), '--ir', irFile, '--out', join(root, 'out'), '--only', 'ir,sdk']);
    expect(code).toBe(EXIT_FAILED);
    expect(lines).toContain('node/management/t/broken.md:1:1: error PAGE_BINARY file is binary (contains NUL bytes), not a Markdown page');
    expect(lines.at(-1)).toMatch(/^2 pages, 1 operations, 0 models, .*, 0 warnings, 1 errors/);
    expect(JSON.parse(readFileSync(irFile, 'utf8')).operations).toHaveLength(1);
  });

  it('exits 2 on usage errors: unknown option, missing docs folder, invalid config', async () => {
    expect((await run(['generate', '--no-such-option'])).code).toBe(EXIT_USAGE);
    expect((await run(['generate', '--docs', '/definitely/not/here'])).code).toBe(EXIT_USAGE);
    const root = docsFolder({ 'node/management/t/delete-thing.md': GOOD_PAGE });
    writeFileSync(join(root, 'bad.json'), JSON.stringify({ operations: { 'management/delete-thing': { http: { method: 'PUT' } } } }));
    const bad = await run(['generate', '--docs', join(root, 'docs'), '--out', join(root, 'out'), '--config', join(root, 'bad.json')]);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.lines.join('\n')).toMatch(/invalid config: \/operations\/management~1delete-thing\/http\/method must be equal to one of the allowed values/);
  });

  it('applies config overrides to an operation', async () => {
    const root = docsFolder({ 'node/management/t/delete-thing.md': GOOD_PAGE });
    const config = join(root, 'config.json');
    writeFileSync(config, JSON.stringify({ operations: { 'management/delete-thing': { http: { method: 'GET' }, request: { style: 'query', typeName: 'RemoveThingDto' } } } }));
    const { code } = await run(['generate', '--docs', join(root, 'docs'), '--out', join(root, 'out'), '--config', config]);
    expect(code).toBe(EXIT_OK);
    const [operation] = JSON.parse(readFileSync(join(root, 'out/ir.json'), 'utf8')).operations;
    expect(operation.http).toEqual({ method: 'GET', path: '/api/v3/delete-thing' });
    expect(operation.request).toMatchObject({ style: 'query', typeName: 'RemoveThingDto' });
  });

  it('runs as `npm run generate` in a child process', async () => {
    const root = docsFolder({ 'node/management/t/delete-thing.md': GOOD_PAGE });
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'generate', '--', '--docs', join(root, 'docs'), '--out', join(root, 'out')], { cwd: REPO_ROOT });
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^1 pages, 1 operations/);
  });

  it('gives the same output from the precompiled bundle (a child process) as from the sources', async () => {
    // The bundle brings the templates and the IR schema check precompiled, the sources compile them.
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-bundle-'));
    const fromBundle = join(root, 'bundle');
    const fromSources = join(root, 'sources');
    const docs = join(REPO_ROOT, 'docs-src');
    await promisify(execFile)(process.execPath, ['bin/docs-to-sdk.js', 'generate', '--docs', docs, '--out', fromBundle, '--no-cache', '--quiet'], { cwd: REPO_ROOT });
    expect((await run(['generate', '--docs', docs, '--out', fromSources, '--no-cache', '--quiet'])).code).toBe(EXIT_OK);
    const files = (dir: string): string[] => (readdirSync(dir, { recursive: true }) as string[]).filter((file) => statSync(join(dir, file)).isFile()).sort();
    expect(files(fromBundle)).toEqual(files(fromSources));
    expect(files(fromBundle).length).toBeGreaterThan(100);
    for (const file of files(fromSources)) expect(readFileSync(join(fromBundle, file), 'utf8'), file).toBe(readFileSync(join(fromSources, file), 'utf8'));
  });
});

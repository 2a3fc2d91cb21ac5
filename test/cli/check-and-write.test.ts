/** --check, atomic writes, determinism, --strict, --json and --only: the CI-facing behaviour. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, main } from '../../generator/cli/main.js';
import { commitTree, listFiles } from '../../generator/cli/write.js';
import { REPO_ROOT } from '../helpers/shared.js';

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(args, (line) => lines.push(line));
  return { code, lines };
}

/** A scratch copy of docs-src and a fresh output folder. */
function workspace(): { docs: string; out: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-check-'));
  cpSync(join(REPO_ROOT, 'docs-src'), join(root, 'docs'), { recursive: true });
  return { root, docs: join(root, 'docs'), out: join(root, 'out') };
}

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
    })
    .sort(([a], [b]) => (a! < b! ? -1 : 1)));

describe('generate --check', () => {
  it('exits 0 and writes nothing when the output is up to date', async () => {
    const { docs, out } = workspace();
    expect((await run(['generate', '--docs', docs, '--out', out])).code).toBe(EXIT_OK);
    const before = snapshot(out);
    const { code, lines } = await run(['generate', '--docs', docs, '--out', out, '--check']);
    expect(code).toBe(EXIT_OK);
    expect(lines.at(-1)).toMatch(/0 files would change, \d+ unchanged, 0 would be removed/);
    expect(snapshot(out)).toEqual(before);
  });

  it('names one changed, one added and one removed file, shows a diff, exits 1 and writes nothing', async () => {
    const { docs, out } = workspace();
    await run(['generate', '--docs', docs, '--out', out]);
    writeFileSync(join(out, 'sdk/src/index.ts'), `${readFileSync(join(out, 'sdk/src/index.ts'), 'utf8')}// hand edit\n`);
    rmSync(join(out, 'sdk/src/models/Any.ts'));
    writeFileSync(join(out, 'sdk/src/models/Leftover.ts'), 'export type Leftover = 1;\n');
    const before = snapshot(out);
    const { code, lines } = await run(['generate', '--docs', docs, '--out', out, '--check']);
    expect(code).toBe(EXIT_FAILED);
    expect(lines).toContain(`${out} is out of date: 1 changed, 1 added, 1 removed (run \`npm run generate\` and commit the result)`);
    expect(lines).toContain('  changed: sdk/src/index.ts');
    expect(lines).toContain('  added:   sdk/src/models/Any.ts');
    expect(lines).toContain('  removed: sdk/src/models/Leftover.ts');
    expect(lines.join('\n')).toContain('-// hand edit');
    expect(snapshot(out)).toEqual(before);
  });

  it('prints the paths of a diff as UTF-8, not as octal escapes', async () => {
    const { docs, out } = workspace();
    await run(['generate', '--docs', docs, '--out', out]);
    const page = 'docs/zh/node/management/管理-webhook/get-webhook.md';
    writeFileSync(join(out, page), `${readFileSync(join(out, page), 'utf8')}手改\n`);
    rmSync(join(out, 'docs/zh/node/management/管理-webhook/delete-webhook.md'));
    const { code, lines: printed } = await run(['generate', '--docs', docs, '--out', out, '--check']);
    expect(code).toBe(EXIT_FAILED);
    const lines = printed.join('\n').split('\n');
    expect(lines).toContain(`--- a/${page}`);
    expect(lines).toContain(`+++ b/${page}`);
    expect(lines).toContain('-手改');
    expect(lines).toContain('+++ b/docs/zh/node/management/管理-webhook/delete-webhook.md');
    expect(lines.join('\n')).not.toMatch(/\\\d{3}/);
  });

  it('shows the diff of a hand-edited docs page the cache holds (the diff is of the page as it is on disk)', async () => {
    const { docs, out, root } = workspace();
    const cache = join(root, 'cache');
    expect((await run(['generate', '--docs', docs, '--out', out, '--cache-dir', cache])).code).toBe(EXIT_OK);
    const page = join(out, 'docs/en/node/management/管理-webhook/get-webhook.md');
    const original = readFileSync(page, 'utf8');
    writeFileSync(page, original.replace(/^# (.*)$/m, '# $1 (hand edit)'));
    const { code, lines } = await run(['generate', '--docs', docs, '--out', out, '--cache-dir', cache, '--check']);
    expect(code).toBe(EXIT_FAILED);
    expect(lines).toContain('  changed: docs/en/node/management/管理-webhook/get-webhook.md');
    const title = /^# (.*)$/m.exec(original)![1]!;
    expect(lines.join('\n')).toContain(`-# ${title} (hand edit)`);
    expect(lines.join('\n')).toContain(`+# ${title}`);
  });

  it('writes no cache: none when there was none, and the one a generate left stays as it was', async () => {
    const { docs, out, root } = workspace();
    const cache = join(root, 'cache');
    expect((await run(['generate', '--docs', docs, '--out', out, '--cache-dir', cache, '--check'])).code).toBe(EXIT_FAILED);
    expect(existsSync(cache)).toBe(false);
    expect((await run(['generate', '--docs', docs, '--out', out, '--cache-dir', cache])).code).toBe(EXIT_OK);
    const files = (): Record<string, string> =>
      Object.fromEntries(readdirSync(cache).sort().map((name) => [name, readFileSync(join(cache, name)).toString('base64')]));
    const before = files();
    const page = join(docs, 'en/node/management/管理-webhook/get-webhook.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.*)$/m, '# $1 (edited)'));
    expect((await run(['generate', '--docs', docs, '--out', out, '--cache-dir', cache, '--check'])).code).toBe(EXIT_FAILED);
    expect(files()).toEqual(before);
  });

  it('detects drift caused by a docs change', async () => {
    const { docs, out } = workspace();
    await run(['generate', '--docs', docs, '--out', out]);
    const page = join(docs, 'en/node/management/管理-webhook/get-webhook.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('# ', '# Fetch: '));
    const { code, lines } = await run(['generate', '--docs', docs, '--out', out, '--check', '--json']);
    expect(code).toBe(EXIT_FAILED);
    const drift = lines.map((line) => JSON.parse(line)).find((entry) => entry.type === 'drift');
    expect(drift.changed).toEqual([
      ...['csharp', 'go', 'java', 'node', 'php', 'python'].map((sdk) => `docs/en/${sdk}/management/管理-webhook/get-webhook.md`),
      'docs/en/sidebar.json',
      'ir.json',
      // The operation's summary, and the version in info.
      'openapi.json',
      // A title is prose: the SDK's version moves by a patch, and the changelog says so.
      'sdk/package.json',
      'sdk/src/ManagementClient.ts',
    ]);
    expect(drift.added).toEqual(['sdk/CHANGELOG.md']);
  });
});

describe('generate writes', () => {
  it('is deterministic: two runs into two folders are byte-identical', async () => {
    const { docs, root } = workspace();
    await run(['generate', '--docs', docs, '--out', join(root, 'a')]);
    await run(['generate', '--docs', docs, '--out', join(root, 'b')]);
    expect(snapshot(join(root, 'a'))).toEqual(snapshot(join(root, 'b')));
    expect(Object.keys(snapshot(join(root, 'a'))).length).toBeGreaterThan(30);
  });

  it('removes files that no longer correspond to any page and leaves unmanaged files alone', async () => {
    const { docs, out } = workspace();
    await run(['generate', '--docs', docs, '--out', out]);
    writeFileSync(join(out, 'NOTES.md'), 'kept\n');
    rmSync(join(docs, 'zh/node/management/管理-webhook/trigger-webhook.md'));
    rmSync(join(docs, 'en/node/management/管理-webhook/trigger-webhook.md'));
    const { lines } = await run(['generate', '--docs', docs, '--out', out]);
    expect(lines.at(-1)).toMatch(/[1-9]\d* removed/);
    expect(existsSync(join(out, 'sdk/src/models/TriggerWebhookDto.ts'))).toBe(false);
    expect(readFileSync(join(out, 'NOTES.md'), 'utf8')).toBe('kept\n');
  });

  it('leaves the previous output intact when writing fails part-way', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-atomic-'));
    const out = join(root, 'generated');
    mkdirSync(join(out, 'sdk/src'), { recursive: true });
    writeFileSync(join(out, 'sdk/src/old.ts'), 'old\n');
    writeFileSync(join(out, 'ir.json'), '{"old":true}\n');
    // `sdk/x` as a file and as a folder: the second write fails after the first succeeded.
    const files = new Map([['ir.json', 'new\n'], ['sdk/x', 'file\n'], ['sdk/x/y.ts', 'nested\n']]);
    await expect(commitTree(out, files, ['ir.json', 'sdk'])).rejects.toThrow();
    expect(await listFiles(out)).toEqual(['ir.json', 'sdk/src/old.ts']);
    expect(readFileSync(join(out, 'ir.json'), 'utf8')).toBe('{"old":true}\n');
    expect(readdirSync(root)).toEqual(['generated']);
  });

  it('moves single changed files in, into folders that are new too, and keeps the rest as it was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-single-'));
    const out = join(root, 'generated');
    const files = new Map<string, string>();
    for (let index = 0; index < 12; index += 1) files.set(`docs/zh/tag-${index % 3}/page-${index}.md`, `page ${index}\n`);
    await commitTree(out, files, ['docs']);
    // Two of thirteen files change or are new (one in a new folder), one goes: not enough to swap the entry whole.
    const next = new Map(files);
    next.set('docs/zh/tag-0/page-0.md', 'page 0, edited\n');
    next.set('docs/en/new-tag/deep/page.md', 'new\n');
    next.delete('docs/zh/tag-2/page-11.md');
    const result = await commitTree(out, next, ['docs']);
    expect(result).toMatchObject({ written: 2, removed: 1, unchanged: 10 });
    expect(snapshot(out)).toEqual(Object.fromEntries([...next].sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(Object.keys(result.stamps).sort()).toEqual([...next.keys()].sort());
    expect(readdirSync(root)).toEqual(['generated']);
  });

  it('--only ir writes just the IR; --ir sends it elsewhere', async () => {
    const { docs, out, root } = workspace();
    expect((await run(['generate', '--docs', docs, '--out', out, '--only', 'ir'])).code).toBe(EXIT_OK);
    expect(readdirSync(out)).toEqual(['ir.json']);
    await run(['generate', '--docs', docs, '--out', out, '--only', 'sdk', '--ir', join(root, 'elsewhere.json')]);
    expect(existsSync(join(root, 'elsewhere.json'))).toBe(false);
    await run(['generate', '--docs', docs, '--out', out, '--ir', join(root, 'elsewhere.json')]);
    expect(JSON.parse(readFileSync(join(root, 'elsewhere.json'), 'utf8')).operations).toHaveLength(9);
    expect((await run(['generate', '--docs', docs, '--only', 'pdf'])).code).toBe(EXIT_USAGE);
  });

  it('--only docs writes just the docs pages: 8 operations × 6 SDK languages × 2 locales, the custom one in node only, and a sidebar per locale', async () => {
    const { docs, out } = workspace();
    expect((await run(['generate', '--docs', docs, '--out', out, '--only', 'docs'])).code).toBe(EXIT_OK);
    expect(readdirSync(out)).toEqual(['docs']);
    const files = await listFiles(out);
    expect(files.filter((file) => file.endsWith('.md'))).toHaveLength(8 * 6 * 2 + 2);
    expect(files).toContain('docs/zh/sidebar.json');
    expect(files).toContain('docs/en/python/management/管理-webhook/get-webhook.md');
  });
});

describe('generate --strict and --json', () => {
  const warningPage = (root: string): string => {
    const docs = join(root, 'docs');
    mkdirSync(join(docs, 'node/management/t'), { recursive: true });
    writeFileSync(
      join(docs, 'node/management/t/get-part.md'),
      '# 读取零件\n\n## 方法名称\n\n`ManagementClient.getPart`\n\n## 请求参数\n\n| 名称 | 类型 | 是否必填 | 默认值 | 描述 | 示例值 |\n| ---- | ---- | ---- | ---- | ---- | ---- |\n| partId | string | 也许 | - | 零件 | `p1` |\n',
    );
    return docs;
  };

  it('passes warnings by default and fails them with --strict', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-strict-'));
    const docs = warningPage(root);
    const relaxed = await run(['generate', '--docs', docs, '--out', join(root, 'out'), '--only', 'ir,sdk']);
    expect(relaxed.code).toBe(EXIT_OK);
    expect(relaxed.lines[0]).toBe('node/management/t/get-part.md:11:1: warning REQUIRED_UNKNOWN field "partId": required cell "也许" is neither yes nor no; assuming no');
    expect((await run(['generate', '--docs', docs, '--out', join(root, 'out'), '--strict'])).code).toBe(EXIT_FAILED);
  });

  it('prints JSON lines: one per diagnostic and a summary', async () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-json-'));
    const docs = warningPage(root);
    const { lines } = await run(['generate', '--docs', docs, '--out', join(root, 'out'), '--json', '--only', 'ir,sdk']);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries[0]).toEqual({
      type: 'diagnostic', file: 'node/management/t/get-part.md', line: 11, column: 1, severity: 'warning', code: 'REQUIRED_UNKNOWN',
      message: 'field "partId": required cell "也许" is neither yes nor no; assuming no',
    });
    expect(entries.at(-1)).toMatchObject({ type: 'summary', pages: 1, operations: 1, warnings: 1, errors: 0 });
  });

  it('--quiet prints nothing when all is well', async () => {
    const { docs, out } = workspace();
    expect(await run(['generate', '--docs', docs, '--out', out, '--quiet'])).toEqual({ code: EXIT_OK, lines: [] });
  });
});

/**
 * The cache is a layer: it must never change the output. Warm runs equal cold runs; an
 * output edited by hand is repaired; a cache of another tool version is ignored; a
 * cached unit is reused exactly when its inputs did not change; a target on its own
 * thread gives what it gives inline, and its failure leaves the output as it was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/cli/generate.js';
import { main } from '../../generator/cli/main.js';
import { Reporter } from '../../generator/cli/reporter.js';
import { TARGET_NAMES } from '../../generator/emit/targets.js';
import { REPO_ROOT } from '../helpers/shared.js';

const DOCS_SRC = join(REPO_ROOT, 'docs-src');

function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(path, 'utf8'));
    }
  };
  walk(root, '');
  return files;
}

const run = (...args: string[]): Promise<number> => main(['generate', '--quiet', ...args], () => {});

const workDir = (): string => mkdtempSync(join(tmpdir(), 'docs-to-sdk-cache-'));

/** A copy of docs-src to edit. */
function docsCopy(work: string): string {
  const docs = join(work, 'docs');
  cpSync(DOCS_SRC, docs, { recursive: true });
  return docs;
}

function edit(file: string, from: RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

interface Shard {
  tool: string;
  entries: Map<string, unknown>;
}

/** Rewrites every shard of the store `name` (generator/cache/store.ts) in `cache`. */
function rewriteStore(cache: string, name: string, change: (shard: Shard) => Shard): number {
  const files = readdirSync(cache).filter((file) => file.startsWith(`${name}.`) && file.endsWith('.v8'));
  for (const file of files) writeFileSync(join(cache, file), serialize(change(deserialize(readFileSync(join(cache, file))) as Shard)));
  return files.length;
}

const POISON = 'stale output\n';

/** Every text a target's unit result holds, replaced by POISON (the shapes of the sdk and docs targets' results). */
function poisonUnits(shard: Shard): Shard {
  const poison = (files: [string, string][]): [string, string][] => files.map(([path]) => [path, POISON]);
  const entries = new Map([...shard.entries].map(([key, value]) => [key, Array.isArray(value) ? poison(value as [string, string][]) : { ...(value as object), files: poison((value as { files: [string, string][] }).files) }]));
  return { ...shard, entries };
}

describe('run cache', () => {
  it('gives byte-identical output warm (no change, one page changed) and cold', async () => {
    const work = workDir();
    const docs = docsCopy(work);
    const cache = join(work, 'cache');
    expect(await run('--docs', docs, '--out', join(work, 'cold'), '--no-cache')).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(tree(join(work, 'warm'))).toEqual(tree(join(work, 'cold')));

    // The cold run starts from the same previous output: a docs change moves the SDK's version from the previous ir.json.
    cpSync(join(work, 'warm'), join(work, 'cold2'), { recursive: true });
    edit(join(docs, 'zh/node/management/管理-webhook/create-webhook.md'), /^# (.*)$/m, '# $1（改）');
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'cold2'), '--no-cache')).toBe(0);
    expect(tree(join(work, 'warm'))).toEqual(tree(join(work, 'cold2')));
    expect(tree(join(work, 'warm'))).not.toEqual(tree(join(work, 'cold')));
  });

  it('prints the same diagnostics and summary when a run has nothing to do', async () => {
    const work = workDir();
    const docs = docsCopy(work);
    // A row typed by a data structure no page defines: a warning (TYPE_UNKNOWN_REF) to be printed by both runs.
    edit(join(docs, 'zh/node/management/管理-webhook/delete-webhook.md'), /(\| webhookIds \|.*\n)/, '$1| extra | NoSuchDto | 否 | - | 说明 | - |\n');
    const lines = async (): Promise<string[]> => {
      const printed: string[] = [];
      expect(await main(['generate', '--docs', docs, '--out', join(work, 'out'), '--cache-dir', join(work, 'cache')], (line) => printed.push(line))).toBe(0);
      return printed;
    };
    const first = await lines();
    const second = await lines();
    expect(first.some((line) => line.includes('warning TYPE_UNKNOWN_REF'))).toBe(true);
    expect(second.slice(0, -1)).toEqual(first.slice(0, -1));
    const counts = (summary: string) => summary.replace(/\d+ files written, \d+ unchanged.*$/, '');
    expect(counts(second.at(-1)!)).toBe(counts(first.at(-1)!));
    expect(second.at(-1)).toMatch(/ 0 files written, \d+ unchanged, 0 removed, [1-9]\d* warnings, 0 errors/);
  });

  /** docs-src generated once into a fresh folder with a fresh cache, and the tree it left. */
  const generatedOnce = async (): Promise<{ work: string; cache: string; out: string; before: Map<string, string> }> => {
    const work = workDir();
    const cache = join(work, 'cache');
    const out = join(work, 'out');
    expect(await run('--docs', DOCS_SRC, '--out', out, '--cache-dir', cache)).toBe(0);
    return { work, cache, out, before: tree(out) };
  };

  it('repairs an output edited by hand even when the inputs did not change', async () => {
    const { cache, out, before } = await generatedOnce();
    writeFileSync(join(out, 'ir.json'), '{}\n');
    rmSync(join(out, 'docs/en/sidebar.json'));
    writeFileSync(join(out, 'sdk/src/extra.ts'), 'export {};\n');
    expect(await run('--docs', DOCS_SRC, '--out', out, '--cache-dir', cache)).toBe(0);
    expect(tree(out)).toEqual(before);
  });

  it('repairs an output edited in place with its size and mtime restored (its ctime moved)', async () => {
    const { work, cache, out, before } = await generatedOnce();
    const file = join(out, 'sdk/src/index.ts');
    const reference = join(work, 'reference');
    // `cp -p` and `touch -r` keep the mtime to the nanosecond, as tools that restore one do (Node's utimes cannot).
    execFileSync('cp', ['-p', file, reference]);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/export/, 'EXPORT');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    execFileSync('touch', ['-r', reference, file]);
    expect(statSync(file).mtimeMs).toBe(statSync(reference).mtimeMs);
    expect(await run('--docs', DOCS_SRC, '--out', out, '--cache-dir', cache)).toBe(0);
    expect(tree(out)).toEqual(before);
  });

  it('ignores a cache written by another version of the tool', async () => {
    const { work, cache, before } = await generatedOnce();
    // The same inputs, keys and shape, but another tool fingerprint and poisoned contents.
    const otherTool = (shard: Shard): Shard => ({ ...shard, tool: 'another-version' });
    expect(rewriteStore(cache, 'target-sdk', (shard) => otherTool(poisonUnits(shard)))).toBeGreaterThan(0);
    expect(rewriteStore(cache, 'target-docs', (shard) => otherTool(poisonUnits(shard)))).toBeGreaterThan(0);
    const stalePages = (shard: Shard): Shard => {
      for (const result of shard.entries.values()) {
        const { page } = result as { page?: { summary?: string } };
        if (page) page.summary = 'stale';
      }
      return otherTool(shard);
    };
    expect(rewriteStore(cache, 'pages', stalePages)).toBeGreaterThan(0);
    const record = JSON.parse(readFileSync(join(cache, 'run.json'), 'utf8'));
    record.tool = 'another-version';
    record.run.operations = 999;
    writeFileSync(join(cache, 'run.json'), JSON.stringify(record));
    const lines: string[] = [];
    expect(await main(['generate', '--docs', DOCS_SRC, '--out', join(work, 'second'), '--cache-dir', cache], (line) => lines.push(line))).toBe(0);
    expect(tree(join(work, 'second'))).toEqual(before);
    expect(lines.at(-1)).not.toContain('999 operations');
  });

  it('treats a damaged cache as an empty one', async () => {
    const { work, cache, before } = await generatedOnce();
    for (const file of readdirSync(cache)) writeFileSync(join(cache, file), 'not a cache');
    expect(await run('--docs', DOCS_SRC, '--out', join(work, 'second'), '--cache-dir', cache)).toBe(0);
    expect(tree(join(work, 'second'))).toEqual(before);
  });
});

describe('unit cache', () => {
  it('reuses exactly the units whose inputs did not change: poisoned entries show up only where nothing changed', async () => {
    const work = workDir();
    const docs = docsCopy(work);
    const cache = join(work, 'cache');
    const out = join(work, 'out');
    expect(await run('--docs', docs, '--out', out, '--cache-dir', cache)).toBe(0);
    const first = tree(out);
    // The cold run below starts from the same previous output (the version moves from the previous ir.json).
    cpSync(out, join(work, 'cold'), { recursive: true });
    // Same tool, same keys, every text poisoned: only units whose inputs did not change may show up.
    rewriteStore(cache, 'target-sdk', poisonUnits);
    rewriteStore(cache, 'target-docs', poisonUnits);
    // An operation's title, and a field description of a model other operations reach.
    const page = join(docs, 'zh/node/management/管理-webhook/create-webhook.md');
    edit(page, /^# (.*)$/m, '# $1（改）');
    edit(page, /(### <a id="WebhookDto"><\/a> WebhookDto[\s\S]*?\| webhookId \| string \| )/, '$1改 ');
    // Outputs the change does not reach, removed: the run must write them, from what the cache holds.
    const unreachedModel = 'sdk/src/models/Any.ts';
    const unreachedPage = 'docs/zh/node/management/管理-webhook/delete-webhook.md';
    rmSync(join(out, unreachedModel));
    rmSync(join(out, unreachedPage));
    expect(await run('--docs', docs, '--out', out, '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'cold'), '--no-cache')).toBe(0);
    const warm = tree(out);
    const cold = tree(join(work, 'cold'));
    // Every file the change reached is rendered afresh; a file it did not reach may come from the cache.
    const changed = [...cold.keys()].filter((path) => cold.get(path) !== first.get(path));
    expect(changed.filter((path) => path.startsWith('docs/')).length).toBeGreaterThan(12);
    expect(changed).toContain('sdk/src/models/WebhookDto.ts');
    expect(changed).toContain('sdk/src/ManagementClient.ts');
    for (const path of changed) expect(warm.get(path), path).toBe(cold.get(path));
    for (const path of cold.keys()) expect([cold.get(path), POISON], path).toContain(warm.get(path));
    // The cache is really used: the outputs nothing reached came back as the cache held them (poisoned).
    expect(warm.get(unreachedModel)).toBe(POISON);
    expect(warm.get(unreachedPage)).toBe(POISON);
  });

  it('merges again exactly the operations whose pages changed: poisoned merges show up only where nothing changed', async () => {
    const work = workDir();
    const docs = docsCopy(work);
    const cache = join(work, 'cache');
    const out = join(work, 'out');
    expect(await run('--docs', docs, '--out', out, '--cache-dir', cache)).toBe(0);
    const poisonMerges = (shard: Shard): Shard => {
      for (const entry of shard.entries.values()) {
        const { value } = entry as { value: { summary?: Record<string, string> } };
        if (value.summary) value.summary = { zh: 'stale', en: 'stale' };
      }
      return shard;
    };
    expect(rewriteStore(cache, 'merges', poisonMerges)).toBeGreaterThan(0);
    edit(join(docs, 'zh/node/management/管理-webhook/create-webhook.md'), /^# (.*)$/m, '# $1（改）');
    expect(await run('--docs', docs, '--out', out, '--cache-dir', cache)).toBe(0);
    const ir = JSON.parse(readFileSync(join(out, 'ir.json'), 'utf8')) as { operations: { id: string; summary: Record<string, string> }[] };
    const summary = (id: string) => ir.operations.find((operation) => operation.id === id)!.summary.zh;
    expect(summary('management/create-webhook')).toMatch(/（改）$/);
    expect(summary('management/delete-webhook')).toBe('stale');
  });

  it('gives the same output with the SDK emitted on its own thread, with and without a cache', async () => {
    const work = workDir();
    const reporter = new Reporter({ quiet: true, out: () => {} });
    const base = { docs: DOCS_SRC, only: [...TARGET_NAMES], cache: false };
    expect(await generate({ ...base, out: join(work, 'thread'), targetThreads: true }, reporter)).toBe(0);
    expect(await generate({ ...base, out: join(work, 'inline'), targetThreads: false }, reporter)).toBe(0);
    const cached = { ...base, cache: true, cacheDir: join(work, 'cache'), out: join(work, 'cached') };
    expect(await generate({ ...cached, targetThreads: true }, reporter)).toBe(0);
    rmSync(join(work, 'cached'), { recursive: true });
    expect(await generate({ ...cached, targetThreads: true }, reporter)).toBe(0);
    expect(tree(join(work, 'thread'))).toEqual(tree(join(work, 'inline')));
    expect(tree(join(work, 'cached'))).toEqual(tree(join(work, 'inline')));
  });

  it('fails cleanly when a target thread fails, leaving the previous output as it was', async () => {
    const work = workDir();
    const reporter = new Reporter({ quiet: true, out: () => {} });
    const out = join(work, 'out');
    const base = { docs: DOCS_SRC, only: [...TARGET_NAMES], cache: false, out };
    expect(await generate({ ...base, targetThreads: false }, reporter)).toBe(0);
    const before = tree(out);
    const failing = join(work, 'failing-worker.mjs');
    writeFileSync(failing, "throw new Error('the SDK thread broke');\n");
    // The bundle's parts come from bin/docs-to-sdk.js through this global: point the target worker at one that throws.
    const state = globalThis as { __DOCS_TO_SDK__?: Record<string, string> };
    const saved = state.__DOCS_TO_SDK__;
    state.__DOCS_TO_SDK__ = { targetWorker: failing };
    try {
      await expect(generate({ ...base, targetThreads: true }, reporter)).rejects.toThrow('the SDK thread broke');
    } finally {
      state.__DOCS_TO_SDK__ = saved;
    }
    expect(tree(out)).toEqual(before);
  });
});

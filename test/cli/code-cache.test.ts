/**
 * The SDK thread's code cache (generator/cli/code-cache.ts), in child processes: it
 * hooks Node's CommonJS loader, which this test process must keep as it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPack } from '../../generator/cache/pack.js';

const REPO = resolve(import.meta.dirname, '../..');

/**
 * A process that requires `lib.cjs` of `dir` through the cache, calls `call` of it, saves
 * the cache (`grow` as given), prints the answer.
 */
function runWithCache(dir: string, call = 'answer', grow = false): string {
  const driver = join(dir, 'driver.mts');
  writeFileSync(
    driver,
    [
      `import { createRequire } from 'node:module';`,
      `import { useCodeCache } from ${JSON.stringify(join(REPO, 'generator/cli/code-cache.ts'))};`,
      `const cache = useCodeCache(${JSON.stringify(join(dir, 'code-cache.pack'))});`,
      `const lib = createRequire(import.meta.url)('./lib.cjs');`,
      `process.stdout.write(String(lib[${JSON.stringify(call)}]()));`,
      `await cache.save({ grow: ${grow} });`,
    ].join('\n'),
  );
  return execFileSync(process.execPath, ['--import', 'tsx', driver], { cwd: REPO, encoding: 'utf8' });
}

const entries = (file: string) => openPack<{ entries: Record<string, [string, number, number]> }>(file, () => true)?.header.entries;

describe('code cache', () => {
  it('is written when a module had no entry, reused without being written again, and made afresh for a changed module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-to-sdk-code-cache-'));
    const lib = join(dir, 'lib.cjs');
    const pack = join(dir, 'code-cache.pack');
    writeFileSync(lib, `const helper = require('node:path').basename('/a/b');\nexports.answer = () => helper + 42;\n`);

    expect(runWithCache(dir)).toBe('b42');
    const first = entries(pack);
    expect(Object.keys(first ?? {})).toContain(lib);
    expect(first![lib]![2]).toBeGreaterThan(0);
    const written = statSync(pack).mtimeMs;

    expect(runWithCache(dir)).toBe('b42');
    expect(statSync(pack).mtimeMs).toBe(written);

    writeFileSync(lib, `exports.answer = () => 'changed, longer than before';\n`);
    expect(runWithCache(dir)).toBe('changed, longer than before');
    expect(entries(pack)![lib]![0]).not.toBe(first![lib]![0]);
  });

  it('with grow, is written again when a run compiled notably more than it holds, and not when it compiled the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-to-sdk-code-cache-'));
    const pack = join(dir, 'code-cache.pack');
    // `small` runs one function; `all` runs 300 more, each compiled only when called.
    const many = Array.from({ length: 300 }, (_, index) => `function f${index}(x) { const parts = [x, ${index}, 'part ${index}']; return parts.join('-').length; }`);
    const calls = many.map((_, index) => `f${index}(${index})`).join(' + ');
    writeFileSync(join(dir, 'lib.cjs'), `${many.join('\n')}\nexports.small = () => 'small';\nexports.all = () => String(${calls});\n`);
    expect(runWithCache(dir, 'small', true)).toBe('small');
    const small = statSync(pack);
    expect(runWithCache(dir, 'small', true)).toBe('small');
    expect(statSync(pack).mtimeMs).toBe(small.mtimeMs);
    const total = runWithCache(dir, 'all', true);
    expect(Number(total)).toBeGreaterThan(0);
    const grown = statSync(pack);
    expect(grown.size).toBeGreaterThan(small.size + 4096);
    expect(runWithCache(dir, 'all', true)).toBe(total);
    expect(statSync(pack).mtimeMs).toBe(grown.mtimeMs);
    // Without grow, a cache that had an entry for every module is never written again.
    expect(runWithCache(dir, 'small')).toBe('small');
    expect(statSync(pack).mtimeMs).toBe(grown.mtimeMs);
  });

  it('ignores a damaged cache file and replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-to-sdk-code-cache-'));
    writeFileSync(join(dir, 'lib.cjs'), `exports.answer = () => 7;\n`);
    writeFileSync(join(dir, 'code-cache.pack'), 'not a pack');
    expect(runWithCache(dir)).toBe('7');
    expect(Object.keys(entries(join(dir, 'code-cache.pack')) ?? {})).toContain(join(dir, 'lib.cjs'));
  });
});

/** The caches' pack files: header read on open, body read on demand from the file as opened. */
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPack, writePack } from '../../generator/cache/pack.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'docs-to-sdk-pack-'));
const accept = (): boolean => true;

describe('pack files', () => {
  it('round-trips a header and body pieces', async () => {
    const file = join(dir(), 'a.pack');
    await writePack(file, { entries: { x: [0, 3], y: [3, 5] } }, [Buffer.from('abc'), Buffer.from('hello')]);
    const pack = openPack<{ entries: Record<string, [number, number]> }>(file, accept)!;
    expect(pack.header.entries).toEqual({ x: [0, 3], y: [3, 5] });
    expect(pack.body.read(...pack.header.entries.y!).toString()).toBe('hello');
    expect(pack.body.read(...pack.header.entries.x!).toString()).toBe('abc');
  });

  it('reads the body of the file as it was opened, even when a newer pack replaced it', async () => {
    const file = join(dir(), 'a.pack');
    await writePack(file, { v: 1 }, [Buffer.from('old body')]);
    const pack = openPack<{ v: number }>(file, accept)!;
    const next = `${file}.next`;
    await writePack(next, { v: 2 }, [Buffer.from('new body!')]);
    renameSync(next, file);
    expect(pack.body.read(0, 8).toString()).toBe('old body');
  });

  it('writes a pack of more pieces than one writev call takes', async () => {
    const file = join(dir(), 'many.pack');
    const pieces = Array.from({ length: 2500 }, (_, index) => Buffer.from(`${index},`));
    await writePack(file, { count: pieces.length }, pieces);
    const pack = openPack<{ count: number }>(file, accept)!;
    const text = pack.body.read(0, pack.body.length).toString();
    expect(text.split(',').slice(0, -1).map(Number)).toEqual(pieces.map((_, index) => index));
    pack.body.close();
  });

  it('refuses a body read after close, and a damaged, truncated, absent or foreign pack', async () => {
    const root = dir();
    const file = join(root, 'a.pack');
    await writePack(file, { tool: 'other' }, [Buffer.from('body')]);
    const pack = openPack(file, accept)!;
    pack.body.close();
    expect(() => pack.body.read(0, 4)).toThrow(/closed/);
    expect(openPack<{ tool: string }>(file, (header) => header.tool === 'ours')).toBeUndefined();
    writeFileSync(join(root, 'short.pack'), Buffer.from([200, 0, 0, 0, 123]));
    expect(openPack(join(root, 'short.pack'), accept)).toBeUndefined();
    writeFileSync(join(root, 'junk.pack'), Buffer.concat([Buffer.from([3, 0, 0, 0]), Buffer.from('{{{')]));
    expect(openPack(join(root, 'junk.pack'), accept)).toBeUndefined();
    expect(openPack(join(root, 'absent.pack'), accept)).toBeUndefined();
  });
});

/** Input stamps (cache/input-stamps.ts): unchanged pages are not read again; any edit is seen. */
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentKey } from '../../generator/cache/index.js';
import { readStampedPages } from '../../generator/cache/input-stamps.js';

const FILES = ['a.md', 'b.md', 'c.md'];

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pages written a few ms before they are first read: a stamp taken in the very millisecond
 * a page was written is racy (not trusted, even with no racy window), which made these
 * tests fail now and then.
 */
async function docs(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-stamps-'));
  for (const file of FILES) writeFileSync(join(root, file), `# ${file}\n\nbody of ${file}\n`);
  await pause(5);
  return root;
}

describe('input stamps', () => {
  it('reads every page the first time, and none that kept its stamp the next time', async () => {
    const root = await docs();
    const first = readStampedPages(root, FILES);
    expect(first.read).toBe(3);
    expect(Object.keys(first.stamps.files)).toEqual(FILES);
    await pause(5);
    // No racy window here (a test cannot wait for a coarse clock): every stamp is trusted.
    const second = readStampedPages(root, FILES, first.stamps, 0);
    expect(second.read).toBe(0);
    for (const input of second.inputs) {
      // The content key is the recorded one, and the content, read on demand, is the file's.
      const fresh = { file: input.file, content: readFileSync(join(root, input.file)) };
      expect(contentKey(input)).toBe(contentKey(fresh));
      expect(Buffer.from(input.content as Buffer).toString()).toBe(fresh.content.toString());
    }
  });

  it('reads a page edited to the same size with its old mtime put back (its ctime moved)', async () => {
    const root = await docs();
    const first = readStampedPages(root, FILES);
    await pause(5);
    const path = join(root, 'b.md');
    const { atime, mtime } = statSync(path);
    writeFileSync(path, readFileSync(path, 'utf8').replace('body', 'BODY'));
    utimesSync(path, atime, mtime);
    const second = readStampedPages(root, FILES, first.stamps, 0);
    expect(second.read).toBe(1);
    const edited = second.inputs.find((input) => input.file === 'b.md')!;
    expect(edited.content.toString()).toContain('BODY');
    expect(contentKey(edited)).not.toBe(first.stamps.files['b.md']![1]);
  });

  it('does not trust stamps recorded within the racy window, nor those of another docs folder', async () => {
    const root = await docs();
    const first = readStampedPages(root, FILES);
    // Just written and just stamped: a second edit in the same clock tick would keep the stamp.
    expect(readStampedPages(root, FILES, first.stamps).read).toBe(3);
    expect(readStampedPages(root, FILES, { ...first.stamps, docs: '/elsewhere' }, 0).read).toBe(3);
  });
});

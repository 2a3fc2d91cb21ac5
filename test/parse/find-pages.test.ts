import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPages } from '../../generator/parse/index.js';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'find-pages-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '# page\n');
  }
  return root;
}

describe('findPages', () => {
  it('finds .md and .txt pages in any case, sorted, with forward slashes', async () => {
    const root = tree(['b/z.md', 'a.MD', 'b/a/y.txt', 'notes.json', 'b/image.png', 'c/d/e/deep.md']);
    expect(await findPages(root)).toEqual(['a.MD', 'b/a/y.txt', 'b/z.md', 'c/d/e/deep.md']);
  });

  it('gives the same paths however the root is written', async () => {
    const root = tree(['zh/a.md', 'zh/b/c.md']);
    const expected = ['zh/a.md', 'zh/b/c.md'];
    expect(await findPages(`${root}/`)).toEqual(expected);
    expect(await findPages(`${root}/./zh/..`)).toEqual(expected);
    expect(await findPages(relative(process.cwd(), root))).toEqual(expected);
  });

  it('skips hidden files and everything inside hidden folders', async () => {
    const root = tree(['.draft.md', '.git/readme.md', 'zh/.cache/page.md', 'zh/page.md']);
    expect(await findPages(root)).toEqual(['zh/page.md']);
  });

  it('follows symbolic links to pages and folders, without walking a loop twice', async () => {
    const root = tree(['real/one.md', 'real/sub/two.md', 'other.md']);
    symlinkSync(join(root, 'real'), join(root, 'linked'));
    symlinkSync(join(root, 'other.md'), join(root, 'alias.md'));
    symlinkSync(root, join(root, 'real', 'loop'));
    const found = await findPages(root);
    expect(found).toContain('alias.md');
    expect(found).toContain('linked/sub/two.md');
    expect(found).toContain('real/one.md');
    // The loop back to the root is not walked again.
    expect(found.filter((file) => file.endsWith('two.md'))).toHaveLength(2);
    expect(found.some((file) => file.includes('loop/'))).toBe(false);
  });

  it('finds nothing in a folder that does not exist', async () => {
    expect(await findPages(join(tmpdir(), 'no-such-docs-folder'))).toEqual([]);
  });
});

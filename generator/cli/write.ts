import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Write to a sibling temp file, then rename: readers never see a half-written file. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

export interface TreeWriteResult {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Makes `root` hold exactly `files` (relative path → content): changed files are
 * rewritten atomically, identical ones left alone, files no longer generated removed.
 */
export async function writeTree(root: string, files: Map<string, string>): Promise<TreeWriteResult> {
  const result: TreeWriteResult = { written: 0, unchanged: 0, removed: 0 };
  for (const existing of await listFiles(root)) {
    if (!files.has(existing)) {
      await rm(join(root, existing));
      result.removed += 1;
    }
  }
  for (const [path, content] of files) {
    const target = join(root, path);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === content) {
      result.unchanged += 1;
      continue;
    }
    await writeFileAtomic(target, content);
    result.written += 1;
  }
  return result;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

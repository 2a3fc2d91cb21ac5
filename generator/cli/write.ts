/**
 * Puts a generated tree in place without ever leaving a half-written output: the whole
 * new tree is written to a temporary folder beside `out`, then each managed entry
 * (`ir.json`, `sdk/` …) is swapped in by rename. If anything fails, the previous
 * entries are moved back. Entries of `out` that we do not manage are never touched.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

export interface TreeWriteResult {
  written: number;
  unchanged: number;
  removed: number;
}

/** Relative paths of the files under `root` (forward slashes), [] when it does not exist. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The files of `out` that belong to the managed entries, with their content. */
export async function readManaged(out: string, managed: string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of managed) {
    const target = join(out, entry);
    const nested = await listFiles(target);
    if (nested.length > 0) {
      for (const file of nested) files.set(`${entry}/${file}`, await readFile(join(target, file), 'utf8'));
    } else {
      const content = await readFile(target, 'utf8').catch(() => undefined);
      if (content !== undefined) files.set(entry, content);
    }
  }
  return files;
}

export async function commitTree(out: string, files: Map<string, string>, managed: string[]): Promise<TreeWriteResult> {
  const current = await readManaged(out, managed);
  const result: TreeWriteResult = { written: 0, unchanged: 0, removed: 0 };
  for (const [path, content] of files) {
    if (current.get(path) === content) result.unchanged += 1;
    else result.written += 1;
  }
  for (const path of current.keys()) if (!files.has(path)) result.removed += 1;
  if (result.written === 0 && result.removed === 0) return result;

  await mkdir(dirname(out), { recursive: true });
  const stage = await mkdtemp(join(dirname(out), `.${basename(out)}.tmp-`));
  const backup = join(stage, '.previous');
  const swapped: string[] = [];
  try {
    for (const [path, content] of files) {
      await mkdir(dirname(join(stage, 'next', path)), { recursive: true });
      await writeFile(join(stage, 'next', path), content);
    }
    await mkdir(out, { recursive: true });
    await mkdir(backup, { recursive: true });
    for (const entry of managed) {
      const hasOld = await exists(join(out, entry));
      if (hasOld) await rename(join(out, entry), join(backup, entry));
      swapped.push(entry);
      if (await exists(join(stage, 'next', entry))) await rename(join(stage, 'next', entry), join(out, entry));
    }
  } catch (error) {
    for (const entry of swapped.reverse()) {
      await rm(join(out, entry), { recursive: true, force: true });
      if (await exists(join(backup, entry))) await rename(join(backup, entry), join(out, entry));
    }
    throw error;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  return result;
}

async function exists(path: string): Promise<boolean> {
  return readdir(dirname(path)).then((names) => names.includes(basename(path)), () => false);
}

/** Write one file via a sibling temp file and rename: readers never see half of it. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, content);
  await rename(temp, file);
}

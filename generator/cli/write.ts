/**
 * Puts a generated tree in place without ever leaving a half-written output. Everything
 * new is first written to a temporary folder beside `out`; only then is it moved in by
 * rename. When a managed entry (`ir.json`, `sdk/` …) is new or most of it changed, the
 * whole entry is swapped; otherwise only the files that changed are moved in one by one
 * (and removed files moved out), so a one-page change does not rewrite 4,000 files. If
 * anything fails, what was moved is moved back. Entries of `out` that we do not manage
 * are never touched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { hash } from 'node:crypto';
import type { FileContent } from '../emit/target.js';
import { fileStamp } from '../shared/file-stamp.js';
import { readDir } from '../shared/read-dir.js';
import { writeAtomic } from '../shared/write-atomic.js';

export interface TreeWriteResult {
  written: number;
  unchanged: number;
  removed: number;
  /** The stamp of every file of `files` as the write left it (KnownOutput.stamps for the next run); none with `stamp: false`. */
  stamps: Record<string, string>;
}

/** SHA-1 (hex) of a file's UTF-8 bytes: what the run record keeps of each output. */
export const contentHash = (content: FileContent): string => hash('sha1', content, 'hex');

/**
 * What the previous run left under `out`, per file: the stamp (shared/file-stamp.ts) it
 * had after the write and a hash of its content. A file whose stamp is unchanged still
 * has that content, so it need not be read to be compared.
 */
export interface KnownOutput {
  stamps: Record<string, string>;
  hashes: Record<string, string>;
}

/**
 * The files under `dir`, as `prefix` + their path below it (forward slashes), read one
 * folder at a time (readdir's recursive mode is ~2x slower). Links are not files of
 * ours: not listed.
 */
function walkFiles(dir: string, prefix: string, paths: string[]): void {
  for (const { name, kind } of readDir(dir)) {
    if (kind === 'file') paths.push(`${prefix}${name}`);
    else if (kind === 'dir') walkFiles(join(dir, name), `${prefix}${name}/`, paths);
  }
}

/** Relative paths of the files under `root` (forward slashes), sorted; [] when it does not exist. */
export async function listFiles(root: string): Promise<string[]> {
  const paths: string[] = [];
  try {
    walkFiles(resolve(root), '', paths);
  } catch {
    // absent (or a file): nothing below it
  }
  return paths.sort();
}

/** The managed files present under `out` (paths relative to `out`), sorted. */
export function listManaged(out: string, managed: string[]): string[] {
  const paths: string[] = [];
  for (const entry of managed) {
    const target = resolve(out, entry);
    try {
      walkFiles(target, `${entry}/`, paths);
    } catch (error) {
      // A file entry (ir.json); an absent or unreadable one has nothing of ours to list.
      if ((error as NodeJS.ErrnoException).code === 'ENOTDIR' && statSync(target).isFile()) paths.push(entry);
    }
  }
  return paths.sort();
}

/** The stamp of every managed file under `out` now (to tell whether the output is as a run record says). */
export function outputStamps(out: string, managed: string[]): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const file of listManaged(out, managed)) {
    const stamp = fileStamp(join(out, file));
    if (stamp !== undefined) stamps[file] = stamp;
  }
  return stamps;
}

/**
 * The files of `out` that belong to the managed entries, with their bytes. Synchronous
 * reads: awaiting 4,000 readFile calls one after the other took ~1.5 s of waiting on the
 * thread pool (four round trips each); readFileSync takes ~0.15 s.
 */
export function readManaged(out: string, managed: string[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const path of listManaged(out, managed)) files.set(path, readFileSync(join(out, path)));
  return files;
}

const entryOf = (path: string): string => {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
};

/**
 * Whether a file's bytes are this content. A text is compared as bytes: rendered texts
 * are ropes of many pieces, and decoding the file to compare strings (which flattens the
 * rope) cost ~2.5x more over the corpus's 4,000 files.
 */
export function sameContent(a: FileContent, b: Uint8Array): boolean {
  if (typeof a !== 'string') return Buffer.compare(a, b) === 0;
  // UTF-8 takes 1 to 3 bytes per UTF-16 unit: a length outside that range is another text.
  return b.length >= a.length && b.length <= a.length * 3 && Buffer.from(a, 'utf8').equals(b);
}

/**
 * `hashes`: a hash of each new file's content, comparable with `known.hashes`; with both,
 * files the previous run wrote and nobody touched since are not read. `stamp: false`:
 * the caller keeps no record of the output (no cache), so the result's stamps stay empty
 * (~4,000 stat calls spared).
 */
export async function commitTree(
  out: string,
  files: Map<string, FileContent>,
  managed: string[],
  options: { known?: KnownOutput; hashes?: Record<string, string>; stamp?: boolean } = {},
): Promise<TreeWriteResult> {
  const { known, hashes } = options;
  const present = new Set(listManaged(out, managed));
  const stampNow = (path: string): string | undefined => fileStamp(join(out, path));
  const result: TreeWriteResult = { written: 0, unchanged: 0, removed: 0, stamps: {} };
  const changed: string[] = [];
  const unchanged = new Set<string>();
  for (const [path, content] of files) {
    let same = false;
    if (present.has(path)) {
      const hash = hashes?.[path];
      const knownHash = known?.hashes[path];
      // Untouched since the last run wrote it (same stamp): its content is the one hashed then, so it need not be read.
      const untouched = hash !== undefined && knownHash !== undefined && known!.stamps[path] !== undefined && known!.stamps[path] === stampNow(path);
      if (untouched) {
        same = knownHash === hash;
        if (same) result.stamps[path] = known!.stamps[path]!;
      } else {
        same = sameContent(content, readFileSync(join(out, path)));
      }
    }
    if (same) {
      result.unchanged += 1;
      unchanged.add(path);
    } else {
      changed.push(path);
    }
  }
  const removed = [...present].filter((path) => !files.has(path));
  result.written = changed.length;
  result.removed = removed.length;
  // Files whose stamp is not known yet: the ones just written, and the ones compared by content.
  const stampRest = (): void => {
    if (options.stamp === false) return;
    for (const path of files.keys()) {
      if (result.stamps[path] !== undefined) continue;
      const stamp = fileStamp(join(out, path));
      if (stamp !== undefined) result.stamps[path] = stamp;
    }
  };
  if (changed.length === 0 && removed.length === 0) {
    stampRest();
    return result;
  }

  // Per entry: swap it whole when it is new or mostly rewritten, else move single files.
  const perEntry = new Map<string, { total: number; changed: number; present: boolean }>();
  for (const entry of managed) perEntry.set(entry, { total: 0, changed: 0, present: false });
  for (const path of files.keys()) perEntry.get(entryOf(path))!.total += 1;
  for (const path of [...changed, ...removed]) perEntry.get(entryOf(path))!.changed += 1;
  for (const path of present) perEntry.get(entryOf(path))!.present = true;
  const whole = new Set([...perEntry].filter(([, e]) => e.changed > 0 && (!e.present || e.changed * 4 > e.total)).map(([entry]) => entry));

  mkdirSync(dirname(out), { recursive: true });
  const stage = mkdtempSync(join(dirname(out), `.${basename(out)}.tmp-`));
  // Whole entries are staged as trees (moved in as one folder); single files flat, by number, as are the old
  // versions moved aside: no folders to make for them (on some file systems a mkdir costs ~0.5 ms).
  const next = join(stage, 'next');
  const singles = join(stage, 'single');
  const backup = join(stage, '.previous');
  const undo: (() => void)[] = [];
  try {
    const changedSet = new Set(changed);
    const staged = new Map<string, string>();
    const treeFiles = [...files.keys()].filter((path) => whole.has(entryOf(path)));
    for (const dir of [...new Set(treeFiles.map((path) => dirname(join(next, path))))].sort()) mkdirSync(dir, { recursive: true });
    // A file the new tree has as it is on disk is copied from there (a copy in the kernel: cheaper than a write).
    for (const path of treeFiles) {
      if (unchanged.has(path)) copyFileSync(join(out, path), join(next, path));
      else writeFileSync(join(next, path), files.get(path)!);
      // A new file, with a stamp of its own (taken below).
      delete result.stamps[path];
    }
    const singleFiles = changed.filter((path) => !whole.has(entryOf(path)));
    if (singleFiles.length > 0) mkdirSync(singles);
    singleFiles.forEach((path, index) => {
      staged.set(path, join(singles, String(index)));
      writeFileSync(staged.get(path)!, files.get(path)!);
    });
    mkdirSync(out, { recursive: true });
    mkdirSync(backup, { recursive: true });
    const move = (from: string, to: string): void => {
      try {
        renameSync(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !exists(from)) throw error;
        // The destination's folder is new (a page in a new tag): make it and move again.
        mkdirSync(dirname(to), { recursive: true });
        renameSync(from, to);
      }
      undo.push(() => renameSync(to, from));
    };
    let aside = 0;
    for (const entry of managed) {
      const info = perEntry.get(entry)!;
      if (info.changed === 0) continue;
      if (whole.has(entry)) {
        if (info.present || exists(join(out, entry))) move(join(out, entry), join(backup, entry));
        if (exists(join(next, entry))) move(join(next, entry), join(out, entry));
        continue;
      }
      for (const path of [...changed, ...removed].filter((p) => entryOf(p) === entry).sort()) {
        if (present.has(path)) move(join(out, path), join(backup, `file-${aside++}`));
        if (changedSet.has(path)) move(staged.get(path)!, join(out, path));
      }
    }
    // Folders emptied by removed files go too, as they would with a whole-entry swap.
    for (const path of removed) {
      if (whole.has(entryOf(path))) continue;
      let dir = dirname(join(out, path));
      while (dir !== out && dir.startsWith(join(out, entryOf(path)))) {
        try {
          rmdirSync(dir);
        } catch {
          break;
        }
        dir = dirname(dir);
      }
    }
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // keep undoing the rest
      }
    }
    throw error;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  stampRest();
  return result;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Write one file via a sibling temp file and rename: readers never see half of it. */
export const writeFileAtomic = (file: string, content: FileContent): Promise<void> => writeAtomic(file, content);

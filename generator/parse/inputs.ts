/**
 * Finding and reading the pages of a docs folder. Kept apart from the parser so a run
 * that finds nothing changed loads no Markdown machinery.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareStrings } from '../ir/diagnostics.js';
import type { CustomCodeFile } from '../ir/types.js';
import { readDir, type DirEntry } from '../shared/read-dir.js';
import type { PageInput } from './read-page.js';

/** Page files: Markdown, and the plain-text exports some docs sites produce. */
const PAGE_FILE = /\.(md|txt)$/i;

/**
 * The pages under `root` (paths relative to it, forward slashes, sorted): `*.md` and
 * `*.txt` in any case, skipping hidden files and folders, following symbolic links (a
 * link back to a folder already walked is skipped, so a loop ends). A walk with Node's
 * readdir, one folder at a time (its recursive mode is ~2x slower): a glob library costs
 * ~60 ms a run to load and match what one extension test says.
 */
export async function findPages(root: string): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, prefix: string): void => {
    let entries: DirEntry[];
    try {
      entries = readDir(dir);
    } catch {
      return;
    }
    for (const { name, kind } of entries) {
      if (name.startsWith('.')) continue;
      const relative = `${prefix}${name}`;
      if (kind === 'file') {
        if (PAGE_FILE.test(name)) found.push(relative);
      } else if (kind === 'dir') {
        walk(join(dir, name), `${relative}/`);
      } else if (kind === 'link') {
        const target = join(dir, name);
        const stat = statSafe(target);
        if (stat?.isFile() && PAGE_FILE.test(name)) found.push(relative);
        else if (stat?.isDirectory() && firstVisit(target)) walk(target, `${relative}/`);
      }
    }
  };
  /** Folders reached through links, by real path: each is walked once. */
  const firstVisit = (dir: string): boolean => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return false;
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  const top = resolve(root);
  if (firstVisit(top)) walk(top, '');
  return found.sort(compareStrings);
}

function statSafe(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export async function readInputs(root: string): Promise<PageInput[]> {
  return readPages(root, await findPages(root));
}

/** The pages `files` (from findPages) of `root`, read. */
export function readPages(root: string, files: string[]): PageInput[] {
  // Synchronous reads: ~5x faster than 2,000 concurrent promises, and nothing else is waiting.
  return files.map((file) => ({ file, content: readFileSync(`${root}/${file}`) }));
}

/** Where a docs set keeps its custom code unless its config says otherwise. */
export const DEFAULT_CUSTOM_CODE = 'sdk-custom';

/** `<root>/<folder>/*.ts` (not `.d.ts`), sorted by name: the custom code of a docs set; none when the folder is absent. */
export function readCustomCode(root: string, folder = DEFAULT_CUSTOM_CODE): CustomCodeFile[] {
  const dir = join(root, folder);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.startsWith('.'));
  } catch {
    return [];
  }
  const base = folder.split(/[\\/]/).filter(Boolean).join('/');
  return names.sort(compareStrings).map((name) => ({ file: `${base}/${name}`, code: readFileSync(join(dir, name), 'utf8') }));
}

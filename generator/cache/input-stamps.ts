/**
 * Input stamps: what git's index does for a work tree. The last run recorded, per page,
 * its stamp (size, mtime, ctime, inode) and its content key; a page whose stamp is the
 * same now is not read or hashed again: its content key is the recorded one, and its
 * content is read only if something asks for it (a page result the cache lacks).
 *
 * ctime moves with every write and cannot be set back by tools that copy mtimes, so an
 * edited page never keeps its stamp. The one blind spot is a page edited again within
 * the timestamp granularity of the moment it was read (coarse clocks: up to 2 s on some
 * file systems): like git's "racily clean" entries, a stamp recorded less than
 * RACY_MS after the page's mtime or ctime is not trusted, and the page is read.
 *
 * `--check` never uses stamps: the drift check always reads every page.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { PageInput } from '../parse/index.js';
import { stampOfStats } from '../shared/file-stamp.js';
import { contentKey, seedContentKey } from './index.js';

export interface InputStamps {
  /** The docs folder (resolved) the stamps are of. */
  docs: string;
  /** When the pages were stamped (ms since the epoch, the file system's clock). */
  at: number;
  /** Per page (path under `docs`): [stamp, content key]. */
  files: Record<string, [string, string]>;
}

export const RACY_MS = 2000;

/**
 * The pages `files` of `root` as inputs, reading only those whose stamp differs from
 * `recorded` (or is racy); and the stamps to record for next time.
 */
export function readStampedPages(root: string, files: string[], recorded?: InputStamps, racyMs = RACY_MS): { inputs: PageInput[]; stamps: InputStamps; read: number } {
  const docs = resolve(root);
  const trusted = recorded?.docs === docs ? recorded : undefined;
  const stamps: InputStamps = { docs, at: Date.now(), files: {} };
  let read = 0;
  const inputs = files.map((file): PageInput => {
    const path = `${root}/${file}`;
    const known = trusted?.files[file];
    if (known) {
      let stat: Stats | undefined;
      try {
        stat = statSync(path);
      } catch {
        // Gone since it was listed: reading it below reports the error as before.
      }
      if (stat && known[0] === stampOfStats(stat) && Math.max(stat.mtimeMs, stat.ctimeMs) < trusted!.at - racyMs) {
        stamps.files[file] = known;
        return lazyInput(file, path, known[1]);
      }
    }
    read += 1;
    const { content, stat } = readStamped(path);
    const input: PageInput = { file, content };
    // Stamped before reading: a page that changes while it is read has a stamp older than its content, so the next run reads it again.
    stamps.files[file] = [stampOfStats(stat), contentKey(input)];
    return input;
  });
  return { inputs, stamps, read };
}

/** A file's content and its stat from before the read, through one open file (no second lookup of the path). */
function readStamped(path: string): { content: Buffer; stat: Stats } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    const content = Buffer.allocUnsafe(stat.size);
    let done = 0;
    for (let count = -1; done < stat.size && count !== 0; done += count) count = readSync(fd, content, done, stat.size - done, done);
    return { content: done === stat.size ? content : content.subarray(0, done), stat };
  } finally {
    closeSync(fd);
  }
}

/** An input whose content key is known and whose content is read on first use. */
class LazyInput implements PageInput {
  private read: Buffer | undefined;

  constructor(
    readonly file: string,
    private readonly path: string,
  ) {}

  get content(): Buffer {
    return (this.read ??= readFileSync(this.path));
  }
}

function lazyInput(file: string, path: string, key: string): PageInput {
  const input = new LazyInput(file, path);
  seedContentKey(input, key);
  return input;
}

/**
 * A file's stamp, as git's index keeps one: size, mtime, ctime and inode. A file whose
 * stamp is the one recorded has not been written since (ctime moves with every write and
 * cannot be set back, so tools that restore an mtime cannot hide an edit). Used for the
 * outputs a run leaves under --out (cli/write.ts, the run record).
 */
import { statSync, type Stats } from 'node:fs';

const stampOfStats = (stat: Stats): string => `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;

/** The stamp of the file at `path`, undefined when there is none (absent, or not a file). */
export function fileStamp(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stampOfStats(stat) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reading one folder, as the walks over the docs tree (parse/inputs.ts) and the output
 * tree (cli/write.ts) need it: names and kinds.
 */
import { readdirSync } from 'node:fs';

export type EntryKind = 'file' | 'dir' | 'link' | 'other';

export interface DirEntry {
  name: string;
  kind: EntryKind;
}

/** The entries of a folder; throws like readdirSync when it cannot be read. */
export const readDir = (dir: string): DirEntry[] =>
  readdirSync(dir, { withFileTypes: true }).map((entry) => ({
    name: entry.name,
    kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : entry.isSymbolicLink() ? 'link' : 'other',
  }));

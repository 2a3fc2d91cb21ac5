/** `--check`: what would change under `out`, as file lists and a trimmed unified diff. */
import { createTwoFilesPatch } from 'diff';
import type { FileContent } from '../emit/target.js';
import { readManaged, sameContent } from './write.js';

const textOf = (content: FileContent): string => (typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));

export interface Drift {
  added: string[];
  removed: string[];
  changed: string[];
  /** Unified diff of the changed files (and of added/removed ones), trimmed. */
  diff: string;
  /** Diff lines left out by the trim. */
  cutLines: number;
}

export const MAX_DIFF_LINES = 400;

export function findDrift(out: string, files: Map<string, FileContent>, managed: string[]): Drift {
  const current = readManaged(out, managed);
  const added = [...files.keys()].filter((path) => !current.has(path)).sort();
  const removed = [...current.keys()].filter((path) => !files.has(path)).sort();
  // Compared as bytes (sameContent); only the files that differ are decoded, for the diff.
  const changed = [...files.keys()].filter((path) => current.has(path) && !sameContent(files.get(path)!, current.get(path)!)).sort();
  const before = (path: string): string => current.get(path)?.toString('utf8') ?? '';
  const after = (path: string): string => textOf(files.get(path) ?? '');
  const patches = [...changed, ...added, ...removed].sort().map((path) =>
    createTwoFilesPatch(`a/${path}`, `b/${path}`, before(path), after(path), undefined, undefined, { context: 3 }),
  );
  const lines = patches.join('').split('\n').filter((line) => !line.startsWith('====='));
  if (lines.at(-1) === '') lines.pop();
  const shown = lines.slice(0, MAX_DIFF_LINES);
  return { added, removed, changed, diff: shown.join('\n'), cutLines: lines.length - shown.length };
}

export const hasDrift = (drift: Drift): boolean => drift.added.length + drift.removed.length + drift.changed.length > 0;

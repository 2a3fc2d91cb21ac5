/** `--check`: what would change under `out`, as file lists and a trimmed unified diff. */
import { formatPatch, OMIT_HEADERS, structuredPatch } from 'diff';
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
  const patches = [...changed, ...added, ...removed].sort().map((path) => unifiedDiff(path, before(path), after(path)));
  const lines = patches.join('').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const shown = lines.slice(0, MAX_DIFF_LINES);
  return { added, removed, changed, diff: shown.join('\n'), cutLines: lines.length - shown.length };
}

/**
 * One file's unified diff. The headers are ours: the diff package quotes a path with
 * non-ASCII characters as git does (`"a/\347\256\241…"`), unreadable in a docs set
 * whose folders are Chinese; paths here are printed as UTF-8.
 */
function unifiedDiff(path: string, before: string, after: string): string {
  const hunks = formatPatch(structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }), OMIT_HEADERS);
  return `--- a/${path}\n+++ b/${path}\n${hunks}${hunks.endsWith('\n') ? '' : '\n'}`;
}

export const hasDrift = (drift: Drift): boolean => drift.added.length + drift.removed.length + drift.changed.length > 0;

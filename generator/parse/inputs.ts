/**
 * Finding and reading the pages of a docs folder. Kept apart from the parser so a run
 * that finds nothing changed loads no Markdown machinery.
 */
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { compareStrings } from '../ir/diagnostics.js';
import type { PageInput } from './read-page.js';

export async function findPages(root: string): Promise<string[]> {
  const files = await fg('**/*.{md,txt}', { cwd: root, onlyFiles: true, dot: false, caseSensitiveMatch: false });
  return files.sort(compareStrings);
}

export async function readInputs(root: string): Promise<PageInput[]> {
  const files = await findPages(root);
  // Synchronous reads: ~5x faster than 2,000 concurrent promises, and nothing else is waiting.
  return files.map((file) => ({ file, content: readFileSync(`${root}/${file}`) }));
}

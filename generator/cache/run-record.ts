/**
 * The run record (`run.json`): what the last run was made from (one key over the tool,
 * the settings and every page's content) and what it left under `--out`: each file's
 * stamp (shared/file-stamp.ts) and content hash, with the summary it printed. When the
 * key is the same and `--out` still looks exactly like that, a run has nothing to parse,
 * compare or write; when they differ, the stamps still spare reading the files the last
 * run wrote that nobody touched since. `--check` always compares contents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../ir/types.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { toolFingerprint } from './tool.js';

export interface RunRecord {
  key: string;
  /** Absolute `--out`. */
  out: string;
  /** The entries of `--out` the run's targets own. */
  managed: string[];
  /** Per file written: its stamp after the write and its content hash. */
  files: Record<string, { stamp: string; hash: string }>;
  pages: number;
  operations: number;
  models: number;
  diagnostics: Diagnostic[];
}

const FILE = 'run.json';

export function loadRunRecord(dir: string): RunRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as { tool?: string; run?: RunRecord };
    return data.tool === toolFingerprint() ? data.run : undefined;
  } catch {
    return undefined;
  }
}

export async function saveRunRecord(dir: string, run: RunRecord): Promise<void> {
  await writeAtomic(join(dir, FILE), JSON.stringify({ tool: toolFingerprint(), run })).catch(() => {});
}

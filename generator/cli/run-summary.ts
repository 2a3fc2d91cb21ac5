/**
 * The run cache (`run.json`, kept by generator/cache): the last run's summary, by the
 * hash of all its inputs, and what it left under --out: the size, mtime, ctime and inode of
 * every file and a hash of its content. When the inputs are the same and --out still
 * looks exactly like that, a run has nothing to compare or write. When they differ, the
 * stamps still spare reading the files the last run wrote that nobody touched since.
 * --check always compares contents.
 */
import { resolve } from 'node:path';
import type { InputStamps } from '../cache/input-stamps.js';
import type { Diagnostic } from '../ir/types.js';
import { surveyOutputs } from './write.js';

/** What a run produced: the summary the run cache keeps, so an unchanged run skips parse and emit. */
export interface RunOutputs {
  managed: string[];
  separateIr?: string;
  pages: number;
  operations: number;
  models: number;
  diagnostics: Diagnostic[];
}

export interface RunSummary extends RunOutputs {
  fileCount: number;
  written?: { out: string; stamps: Record<string, string>; hashes: Record<string, string> };
  /** The pages' stamps and content keys, so the next run reads only pages that changed. */
  inputs?: InputStamps;
}

/** Whether `out` holds exactly what the summarized run left there (same files, same stamps). */
export function outputsAsLeft(summary: RunSummary, out: string): boolean {
  if (!summary.written || summary.separateIr !== undefined || summary.written.out !== resolve(out)) return false;
  return sameStamps(summary.written.stamps, surveyOutputs(out, summary.managed).stamps);
}

function sameStamps(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

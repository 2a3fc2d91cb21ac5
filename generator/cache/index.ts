/**
 * The cache, as a layer at the stages' boundaries (default folder `.cache/docs-to-sdk`).
 * The stages keep nothing between runs and never import this module; `generate` wraps
 * them here:
 * - reading a page (parse stage): its result by a hash of the page's path and content
 *   (`pages.*.v8`); merging an operation or a model from its pages (`merges.*.v8`);
 * - a target's units (generator/emit/target.ts): each unit's result by its key
 *   (`target-<name>.v8`);
 * - the whole run (`run.json`, run-record.ts): when the inputs are those of the last run
 *   and its output is still as it left it, there is nothing to do.
 * Every store is keyed by the tool's fingerprint: a cache from another version is ignored.
 */
import type { UnitRunner } from '../emit/target.js';
import { pageHash, type MergeMemo, type PageInput, type PageResult } from '../parse/index.js';
import { MemoStore } from './store.js';

export { loadRunRecord, saveRunRecord, type RunRecord } from './run-record.js';
export { toolFingerprint } from './tool.js';

export interface Saveable {
  save(): Promise<void>;
}

/** `read`, memoized by page content. */
export function cachedPageReader(dir: string, read: (input: PageInput) => PageResult): Saveable & { readPage: (input: PageInput) => PageResult } {
  const store = MemoStore.open(dir, 'pages');
  return { readPage: (input) => store.memo(pageHash(input), () => read(input)), save: () => store.save() };
}

/** The assembly's merges (generator/parse MergeMemo), by their keys. */
export function cachedMerges(dir: string): Saveable & { memo: MergeMemo } {
  const store = MemoStore.open(dir, 'merges');
  return { memo: (key, compute) => store.memo(key, compute), save: () => store.save() };
}

/** A unit runner that reuses what earlier runs rendered for the same unit key. */
/** Whether a target's units were cached by an earlier run (its thread then skips warming up for work the cache likely spares). */
export function hasTargetCache(dir: string, target: string): boolean {
  return MemoStore.exists(dir, `target-${target}`);
}

export function openTargetCache(dir: string, target: string): Saveable & { runUnit: UnitRunner } {
  const store = MemoStore.open(dir, `target-${target}`);
  return { runUnit: (_target, unit) => store.memo(unit.key, () => unit.render()), save: () => store.save() };
}

/**
 * `docs-to-sdk generate`: docs → IR → targets' files, then either write them
 * (atomically) or, with `--check`, compare them with what is on disk. The stages know
 * nothing of caching: the cache wraps them here (generator/cache).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedMerges, cachedPageReader, loadRunRecord, saveRunRecord, type RunRecord } from '../cache/index.js';
import { nextRelease, readPreviousIr, type ApiChange } from '../changes/index.js';
import { IR_FILE } from '../emit/ir/index.js';
import { fileStamp } from '../shared/file-stamp.js';
import { compareDiagnostics } from '../ir/diagnostics.js';
import type { Diagnostic, Ir } from '../ir/types.js';
import { prepareTargets } from './emit-targets.js';
import { EXIT_FAILED, EXIT_INTERNAL, EXIT_OK } from './exit-codes.js';
import type { Reporter } from './reporter.js';
import { loadSetup, runKeyOf, type GenerateOptions } from './setup.js';
import { phase } from './timings.js';
import { commitTree, contentHash, outputStamps, writeFileAtomic } from './write.js';

export type { GenerateOptions } from './setup.js';

export async function generate(options: GenerateOptions, reporter: Reporter): Promise<number> {
  const started = performance.now();
  const setup = await loadSetup(options, reporter);
  if (typeof setup === 'number') return setup;
  const { inputs, customCode, targets, config, cacheDir, out } = setup;
  const emitsIr = targets.some((target) => target.entry === IR_FILE);
  phase('read inputs');
  const runKey = cacheDir ? runKeyOf(setup) : '';
  const last = cacheDir ? loadRunRecord(cacheDir) : undefined;
  if (last && !options.check && last.key === runKey && outputsAsLeft(last)) return finish(last, { written: 0, unchanged: Object.keys(last.files).length, removed: 0 }, false);

  const saveCaches = cacheDir !== undefined && !options.check;
  const emitting = prepareTargets(targets, { pages: inputs.length, threads: options.targetThreads, cacheDir, saveCache: saveCaches });
  try {
    const { parsePages, readPageResult } = await import('../parse/index.js');
    const pageCache = cacheDir ? cachedPageReader(cacheDir, readPageResult) : undefined;
    const mergeCache = cacheDir ? cachedMerges(cacheDir) : undefined;
    const { ir, pages } = parsePages(inputs, { config, customCode, readPage: pageCache?.readPage, mergeMemo: mergeCache?.memo, onProgress: (done, total) => reporter.progress(done, total, 'parsing') });
    phase('parse');
    const problems = (await import('../ir/validate.js')).validateIr(ir);
    if (problems.length > 0) {
      // The contract was broken by the parser: a bug in docs-to-sdk, not in the docs.
      for (const problem of problems.slice(0, 20)) reporter.error(`internal: IR ${problem}`);
      return EXIT_INTERNAL;
    }
    phase('validate IR');
    // What the docs change did to the API, against the IR the last generation left; it decides the SDK's version.
    // The previous IR needs no schema check when it is the file the last run checked and wrote, untouched since.
    const irPath = options.ir ?? join(out, IR_FILE);
    const leftStamp = !options.ir && last?.out === out ? last.files[IR_FILE]?.stamp : undefined;
    const changes = emitsIr ? measureChanges(ir, irPath, leftStamp !== undefined && leftStamp === fileStamp(irPath)) : undefined;
    if (changes) reporter.apiChanges(changes.changes, options.check === true);
    phase('changes');
    const emitted = await emitting.emit(changes?.ir ?? ir);
    // --ir sends the IR target's file elsewhere: it is then no part of the tree under --out.
    const irFile = options.ir ? emitted.files.get(IR_FILE) : undefined;
    if (irFile !== undefined) emitted.files.delete(IR_FILE);
    const diagnostics = [...ir.diagnostics, ...(changes?.diagnostics ?? []), ...emitted.diagnostics].sort(compareDiagnostics);
    const run = { pages, operations: ir.operations.length, models: ir.models.length, diagnostics };
    const refused = options.failOn === 'breaking' && (changes?.changes.some((change) => change.breaking) ?? false);
    const managed = targets.map((target) => target.entry).filter((entry) => entry !== IR_FILE || !options.ir);
    if (options.check) {
      const { findDrift, hasDrift } = await import('./check.js');
      const drift = findDrift(out, emitted.files, managed);
      phase('compare with --out');
      const written = drift.changed.length + drift.added.length;
      if (hasDrift(drift)) reporter.drift(drift, options.out);
      return finish(run, { written, unchanged: emitted.files.size - written, removed: drift.removed.length }, hasDrift(drift) || refused);
    }
    const hashes = saveCaches ? Object.fromEntries([...emitted.files].map(([path, text]) => [path, contentHash(text)])) : undefined;
    const known = last?.out === out ? { stamps: mapValues(last.files, (file) => file.stamp), hashes: mapValues(last.files, (file) => file.hash) } : undefined;
    const { stamps, ...counts } = await commitTree(out, emitted.files, managed, { known, hashes, stamp: saveCaches });
    if (irFile) await writeFileAtomic(options.ir!, irFile);
    phase('write');
    if (saveCaches) {
      const files = mapValues(hashes!, (hash, path) => ({ stamp: stamps[path] ?? '', hash }));
      // A run that writes the IR elsewhere leaves a file the record does not watch: it cannot be skipped next time.
      await Promise.all([pageCache!.save(), mergeCache!.save(), saveRunRecord(cacheDir!, { ...run, key: irFile ? '' : runKey, out, managed, files })]);
      phase('save caches');
    }
    return finish(run, counts, refused);
  } finally {
    emitting.stop();
  }

  function outputsAsLeft(record: RunRecord): boolean {
    if (record.out !== out) return false;
    const stamps = outputStamps(out, record.managed);
    const paths = Object.keys(record.files);
    return paths.length === Object.keys(stamps).length && paths.every((path) => stamps[path] === record.files[path]!.stamp);
  }

  /** `failed`: --check found drift, or --fail-on refused the changes. */
  function finish(run: { pages: number; operations: number; models: number; diagnostics: Diagnostic[] }, files: { written: number; unchanged: number; removed: number }, failed: boolean): number {
    for (const diagnostic of run.diagnostics) reporter.diagnostic(diagnostic);
    const count = (severity: string): number => run.diagnostics.filter((d) => d.severity === severity).length;
    const [warnings, errors] = [count('warning'), count('error')];
    reporter.summary({ pages: run.pages, operations: run.operations, models: run.models, ...files, warnings, errors, seconds: (performance.now() - started) / 1000 }, options.check === true);
    return errors > 0 || failed || (options.strict && warnings > 0) ? EXIT_FAILED : EXIT_OK;
  }
}

/** The API changes since the IR at `file` (none on a first generation), and the IR with its next version. */
function measureChanges(ir: Ir, file: string, checked: boolean): { ir: Ir; changes: ApiChange[]; diagnostics: Diagnostic[] } | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // a first generation: nothing to compare with
  }
  const previous = readPreviousIr(text, file, checked);
  if (!previous.ir) return { ir, changes: [], diagnostics: previous.diagnostics };
  return { ...nextRelease(previous.ir, ir), diagnostics: [] };
}

const mapValues = <T, U>(record: Record<string, T>, map: (value: T, key: string) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value, key)]));

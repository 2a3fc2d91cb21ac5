/**
 * `docs-to-sdk generate`: docs → IR → outputs, then either write them (atomically) or,
 * with `--check`, compare them with what is on disk. Exit codes: 0 ok, 1 the docs have
 * errors (or warnings with --strict) or --check found drift, 2 usage errors.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, type GeneratorConfig } from '../config/index.js';
import { contentKey, DiskPageCache, hashOf, loadRun, saveRun } from '../cache/index.js';
import { compareDiagnostics } from '../ir/diagnostics.js';
import type { Diagnostic } from '../ir/types.js';
import { validateIr } from '../ir/validate.js';
import { parsePagesAsync, readInputs } from '../parse/index.js';
import { defaultThreads } from '../parse/workers.js';
import { findDrift, hasDrift } from './check.js';
import { irJson, planOutputs, type Target } from './outputs.js';
import type { Reporter } from './reporter.js';
import { commitTree, listFiles, writeFileAtomic } from './write.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const DEFAULT_CONFIG = 'docs-to-sdk.config.json';

export interface GenerateOptions {
  docs: string;
  out: string;
  ir?: string;
  only: Target[];
  check?: boolean;
  strict?: boolean;
  config?: string;
  /** Folder of the content-hash cache; `cache: false` disables it. */
  cacheDir?: string;
  cache?: boolean;
  /** Threads for reading pages (default: the machine's cores). */
  threads?: number;
}

export const DEFAULT_CACHE_DIR = '.cache/docs-to-sdk';

/** What a run produces, kept in the run cache so an unchanged run skips parse and emit. */
interface RunOutputs {
  files: Record<string, string>;
  managed: string[];
  separateIr?: string;
  pages: number;
  operations: number;
  models: number;
  diagnostics: Diagnostic[];
}

/**
 * The run cache's small part: everything but the file contents, plus the size, mtime and
 * inode of every file the run left under --out. When --out still looks exactly like
 * that, an unchanged run has nothing to compare or write and never loads the contents
 * (tens of MB of JSON for the corpus). --check always compares contents.
 */
interface RunSummary extends Omit<RunOutputs, 'files'> {
  fileCount: number;
  written?: { out: string; stamps: Record<string, string> };
}

async function outputStamps(out: string, managed: string[]): Promise<Record<string, string>> {
  const stamps: Record<string, string> = {};
  for (const entry of managed) {
    const target = join(out, entry);
    const nested = await listFiles(target);
    for (const file of nested.length > 0 ? nested.map((name) => `${entry}/${name}`) : [entry]) {
      try {
        const stat = statSync(join(out, file));
        if (stat.isFile()) stamps[file] = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
      } catch {
        // absent: not stamped
      }
    }
  }
  return stamps;
}

function sameStamps(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export async function generate(options: GenerateOptions, reporter: Reporter): Promise<number> {
  const started = performance.now();
  if (!existsSync(options.docs) || !statSync(options.docs).isDirectory()) {
    reporter.error(`--docs ${options.docs} is not a folder`);
    return EXIT_USAGE;
  }
  let config: GeneratorConfig | undefined;
  const configFile = options.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  try {
    if (configFile) config = loadConfig(configFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reporter.error(error.message);
    return EXIT_USAGE;
  }

  const targets = new Set(options.only);
  const inputs = await readInputs(options.docs);
  const cacheDir = options.cache === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  const runKey = hashOf([
    JSON.stringify(config ?? null),
    [...targets].sort().join(','),
    String(options.ir === undefined),
    ...inputs.map((input) => contentKey(input)),
  ]);
  const summary = cacheDir ? await loadRun<RunSummary>(cacheDir, runKey) : undefined;
  if (
    summary?.written &&
    !options.check &&
    summary.separateIr === undefined &&
    summary.written.out === resolve(options.out) &&
    sameStamps(summary.written.stamps, await outputStamps(options.out, summary.managed))
  ) {
    return finish(summary, { written: 0, unchanged: summary.fileCount, removed: 0 }, false);
  }
  let run = summary && cacheDir ? await loadRunFiles(cacheDir, runKey, summary) : undefined;
  if (!run) {
    const pageCache = cacheDir ? await DiskPageCache.open(cacheDir) : undefined;
    const { ir, pages } = await parsePagesAsync(inputs, {
      config,
      cache: pageCache,
      threads: options.threads ?? defaultThreads(),
      onProgress: (done, total) => reporter.progress(done, total, 'parsing'),
    });
    const schemaProblems = validateIr(ir);
    if (schemaProblems.length > 0) {
      // The contract was broken by the parser: a bug in docs-to-sdk, not in the docs.
      for (const problem of schemaProblems.slice(0, 20)) reporter.error(`internal: IR ${problem}`);
      return EXIT_USAGE;
    }
    const plan = await planOutputs(ir, targets, options.ir === undefined);
    run = {
      files: Object.fromEntries(plan.files),
      managed: plan.managed,
      separateIr: options.ir !== undefined && targets.has('ir') ? irJson(ir) : undefined,
      pages,
      operations: ir.operations.length,
      models: ir.models.length,
      diagnostics: [...ir.diagnostics, ...plan.diagnostics].sort(compareDiagnostics),
    };
    if (cacheDir) await Promise.all([pageCache!.save(), saveRun(cacheDir, `${runKey}:files`, run.files, 'run-files.json')]);
  }
  const plan = { files: new Map(Object.entries(run.files)), managed: run.managed };
  const separateIr = run.separateIr;
  let counts: { written: number; unchanged: number; removed: number };
  let drifted = false;
  if (options.check) {
    const drift = await findDrift(options.out, plan.files, plan.managed);
    const written = drift.changed.length + drift.added.length;
    counts = { written, unchanged: plan.files.size - written, removed: drift.removed.length };
    drifted = hasDrift(drift);
    if (drifted) reporter.drift(drift, options.out);
  } else {
    counts = await commitTree(options.out, plan.files, plan.managed);
    if (separateIr !== undefined) await writeFileAtomic(options.ir!, separateIr);
  }
  if (cacheDir) {
    const { files, ...rest } = run;
    const written = options.check ? summary?.written : { out: resolve(options.out), stamps: await outputStamps(options.out, run.managed) };
    await saveRun(cacheDir, runKey, { ...rest, fileCount: Object.keys(files).length, written } satisfies RunSummary);
  }
  return finish(run, counts, drifted);

  function finish(result: Omit<RunOutputs, 'files'>, { written, unchanged, removed }: { written: number; unchanged: number; removed: number }, drift: boolean): number {
    for (const diagnostic of result.diagnostics) reporter.diagnostic(diagnostic);
    const count = (severity: string): number => result.diagnostics.filter((d) => d.severity === severity).length;
    const warnings = count('warning');
    const errors = count('error');
    reporter.summary(
      { pages: result.pages, operations: result.operations, models: result.models, written, unchanged, removed, warnings, errors, seconds: (performance.now() - started) / 1000 },
      options.check === true,
    );
    return errors > 0 || drift || (options.strict && warnings > 0) ? EXIT_FAILED : EXIT_OK;
  }
}

/** The file contents of a cached run (stored under `<key>:files`), joined to its summary. */
async function loadRunFiles(cacheDir: string, runKey: string, summary: RunSummary): Promise<RunOutputs | undefined> {
  const files = await loadRun<Record<string, string>>(cacheDir, `${runKey}:files`, 'run-files.json');
  if (!files) return undefined;
  const { fileCount: _count, written: _written, ...rest } = summary;
  return { ...rest, files };
}

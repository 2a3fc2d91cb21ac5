/**
 * `docs-to-sdk generate`: docs → IR → outputs, then either write them (atomically) or,
 * with `--check`, compare them with what is on disk. Exit codes: 0 ok, 1 the docs have
 * errors (or warnings with --strict) or --check found drift, 2 usage errors.
 */
import { existsSync, statSync } from 'node:fs';
import { ConfigError, loadConfig, type GeneratorConfig } from '../config/index.js';
import { contentKey, DiskPageCache, hashOf, loadRun, saveRun } from '../cache/index.js';
import type { Diagnostic } from '../ir/types.js';
import { validateIr } from '../ir/validate.js';
import { parsePagesAsync, readInputs } from '../parse/index.js';
import { defaultThreads } from '../parse/workers.js';
import { findDrift, hasDrift } from './check.js';
import { irJson, planOutputs, type Target } from './outputs.js';
import type { Reporter } from './reporter.js';
import { commitTree, writeFileAtomic } from './write.js';

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
  let run = cacheDir ? await loadRun<RunOutputs>(cacheDir, runKey) : undefined;
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
      diagnostics: ir.diagnostics,
    };
    if (cacheDir) await Promise.all([pageCache!.save(), saveRun(cacheDir, runKey, run)]);
  }
  for (const diagnostic of run.diagnostics) reporter.diagnostic(diagnostic);
  const plan = { files: new Map(Object.entries(run.files)), managed: run.managed };
  const separateIr = run.separateIr;
  let written = 0;
  let unchanged = 0;
  let removed = 0;
  let drifted = false;
  if (options.check) {
    const drift = await findDrift(options.out, plan.files, plan.managed);
    written = drift.changed.length + drift.added.length;
    removed = drift.removed.length;
    unchanged = plan.files.size - written;
    drifted = hasDrift(drift);
    if (drifted) reporter.drift(drift, options.out);
  } else {
    ({ written, unchanged, removed } = await commitTree(options.out, plan.files, plan.managed));
    if (separateIr !== undefined) await writeFileAtomic(options.ir!, separateIr);
  }

  const count = (severity: string): number => run.diagnostics.filter((d) => d.severity === severity).length;
  const warnings = count('warning');
  const errors = count('error');
  reporter.summary(
    { pages: run.pages, operations: run.operations, models: run.models, written, unchanged, removed, warnings, errors, seconds: (performance.now() - started) / 1000 },
    options.check === true,
  );
  return errors > 0 || drifted || (options.strict && warnings > 0) ? EXIT_FAILED : EXIT_OK;
}

/**
 * `docs-to-sdk generate`: docs → IR → outputs, then either write them (atomically) or,
 * with `--check`, compare them with what is on disk. Exit codes: 0 ok, 1 the docs have
 * errors (or warnings with --strict) or --check found drift, 2 usage errors.
 */
import { existsSync, statSync } from 'node:fs';
import { ConfigError, loadConfig, type GeneratorConfig } from '../config/index.js';
import { validateIr } from '../ir/validate.js';
import { parseDocsFolder } from '../parse/index.js';
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

  const { ir, pages } = await parseDocsFolder(options.docs, {
    config,
    onProgress: (done, total) => reporter.progress(done, total, 'parsing'),
  });
  const schemaProblems = validateIr(ir);
  if (schemaProblems.length > 0) {
    // The contract was broken by the parser: a bug in docs-to-sdk, not in the docs.
    for (const problem of schemaProblems.slice(0, 20)) reporter.error(`internal: IR ${problem}`);
    return EXIT_USAGE;
  }
  for (const diagnostic of ir.diagnostics) reporter.diagnostic(diagnostic);

  const targets = new Set(options.only);
  const plan = planOutputs(ir, targets, options.ir === undefined);
  const separateIr = options.ir !== undefined && targets.has('ir') ? irJson(ir) : undefined;
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

  const count = (severity: string): number => ir.diagnostics.filter((d) => d.severity === severity).length;
  const warnings = count('warning');
  const errors = count('error');
  reporter.summary(
    { pages, operations: ir.operations.length, models: ir.models.length, written, unchanged, removed, warnings, errors, seconds: (performance.now() - started) / 1000 },
    options.check === true,
  );
  return errors > 0 || drifted || (options.strict && warnings > 0) ? EXIT_FAILED : EXIT_OK;
}

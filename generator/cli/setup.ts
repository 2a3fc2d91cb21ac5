/**
 * What a `generate` run works from, resolved before any stage runs: the pages, the
 * config, the targets and the cache folder. Problems here are usage errors (exit 2).
 */
import { hash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toolFingerprint } from '../cache/index.js';
import { ConfigError, loadConfig, type GeneratorConfig } from '../config/index.js';
import { TARGETS, targetNamed, type RegisteredTarget } from '../emit/targets.js';
import { findPages, readCustomCode, readPages } from '../parse/inputs.js';
import { pageHash, type PageInput } from '../parse/read-page.js';
import type { CustomCodeFile } from '../ir/types.js';
import { EXIT_USAGE } from './exit-codes.js';
import type { Reporter } from './reporter.js';

export const DEFAULT_CONFIG = 'docs-to-sdk.config.json';
export const DEFAULT_CACHE_DIR = '.cache/docs-to-sdk';

export interface GenerateOptions {
  docs: string;
  out: string;
  /** Write the IR here instead of `<out>/ir.json`. */
  ir?: string;
  /** Target names (generator/emit/targets.ts), in any order. */
  only: string[];
  check?: boolean;
  strict?: boolean;
  config?: string;
  /** Folder of the cache; `cache: false` disables it. */
  cacheDir?: string;
  cache?: boolean;
  /** Slow-loading targets on threads of their own (default: for large docs sets). */
  targetThreads?: boolean;
  /** `breaking`: exit 1 when the docs change breaks the SDK's API (generator/changes). */
  failOn?: 'breaking';
}

export interface Setup {
  inputs: PageInput[];
  /** The custom code folder's `*.ts` files (generator/emit/sdk/custom-code.ts merges them). */
  customCode: CustomCodeFile[];
  /** In registry order. */
  targets: RegisteredTarget[];
  config?: GeneratorConfig;
  cacheDir?: string;
  /** Absolute `--out`. */
  out: string;
  options: GenerateOptions;
}

export async function loadSetup(options: GenerateOptions, reporter: Reporter): Promise<Setup | number> {
  if (!existsSync(options.docs) || !statSync(options.docs).isDirectory()) {
    reporter.error(`--docs ${options.docs} is not a folder`);
    return EXIT_USAGE;
  }
  const unknown = options.only.filter((name) => !targetNamed(name));
  if (unknown.length > 0) {
    reporter.error(`unknown target ${unknown.join(', ')}`);
    return EXIT_USAGE;
  }
  let config: GeneratorConfig | undefined;
  // A docs set's own config (beside its pages, as its custom code is) before the working folder's.
  const beside = join(options.docs, DEFAULT_CONFIG);
  const configFile = options.config ?? [beside, DEFAULT_CONFIG].find((file) => existsSync(file));
  try {
    if (configFile) config = loadConfig(configFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    reporter.error(error.message);
    return EXIT_USAGE;
  }
  return {
    inputs: readPages(options.docs, await findPages(options.docs)),
    customCode: readCustomCode(options.docs, config?.customCode),
    targets: TARGETS.filter((target) => options.only.includes(target.name)),
    config,
    cacheDir: options.cache === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR),
    out: resolve(options.out),
    options,
  };
}

/** One key over everything a run's output depends on: the tool, the settings and every page. */
export function runKeyOf(setup: Setup): string {
  const settings = JSON.stringify([toolFingerprint(), setup.config ?? null, setup.targets.map((target) => target.name), setup.options.ir ?? null]);
  const custom = setup.customCode.map((file) => `${file.file}\0${file.code}`);
  return hash('sha256', [settings, ...setup.inputs.map(pageHash), ...custom].join('\0'), 'hex');
}

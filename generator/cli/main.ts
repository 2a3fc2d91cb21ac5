#!/usr/bin/env node
/** The `docs-to-sdk` command line: argument parsing (commander) and wiring only. */
import { createRequire } from 'node:module';
import type { Command as CommandType } from 'commander';
import { TARGET_NAMES, TARGETS } from '../emit/targets.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { generate } from './generate.js';
import { Reporter } from './reporter.js';
import { DEFAULT_CACHE_DIR, DEFAULT_CONFIG, type GenerateOptions } from './setup.js';

// require(), not import: an ESM import of this CommonJS package first scans its source for export names (~20 ms a run).
const { Command, CommanderError, InvalidArgumentError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');

export { EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

interface CliOptions extends GenerateOptions {
  quiet?: boolean;
  json?: boolean;
  verbose?: boolean;
}

function parseTargets(value: string): string[] {
  const targets = value.split(',').map((part) => part.trim()).filter(Boolean);
  const unknown = targets.filter((target) => !TARGET_NAMES.includes(target));
  if (unknown.length > 0 || targets.length === 0) {
    throw new InvalidArgumentError(`expected a comma-separated list of ${TARGET_NAMES.join(', ')}`);
  }
  return [...new Set(targets)];
}

const targetList = TARGETS.map((target) => `  ${target.name.padEnd(6)} <out>/${target.entry}: ${target.description}`).join('\n');

export function buildProgram(run: (options: CliOptions) => Promise<number>): CommandType {
  const program = new Command('docs-to-sdk')
    .description('Generate TypeScript SDKs (and docs) from Authing-style Markdown API reference pages.')
    .exitOverride()
    .showHelpAfterError();
  program
    .command('generate')
    .description('parse every .md/.txt page under --docs and write the IR and generated output under --out')
    .addOption(new Option('--docs <dir>', 'folder of docs pages, searched recursively').default('docs-src'))
    .addOption(new Option('--out <dir>', 'folder for generated output').default('generated'))
    .option('--ir <file>', 'write the IR JSON to this file instead of <out>/ir.json')
    .addOption(new Option('--only <targets>', `what to generate, comma-separated: ${TARGET_NAMES.join(',')}`).argParser(parseTargets).default([...TARGET_NAMES], TARGET_NAMES.join(',')))
    .option('--check', 'generate in memory and compare with --out; print a diff and exit 1 on any difference; writes nothing')
    .option('--strict', 'treat warnings as failures (exit 1)')
    .addOption(new Option('--fail-on <what>', 'exit 1 when the docs change breaks the SDK API (against the previous ir.json)').choices(['breaking']))
    .option('--config <file>', `per-operation overrides (default: ./${DEFAULT_CONFIG} when present)`)
    .option('--quiet', 'print only diagnostics: no progress, no summary')
    .option('--json', 'print diagnostics, drift and the summary as JSON lines')
    .option('--verbose', 'also print info diagnostics (e.g. pages skipped as not API reference)')
    .option('--cache-dir <dir>', 'content-hash cache between runs', DEFAULT_CACHE_DIR)
    .option('--no-cache', 'do not read or write the cache')
    .addHelpText(
      'after',
      `\nTargets:\n${targetList}\n\nExit codes: 0 success; 1 the docs have errors (or warnings with --strict), or --check found drift; 2 usage error; 3 internal error.`,
    )
    .action(async (options: CliOptions) => {
      process.exitCode = await run(options);
    });
  return program;
}

/**
 * What the command prints goes to stdout in one write when it ends (or before an internal
 * error is reported): the corpus's ~500 warnings written one by one to a pipe (synchronous
 * writes on Linux) took ~20 ms. The progress bar is drawn on stderr as it goes.
 */
function collectedStdout(): { out: (line: string) => void; flush: () => void } {
  let lines: string[] = [];
  return {
    out: (line) => void lines.push(line),
    flush: () => {
      if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      lines = [];
    },
  };
}

export async function main(argv: string[], given?: (line: string) => void): Promise<number> {
  const stdout = given ? undefined : collectedStdout();
  const out = given ?? stdout!.out;
  try {
    return await runCommand(argv, out);
  } finally {
    stdout?.flush();
  }
}

async function runCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const program = buildProgram((options) => {
    const interactive = process.stderr.isTTY && !process.env.CI;
    const reporter = new Reporter({ ...options, out, progressStream: interactive ? process.stderr : undefined });
    return generate(options, reporter);
  });
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT_OK);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    console.error(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT_INTERNAL;
  }
}

// Run directly (tsx generator/cli/main.ts); no top-level await: the bundle is CommonJS.
if (process.argv[1]?.endsWith('cli/main.ts')) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

#!/usr/bin/env node
/**
 * `docs-to-sdk generate`: docs folder → IR (and, as emitters land, SDK and docs).
 * Exit codes: 0 ok, 1 the docs have errors, 2 usage or environment errors.
 */
import { existsSync, statSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig, type GeneratorConfig } from '../config/index.js';
import { formatDiagnostic } from '../ir/diagnostics.js';
import { validateIr } from '../ir/validate.js';
import { parseDocsFolder } from '../parse/index.js';
import { emitSdk } from '../emit/sdk/index.js';
import { writeFileAtomic, writeTree } from './write.js';

export const EXIT_OK = 0;
export const EXIT_DOC_ERRORS = 1;
export const EXIT_USAGE = 2;

const DEFAULT_CONFIG = 'docs-to-sdk.config.json';

interface GenerateOptions {
  docs: string;
  out: string;
  ir?: string;
  config?: string;
  verbose?: boolean;
}

export async function generate(options: GenerateOptions, log: (line: string) => void = console.log): Promise<number> {
  const started = performance.now();
  if (!existsSync(options.docs) || !statSync(options.docs).isDirectory()) {
    log(`error: --docs ${options.docs} is not a folder`);
    return EXIT_USAGE;
  }
  let config: GeneratorConfig | undefined;
  const configFile = options.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  try {
    if (configFile) config = loadConfig(configFile);
  } catch (error) {
    if (error instanceof ConfigError) {
      log(`error: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }

  const { ir, pages } = await parseDocsFolder(options.docs, { config });
  const schemaProblems = validateIr(ir);
  if (schemaProblems.length > 0) {
    // The parser produced something the contract forbids: a bug in docs-to-sdk, not in the docs.
    for (const problem of schemaProblems.slice(0, 20)) log(`internal error: IR ${problem}`);
    return EXIT_USAGE;
  }
  const irFile = options.ir ?? `${options.out}/ir.json`;
  await writeFileAtomic(irFile, `${JSON.stringify(ir, null, 2)}\n`);
  const sdk = await writeTree(`${options.out}/sdk`, emitSdk(ir));

  const count = (severity: string): number => ir.diagnostics.filter((d) => d.severity === severity).length;
  for (const diagnostic of ir.diagnostics) {
    if (diagnostic.severity !== 'info' || options.verbose) log(formatDiagnostic(diagnostic));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(
    `${pages} pages, ${ir.operations.length} operations, ${ir.models.length} models, ` +
      `${sdk.written} files written, ${sdk.unchanged} unchanged, ${sdk.removed} removed, ` +
      `${count('warning')} warnings, ${count('error')} errors, ${seconds}s`,
  );
  return count('error') > 0 ? EXIT_DOC_ERRORS : EXIT_OK;
}

export function buildProgram(run: (options: GenerateOptions) => Promise<number>): Command {
  const program = new Command('docs-to-sdk')
    .description('Generate TypeScript SDKs and docs from Authing-style Markdown API reference pages.')
    .exitOverride()
    .showHelpAfterError();
  program
    .command('generate')
    .description('parse every .md/.txt page under --docs and write the IR (and generated output) under --out')
    .addOption(new Option('--docs <dir>', 'folder of docs pages, searched recursively').default('docs-src'))
    .addOption(new Option('--out <dir>', 'folder for generated output').default('generated'))
    .option('--ir <file>', 'where to write the IR JSON (default: <out>/ir.json)')
    .option('--config <file>', `overrides per operation (default: ./${DEFAULT_CONFIG} when present)`)
    .option('--verbose', 'also print info diagnostics (skipped pages)')
    .action(async (options: GenerateOptions) => {
      process.exitCode = await run(options);
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(generate);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? EXIT_OK);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    console.error(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  process.exitCode = await main(process.argv.slice(2));
}

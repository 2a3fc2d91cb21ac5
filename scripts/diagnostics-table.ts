/**
 * `npm run docs:diagnostics [-- --check]`: writes README's table of diagnostic codes
 * (between `<!-- diagnostics:start -->` and `<!-- diagnostics:end -->`) from the
 * registry, generator/ir/diagnostic-codes.ts. `--check` changes nothing and exits 1
 * when the table is stale; test/ir/diagnostic-codes.test.ts runs the same check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES } from '../generator/ir/diagnostic-codes.js';

export const START_MARKER = '<!-- diagnostics:start -->';
export const END_MARKER = '<!-- diagnostics:end -->';
export const FIX_COMMAND = 'npm run docs:diagnostics';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The generated part, markers included: code | severity | meaning, in registry order. */
export function diagnosticsTable(): string {
  const rows = Object.entries(DIAGNOSTIC_CODES).map(
    ([code, { severity, meaning }]) => `| \`${code}\` | ${severity} | ${cell(meaning)} |`,
  );
  return [
    START_MARKER,
    `<!-- generated from generator/ir/diagnostic-codes.ts by \`${FIX_COMMAND}\`: edit the registry, not this table -->`,
    '',
    '| code | severity | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
    END_MARKER,
  ].join('\n');
}

/** `readme` with its marked part replaced by diagnosticsTable(); throws when the markers are missing. */
export function withDiagnosticsTable(readme: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} section`);
  return readme.slice(0, start) + diagnosticsTable() + readme.slice(end + END_MARKER.length);
}

export const README = resolve(fileURLToPath(import.meta.url), '../../README.md');

function main(args: string[]): number {
  const readme = readFileSync(README, 'utf8');
  let wanted: string;
  try {
    wanted = withDiagnosticsTable(readme);
  } catch (error) {
    console.error(`docs:diagnostics: ${(error as Error).message}`);
    return 2;
  }
  if (wanted === readme) {
    console.log('README.md: the diagnostics table is up to date');
    return 0;
  }
  if (args.includes('--check')) {
    console.error(`README.md: the diagnostics table differs from generator/ir/diagnostic-codes.ts; run \`${FIX_COMMAND}\``);
    return 1;
  }
  writeFileSync(README, wanted);
  console.log('README.md: diagnostics table written');
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}

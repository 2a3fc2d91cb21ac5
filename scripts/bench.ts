/**
 * `npm run bench [-- <docs dir>…]`: phase times of a full generation over real pages
 * (default: ../shared/corpus/zh and en), with throughput and peak RSS, then the CLI's
 * wall times as a user sees them — cold (no cache; into an empty output folder and into
 * an earlier run's), the drift check (`--check`, no cache), cold filling the cache,
 * warm with no change, warm with one page changed — each a child process on a copy of
 * the pages, `--runs N` times (default 3), with its peak RSS, then the median and range
 * of each. Not a test: numbers for humans and closing notes. `--no-cli` skips the CLI
 * runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ir } from '../generator/ir/types.js';
import { emitSdk } from '../generator/emit/sdk/index.js';
import { irJson } from '../generator/emit/ir/index.js';
import { openapiTarget } from '../generator/emit/openapi/index.js';
import { emitTarget } from '../generator/emit/target.js';
import { sdkTarget } from '../generator/emit/sdk/target.js';
import { findPages, parsePages, type PageInput } from '../generator/parse/index.js';

const args = process.argv.slice(2);
const runCli = !args.includes('--no-cli');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;
const given = args.filter((arg, index) => !arg.startsWith('--') && !(runsAt >= 0 && index === runsAt + 1));
const roots = given.length > 0 ? given : ['../shared/corpus/zh', '../shared/corpus/en'];
const missing = roots.filter((root) => !existsSync(root));
if (missing.length > 0) {
  console.error(`bench: ${missing.join(', ')} not found (the corpus lives in ../shared beside the checkout)`);
  process.exit(2);
}
const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const timings = new Map<string, number>();
const time = async <T>(label: string, run: () => T | Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms`);
  timings.set(label, ms);
  return result;
};

console.log('— in process (TypeScript sources through tsx) —');
const inputs = await time('read pages', async () => {
  const all: PageInput[] = [];
  for (const root of roots) {
    // Prefix with the root's name so zh and en pages of one operation merge, as in one docs tree.
    const prefix = resolve(root).split('/').pop();
    for (const file of await findPages(root)) all.push({ file: `${prefix}/${file}`, content: readFileSync(`${root}/${file}`) });
  }
  return all;
});
const bytes = inputs.reduce((sum, input) => sum + input.content.length, 0);
const { ir } = await time('parse → IR', () => parsePages(inputs));
const sdk = await time('emit SDK', () => emitSdk(ir));
await time('emit SDK (again)', () => emitSdk(ir));
await time('emit IR (ir.json)', () => irJson(ir));
await time('emit OpenAPI', () => emitTarget('openapi', openapiTarget, ir));
await time('emit OpenAPI (again)', () => emitTarget('openapi', openapiTarget, ir));
// The SDK target's check of its output (generator/samples): every node sample against the SDK, one program.
const sdkPlan = sdkTarget.plan(ir);
const sampleChecks = sdkPlan.finish(sdkPlan.units.map((unit) => unit.render())).checks ?? [];
// As on the SDK's thread: warmed up (off the critical path, during the parse), then the check.
await time('samples check warm-up', () => sdkTarget.prepare?.());
await time('check node samples', () => sampleChecks.map((check) => check.render()));
const docsEmitter = join(REPO, 'generator/emit/docs/index.ts');
let docsFiles: number | undefined;
if (existsSync(docsEmitter)) {
  const { emitDocs } = (await import('../generator/emit/docs/index.js')) as { emitDocs: (ir: Ir) => unknown };
  const docs = await time('emit docs', () => emitDocs(ir));
  docsFiles = sizeOf(docs);
}
clearInterval(sample);

const parseMs = timings.get('parse → IR')!;
console.log(
  `${inputs.length} pages, ${(bytes / 1e6).toFixed(1)} MB → ${ir.operations.length} operations, ${ir.models.length} models, ` +
    `${sdk.size} SDK files${docsFiles === undefined ? '' : `, ${docsFiles} docs files`}; parse ` +
    `${(inputs.length / (parseMs / 1000)).toFixed(0)} pages/s, ${(bytes / 1e6 / (parseMs / 1000)).toFixed(2)} MB/s; peak RSS ${mb(peakRss)}`,
);

if (runCli) cliRuns();

/** File count of whatever emitDocs returns (a Map of files, or an object holding one). */
function sizeOf(value: unknown): number | undefined {
  if (value instanceof Map) return value.size;
  if (value && typeof value === 'object' && 'files' in value) return sizeOf((value as { files: unknown }).files);
  return undefined;
}

function cliRuns(): void {
  console.log('— CLI (bin/docs-to-sdk.js, child processes; each wall time includes process start-up) —');
  nodeStartUp();
  // Inside the checkout's ignored .cache/, where a project's generated/ and cache live, not the system's temporary
  // folder: on some machines (this project's VMs among them) creating files under /tmp is 20-30x slower than in
  // the project's own tree on the same disk (4,196 new files: ~3 s vs ~0.1 s), which would measure the machine.
  mkdirSync(join(REPO, '.cache'), { recursive: true });
  const work = mkdtempSync(join(REPO, '.cache', 'bench-'));
  try {
    const docs = join(work, 'docs');
    for (const root of roots) cpSync(root, join(docs, resolve(root).split('/').pop()!), { recursive: true });
    const out = join(work, 'out');
    const cache = join(work, 'cache');
    // Build the bundle first, so no run below pays for it.
    spawnSync(process.execPath, [join(REPO, 'scripts/build.js')], { stdio: 'ignore' });
    const results = new Map<string, { walls: number[]; rss: number[] }>();
    const run = (label: string, extra: string[]): void => {
      const { wall, rss, summary } = cli(['generate', '--docs', docs, '--out', out, ...extra]);
      const written = /(\d+) files written/.exec(summary ?? '')?.[1];
      console.log(`${label.padEnd(32)} ${(wall * 1000).toFixed(0).padStart(6)} ms  peak RSS ${rss === undefined ? '?' : mb(rss)}  ${written ?? '?'} files written${summary ? `  (${summary})` : ''}`);
      const entry = results.get(label) ?? { walls: [], rss: [] };
      entry.walls.push(wall);
      if (rss !== undefined) entry.rss.push(rss);
      results.set(label, entry);
    };
    const fresh = (...dirs: string[]): void => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    // Cold = no cache. Into an empty output folder, the run also creates ~4,200 files and ~400 folders, which on
    // some file systems (this project's VMs: fresh ext4 block groups) costs seconds of its own; into the output of
    // an earlier run it compares them instead and writes none (what a regenerate of a checked-out generated/ does).
    for (let index = 0; index < runs; index += 1) {
      fresh(out);
      run('cold (--no-cache), empty output', ['--no-cache']);
    }
    for (let index = 0; index < runs; index += 1) run('cold (--no-cache)', ['--no-cache']);
    // CI's drift check: everything generated in memory and compared with the files on disk, no cache.
    for (let index = 0; index < runs; index += 1) run('drift check (--check --no-cache)', ['--check', '--no-cache']);
    for (let index = 0; index < runs; index += 1) {
      fresh(cache);
      run('cold, filling the cache', ['--cache-dir', cache]);
    }
    for (let index = 0; index < runs; index += 1) run('warm, no change', ['--cache-dir', cache]);
    const page = join(docs, findOnePage());
    // A real change: the page's title (summary) is in the IR, the SDK and the docs.
    const retitle = (mark: string): void => writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.*)$/m, `# $1 ${mark}`));
    console.log(`one-page change: ${relative(docs, page)} (its title)`);
    for (let index = 0; index < runs; index += 1) {
      retitle(`(edit ${index + 1})`);
      run('warm, one page changed', ['--cache-dir', cache]);
    }
    console.log(`— CLI summary: median and range of ${runs} runs each —`);
    for (const [label, { walls, rss }] of results) {
      const ms = (seconds: number): string => `${(seconds * 1000).toFixed(0)} ms`;
      // Peak RSS as the largest number of bytes (sorted as texts, "99 MB" came after "101 MB").
      console.log(`${label.padEnd(32)} median ${ms(median(walls)).padStart(7)}  (${ms(Math.min(...walls))}–${ms(Math.max(...walls))})  peak RSS ${rss.length > 0 ? mb(Math.max(...rss)) : '?'}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A page whose change reaches the output: the highest-precedence source (zh, node) of an
 * operation in the IR parsed above, inside a tag folder — not a stale copy or a
 * hand-written page whose edit the merge ignores.
 */
function findOnePage(): string {
  for (const operation of [...ir.operations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const source = operation.sources.find(({ file }) => /^zh\/node\/(management|authentication)\/[^/]+\/[^/]+\.md$/.test(file));
    if (source && operation.summary.zh) return source.file;
  }
  return ir.operations[0]!.sources[0]!.file;
}

/** The middle value (the lower of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * What starting Node costs here, which every CLI run below includes: `node -e 0`, and
 * without NODE_EXTRA_CA_CERTS when it is set (Node reads and parses those certificates
 * at every start, TLS or not: ~60 ms on this project's VMs, which set it).
 */
function nodeStartUp(): void {
  const startUp = (env: NodeJS.ProcessEnv): number =>
    median(
      Array.from({ length: 7 }, () => {
        const start = performance.now();
        spawnSync(process.execPath, ['-e', '0'], { env });
        return performance.now() - start;
      }),
    );
  const plain = startUp(process.env);
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (!extra) {
    console.log(`node start-up (node -e 0): ${plain.toFixed(0)} ms`);
    return;
  }
  const { NODE_EXTRA_CA_CERTS: _, ...without } = process.env;
  console.log(`node start-up (node -e 0): ${plain.toFixed(0)} ms; ${startUp(without).toFixed(0)} ms without NODE_EXTRA_CA_CERTS (set here to ${extra}; the runs below keep it)`);
}

/** One CLI run: wall seconds and peak RSS (GNU time when present). */
function cli(cliArgs: string[]): { wall: number; rss?: number; summary?: string } {
  const bin = join(REPO, 'bin/docs-to-sdk.js');
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime ? ['-f', 'RSS_KB=%M', process.execPath, bin, ...cliArgs] : [bin, ...cliArgs];
  const start = performance.now();
  const child = spawnSync(command, argv, { encoding: 'utf8', cwd: REPO, env: { ...process.env, CI: '1' } });
  const wall = (performance.now() - start) / 1000;
  const kb = /RSS_KB=(\d+)/.exec(child.stderr)?.[1];
  if (child.status !== 0 && child.status !== 1) console.error(child.stderr.slice(0, 2000));
  return { wall, rss: kb ? Number(kb) * 1024 : undefined, summary: child.stdout.trim().split('\n').pop() };
}

/**
 * `npm run bench [-- <docs dir>…]`: phase times of a full generation over real pages
 * (default: ../shared/corpus/zh and en), with throughput and peak RSS. Not a test:
 * numbers for humans and closing notes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { emitSdk } from '../generator/emit/sdk/index.js';
import { findPages, parsePages, type PageInput } from '../generator/parse/index.js';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['../shared/corpus/zh', '../shared/corpus/en'];
const missing = roots.filter((root) => !existsSync(root));
if (missing.length > 0) {
  console.error(`bench: ${missing.join(', ')} not found (the corpus lives in ../shared beside the checkout)`);
  process.exit(2);
}

let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

const time = async <T>(label: string, run: () => T | Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`${label.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms`);
  timings.set(label, ms);
  return result;
};
const timings = new Map<string, number>();

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
const { ir } = await time('parse → IR (cold)', () => parsePages(inputs));
const sdk = await time('emit SDK', () => emitSdk(ir));
await time('emit SDK (again)', () => emitSdk(ir));
clearInterval(sample);

const parseMs = timings.get('parse → IR (cold)')!;
console.log(
  `${inputs.length} pages, ${(bytes / 1e6).toFixed(1)} MB → ${ir.operations.length} operations, ${ir.models.length} models, ` +
    `${sdk.size} SDK files; parse ${(inputs.length / (parseMs / 1000)).toFixed(0)} pages/s, ` +
    `${(bytes / 1e6 / (parseMs / 1000)).toFixed(2)} MB/s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
);

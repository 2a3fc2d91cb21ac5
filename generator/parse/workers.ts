/**
 * Reads pages on worker threads. Pages go to workers by operation slug, so the six
 * SDK-language copies of a page (which share most blocks) meet the same block cache.
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleState } from '../shared/bundle.js';
import { readPageResult, type PageInput, type PageResult } from './read-page.js';

/** Below this many pages a worker's start-up (~0.3 s) costs more than it saves. */
export const MIN_PAGES_PER_WORKER = 150;

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** This thread reads one share of the pages while `threads - 1` workers read the rest. */
export async function readPagesInWorkers(inputs: PageInput[], threads: number): Promise<PageResult[]> {
  const buckets: PageInput[][] = Array.from({ length: threads }, () => []);
  for (const input of inputs) buckets[bucketOf(input.file, threads)]!.push(input);
  const [own, ...others] = buckets;
  const pending = others.filter((bucket) => bucket.length > 0).map(runWorker);
  const mine = own!.map(readPageResult);
  return [...mine, ...(await Promise.all(pending)).flat()];
}

function bucketOf(file: string, threads: number): number {
  const slug = file.split('/').pop() ?? file;
  let hash = 0;
  for (let i = 0; i < slug.length; i += 1) hash = (hash * 31 + slug.charCodeAt(i)) | 0;
  return Math.abs(hash) % threads;
}

/**
 * The precompiled worker when bin/docs-to-sdk.js runs the bundle (it sets this global),
 * else the sources through tsx (~0.25 s more start-up per worker).
 */
function workerUrl(): URL {
  const bundled = bundleState()?.worker;
  return bundled ? pathToFileURL(bundled) : new URL('./worker-entry.js', import.meta.url);
}

function runWorker(inputs: PageInput[]): Promise<PageResult[]> {
  return new Promise((resolve, reject) => {
    // Plain copies: an input may read its content on demand (a getter a structured clone would not carry).
    const worker = new Worker(workerUrl(), { workerData: inputs.map(({ file, content }) => ({ file, content })) });
    worker.once('message', (results: PageResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`page worker exited with code ${code}`));
    });
  });
}

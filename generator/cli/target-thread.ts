/**
 * Runs a target on its own thread (target-worker.ts), started before the pages are
 * parsed so that loading it overlaps the parse. Used for targets the registry marks as
 * slow to load, in docs sets large enough for the overlap to pay (~0.1 s per thread).
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TargetOutput } from '../emit/target.js';
import { bundleState } from '../shared/bundle.js';
import type { TargetReply, TargetRequest } from './target-worker.js';

export interface TargetThread {
  emit(irJson: string): Promise<TargetOutput>;
  stop(): void;
}

function workerUrl(): URL {
  const bundled = bundleState()?.targetWorker;
  return bundled ? pathToFileURL(bundled) : new URL('./target-worker-entry.js', import.meta.url);
}

export function startTargetThread(target: string, cacheDir: string | undefined, saveCache: boolean): TargetThread {
  const worker = new Worker(workerUrl(), { workerData: { target, cacheDir, saveCache, bundle: bundleState() } });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the ${target} thread exited with code ${code}`)));
  });
  failed.catch(() => {});
  return {
    async emit(irJson) {
      const replied = new Promise<TargetReply>((resolve) => worker.once('message', resolve));
      worker.postMessage({ irJson } satisfies TargetRequest);
      const reply = await Promise.race([replied, failed]);
      void worker.terminate();
      if ('error' in reply) throw new Error(`the ${target} target failed: ${reply.error}`);
      return { files: new Map(reply.files), diagnostics: reply.diagnostics };
    },
    stop() {
      void worker.terminate();
    },
  };
}

/** Starts the SDK worker (sdk-worker.ts) early and hands it the IR once there is one. */
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleState } from '../shared/bundle.js';
import type { SdkMessage, SdkReply, SdkRequest } from './sdk-worker.js';

export interface SdkThread {
  /** A thread started `held` loads the emitter now (else a no-op). */
  load(): void;
  emit(request: SdkRequest): Promise<SdkReply>;
  stop(): void;
  /**
   * Resolves once the thread has exited (it may save its code cache on the way out, which
   * the process must not cut short), or after EXIT_WAIT_MS.
   */
  finished(): Promise<void>;
}

const EXIT_WAIT_MS = 3000;

/**
 * Where V8's code cache for the SDK thread (code-cache.ts) lives: beside the bundle
 * (dist/<build>/code-cache.pack: it belongs to the tool's build, not to a docs set, so it
 * serves `--no-cache` runs too and goes with the build), else in the run cache.
 */
export function codeCacheFile(cacheDir: string | undefined): string | undefined {
  const bundled = bundleState()?.sdkWorker;
  return bundled ? join(dirname(bundled), 'code-cache.pack') : cacheDir && join(cacheDir, 'code-cache.pack');
}

function workerUrl(): URL {
  const bundled = bundleState()?.sdkWorker;
  return bundled ? pathToFileURL(bundled) : new URL('./sdk-worker-entry.js', import.meta.url);
}

/**
 * `held`: the thread boots (~0.07 s) but loads nothing until load(), for a caller that
 * may turn out not to need it.
 */
export function startSdkThread(options: { warmUp: boolean; held?: boolean; codeCache?: string }): SdkThread {
  const worker = new Worker(workerUrl(), { workerData: { ...options, bundle: bundleState() } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', (error) => reject((failure = error)));
    worker.once('exit', (code) => reject((failure ??= new Error(`SDK worker exited with code ${code}`))));
  });
  failed.catch(() => {});
  let loading = !options.held;
  const post = (message: SdkMessage): void => worker.postMessage(message);
  return {
    load() {
      if (loading || failure) return;
      loading = true;
      post({ kind: 'load' });
    },
    emit(request) {
      if (failure) return Promise.reject(failure);
      this.load();
      const reply = new Promise<SdkReply>((resolve) => worker.once('message', resolve));
      post({ kind: 'emit', ...request });
      // The worker exits by itself after replying (saving its code cache); this process need not wait for that.
      return Promise.race([reply, failed]).finally(() => worker.unref());
    },
    stop() {
      void worker.terminate();
    },
    async finished() {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_WAIT_MS).unref()));
      await Promise.race([exited, waited]);
      clearTimeout(timer);
    },
  };
}

/**
 * A target on a thread of its own (target-thread.ts starts it): it loads the target at
 * once (ts-morph, for the SDK: ~0.3 s) while the main thread parses the pages, then
 * receives the IR as JSON, emits, and posts the output back. The units go through the
 * same cache layer as on the main thread (the target's own store in the cache folder).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hasTargetCache, openTargetCache } from '../cache/index.js';
import { emitTarget, type FileContent } from '../emit/target.js';
import { targetNamed } from '../emit/targets.js';
import type { Ir } from '../ir/types.js';
import { setBundleState, type BundleState } from '../shared/bundle.js';
import { phase } from './timings.js';

export interface TargetRequest {
  irJson: string;
}

export type TargetReply = { files: [string, FileContent][]; diagnostics: Ir['diagnostics'] } | { error: string };

const options = workerData as { target: string; cacheDir?: string; saveCache: boolean; bundle?: BundleState };
if (options.bundle) setBundleState(options.bundle);

const registered = targetNamed(options.target);
const loaded = registered!.load().then((target) => {
  // With a cache from an earlier run the check is most likely a cache hit: warming up would only delay the emit.
  if (target.prepare && (options.cacheDir === undefined || !hasTargetCache(options.cacheDir, options.target))) {
    target.prepare();
    phase(`${options.target} thread: prepared`);
  }
  return target;
});

parentPort!.once('message', (request: TargetRequest) => {
  void reply(request).then((message) => parentPort!.postMessage(message));
});

async function reply({ irJson }: TargetRequest): Promise<TargetReply> {
  try {
    const target = await loaded;
    phase(`${options.target} thread: loaded`);
    const ir = JSON.parse(irJson) as Ir;
    const cache = options.cacheDir === undefined ? undefined : openTargetCache(options.cacheDir, options.target);
    const output = emitTarget(options.target, target, ir, cache?.runUnit);
    phase(`${options.target} thread: emitted`);
    if (options.saveCache) await cache?.save();
    return { files: [...output.files], diagnostics: output.diagnostics };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

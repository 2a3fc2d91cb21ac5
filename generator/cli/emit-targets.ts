/**
 * The targets of a run, emitted: each on this thread, or (a target the registry marks
 * `ownThread`, in a large docs set) on a thread of its own started before the parse.
 * Either way a target's units go through the cache layer when there is a cache.
 */
import { availableParallelism } from 'node:os';
import { openTargetCache, type Saveable } from '../cache/index.js';
import { emitTarget, type FileContent, type TargetOutput } from '../emit/target.js';
import type { RegisteredTarget } from '../emit/targets.js';
import { compareDiagnostics } from '../ir/diagnostics.js';
import type { Ir } from '../ir/types.js';
import { startTargetThread, type TargetThread } from './target-thread.js';
import { phase } from './timings.js';

/** Below this many pages a thread's start-up (~0.1 s) costs more than the overlap gains. */
export const OWN_THREAD_MIN_PAGES = 300;

export interface TargetRun {
  /** The targets' files by path under `--out`. */
  emit(ir: Ir): Promise<TargetOutput>;
  stop(): void;
}

/** `threads`: undefined lets the docs set's size decide; `cacheDir`: where units are cached; `saveCache`: false for --check. */
export function prepareTargets(
  targets: readonly RegisteredTarget[],
  options: { pages: number; threads?: boolean; cacheDir?: string; saveCache: boolean },
): TargetRun {
  const useThreads = options.threads ?? (options.pages >= OWN_THREAD_MIN_PAGES && availableParallelism() > 1);
  const threads = new Map<string, TargetThread>();
  for (const target of targets) {
    if (target.ownThread && useThreads) threads.set(target.name, startTargetThread(target.name, options.cacheDir, options.saveCache));
  }
  return {
    async emit(ir) {
      // Started first: they run while this thread emits the others.
      const onThreads = new Map([...threads].map(([name, thread]) => [name, thread.emit(irTextFor(ir, targets.find((target) => target.name === name)!))]));
      for (const pending of onThreads.values()) pending.catch(() => {});
      const outputs: [RegisteredTarget, TargetOutput][] = [];
      const caches: Saveable[] = [];
      for (const target of targets) {
        if (onThreads.has(target.name)) continue;
        const cache = options.cacheDir === undefined ? undefined : openTargetCache(options.cacheDir, target.name);
        outputs.push([target, emitTarget(target.name, await target.load(), ir, cache?.runUnit)]);
        if (cache) caches.push(cache);
        phase(`emit ${target.name}`);
      }
      const saved = options.saveCache ? Promise.all(caches.map((cache) => cache.save())) : Promise.resolve([]);
      for (const target of targets) if (onThreads.has(target.name)) outputs.push([target, await onThreads.get(target.name)!]);
      phase('emit on threads');
      await saved;
      const files = new Map<string, FileContent>();
      for (const [target, output] of outputs) {
        for (const [path, content] of output.files) {
          // The contract: a target writes only inside its own entry, so targets never overwrite each other.
          if (path !== target.entry && !path.startsWith(`${target.entry}/`)) throw new Error(`internal: the ${target.name} target made ${path}, outside its entry ${target.entry}`);
          files.set(path, content);
        }
      }
      return { files, diagnostics: outputs.flatMap(([, output]) => output.diagnostics).sort(compareDiagnostics) };
    },
    stop() {
      for (const thread of threads.values()) thread.stop();
    },
  };
}

/** The IR as the target's thread receives it: without the parts the target never reads. */
function irTextFor(ir: Ir, target: RegisteredTarget): string {
  const unread = new Set<string>(target.unread ?? []);
  return unread.size === 0 ? JSON.stringify(ir) : JSON.stringify(Object.fromEntries(Object.entries(ir).filter(([key]) => !unread.has(key))));
}

/**
 * `DOCS_TO_SDK_TIMINGS=1`: the CLI prints how long each phase took (to stderr), for
 * profiling the command as users run it. Off by default; costs nothing when off.
 * Worker threads print too; "at" counts from the process's start on every thread.
 */
const enabled = Boolean(process.env.DOCS_TO_SDK_TIMINGS);
// A worker's clock starts with the worker: the main thread's origin reaches it through the environment.
const origin = enabled ? Number((process.env.DOCS_TO_SDK_TIMINGS_ORIGIN ??= String(performance.timeOrigin))) : 0;
let last = performance.now();

export function phase(label: string): void {
  if (!enabled) return;
  const now = performance.now();
  const at = performance.timeOrigin + now - origin;
  process.stderr.write(`[docs-to-sdk] ${label.padEnd(24)} ${(now - last).toFixed(0).padStart(6)} ms  (at ${at.toFixed(0)} ms, rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB)\n`);
  last = now;
}

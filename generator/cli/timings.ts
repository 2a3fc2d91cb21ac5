/**
 * `DOCS_TO_SDK_TIMINGS=1`: the CLI prints how long each phase took (to stderr), for
 * profiling the command as users run it. Off by default; costs nothing when off.
 */
const enabled = Boolean(process.env.DOCS_TO_SDK_TIMINGS);
let last = performance.now();

export function phase(label: string): void {
  if (!enabled) return;
  const now = performance.now();
  process.stderr.write(`[docs-to-sdk] ${label.padEnd(24)} ${(now - last).toFixed(0).padStart(6)} ms  (at ${now.toFixed(0)} ms, rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MB)\n`);
  last = now;
}

/**
 * Everything the CLI prints goes through a Reporter: tsc-style text for people,
 * JSON lines for tools (`--json`), nothing but problems with `--quiet`, and a progress
 * bar only on an interactive terminal outside CI.
 */
import { formatDiagnostic } from '../ir/diagnostics.js';
import type { Diagnostic } from '../ir/types.js';
import type { ApiChange } from '../changes/index.js';
import type { Drift } from './check.js';

export interface Summary {
  pages: number;
  operations: number;
  models: number;
  written: number;
  unchanged: number;
  removed: number;
  warnings: number;
  errors: number;
  seconds: number;
}

export interface ReporterOptions {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  out: (line: string) => void;
  /** Where the progress bar draws; undefined disables it. */
  progressStream?: NodeJS.WriteStream;
}

export class Reporter {
  private lastProgress = 0;

  constructor(private readonly options: ReporterOptions) {}

  diagnostic(diagnostic: Diagnostic): void {
    const { json, verbose } = this.options;
    if (diagnostic.severity === 'info' && !verbose) return;
    this.options.out(json ? JSON.stringify({ type: 'diagnostic', ...diagnostic }) : formatDiagnostic(diagnostic));
  }

  progress(done: number, total: number, phase: string): void {
    const stream = this.options.progressStream;
    if (!stream || this.options.quiet || this.options.json) return;
    const now = Date.now();
    if (done < total && now - this.lastProgress < 80) return;
    this.lastProgress = now;
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    stream.write(`\r${phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) stream.write('\r\x1b[K');
  }

  /**
   * What the docs change does to the SDK's API: with --check always (`API changes: none`
   * too), otherwise when there are any. One JSON record per change with --json.
   */
  apiChanges(changes: readonly ApiChange[], checked: boolean): void {
    if (this.options.json) {
      for (const change of changes) this.options.out(JSON.stringify({ type: 'api-change', ...change }));
      return;
    }
    if (this.options.quiet || (!checked && changes.length === 0)) return;
    const breaking = changes.filter((change) => change.breaking).length;
    this.options.out(changes.length === 0 ? 'API changes: none' : `API changes: ${breaking} breaking, ${changes.length - breaking} non-breaking`);
    for (const change of changes) this.options.out(`${change.breaking ? 'breaking ' : 'compatible'} ${change.target}: ${change.message}`);
  }

  drift(drift: Drift, outDir: string): void {
    if (this.options.json) {
      this.options.out(JSON.stringify({ type: 'drift', added: drift.added, removed: drift.removed, changed: drift.changed }));
      return;
    }
    const out = this.options.out;
    out(`${outDir} is out of date: ${drift.changed.length} changed, ${drift.added.length} added, ${drift.removed.length} removed (run \`npm run generate\` and commit the result)`);
    for (const path of drift.changed) out(`  changed: ${path}`);
    for (const path of drift.added) out(`  added:   ${path}`);
    for (const path of drift.removed) out(`  removed: ${path}`);
    if (drift.diff) out(drift.diff);
    if (drift.cutLines > 0) out(`… ${drift.cutLines} more diff lines not shown`);
  }

  summary(summary: Summary, checked: boolean): void {
    if (this.options.json) {
      this.options.out(JSON.stringify({ type: 'summary', ...summary, seconds: Math.round(summary.seconds * 1000) / 1000 }));
      return;
    }
    if (this.options.quiet) return;
    const files = checked
      ? `${summary.written} files would change, ${summary.unchanged} unchanged, ${summary.removed} would be removed`
      : `${summary.written} files written, ${summary.unchanged} unchanged, ${summary.removed} removed`;
    this.options.out(
      `${summary.pages} pages, ${summary.operations} operations, ${summary.models} models, ${files}, ` +
        `${summary.warnings} warnings, ${summary.errors} errors, ${summary.seconds.toFixed(2)}s`,
    );
  }

  error(message: string): void {
    this.options.out(this.options.json ? JSON.stringify({ type: 'error', message }) : `error: ${message}`);
  }
}

import type { CodeOfSeverity, ErrorCode, InfoCode, WarningCode } from './diagnostic-codes.js';
import type { Diagnostic, Severity } from './types.js';

/** `file:line:col: severity CODE message`, the tsc-like form every tool prints. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { file, line, column, severity, code, message } = diagnostic;
  return `${file}:${line}:${column}: ${severity} ${code} ${message}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, position, then code and message, so output never depends on parse order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit comparison: unlike localeCompare it is the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A diagnostic, built the one way every stage builds them (key order is output: --json
 * prints the object). The code must be declared in DIAGNOSTIC_CODES with this severity.
 */
export function createDiagnostic<S extends Severity>(
  severity: S,
  code: CodeOfSeverity<S>,
  file: string,
  line: number,
  message: string,
  column = 1,
): Diagnostic {
  return { file, line, column, severity, code, message };
}

/** Collects diagnostics for one file; parse stages report through it instead of throwing. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  constructor(readonly file: string) {}

  report<S extends Severity>(severity: S, code: CodeOfSeverity<S>, line: number, message: string, column = 1): void {
    this.items.push(createDiagnostic(severity, code, this.file, line, message, column));
  }

  error(code: ErrorCode, line: number, message: string, column = 1): void {
    this.report('error', code, line, message, column);
  }

  warning(code: WarningCode, line: number, message: string, column = 1): void {
    this.report('warning', code, line, message, column);
  }

  info(code: InfoCode, line: number, message: string, column = 1): void {
    this.report('info', code, line, message, column);
  }
}

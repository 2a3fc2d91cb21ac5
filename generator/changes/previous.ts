/**
 * The previous IR: the `ir.json` the last generation left (in CI: the committed one),
 * what a run's changes are measured against. Unreadable or not an IR of this version:
 * a warning, and the run counts as a first generation (no report, version unchanged).
 */
import { DiagnosticSink } from '../ir/diagnostics.js';
import { IR_VERSION, type Diagnostic, type Ir } from '../ir/types.js';
import { validateIr } from '../ir/validate.js';

/** `checked`: the caller knows this text passed validateIr when it was written (the run record's stamp says so). */
export function readPreviousIr(text: string | undefined, file: string, checked = false): { ir?: Ir; diagnostics: Diagnostic[] } {
  if (text === undefined) return { diagnostics: [] };
  const sink = new DiagnosticSink(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    sink.warning('PREVIOUS_IR_UNREADABLE', 1, `the previous IR is not JSON (${error instanceof Error ? error.message : String(error)}); no API changes reported, version unchanged`);
    return { diagnostics: sink.items };
  }
  // Version 2 only added the page records (a docs fact the changes never read): a version 1 IR is read as one without them.
  if ((data as { irVersion?: unknown } | null)?.irVersion === 1) data = { ...(data as object), irVersion: IR_VERSION };
  const problems = checked && (data as Partial<Ir> | null)?.irVersion === IR_VERSION ? [] : validateIr(data);
  if (problems.length > 0) {
    sink.warning('PREVIOUS_IR_UNREADABLE', 1, `the previous IR is not an IR of this version (${problems[0]}); no API changes reported, version unchanged`);
    return { diagnostics: sink.items };
  }
  return { ir: data as Ir, diagnostics: [] };
}

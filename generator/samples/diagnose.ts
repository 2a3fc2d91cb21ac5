/**
 * A TypeScript diagnostic on a sample → a SAMPLE_* diagnostic at the page's line and
 * column, named by what the sample and the docs disagree on. The code is read from the
 * whole message chain: an argument error (2345) wraps the excess or missing property.
 */
import type { ts as Ts } from 'ts-morph';
import { createDiagnostic } from '../ir/diagnostics.js';
import type { Diagnostic, SourceRef } from '../ir/types.js';
import type { SampleToCheck } from './check.js';

type TsApi = typeof Ts;

const UNKNOWN_FIELD = new Set([2353, 2561]);
const MISSING_REQUIRED = new Set([2741, 2739, 2740]);
/** Unknown method, export, namespace member or enum member. */
const UNKNOWN_NAME = new Set([2339, 2694, 2305, 2724, 2551, 2614]);

export function sampleDiagnostic(
  problem: Ts.Diagnostic,
  sample: SampleToCheck,
  checker: Ts.TypeChecker,
  ts: TsApi,
): Diagnostic {
  const text = ts.flattenDiagnosticMessageText(problem.messageText, ' ');
  const { line, character } = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start) : { line: 0, character: 0 };
  const at = (code: Parameters<typeof createDiagnostic<'warning'>>[1], message: string) =>
    createDiagnostic('warning', code, sample.source.file, sample.source.line + line, message, character + 1);
  const codes = chainCodes(problem);
  if (codes.some((code) => UNKNOWN_FIELD.has(code))) {
    const name = quoted(innermost(problem, UNKNOWN_FIELD) ?? text, 0);
    const documented = problem.file && problem.start !== undefined ? documentedNames(problem.file, problem.start, checker, ts) : [];
    const nearest = nearestName(name, documented) ?? /Did you mean to write '([^']+)'/.exec(text)?.[1];
    return at('SAMPLE_UNKNOWN_FIELD', `sample passes "${name}", a field the request table does not document${nearest ? ` (it documents "${nearest}")` : ''}`);
  }
  if (codes.some((code) => MISSING_REQUIRED.has(code))) {
    const inner = innermost(problem, MISSING_REQUIRED) ?? text;
    const missing = /missing the following properties from type '[^']*': (.+)$/.exec(inner)?.[1] ?? quoted(inner, 0);
    return at('SAMPLE_MISSING_REQUIRED', `sample leaves out ${missing}, required by the request table`);
  }
  if (codes.some((code) => UNKNOWN_NAME.has(code))) return at('SAMPLE_UNKNOWN_NAME', `sample uses a name the SDK does not have: ${text}`);
  return at('SAMPLE_TYPE_ERROR', `sample does not type-check against the SDK: TS${problem.code}: ${text}`);
}

function chainCodes(problem: Ts.Diagnostic): number[] {
  const codes = [problem.code];
  const walk = (chain: Ts.DiagnosticMessageChain): void => {
    codes.push(chain.code);
    for (const next of chain.next ?? []) walk(next);
  };
  if (typeof problem.messageText !== 'string') walk(problem.messageText);
  return codes;
}

/** The text of the first message in the chain whose code is in `codes`. */
function innermost(problem: Ts.Diagnostic, codes: Set<number>): string | undefined {
  if (typeof problem.messageText === 'string') return codes.has(problem.code) ? problem.messageText : undefined;
  const walk = (chain: Ts.DiagnosticMessageChain): string | undefined => {
    if (codes.has(chain.code)) return chain.messageText;
    for (const next of chain.next ?? []) {
      const found = walk(next);
      if (found) return found;
    }
    return undefined;
  };
  return walk(problem.messageText);
}

const quoted = (text: string, index: number): string => [...text.matchAll(/'([^']+)'/g)][index]?.[1] ?? text;

/** The properties the object literal around `position` is typed by: the names the table documents. */
function documentedNames(file: Ts.SourceFile, position: number, checker: Ts.TypeChecker, ts: TsApi): string[] {
  let node: Ts.Node = file;
  for (;;) {
    const child = node.getChildren(file).find((c) => c.getStart(file) <= position && position < c.getEnd());
    if (!child) break;
    node = child;
  }
  while (node.parent && !ts.isObjectLiteralExpression(node)) node = node.parent;
  if (!ts.isObjectLiteralExpression(node)) return [];
  const type = checker.getContextualType(node);
  return type ? checker.getPropertiesOfType(type).map((property) => property.getName()) : [];
}

/** A documented name spelled the same but for case and separators (`smtpHost`, `smtp_host`). */
function nearestName(name: string, documented: string[]): string | undefined {
  const plain = (text: string): string => text.toLowerCase().replace(/[-_]/g, '');
  return documented.find((candidate) => candidate !== name && plain(candidate) === plain(name));
}

/** A type error in a client file custom code went into: at the custom file, naming the merged file's line. */
export function customCodeDiagnostic(problem: Ts.Diagnostic, path: string, source: SourceRef, ts: TsApi): Diagnostic {
  const text = ts.flattenDiagnosticMessageText(problem.messageText, ' ');
  const line = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start).line + 1 : 0;
  return createDiagnostic('error', 'CUSTOM_CODE_TYPE_ERROR', source.file, source.line, `merged into sdk/${path}:${line}: TS${problem.code}: ${text}`);
}

/**
 * Compares an IR with the IR parsed back from the pages emitted for it: `parse(emit(IR))`.
 * Only what the pages mean is compared (not sources, layout, frame or diagnostics).
 * A locale the original has no text in may come back filled (the emitter falls back to
 * the other locale's text and warns), so localized text is compared per original locale.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Field, Ir, Localized, Model, Operation } from '../../generator/ir/types.js';

export interface IrDifference {
  /** `operation <id>` or `model <name>`. */
  owner: string;
  /** Where in it, e.g. `request.fields.userId.description.en`. */
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface RoundTripReport {
  operations: { equal: number; total: number };
  models: { equal: number; total: number };
  differences: IrDifference[];
}

export function compareRoundTrip(original: Ir, back: Ir): RoundTripReport {
  const differences: IrDifference[] = [];
  return {
    operations: compareAll('operation', original.operations, back.operations, (op) => op.id, compareOperation, differences),
    models: compareAll('model', original.models, back.models, (model) => model.name, compareModel, differences),
    differences,
  };
}

/** Pairs items by key; reports extra and missing ones and each pair's differences; counts the equal pairs. */
function compareAll<T>(
  kind: string,
  originals: T[],
  backs: T[],
  keyOf: (item: T) => string,
  compare: (a: T, b: T, report: (path: string, expected: unknown, actual: unknown) => void) => void,
  differences: IrDifference[],
): { equal: number; total: number } {
  const byKey = new Map(backs.map((item) => [keyOf(item), item]));
  const originalKeys = new Set(originals.map(keyOf));
  for (const item of backs) {
    if (!originalKeys.has(keyOf(item))) differences.push({ owner: `${kind} ${keyOf(item)}`, path: '', expected: '<absent>', actual: '<present>' });
  }
  let equal = 0;
  for (const item of originals) {
    const owner = `${kind} ${keyOf(item)}`;
    const found: IrDifference[] = [];
    const other = byKey.get(keyOf(item));
    if (other) compare(item, other, (path, expected, actual) => found.push({ owner, path, expected, actual }));
    else found.push({ owner, path: '', expected: '<present>', actual: '<absent>' });
    if (found.length === 0) equal += 1;
    differences.push(...found);
  }
  return { equal, total: originals.length };
}

type Report = (path: string, expected: unknown, actual: unknown) => void;

function same(path: string, expected: unknown, actual: unknown, report: Report): void {
  if (!isDeepStrictEqual(expected, actual)) report(path, expected, actual);
}

function compareLocalized(path: string, expected: Localized, actual: Localized, report: Report): void {
  for (const locale of Object.keys(expected) as (keyof Localized)[]) {
    same(`${path}.${locale}`, expected[locale], actual[locale], report);
  }
}

function compareFields(path: string, expected: Field[], actual: Field[], report: Report): void {
  const byName = new Map(actual.map((field) => [field.name, field]));
  const expectedNames = new Set(expected.map((field) => field.name));
  for (const field of actual) {
    if (!expectedNames.has(field.name)) report(`${path}.${field.name}`, '<absent>', '<present>');
  }
  for (const field of expected) {
    const other = byName.get(field.name);
    const at = `${path}.${field.name}`;
    if (!other) {
      report(at, '<present>', '<absent>');
      continue;
    }
    same(`${at}.type`, field.type, other.type, report);
    same(`${at}.required`, field.required, other.required, report);
    same(`${at}.default`, field.default, other.default, report);
    compareLocalized(`${at}.description`, field.description, other.description, report);
    same(`${at}.example`, field.example, other.example, report);
    same(`${at}.enum`, field.enum, other.enum, report);
    same(`${at}.maxItems`, field.maxItems, other.maxItems, report);
  }
}

function compareOperation(expected: Operation, actual: Operation, report: Report): void {
  same('module', expected.module, actual.module, report);
  same('tag', expected.tag, actual.tag, report);
  same('methodNames', expected.methodNames, actual.methodNames, report);
  compareLocalized('summary', expected.summary, actual.summary, report);
  compareLocalized('description', expected.description, actual.description, report);
  same('request.style', expected.request.style, actual.request.style, report);
  same('request.typeName', expected.request.typeName, actual.request.typeName, report);
  compareFields('request.fields', expected.request.fields, actual.request.fields, report);
  same('response.typeName', expected.response.typeName, actual.response.typeName, report);
  compareFields('response.fields', expected.response.fields, actual.response.fields, report);
  same('response.example', expected.response.example, actual.response.example, report);
  for (const sample of expected.samples) {
    const other = actual.samples.find((s) => s.sdk === sample.sdk && s.locale === sample.locale);
    // A sample's page line (source) is where it is, not what it says.
    const { source: _source, ...said } = sample;
    const { source: _otherSource, ...otherSaid } = other ?? { source: undefined };
    same(`samples.${sample.sdk}.${sample.locale}`, said, other ? otherSaid : undefined, report);
  }
}

function compareModel(expected: Model, actual: Model, report: Report): void {
  compareFields('fields', expected.fields, actual.fields, report);
}

const shown = (value: unknown): string => {
  const text = value === undefined ? 'undefined' : typeof value === 'string' && value.startsWith('<') ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

export function formatReport(label: string, report: RoundTripReport, limit = 20): string {
  const { operations, models, differences } = report;
  const equal = operations.equal + models.equal;
  const total = operations.total + models.total;
  const rate = total === 0 ? 1 : equal / total;
  const lines = [
    `[round trip] ${label}: ${equal}/${total} equal (${(rate * 100).toFixed(2)}%): ` +
      `operations ${operations.equal}/${operations.total}, models ${models.equal}/${models.total}, ${differences.length} differences`,
  ];
  for (const d of differences.slice(0, limit)) {
    lines.push(`  ${d.owner}${d.path ? ` ${d.path}` : ''}\n    expected ${shown(d.expected)}\n    actual   ${shown(d.actual)}`);
  }
  if (differences.length > limit) lines.push(`  … and ${differences.length - limit} more`);
  return lines.join('\n');
}

export const equalRate = (report: RoundTripReport): number => {
  const total = report.operations.total + report.models.total;
  return total === 0 ? 1 : (report.operations.equal + report.models.equal) / total;
};

/**
 * How well the rendered-site reader gets back what the Markdown says: each Markdown page
 * is read, rendered (render-site.ts) and read again, and the two readings compared field
 * by field (name, type, required flag) and operation by operation (method name).
 */
import { DiagnosticSink } from '../../generator/ir/diagnostics.js';
import type { PageDoc } from '../../generator/parse/page.js';
import { typeText } from '../../generator/parse/merge.js';
import type { ParsedField } from '../../generator/parse/fields.js';
import { readPage } from '../../generator/parse/readers/index.js';
import { renderSite } from './render-site.js';

export interface Fidelity {
  operations: number;
  operationsFound: number;
  fields: number;
  fieldsRight: number;
  /** Fields not read right whose rendered row carries no warning. */
  silentlyWrong: string[];
  /** Some of the fields read wrong, for the eye. */
  wrong: string[];
  errors: string[];
}

export function emptyFidelity(): Fidelity {
  return { operations: 0, operationsFound: 0, fields: 0, fieldsRight: 0, silentlyWrong: [], wrong: [], errors: [] };
}

const tablesOf = (page: PageDoc): Map<string, ParsedField[]> =>
  new Map([
    ['request', page.request?.fields ?? []],
    ['response', page.response?.fields ?? []],
    ...page.models.map((model): [string, ParsedField[]] => [`model ${model.name}`, model.fields]),
  ]);

export function measurePage(file: string, markdown: string, into: Fidelity): void {
  const originalSink = new DiagnosticSink(file);
  const original = readPage(file, markdown, originalSink);
  const originalWarned = new Set(originalSink.items.filter((item) => item.severity !== 'info').map((item) => item.line));
  if (original === undefined) return;
  const rendered = renderSite(markdown, { locale: original.locale });
  const sink = new DiagnosticSink(file);
  const again = readPage(file, rendered.text, sink);
  into.errors.push(...sink.items.filter((item) => item.severity === 'error').map((item) => `${file}:${item.line} ${item.code} ${item.message}`));
  if (original.method || original.request || original.response) {
    into.operations += 1;
    if (again && again.method?.name === original.method?.name && again.response?.typeName === original.response?.typeName) into.operationsFound += 1;
  }
  const renderedLines = rendered.text.split('\n');
  const warned = new Set(sink.items.filter((item) => item.severity !== 'info').map((item) => item.line));
  const expected = tablesOf(original);
  const got = again ? tablesOf(again) : new Map<string, ParsedField[]>();
  for (const [table, fields] of expected) {
    const byName = new Map((got.get(table) ?? []).map((parsed) => [parsed.field.name, parsed.field]));
    for (const { field, line } of fields) {
      into.fields += 1;
      const found = byName.get(field.name);
      if (found && typeText(found.type) === typeText(field.type) && found.required === field.required) {
        into.fieldsRight += 1;
        continue;
      }
      const what = `${file}:${line} ${table}.${field.name}: ${typeText(field.type)}/${field.required} read as ${found ? `${typeText(found.type)}/${found.required}` : 'missing'}`;
      if (into.wrong.length < 40) into.wrong.push(what);
      // A row the renderer did not see as one (broken Markdown) is shown as text: its line is where its name stands.
      const renderedLine = rendered.rowLines.get(line) ?? renderedLines.findIndex((text) => text.includes(`| ${field.name} `)) + 1;
      // Where the Markdown reading itself warned (a broken row), it is no truth to be silent about.
      if (!warned.has(renderedLine) && !originalWarned.has(line)) into.silentlyWrong.push(what);
    }
  }
}

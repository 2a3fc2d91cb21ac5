/**
 * Round trip: `parse(emit(IR)) == IR`. Each docs folder is parsed, every docs page is
 * emitted (fill mode: all SDK languages × locales), the emitted pages are parsed again
 * under the paths they were emitted at (`<locale>/<sdk>/<module>/<tag>/<slug>.md`), and
 * the two IRs are compared (test/helpers/ir-diff.ts). Prints the rate and the first
 * differences; asserts 100%.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitDocs } from '../../generator/emit/docs/index.js';
import type { Ir } from '../../generator/ir/types.js';
import { parseDocsFolder, parsePages } from '../../generator/parse/index.js';
import { compareRoundTrip, equalRate, formatReport, type RoundTripReport } from '../helpers/ir-diff.js';
import { CORPUS_EN, CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';

interface RoundTrip extends RoundTripReport {
  pages: number;
  emitted: number;
  /** Diagnostics the emitted pages raised when parsed again, by code. */
  reparse: Map<string, number>;
  reparseErrors: number;
}

const reparse = (files: Map<string, string>): Ir =>
  parsePages([...files].filter(([path]) => path.endsWith('.md')).map(([file, content]) => ({ file, content }))).ir;

async function roundTrip(root: string): Promise<RoundTrip> {
  const { ir, pages } = await parseDocsFolder(root);
  const { files } = emitDocs(ir);
  const back = reparse(files);
  const codes = new Map<string, number>();
  for (const d of back.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
  return {
    ...compareRoundTrip(ir, back),
    pages,
    emitted: [...files.keys()].filter((path) => path.endsWith('.md')).length,
    reparse: codes,
    reparseErrors: back.diagnostics.filter((d) => d.severity === 'error').length,
  };
}

function check(label: string, result: RoundTrip): void {
  const warnings = [...result.reparse].map(([code, count]) => `${code} ×${count}`).join(', ') || 'none';
  console.info(`${formatReport(`${label} (${result.pages} pages → ${result.emitted} emitted)`, result)}\n  re-parse diagnostics: ${warnings}`);
  expect(result.operations.total).toBeGreaterThan(0);
  expect(result.reparseErrors, 'the emitted pages parse without errors').toBe(0);
  expect(result.differences.length, formatReport(label, result)).toBe(0);
  expect(equalRate(result)).toBe(1);
}

describe('docs round trip: parse(emit(IR)) == IR', () => {
  it('docs-src', async () => {
    check('docs-src', await roundTrip(join(REPO_ROOT, 'docs-src')));
  });

  it.skipIf(!hasShared)('../shared/corpus/zh', async () => {
    check('corpus/zh', await roundTrip(CORPUS_ZH));
  }, 300_000);

  it.skipIf(!hasShared)('../shared/corpus/en', async () => {
    check('corpus/en', await roundTrip(CORPUS_EN));
  }, 300_000);

  if (!hasShared) it.skip('../shared/corpus not found beside the checkout: corpus round trips skipped', () => {});
});

describe('the round-trip comparison', async () => {
  const { ir } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'));

  it('finds no difference between an IR and itself, nor in a locale the original lacks', () => {
    const filled = structuredClone(ir);
    const original = structuredClone(ir);
    delete original.operations[0]!.summary.en;
    delete original.operations[0]!.request.fields[0]!.description.en;
    expect(compareRoundTrip(original, filled).differences).toEqual([]);
    expect(compareRoundTrip(ir, structuredClone(ir)).differences).toEqual([]);
  });

  it('names each difference by owner and path', () => {
    const back = structuredClone(ir);
    const op = back.operations.find((o) => o.id === 'management/get-webhook')!;
    op.summary.en = 'Changed';
    op.samples = op.samples.filter((s) => s.locale !== 'zh');
    op.request.fields[0]!.required = !op.request.fields[0]!.required;
    back.models.find((m) => m.name === 'WebhookDto')!.fields.find((f) => f.name === 'contentType')!.enum = ['x'];
    back.operations.pop();
    const report = compareRoundTrip(ir, back);
    expect(report.differences.map((d) => `${d.owner} ${d.path}`)).toEqual([
      'operation management/get-webhook summary.en',
      'operation management/get-webhook request.fields.webhookId.required',
      'operation management/get-webhook samples.node.zh',
      'operation management/update-webhook ',
      'model WebhookDto fields.contentType.enum',
    ]);
    expect(report.operations).toEqual({ equal: 7, total: 9 });
    expect(report.models).toEqual({ equal: 8, total: 9 });
  });
});

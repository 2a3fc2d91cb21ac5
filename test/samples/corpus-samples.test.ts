/**
 * The docs' own node samples as the SDK's acceptance test, over the real pages: the share
 * that type-checks against the SDK generated from the same pages, and the invariant that
 * every sample that does not carries a SAMPLE_* diagnostic on one of its own lines; once
 * from the pages alone, once with the config a team would write for the corpus's
 * convenience methods (test/fixtures/corpus-bindings.config.json: the OIDC token endpoints,
 * form-encoded, the token or code positional).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk/index.js';
import type { Ir } from '../../generator/ir/types.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { profileOf } from '../../generator/profile/index.js';
import { checkSamples, type SampleCheckResult, type SampleToCheck } from '../../generator/samples/index.js';
import { SHARED, hasShared } from '../helpers/shared.js';

const BINDINGS = JSON.parse(readFileSync(new URL('../fixtures/corpus-bindings.config.json', import.meta.url), 'utf8'));

describe.skipIf(!hasShared).each([
  { setup: 'the pages alone', config: undefined, zh: { passed: 154, of: 177 }, en: { passed: 55, of: 63 } },
  { setup: 'the bindings config', config: BINDINGS, zh: { passed: 158, of: 177 }, en: { passed: 59, of: 63 } },
])('node samples of ../shared/corpus against the SDK generated from $setup', ({ config, zh, en }) => {
  let samples: (SampleToCheck & { locale: string })[];
  let result: SampleCheckResult;

  beforeAll(async () => {
    const { ir } = await parseDocsFolder(`${SHARED}/corpus`, { config });
    samples = nodeSamples(ir);
    const profile = profileOf(ir);
    const sdk = emitSdk(ir);
    result = checkSamples({ sdk, packageName: profile.sdk.packageName, clientClasses: profile.clients.map((c) => c.className), samples });
  }, 120_000);

  it('type-checks the share of samples it did when last measured, per locale', () => {
    const share = (locale: string) => {
      const indices = samples.flatMap((sample, index) => (sample.locale === locale ? [index] : []));
      return { passed: indices.filter((index) => result.passed[index]).length, of: indices.length };
    };
    expect(share('zh')).toEqual(zh);
    expect(share('en')).toEqual(en);
  });

  it('gives every sample that does not type-check a SAMPLE_* diagnostic on one of its lines', () => {
    const undiagnosed = samples.filter((sample, index) => {
      if (result.passed[index]) return false;
      const last = sample.source.line + sample.code.split('\n').length - 1;
      return !result.diagnostics.some(
        (d) => d.code.startsWith('SAMPLE_') && d.file === sample.source.file && d.line >= sample.source.line && d.line <= last && d.message.trim() !== '',
      );
    });
    expect(undiagnosed.map((sample) => sample.source)).toEqual([]);
    expect(result.diagnostics.filter((d) => !d.code.startsWith('SAMPLE_'))).toEqual([]);
  });

  it('names the documented spelling of a field a sample misspells', () => {
    expect(result.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/"smtpHost".*"smtp_host"/));
  });
});

function nodeSamples(ir: Ir): (SampleToCheck & { locale: string })[] {
  return ir.operations.flatMap((operation) =>
    operation.samples
      .filter((sample) => sample.sdk === 'node' && sample.source)
      .map((sample) => ({ operationId: operation.id, source: sample.source!, lang: sample.lang, code: sample.code, locale: sample.locale })),
  );
}

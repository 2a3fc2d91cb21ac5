/**
 * A sample is checked in its own language: a ```js sample is JavaScript, whose untyped
 * parameters are not defects (no noImplicitAny), while the same code in a ```ts sample is
 * held to strict TypeScript. Mistakes against the SDK are reported in both.
 */
import { describe, expect, it } from 'vitest';
import { checkSamples, type SampleToCheck } from '../../generator/samples/index.js';

const sdk = new Map([
  ['src/index.ts', "export { Client } from './client.js';\n"],
  ['src/client.ts', 'export class Client {\n  async list(request: { page: number }): Promise<{ items: string[] }> {\n    return { items: [String(request.page)] };\n  }\n}\n'],
]);

const code = (page: string): string =>
  `import { Client } from 'our-sdk';\nconst client = new Client();\nfunction show(result) {\n  console.log(result.items);\n}\nshow(await client.list({ page: ${page} }));\n`;

const check = (lang: string, page = '1') => {
  const sample: SampleToCheck = { operationId: 'list', source: { file: `zh/node/list.md`, line: 10 }, lang, code: code(page) };
  return checkSamples({ sdk, packageName: 'our-sdk', clientClasses: ['Client'], samples: [sample] });
};

describe('samples are checked in their own language', () => {
  it('an untyped parameter passes in a js sample and fails in a ts one', () => {
    expect(check('js').passed).toEqual([true]);
    expect(check('javascript').diagnostics).toEqual([]);
    const ts = check('ts');
    expect(ts.passed).toEqual([false]);
    expect(ts.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('TS7006')]);
  });

  it('a js sample that misuses the SDK is still reported, on its line', () => {
    const js = check('js', "'one'");
    expect(js.passed).toEqual([false]);
    expect(js.diagnostics).toEqual([expect.objectContaining({ code: 'SAMPLE_TYPE_ERROR', file: 'zh/node/list.md', line: 15 })]);
  });
});

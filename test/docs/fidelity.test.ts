/**
 * Fidelity: every docs-factory Chinese page of ../shared/corpus/zh, parsed on its own and
 * emitted again in reproduce mode (`samples: 'documented'`), should come back byte for
 * byte (trailing whitespace on lines aside). Reports the rate and the first differences;
 * the categories that still differ are listed in the README (Docs pages → Fidelity).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitDocs } from '../../generator/emit/docs/index.js';
import type { SdkLanguage } from '../../generator/ir/types.js';
import { findPages, parsePages } from '../../generator/parse/index.js';
import { CORPUS_ZH, hasShared } from '../helpers/shared.js';

const normalize = (text: string): string[] => text.split('\n').map((line) => line.trimEnd());

interface Difference {
  file: string;
  line: number;
  want: string;
  got: string;
}

describe.skipIf(!hasShared)('docs fidelity over ../shared/corpus/zh', () => {
  let total = 0;
  let identical = 0;
  const differences: Difference[] = [];

  beforeAll(async () => {
    for (const file of await findPages(CORPUS_ZH)) {
      const text = readFileSync(`${CORPUS_ZH}/${file}`, 'utf8');
      if (!text.includes('authing-docs-factory')) continue; // hand-written pages are not the factory's
      total += 1;
      const { ir } = parsePages([{ file, content: text }]);
      const sdk = file.split('/')[0] as SdkLanguage;
      const page = [...emitDocs(ir, { samples: 'documented', sdks: [sdk], locales: ['zh'] }).files].find(([path]) => path.endsWith('.md'))?.[1] ?? '';
      const want = normalize(text);
      const got = normalize(page);
      let line = 0;
      while (line < want.length && line < got.length && want[line] === got[line]) line += 1;
      if (line === want.length && line === got.length) identical += 1;
      else differences.push({ file, line: line + 1, want: want[line] ?? '<end of page>', got: got[line] ?? '<end of page>' });
    }
  }, 120_000);

  it('reproduces at least 95% of the docs-factory pages byte for byte', () => {
    const rate = identical / total;
    console.info(
      `[fidelity] ${identical}/${total} docs-factory pages reproduced byte for byte (${(rate * 100).toFixed(1)}%); first differences:\n` +
        differences
          .slice(0, 8)
          .map((d) => `  ${d.file}:${d.line}\n    want ${JSON.stringify(d.want.slice(0, 160))}\n    got  ${JSON.stringify(d.got.slice(0, 160))}`)
          .join('\n'),
    );
    expect(total).toBeGreaterThan(1700);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});

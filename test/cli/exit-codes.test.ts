/** Exit code 3 is docs-to-sdk's own failure, told apart from bad docs (1) and bad usage (2). */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EXIT_INTERNAL, EXIT_USAGE, main } from '../../generator/cli/main.js';
import { REPO_ROOT } from '../helpers/shared.js';

// An IR the schema check rejects is a parser bug by definition: the run must say so and exit 3.
vi.mock('../../generator/ir/validate.js', () => ({ validateIr: () => ['/operations/0/http/method must be equal to one of the allowed values'] }));

describe('exit codes', () => {
  it('exits 3 with an "internal" message when the IR breaks its own contract, writing nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'docs-to-sdk-exit-')), 'out');
    const lines: string[] = [];
    expect(await main(['generate', '--docs', join(REPO_ROOT, 'docs-src'), '--out', out, '--no-cache'], (line) => lines.push(line))).toBe(EXIT_INTERNAL);
    expect(lines).toEqual(['error: internal: IR /operations/0/http/method must be equal to one of the allowed values']);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on usage errors', async () => {
    expect(await main(['generate', '--docs', join(REPO_ROOT, 'no-such-folder')], () => {})).toBe(EXIT_USAGE);
    expect(await main(['generate', '--only', 'sdk,nope'], () => {})).toBe(EXIT_USAGE);
  });
});

/**
 * The CLI bundle carries the IR schema check as precompiled code (scripts/build.js): it
 * must accept and reject exactly what the schema compiled at run time does, with the
 * same errors.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { irSchema } from '../../generator/ir/validate.js';
import { REPO_ROOT } from '../helpers/shared.js';
// @ts-expect-error plain JavaScript build script, no declarations
import { irValidatorCode } from '../../scripts/build.js';

type Check = ((data: unknown) => boolean) & { errors?: unknown };

describe('precompiled IR schema check', () => {
  it('gives the verdicts and errors of the schema compiled at run time', async () => {
    // Inside the checkout (an ignored folder), where the code's require('ajv/…') resolves, as in dist/.
    mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
    const file = join(mkdtempSync(join(REPO_ROOT, '.cache', 'validator-')), 'ir-validator.cjs');
    writeFileSync(file, (await irValidatorCode()) as string);
    const precompiled = createRequire(import.meta.url)(file) as Check;
    const compiled = new Ajv({ allErrors: true }).compile(irSchema) as Check;
    const samples: unknown[] = [
      { irVersion: 1, operations: [], models: [], diagnostics: [] },
      { irVersion: 2, operations: [], models: [], diagnostics: [] },
      { irVersion: 1, operations: [{ id: 'Bad Id' }], models: [{ name: 'X', fields: [{ name: '', type: { kind: 'nope' } }] }], diagnostics: [{}] },
      { irVersion: 1, operations: [], models: [], diagnostics: [], frame: { zh: { comment: 1 } }, extra: true },
    ];
    for (const sample of samples) {
      expect(precompiled(sample)).toBe(compiled(sample));
      expect(precompiled.errors).toEqual(compiled.errors);
    }
    expect(precompiled(samples[2])).toBe(false);
    rmSync(join(file, '..'), { recursive: true, force: true });
  });
});

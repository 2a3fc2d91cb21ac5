/**
 * The CLI bundle carries the IR and config schema checks as precompiled code
 * (scripts/build.js): each must accept and reject exactly what its schema compiled at
 * run time does, with the same errors.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { irSchema } from '../../generator/ir/validate.js';
import { REPO_ROOT } from '../helpers/shared.js';
// @ts-expect-error plain JavaScript build script, no declarations
import { configValidatorCode, irValidatorCode } from '../../scripts/build.js';

type Check = ((data: unknown) => boolean) & { errors?: unknown };

/** Loads the code inside the checkout (an ignored folder), where its require('ajv/…') resolves, as in dist/. */
function load(code: string): Check {
  mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, '.cache', 'validator-'));
  try {
    writeFileSync(join(dir, 'check.cjs'), code);
    return createRequire(import.meta.url)(join(dir, 'check.cjs')) as Check;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expectSameVerdicts(precompiled: Check, compiled: Check, samples: unknown[]): void {
  for (const sample of samples) {
    expect(precompiled(sample)).toBe(compiled(sample));
    expect(precompiled.errors).toEqual(compiled.errors);
  }
}

describe('precompiled schema checks', () => {
  it('IR: gives the verdicts and errors of the schema compiled at run time', async () => {
    const precompiled = load((await irValidatorCode()) as string);
    const compiled = new Ajv({ allErrors: true }).compile(irSchema) as Check;
    const samples: unknown[] = [
      { irVersion: 1, operations: [], models: [], diagnostics: [] },
      { irVersion: 2, operations: [], models: [], diagnostics: [] },
      { irVersion: 1, operations: [{ id: 'Bad Id' }], models: [{ name: 'X', fields: [{ name: '', type: { kind: 'nope' } }] }], diagnostics: [{}] },
      { irVersion: 1, operations: [], models: [], diagnostics: [], frame: { zh: { comment: 1 } }, extra: true },
    ];
    expectSameVerdicts(precompiled, compiled, samples);
    expect(precompiled(samples[2])).toBe(false);
  });

  it('config: gives the verdicts and errors of the schema compiled at run time', async () => {
    const precompiled = load((await configValidatorCode()) as string);
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'generator/config/config.schema.json'), 'utf8')) as object;
    const compiled = new Ajv({ allErrors: true }).compile(schema) as Check;
    const samples: unknown[] = [
      { operations: {} },
      { operations: { 'management/x': { http: { method: 'GET', path: '/x' }, request: { style: 'query' } } } },
      { operations: { 'management/x': { http: { method: 'FETCH' }, extra: 1 } } },
      { operations: [], unknown: true },
      { profile: 'authing-v3' },
      { profile: 'nope' },
      { profile: { extends: 'authing-v3', pathTemplate: '/v1/{slug}', sdk: { packageName: '@a/b' } } },
      { profile: { clients: [{ id: 'x', className: 'XClient' }] } },
      'not an object',
    ];
    expectSameVerdicts(precompiled, compiled, samples);
    expect(precompiled(samples[1])).toBe(true);
    expect(precompiled(samples[2])).toBe(false);
  });
});

/**
 * A JSON Schema check: the one the CLI bundle brings precompiled (scripts/build.js,
 * ajv's standalone code), else compiled with ajv on first use (ajv loads only then,
 * ~40 ms; compiling costs ~0.05-0.1 s). A missing or broken precompiled check only costs
 * the compile. Both use `allErrors`, as the build does.
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

export function loadSchemaCheck<T>(precompiled: string | undefined, schema: object, from: string): ValidateFunction<T> {
  const require = createRequire(from);
  if (precompiled) {
    try {
      return require(precompiled) as ValidateFunction<T>;
    } catch {
      // compiled below
    }
  }
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: true }).compile<T>(schema);
}

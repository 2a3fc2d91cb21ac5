/** Checks an IR against the JSON Schema and the rules a schema cannot say (references resolve, ids unique). */
import type { ErrorObject } from 'ajv';
import { bundleState } from '../shared/bundle.js';
import { loadSchemaCheck } from '../shared/schema-check.js';
import irSchema from './ir.schema.json' with { type: 'json' };
import type { Field, Ir, TypeRef } from './types.js';

type SchemaCheck = ((data: unknown) => data is Ir) & { errors?: ErrorObject[] | null };

let schemaCheck: SchemaCheck | undefined;

/** The bundle's precompiled check when the CLI runs from one, else compiled on first use (shared/schema-check.ts). */
function compiled(): SchemaCheck {
  schemaCheck ??= loadSchemaCheck<Ir>(bundleState()?.irValidator, irSchema, import.meta.url) as SchemaCheck;
  return schemaCheck;
}

export { irSchema };

/**
 * What an incremental assembly built anew (generator/parse ParseResult.reuse): the IR's
 * other operations and models are those of the last run, checked when they were built
 * (by this tool version: its caches are keyed by it), so the schema check skips them.
 */
export interface RebuiltParts {
  operations: readonly string[];
  models: readonly string[];
}

/**
 * Returns human-readable problems; empty when the IR is valid. With `rebuilt`, the
 * schema check covers the IR's frame, diagnostics and rebuilt parts; the rules across
 * the IR (references resolve, ids unique) always cover all of it.
 */
export function validateIr(data: unknown, rebuilt?: RebuiltParts): string[] {
  const validateSchema = compiled();
  if (!validateSchema(rebuilt ? rebuiltPart(data, rebuilt) : data)) {
    return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
  // With `rebuilt`, the parts not checked just now were checked when they were built.
  const ir = data as Ir;
  const problems: string[] = [];
  const modelNames = new Set(ir.models.map((model) => model.name));
  const refsIn = (type: TypeRef): string[] =>
    type.kind === 'ref' ? [type.name] : type.kind === 'array' ? refsIn(type.items) : [];
  const checkFields = (fields: Field[], where: string): void => {
    for (const field of fields) {
      for (const name of refsIn(field.type)) {
        if (!modelNames.has(name)) problems.push(`${where}.${field.name} refers to unknown model ${name}`);
      }
    }
  };
  const ids = new Set<string>();
  for (const operation of ir.operations) {
    if (ids.has(operation.id)) problems.push(`duplicate operation id ${operation.id}`);
    ids.add(operation.id);
    checkFields(operation.request.fields, `${operation.id} request`);
    checkFields(operation.response.fields, `${operation.id} response`);
  }
  if (modelNames.size !== ir.models.length) problems.push('duplicate model names');
  for (const model of ir.models) checkFields(model.fields, `model ${model.name}`);
  return problems;
}

/** The IR with only its rebuilt operations and models (other fields as they are). */
function rebuiltPart(ir: unknown, rebuilt: RebuiltParts): unknown {
  if (ir === null || typeof ir !== 'object') return ir;
  const { operations, models } = ir as Partial<Ir>;
  if (!Array.isArray(operations) || !Array.isArray(models)) return ir;
  const ids = new Set(rebuilt.operations);
  const names = new Set(rebuilt.models);
  return { ...ir, operations: operations.filter((operation) => ids.has(operation?.id)), models: models.filter((model) => names.has(model?.name)) };
}

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

/** Returns human-readable problems; empty when the IR is valid. */
export function validateIr(data: unknown): string[] {
  const validateSchema = compiled();
  if (!validateSchema(data)) {
    return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
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

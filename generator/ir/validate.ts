/** Checks an IR against the JSON Schema and the rules a schema cannot say (references resolve, ids unique). */
import { Ajv } from 'ajv';
import irSchema from './ir.schema.json' with { type: 'json' };
import type { Field, Ir, TypeRef } from './types.js';

const validateSchema = new Ajv({ allErrors: true }).compile<Ir>(irSchema);

export { irSchema };

/** Returns human-readable problems; empty when the IR is valid. */
export function validateIr(ir: unknown): string[] {
  if (!validateSchema(ir)) {
    return (validateSchema.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  }
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

/**
 * IR fields and the SDK's types → JSON Schema 2020-12 (what OpenAPI 3.1 uses). Schema
 * names are the SDK's type names (its naming registry decided them), so a `$ref` in the
 * spec and a type in the SDK name the same thing.
 */
import type { Field, JsonValue, TypeRef } from '../../ir/types.js';
import type { TypeDeclaration } from '../sdk/declarations.js';
import { localizedText } from './text.js';

export type Schema = Record<string, unknown>;

/** The error body every operation may answer with (what the SDK's ApiError reads); the SDK reserves the name. */
export const ERROR_SCHEMA = 'ApiError';

const COMPONENT_KEY = /^[A-Za-z0-9._-]+$/;

/**
 * Component keys for the SDK's type names. They are identifiers already; one with a
 * character a component key forbids (`$`) gets `_` for it, and a suffix of its own
 * if that name is taken, so keys stay valid and unique whatever the docs name.
 */
export function componentKeys(typeNames: string[]): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set([ERROR_SCHEMA.toLowerCase()]);
  for (const name of typeNames.filter((name) => COMPONENT_KEY.test(name))) taken.add(name.toLowerCase());
  for (const name of typeNames) {
    if (COMPONENT_KEY.test(name)) {
      keys.set(name, name);
      continue;
    }
    const base = name.replace(/[^A-Za-z0-9._-]/g, '_');
    let key = base;
    for (let n = 2; taken.has(key.toLowerCase()); n += 1) key = `${base}_${n}`;
    taken.add(key.toLowerCase());
    keys.set(name, key);
  }
  return keys;
}

export const schemaRef = (key: string): Schema => ({ $ref: `#/components/schemas/${key}` });

/** Resolves a docs model name (a `ref`) to its component key; undefined for a name no model has. */
export type RefResolver = (docsName: string) => string | undefined;

function typeSchema(type: TypeRef, refKey: RefResolver): Schema {
  switch (type.kind) {
    case 'array':
      return { type: 'array', items: typeSchema(type.items, refKey) };
    case 'ref': {
      // validateIr makes every ref name a model; were one not to, it is any value (as the SDK types it).
      const key = refKey(type.name);
      return key ? schemaRef(key) : {};
    }
    case 'any':
      return {};
    default:
      return { type: type.kind };
  }
}

/** A field's schema: its type, enum, description (both locales), default, example and array limit. */
export function fieldSchema(field: Field, refKey: RefResolver): Schema {
  const schema: Schema = { ...typeSchema(field.type, refKey), ...localizedText('description', field.description) };
  if (field.enum) addEnum(schema, field.enum);
  if (field.default !== undefined) schema.default = field.default;
  if (field.example !== undefined) schema.examples = [field.example];
  if (field.maxItems !== undefined) schema.maxItems = field.maxItems;
  return schema;
}

/**
 * The docs list allowed values as text. On a string (or on the items of an array of
 * strings, as the SDK types them) they are the `enum`; on a number or boolean they are
 * the `enum` when every value reads as one, else kept as `x-enum` (text the type
 * cannot hold: a schema that forbade every value would be wrong).
 */
function addEnum(schema: Schema, values: string[]): void {
  const unique = [...new Set(values)];
  const target = schema.type === 'array' && (schema.items as Schema).type === 'string' ? (schema.items as Schema) : schema;
  if (target.type === 'string') {
    target.enum = unique;
    return;
  }
  const parsed = unique.map((value) => parseValue(value, target.type));
  if (parsed.every((value) => value !== undefined)) target.enum = parsed;
  else schema['x-enum'] = unique;
}

function parseValue(text: string, type: unknown): JsonValue | undefined {
  if (type === 'number') return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  return undefined;
}

/** An object schema of fields: required list in field order, properties by field. */
export function objectSchema(fields: Field[], refKey: RefResolver): Schema {
  const required = fields.filter((field) => field.required).map((field) => field.name);
  return {
    type: 'object',
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(fields.map((field) => [field.name, fieldSchema(field, refKey)])),
  };
}

/** One of the SDK's types as a component schema; an opaque one is any object. */
export function declarationSchema(type: TypeDeclaration, refKey: RefResolver): Schema {
  if (type.opaque) return { type: 'object', description: 'A data structure the docs do not describe field by field.' };
  return objectSchema(
    type.properties.map((property) => property.field),
    refKey,
  );
}

/** The error body: what the SDK's runtime reads from a failed call. */
export const ERROR_BODY: Schema = {
  type: 'object',
  description: 'The body of a failed call.',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'number', description: 'Business-level status code; 200 only on success.' },
    message: { type: 'string', description: 'What went wrong.' },
    apiCode: { type: 'number', description: 'Finer-grained error code.' },
    requestId: { type: 'string', description: 'Trace identifier of the request.' },
  },
};

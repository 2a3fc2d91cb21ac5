/**
 * IR → the SDK's declarations (a small CodeDOM): every exported type with its final
 * name, every enum, every client method with its parameter shape. All naming happens
 * here, through the registry; the writers (models.ts, clients.ts) only print.
 */
import { compareStrings } from '../../ir/diagnostics.js';
import type { ClientProfile, Field, Ir, Localized, Operation, TypeRef } from '../../ir/types.js';
import { clientIndex, profileOf } from '../../profile/index.js';
import { bindingNameFor, enumMemberNameFor, NameScope, RUNTIME_SYMBOLS, typeNameFor } from './naming.js';

export interface EnumDeclaration {
  /** Enum name inside the type's namespace (the field's name, as Authing's SDK does). */
  name: string;
  members: { name: string; value: string }[];
}

export interface PropertyDeclaration {
  field: Field;
  /** TypeScript type text. */
  type: string;
}

export interface TypeDeclaration {
  name: string;
  /** Model names this type refers to (for imports), already mapped to final names. */
  imports: string[];
  properties: PropertyDeclaration[];
  enums: EnumDeclaration[];
  /** An opaque data structure: the docs do not describe its fields. */
  opaque: boolean;
}

export interface MethodDeclaration {
  name: string;
  operation: Operation;
  style: Operation['request']['style'];
  requestType?: string;
  responseType: string;
  /** Query operations: destructured bindings, one per field. */
  queryParameters: { field: Field; binding: string; type: string }[];
  /** True when every request field is optional, so the argument may be omitted. */
  argumentOptional: boolean;
}

export interface ClientDeclaration {
  client: ClientProfile;
  methods: MethodDeclaration[];
}

export interface SdkDeclarations {
  types: TypeDeclaration[];
  /** One per client of the IR's profile, in its order (also clients without operations). */
  clients: ClientDeclaration[];
}

export function declareSdk(ir: Ir): SdkDeclarations {
  const profile = profileOf(ir);
  const typeScope = new NameScope([...RUNTIME_SYMBOLS, ...profile.clients.map((client) => client.className)]);
  const modelNames = new Map<string, string>();
  const byName = new Map<string, { declaration: TypeDeclaration; shape: string }>();
  const types: TypeDeclaration[] = [];

  // Models first, so references between them keep their documented names.
  for (const model of ir.models) modelNames.set(model.name, typeScope.claim(typeNameFor(model.name)));

  const declare = (docsName: string, fields: Field[], opaque: boolean, preset?: string): string => {
    const shape = shapeOf(fields, opaque);
    const preferred = preset ?? typeNameFor(docsName);
    const existing = byName.get(preferred);
    if (existing?.shape === shape) return preferred;
    const name = preset ?? typeScope.claim(preferred);
    const declaration = typeDeclaration(name, fields, opaque, modelNames);
    byName.set(name, { declaration, shape });
    types.push(declaration);
    return name;
  };

  for (const model of ir.models) declare(model.name, model.fields, model.opaque, modelNames.get(model.name));

  const clients = profile.clients.map((client) => ({ client, methods: [] as MethodDeclaration[], scope: new NameScope(CLIENT_MEMBERS) }));
  const byId = new Map(clients.map((entry) => [entry.client.id, entry]));
  const index = clientIndex(profile);
  for (const operation of ir.operations) {
    // An IR made without this profile may name a client it lacks: its operations go to the fallback client.
    const owner = byId.get(operation.module) ?? byId.get(index.fallback.id)!;
    const { request, response } = operation;
    const requestType = request.fields.length > 0 ? declare(request.typeName, request.fields, false) : undefined;
    const responseType = declare(response.typeName, response.fields, response.fields.length === 0);
    const bindings = new NameScope();
    owner.methods.push({
      name: owner.scope.claim(bindingNameFor(operation.methodNames.node ?? operation.slug)),
      operation,
      style: request.style,
      requestType,
      responseType,
      queryParameters: request.fields.map((field) => ({
        field,
        binding: bindings.claim(bindingNameFor(field.name)),
        type: requestType ? propertyType(byName.get(requestType)!.declaration, field.name) : 'any',
      })),
      argumentOptional: request.fields.every((field) => !field.required),
    });
  }
  types.sort((a, b) => compareStrings(a.name, b.name));
  return { types, clients: clients.map(({ client, methods }) => ({ client, methods })) };
}

/** Members of the runtime base class; an operation may not shadow them. */
const CLIENT_MEMBERS = ['constructor', 'request', 'http', 'options', 'tokenProvider', 'setAccessToken'];

function typeDeclaration(name: string, fields: Field[], opaque: boolean, modelNames: Map<string, string>): TypeDeclaration {
  const enumScope = new NameScope();
  const enums: EnumDeclaration[] = [];
  const enumNames = new Map<string, string>();
  for (const field of fields) {
    if (!field.enum) continue;
    const enumName = enumScope.claim(bindingNameFor(field.name).replace(/_$/, '') || 'value');
    enumNames.set(field.name, enumName);
    const members = new NameScope();
    enums.push({
      name: enumName,
      members: [...new Set(field.enum)].map((value) => ({ name: members.claim(enumMemberNameFor(value)), value })),
    });
  }
  const imports = new Set<string>();
  for (const field of fields) for (const ref of refsOf(field.type)) imports.add(modelNames.get(ref) ?? ref);
  imports.delete(name);
  return {
    name,
    opaque,
    enums,
    imports: [...imports].sort(compareStrings),
    properties: fields.map((field) => ({
      field,
      type: typeText(field, name, modelNames, enumNames.get(field.name)),
    })),
  };
}

function propertyType(declaration: TypeDeclaration, fieldName: string): string {
  return declaration.properties.find((property) => property.field.name === fieldName)?.type ?? 'any';
}

function refsOf(type: TypeRef): string[] {
  if (type.kind === 'ref') return [type.name];
  if (type.kind === 'array') return refsOf(type.items);
  return [];
}

/**
 * Field → TypeScript type text. `object` and opaque models are `Record<string, any>`;
 * `any` stays `any`; an enum field is typed by its enum in the owner's namespace.
 */
function typeText(field: Field, owner: string, modelNames: Map<string, string>, enumName: string | undefined): string {
  const resolvedEnum = enumName;
  const print = (type: TypeRef): string => {
    switch (type.kind) {
      case 'array': {
        const items = print(type.items);
        return /^[A-Za-z0-9_.]+$/.test(items) ? `${items}[]` : `Array<${items}>`;
      }
      case 'ref':
        return modelNames.get(type.name) ?? 'any';
      case 'object':
        return 'Record<string, any>';
      case 'string':
        return resolvedEnum && owner ? `${owner}.${resolvedEnum}` : 'string';
      default:
        return type.kind;
    }
  };
  return print(field.type);
}

function shapeOf(fields: Field[], opaque: boolean): string {
  return JSON.stringify([opaque, fields.map(({ name, type, required, enum: values }) => [name, type, required, values])]);
}

/** JSDoc text from both locales: zh first, then en when it says something else. */
export function docText(text: Localized): string | undefined {
  const parts = [text.zh, text.en].filter((part): part is string => !!part && part.trim() !== '');
  const tidy = (part: string): string => part.split('\n').map((line) => line.trimEnd()).join('\n').trim();
  const unique = [...new Set(parts.map(tidy))];
  return unique.length > 0 ? unique.join('\n\n').replace(/\*\//g, '*\\/') : undefined;
}

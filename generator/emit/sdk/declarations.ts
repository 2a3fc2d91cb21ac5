/**
 * IR → the SDK's declarations (a small CodeDOM): every exported type with its final
 * name, every enum, every client method with its parameter shape. All naming happens
 * here, through the registry; the writers (models.ts, clients.ts) only print.
 */
import { compareStrings, createDiagnostic } from '../../ir/diagnostics.js';
import type { ClientProfile, Diagnostic, Field, Ir, Localized, Operation, SourceRef, TypeRef } from '../../ir/types.js';
import { clientIndex, profileOf } from '../../profile/index.js';
import { camelCase, pascalCase } from '../../shared/case.js';
import {
  bindingNameFor,
  CALL_OPTIONS,
  collisionMessage,
  enumMemberNameFor,
  enumNameFor,
  methodNameFor,
  NamePlan,
  RUNTIME_BASE,
  RUNTIME_OPTIONS,
  RUNTIME_SYMBOLS,
  typeNameFor,
  type NameCollision,
} from './naming.js';

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
  /** The types the method's signature names: its request and response types, and the models its query parameters use. */
  imports: string[];
  /** Query operations: destructured bindings, one per field. */
  queryParameters: { field: Field; binding: string; type: string }[];
  /** True when every request field is optional, so the argument may be omitted. */
  argumentOptional: boolean;
}

export interface ClientDeclaration {
  client: ClientProfile;
  methods: MethodDeclaration[];
  /** Options the node samples pass that the runtime's options type lacks (ir.clientOptions), by name. */
  options: ClientOptionDeclaration[];
}

export interface ClientOptionDeclaration {
  name: string;
  /** TypeScript type text (`string`, `string | number`). */
  type: string;
}

export interface SdkDeclarations {
  types: TypeDeclaration[];
  /** One per client of the IR's profile, in its order (also clients without operations). */
  clients: ClientDeclaration[];
  /** A warning per name collision the registry resolved (SDK_NAME_COLLISION). */
  diagnostics: Diagnostic[];
  /** The SDK's type name of each documented model, by its docs name (what a `ref` names). */
  modelNames: Map<string, string>;
}

export function declareSdk(ir: Ir): SdkDeclarations {
  const profile = profileOf(ir);
  const plan = new NamePlan();
  const local: NameCollision[] = [];
  plan.reserve(TYPES, [...RUNTIME_SYMBOLS, ...profile.clients.flatMap((client) => [client.className, RUNTIME_BASE[client.auth]])]);
  const entities = new Map<string, TypeEntity>();
  const modelIdentities = new Map<string, string>();
  const modelByShape = new Map<string, string>();

  for (const model of ir.models) {
    const preferred = typeNameFor(model.name);
    const entity = { identity: `model ${model.name}`, fields: model.fields, opaque: model.opaque, source: model.sources[0] };
    entities.set(entity.identity, entity);
    modelIdentities.set(model.name, entity.identity);
    modelByShape.set(`${preferred}\0${shapeOf(model.fields, model.opaque)}`, entity.identity);
    plan.request({ kind: 'type', scope: TYPES, identity: entity.identity, preferred, rank: 0, label: `model ${model.name}`, source: entity.source });
  }

  /**
   * A request or response type: one per name and shape, shared by every operation that
   * has it (a documented model of that name and shape is itself). Its identity is its
   * content, so whether it keeps a contested name never depends on which operations exist.
   */
  const spelledBy = new Set<string>();
  const dto = (operation: Operation, role: 'request' | 'response', docsName: string, fields: Field[], opaque: boolean): string => {
    const preferred = typeNameFor(docsName);
    const shape = shapeOf(fields, opaque);
    const model = modelByShape.get(`${preferred}\0${shape}`);
    if (model) return model;
    const identity = `${preferred} ${shape}`;
    const suffix = role === 'request' ? 'Dto' : 'RespDto';
    // A type several operations share takes its docs from the one whose slug spells its name (the first by id
    // otherwise): dropping another of them then leaves its file as it was.
    const spelled = preferred === typeNameFor(`${pascalCase(operation.slug)}${suffix}`);
    if (!entities.has(identity) || (spelled && !spelledBy.has(identity))) entities.set(identity, { identity, fields, opaque, source: operation.sources[0] });
    if (spelled) spelledBy.add(identity);
    plan.request({
      kind: 'type',
      scope: TYPES,
      identity,
      preferred,
      // Prefixed by the module: the slug alone may be another operation's method name, and so its preferred type name.
      alternatives: [typeNameFor(`${pascalCase(`${operation.module} ${operation.slug}`)}${suffix}`)],
      // The response type's name is on the page; a request type's is made from the method name.
      rank: (role === 'response' ? 1 : 2) - (spelled ? 0.5 : 0),
      label: `${role} type of ${operation.id}`,
      source: operation.sources[0],
    });
    return identity;
  };

  const clients = profile.clients.map((client) => ({ client, methods: [] as MethodDeclaration[], options: [] as ClientOptionDeclaration[] }));
  const sampleOptions = clients.map(({ client }) => requestClientOptions(ir, client, plan));
  const byId = new Map(clients.map((entry) => [entry.client.id, entry]));
  const index = clientIndex(profile);
  // An IR made without this profile may name a client it lacks: its operations go to the fallback client.
  const ownerOf = (operation: Operation) => byId.get(operation.module) ?? byId.get(index.fallback.id)!;
  for (const { client } of clients) plan.reserve(methodScope(client), CLIENT_MEMBERS);
  const typesOf = new Map<Operation, { request?: string; response: string }>();
  // By id, so that a type several operations share is labelled by the same one whatever the IR's order.
  for (const operation of [...ir.operations].sort((a, b) => compareStrings(a.id, b.id))) {
    const { request, response } = operation;
    typesOf.set(operation, {
      request: request.fields.length > 0 ? dto(operation, 'request', request.typeName, request.fields, false) : undefined,
      response: dto(operation, 'response', response.typeName, response.fields, response.fields.length === 0),
    });
    plan.request({
      kind: 'method',
      scope: methodScope(ownerOf(operation).client),
      identity: operation.id,
      preferred: methodNameFor(operation.methodNames.node ?? operation.slug),
      alternatives: [operation.slug, `${operation.module} ${operation.slug}`].map((name) => methodNameFor(camelCase(name))),
      // An operation whose slug spells the method name has the better claim to it.
      rank: methodNameFor(operation.methodNames.node ?? operation.slug) === methodNameFor(camelCase(operation.slug)) ? 0 : 1,
      label: `operation ${operation.id}`,
      source: operation.sources[0],
    });
  }

  const typeName = (identity: string): string => plan.name(TYPES, identity);
  clients.forEach((entry, at) => (entry.options = sampleOptions[at]!()));
  const modelNames = new Map([...modelIdentities].map(([docsName, identity]) => [docsName, typeName(identity)]));
  // The types callers write (request types and the models they reach): their enum fields take the plain literals too.
  const inputs = reachable([...typesOf.values()].flatMap((types) => (types.request ? [types.request] : [])), entities, modelIdentities);
  const declarations = new Map<string, TypeDeclaration>();
  for (const entity of entities.values()) {
    declarations.set(entity.identity, typeDeclaration(typeName(entity.identity), entity, modelNames, local, inputs.has(entity.identity)));
  }

  for (const operation of ir.operations) {
    const owner = ownerOf(operation);
    const { request } = operation;
    const types = typesOf.get(operation)!;
    const requestType = types.request ? typeName(types.request) : undefined;
    const bindings = new NamePlan();
    bindings.reserve(operation.id, [CALL_OPTIONS.parameter]);
    for (const field of request.fields) {
      bindings.request({ kind: 'binding', scope: operation.id, identity: field.name, preferred: bindingNameFor(field.name), rank: 0, label: `field ${field.name} of ${operation.id}`, source: operation.sources[0] });
    }
    local.push(...bindings.collisions());
    const responseType = typeName(types.response);
    const queryImports = types.request && request.style === 'query' ? declarations.get(types.request)!.imports : [];
    owner.methods.push({
      name: plan.name(methodScope(owner.client), operation.id),
      operation,
      style: request.style,
      requestType,
      responseType,
      imports: [...new Set([responseType, ...(requestType ? [requestType] : []), ...queryImports])],
      queryParameters: request.fields.map((field) => ({
        field,
        binding: bindings.name(operation.id, field.name),
        type: types.request ? propertyType(declarations.get(types.request)!, field.name) : 'any',
      })),
      argumentOptional: request.fields.every((field) => !field.required),
    });
  }
  const types = [...declarations.values()].sort((a, b) => compareStrings(a.name, b.name));
  const diagnostics = [...plan.collisions(), ...local].map((collision) =>
    createDiagnostic('warning', 'SDK_NAME_COLLISION', collision.loser.source?.file ?? '', collision.loser.source?.line ?? 0, collisionMessage(collision)),
  );
  return { types, clients, diagnostics, modelNames };
}

/**
 * The options the node samples pass to the client's class that its runtime options type does not
 * declare, requested from the plan (the runtime's own option names are reserved there); named once it resolves.
 */
function requestClientOptions(ir: Ir, client: ClientProfile, plan: NamePlan): () => ClientOptionDeclaration[] {
  const scope = `options ${client.id}`;
  const runtime = new Set(RUNTIME_OPTIONS[client.auth].names);
  plan.reserve(scope, runtime);
  const own = (ir.clientOptions ?? []).filter((option) => option.client === client.className && !runtime.has(option.name));
  for (const option of own) {
    plan.request({ kind: 'option', scope, identity: option.name, preferred: option.name, rank: 0, label: `option ${option.name} of ${client.className} (a sample's)`, source: option.sources[0] });
  }
  return () => own.map((option) => ({ name: plan.name(scope, option.name), type: option.types.map((type) => type.kind).join(' | ') }));
}

/** The scope of the models folder: type names are its file names. */
const TYPES = 'models';
const methodScope = (client: ClientProfile): string => `client ${client.id}`;

/** Members of the runtime base class; an operation may not shadow them. */
const CLIENT_MEMBERS = ['constructor', 'request', 'http', 'options', 'tokenProvider', 'setAccessToken'];

/** A type the SDK declares, before it has its name. */
interface TypeEntity {
  identity: string;
  fields: Field[];
  opaque: boolean;
  source?: SourceRef;
}

/** The identities `roots` refer to, themselves included, through their fields' model references. */
function reachable(roots: string[], entities: Map<string, TypeEntity>, modelIdentities: Map<string, string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const identity = stack.pop()!;
    if (seen.has(identity)) continue;
    seen.add(identity);
    for (const field of entities.get(identity)?.fields ?? []) {
      for (const ref of refsOf(field.type)) {
        const target = modelIdentities.get(ref);
        if (target) stack.push(target);
      }
    }
  }
  return seen;
}

function typeDeclaration(name: string, entity: TypeEntity, modelNames: Map<string, string>, collisions: NameCollision[], input: boolean): TypeDeclaration {
  const { fields, opaque, source } = entity;
  const names = new NamePlan();
  // Values a sample names (sampleValues) make an enum too; the field stays open to any string (typeText).
  const valuesOf = (field: Field): string[] | undefined => field.enum ?? field.sampleValues;
  const enumFields = fields.filter((field) => valuesOf(field));
  for (const field of enumFields) {
    names.request({ kind: 'enum', scope: 'enums', identity: field.name, preferred: enumNameFor(field.name), rank: 0, label: `field ${field.name} of ${name}`, source });
    for (const value of valuesOf(field)!) {
      names.request({ kind: 'enum member', scope: `enum ${field.name}`, identity: value, preferred: enumMemberNameFor(value), rank: 0, label: `value ${JSON.stringify(value)} of ${name}.${field.name}`, source });
    }
  }
  const enums: EnumDeclaration[] = enumFields.map((field) => ({
    name: names.name('enums', field.name),
    members: [...new Set(valuesOf(field))].map((value) => ({ name: names.name(`enum ${field.name}`, value), value })),
  }));
  const enumNames = new Map(enumFields.map((field) => [field.name, names.name('enums', field.name)]));
  collisions.push(...names.collisions());
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
      type: typeText(field, name, modelNames, enumNames.get(field.name), input),
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
 * `any` stays `any`; an enum field is typed by its enum in the owner's namespace, and in
 * a type callers write also by its values (`E | \`${E}\``), so `'application/json'` compiles.
 */
function typeText(field: Field, owner: string, modelNames: Map<string, string>, enumName: string | undefined, input: boolean): string {
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
        if (!resolvedEnum || !owner) return 'string';
        if (!field.enum) return `${owner}.${resolvedEnum} | string`;
        return input ? `${owner}.${resolvedEnum} | \`\${${owner}.${resolvedEnum}}\`` : `${owner}.${resolvedEnum}`;
      default:
        return type.kind;
    }
  };
  return print(field.type);
}

function shapeOf(fields: Field[], opaque: boolean): string {
  return JSON.stringify([opaque, fields.map(({ name, type, required, enum: values, sampleValues }) => [name, type, required, values, ...(sampleValues ? [sampleValues] : [])])]);
}

/** JSDoc text from both locales: zh first, then en when it says something else. */
export function docText(text: Localized): string | undefined {
  const parts = [text.zh, text.en].filter((part): part is string => !!part && part.trim() !== '');
  const tidy = (part: string): string => part.split('\n').map((line) => line.trimEnd()).join('\n').trim();
  const unique = [...new Set(parts.map(tidy))];
  return unique.length > 0 ? unique.join('\n\n').replace(/\*\//g, '*\\/') : undefined;
}

/**
 * What a docs change does to the SDK's API: the IR before and after, compared operation
 * by operation and model by model, each difference classified by one rule (RULES below,
 * README's table). **Breaking** = can break code or assumptions of the SDK's existing
 * users. Whether a field change breaks depends on which way the data flows: what users
 * send (requests, and models reachable from a request) may grow optional parts but not
 * required ones; what users receive (responses, and models reachable from one) may grow
 * but not shrink or loosen.
 */
import { compareStrings } from '../ir/diagnostics.js';
import type { Field, Ir, Model, Operation, TypeRef } from '../ir/types.js';
import { profileOf } from '../profile/index.js';

export interface ApiChange {
  breaking: boolean;
  kind: ChangeKind;
  /** `ManagementClient.createWebhook`, or `Models.WebhookDto`. */
  target: string;
  message: string;
}

/** Every rule: its kind, whether it breaks, and the README's words for it. */
export const RULES = {
  'operation-added': { breaking: false, says: 'an operation was added' },
  'operation-removed': { breaking: true, says: 'an operation was removed' },
  'method-renamed': { breaking: true, says: "an operation's SDK method was renamed" },
  'http-changed': { breaking: true, says: "an operation's HTTP verb or path changed" },
  'request-field-added-optional': { breaking: false, says: 'an optional request field was added' },
  'request-field-added-required': { breaking: true, says: 'a required request field was added' },
  'request-field-removed': { breaking: true, says: 'a request field was removed' },
  'request-field-required': { breaking: true, says: 'a request field became required' },
  'request-field-optional': { breaking: false, says: 'a request field became optional' },
  'request-field-type-changed': { breaking: true, says: "a request field's type changed" },
  'request-enum-value-added': { breaking: false, says: 'a request field accepts a new enum value' },
  'request-enum-value-removed': { breaking: true, says: 'a request field lost an enum value' },
  'response-field-added': { breaking: false, says: 'a response field was added' },
  'response-field-removed': { breaking: true, says: 'a response field was removed' },
  'response-field-optional': { breaking: true, says: 'a response field became optional (it may be absent)' },
  'response-field-required': { breaking: false, says: 'a response field became required (always present)' },
  'response-field-type-changed': { breaking: true, says: "a response field's type changed" },
  'response-enum-value-added': { breaking: false, says: 'a response field may carry a new enum value' },
  'response-enum-value-removed': { breaking: false, says: 'a response field no longer carries an enum value' },
  'response-type-renamed': { breaking: true, says: "an operation's response type was renamed (`Models.X` users)" },
  'model-added': { breaking: false, says: 'a data structure was added' },
  'model-removed': { breaking: true, says: 'a data structure was removed (`Models.X` users)' },
} as const satisfies Record<string, { breaking: boolean; says: string }>;

export type ChangeKind = keyof typeof RULES;

const change = (kind: ChangeKind, target: string, message: string): ApiChange => ({ breaking: RULES[kind].breaking, kind, target, message });

/** The API changes from `before` to `after`, breaking first, then by target and message. */
export function compareIr(before: Ir, after: Ir): ApiChange[] {
  const changes: ApiChange[] = [];
  const methodOf = (ir: Ir) => {
    const clients = new Map(profileOf(ir).clients.map((client) => [client.id, client.className]));
    return (operation: Operation): string => `${clients.get(operation.module) ?? operation.module}.${operation.methodNames.node ?? operation.slug}`;
  };
  const [oldMethod, newMethod] = [methodOf(before), methodOf(after)];
  const oldOps = new Map(before.operations.map((operation) => [operation.id, operation]));
  const newOps = new Map(after.operations.map((operation) => [operation.id, operation]));
  for (const [id, operation] of newOps) if (!oldOps.has(id)) changes.push(change('operation-added', newMethod(operation), `operation ${id} was added`));
  for (const [id, operation] of oldOps) if (!newOps.has(id)) changes.push(change('operation-removed', oldMethod(operation), `operation ${id} was removed`));
  for (const [id, now] of newOps) {
    const was = oldOps.get(id);
    if (!was) continue;
    const target = newMethod(now);
    if (oldMethod(was) !== target) changes.push(change('method-renamed', oldMethod(was), `was renamed to ${target}`));
    if (was.http.method !== now.http.method || was.http.path !== now.http.path) {
      changes.push(change('http-changed', target, `${was.http.method} ${was.http.path} became ${now.http.method} ${now.http.path}`));
    }
    if (was.response.typeName !== now.response.typeName) changes.push(change('response-type-renamed', target, `response type ${was.response.typeName} became ${now.response.typeName}`));
    changes.push(...compareFields(was.request.fields, now.request.fields, 'request', target, 'request field'));
    changes.push(...compareFields(was.response.fields, now.response.fields, 'response', target, 'response field'));
  }
  const oldModels = new Map(before.models.map((model) => [model.name, model]));
  const newModels = new Map(after.models.map((model) => [model.name, model]));
  const [oldFlow, newFlow] = [modelFlows(before), modelFlows(after)];
  for (const [name] of newModels) if (!oldModels.has(name)) changes.push(change('model-added', `Models.${name}`, `data structure ${name} was added`));
  for (const [name] of oldModels) if (!newModels.has(name)) changes.push(change('model-removed', `Models.${name}`, `data structure ${name} was removed`));
  for (const [name, now] of newModels) {
    const was = oldModels.get(name);
    if (!was) continue;
    // A model users both send and receive is judged both ways; one reached by neither counts as received.
    const flows = new Set([...(oldFlow.get(name) ?? []), ...(newFlow.get(name) ?? [])]);
    if (flows.size === 0) flows.add('response');
    for (const flow of flows) changes.push(...compareFields(was.fields, now.fields, flow, `Models.${name}`, 'field'));
  }
  return dedupe(changes).sort((a, b) => Number(b.breaking) - Number(a.breaking) || compareStrings(a.target, b.target) || compareStrings(a.message, b.message));
}

type Flow = 'request' | 'response';

function compareFields(before: Field[], after: Field[], flow: Flow, target: string, what: string): ApiChange[] {
  const changes: ApiChange[] = [];
  const was = new Map(before.map((field) => [field.name, field]));
  const now = new Map(after.map((field) => [field.name, field]));
  const kind = <K extends string>(suffix: K) => `${flow}-${suffix}` as ChangeKind;
  for (const [name, field] of now) {
    if (was.has(name)) continue;
    if (flow === 'request') changes.push(change(field.required ? 'request-field-added-required' : 'request-field-added-optional', target, `${what} ${name} was added${field.required ? ' (required)' : ''}`));
    else changes.push(change('response-field-added', target, `${what} ${name} was added`));
  }
  for (const [name] of was) if (!now.has(name)) changes.push(change(kind('field-removed'), target, `${what} ${name} was removed`));
  for (const [name, field] of now) {
    const old = was.get(name);
    if (!old) continue;
    if (old.required !== field.required) {
      changes.push(change(kind(field.required ? 'field-required' : 'field-optional'), target, `${what} ${name} became ${field.required ? 'required' : 'optional'}`));
    }
    if (typeText(old.type) !== typeText(field.type)) {
      changes.push(change(kind('field-type-changed'), target, `${what} ${name} changed type from ${typeText(old.type)} to ${typeText(field.type)}`));
    }
    const [oldValues, newValues] = [new Set(old.enum ?? []), new Set(field.enum ?? [])];
    // A field that gains its first enum or loses its last is a type change, not a value change.
    if (oldValues.size > 0 && newValues.size > 0) {
      for (const value of newValues) if (!oldValues.has(value)) changes.push(change(kind('enum-value-added'), target, `${what} ${name} gained enum value ${JSON.stringify(value)}`));
      for (const value of oldValues) if (!newValues.has(value)) changes.push(change(kind('enum-value-removed'), target, `${what} ${name} lost enum value ${JSON.stringify(value)}`));
    } else if (oldValues.size !== newValues.size) {
      changes.push(change(kind('field-type-changed'), target, `${what} ${name} ${newValues.size > 0 ? 'became an enum' : 'is no longer an enum'}`));
    }
  }
  return changes;
}

function typeText(type: TypeRef): string {
  if (type.kind === 'array') return `${typeText(type.items)}[]`;
  return type.kind === 'ref' ? type.name : type.kind;
}

/** Which way each model's data flows: reachable from some request, some response, or both. */
function modelFlows(ir: Ir): Map<string, Set<Flow>> {
  const models = new Map(ir.models.map((model) => [model.name, model]));
  const flows = new Map<string, Set<Flow>>();
  const visit = (fields: Field[], flow: Flow): void => {
    for (const field of fields) {
      for (const name of refs(field.type)) {
        const seen = flows.get(name) ?? new Set<Flow>();
        if (seen.has(flow)) continue;
        seen.add(flow);
        flows.set(name, seen);
        const model: Model | undefined = models.get(name);
        if (model) visit(model.fields, flow);
      }
    }
  };
  for (const operation of ir.operations) {
    visit(operation.request.fields, 'request');
    visit(operation.response.fields, 'response');
  }
  return flows;
}

function refs(type: TypeRef): string[] {
  if (type.kind === 'ref') return [type.name];
  return type.kind === 'array' ? refs(type.items) : [];
}

/** A model judged both ways may report one difference twice (e.g. a removed field): once is enough, the breaking one kept. */
function dedupe(changes: ApiChange[]): ApiChange[] {
  const byText = new Map<string, ApiChange>();
  for (const item of changes) {
    const key = `${item.target}\0${item.message}`;
    const known = byText.get(key);
    if (!known || (!known.breaking && item.breaking)) byText.set(key, item);
  }
  return [...byText.values()];
}

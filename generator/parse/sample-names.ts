/**
 * Names the docs' node samples state and the tables do not (issue 14). A sample writes
 * an enum member as `Models.X.field.MEMBER`: X is the type that has `field`. When the
 * field is one of the operation's own request fields, written at the argument's top level
 * (`field: Models.X.field.MEMBER`), and X spells the operation's method (`CreateDepartmentReqDto`
 * for createDepartment, `SendSMSDto` for sendSms), X is the name of its request DTO. A name
 * that spells another operation (a copied sample) names nothing here: the type check
 * diagnoses the sample instead.
 */
import type { Field, Model, Sample } from '../ir/types.js';
import type { DocumentedOperation } from '../profile/index.js';
import { enumMemberNameFor } from '../shared/case.js';

export interface SampleTypeName {
  name: string;
  /** Where the sample says so. */
  source: { file: string; line: number };
}

const ENUM_REFERENCE = /(?<key>[A-Za-z_$][\w$]*)\s*:\s*Models\.(?<type>[A-Za-z_$][\w$]*)\.(?<field>[A-Za-z_$][\w$]*)\.[A-Za-z_$][\w$]*/g;

/** The request DTO name the node samples give the operation, first by sample order (zh first). */
export function requestTypeFromSamples(method: string, fields: readonly Field[], samples: readonly Sample[]): SampleTypeName | undefined {
  const own = new Set(fields.map((field) => field.name));
  for (const sample of samples) {
    if (sample.sdk !== 'node') continue;
    const call = callArgument(sample.code, method);
    if (!call) continue;
    for (const match of call.text.matchAll(ENUM_REFERENCE)) {
      const { key, type, field } = match.groups!;
      if (key !== field || !own.has(field!) || depthAt(call.text, match.index) !== 1 || !spells(type!, method)) continue;
      const line = (sample.source?.line ?? 1) + lineOf(sample.code, call.start + match.index);
      return { name: type!, source: { file: sample.source?.file ?? '', line } };
    }
  }
  return undefined;
}

/** The text of `.method(` … `)` in the code (from the parenthesis), and where it starts. */
function callArgument(code: string, method: string): { text: string; start: number } | undefined {
  const at = code.search(new RegExp(`\\.${method}\\s*\\(`));
  if (at < 0) return undefined;
  const open = code.indexOf('(', at);
  let depth = 0;
  for (let index = open; index < code.length; index += 1) {
    const char = code[index];
    if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) return { text: code.slice(open + 1, index), start: open + 1 };
  }
  return undefined;
}

/** Brace depth at `index` of the argument text: 1 is the argument object's own properties. */
function depthAt(text: string, index: number): number {
  let depth = 0;
  for (let at = 0; at < index; at += 1) {
    if (text[at] === '{' || text[at] === '[') depth += 1;
    else if (text[at] === '}' || text[at] === ']') depth -= 1;
  }
  return depth;
}

/** `CreateDepartmentReqDto` spells createDepartment: the name without its DTO suffixes is the method, up to case. */
function spells(typeName: string, method: string): boolean {
  return typeName.replace(/(Req|Request)?Dto$/, '').toLowerCase() === method.toLowerCase();
}

const lineOf = (code: string, index: number): number => code.slice(0, index).split('\n').length - 1;

const MEMBER_REFERENCE = /Models\.(?<type>[A-Za-z_$][\w$]*)\.(?<field>[A-Za-z_$][\w$]*)\.(?<member>[A-Za-z_$][\w$]*)/g;

/**
 * Every `Models.X.field.MEMBER` of the node samples where X is a documented data structure
 * or the operation's request DTO (the name a sample gave it, or one that spells its method),
 * and the field has no enum: the table's default or example value whose member name is
 * MEMBER becomes one of its `sampleValues`. A member no such value spells adds nothing (the
 * type check diagnoses the sample). Returns new objects for what changed: merges are memoized.
 */
export function withSampleValues(operations: DocumentedOperation[], models: Model[]): { operations: DocumentedOperation[]; models: Model[] } {
  const found = new Map<string, Map<string, string[]>>(); // type → field → values
  const modelFields = new Map(models.map((model) => [model.name, model.fields]));
  for (const operation of operations) {
    for (const sample of operation.samples) {
      if (sample.sdk !== 'node') continue;
      for (const match of sample.code.matchAll(MEMBER_REFERENCE)) {
        const { type, field, member } = match.groups as { type: string; field: string; member: string };
        const isRequest = type === operation.request.typeName || spells(type, operation.methodNames.node ?? '');
        const fields = isRequest ? operation.request.fields : modelFields.get(type);
        const target = fields?.find((candidate) => candidate.name === field);
        if (!target || target.enum) continue;
        const value = [target.default, target.example].find((candidate): candidate is string => typeof candidate === 'string' && enumMemberNameFor(candidate) === member);
        if (value === undefined) continue;
        const key = isRequest ? `request ${operation.id}` : `model ${type}`;
        const byField = found.get(key) ?? new Map<string, string[]>();
        found.set(key, byField);
        const values = byField.get(field) ?? [];
        if (!values.includes(value)) values.push(value);
        byField.set(field, values);
      }
    }
  }
  if (found.size === 0) return { operations, models };
  const withValues = (fields: Field[], byField: Map<string, string[]> | undefined): Field[] =>
    byField ? fields.map((field) => (byField.has(field.name) ? { ...field, sampleValues: byField.get(field.name)! } : field)) : fields;
  return {
    operations: operations.map((operation) => {
      const byField = found.get(`request ${operation.id}`);
      return byField ? { ...operation, request: { ...operation.request, fields: withValues(operation.request.fields, byField) } } : operation;
    }),
    models: models.map((model) => {
      const byField = found.get(`model ${model.name}`);
      return byField ? { ...model, fields: withValues(model.fields, byField) } : model;
    }),
  };
}

/**
 * Names the docs' node samples state and the tables do not (issue 14). A sample writes
 * an enum member as `Models.X.field.MEMBER`: X is the type that has `field`. When the
 * field is one of the operation's own request fields, written at the argument's top level
 * (`field: Models.X.field.MEMBER`), and X spells the operation's method (`CreateDepartmentReqDto`
 * for createDepartment, `SendSMSDto` for sendSms), X is the name of its request DTO. A name
 * that spells another operation (a copied sample) names nothing here: the type check
 * diagnoses the sample instead.
 */
import type { Field, Sample } from '../ir/types.js';

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

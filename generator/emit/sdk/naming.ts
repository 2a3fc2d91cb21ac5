/**
 * The one place TypeScript identifiers are allocated. It knows reserved words and the
 * names the SDK itself defines, and resolves collisions deterministically (callers claim
 * names in a fixed order; a later claimant gets a numeric suffix). Templates and
 * structure builders never invent names.
 */
import { camelCase, pascalCase, splitWords } from '../../shared/case.js';

/** ECMAScript/TypeScript reserved words: invalid as bindings (parameters, enum-free identifiers). */
export const RESERVED_WORDS = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await arguments eval')
    .split(' '),
);

/** Type names that would shadow TypeScript's own types or the global objects the runtime uses. */
const RESERVED_TYPE_NAMES = new Set(
  ('any unknown never void null undefined object string number boolean symbol bigint ' +
    'Array Boolean Date Error Function JSON Map Math Number Object Promise Record RegExp Set String Symbol ' +
    'Partial Required Readonly Pick Omit Exclude Extract NonNullable ReturnType Parameters Awaited ' +
    'Response Request Headers URL URLSearchParams AbortController fetch')
    .split(' '),
);

/** What the SDK's runtime and index export next to the models (and the profile's client classes). */
export const RUNTIME_SYMBOLS = [
  'Models',
  'HttpClient',
  'ApiError',
  'ManagementTokenProvider',
  'ClientOptions',
  'ManagementClientOptions',
  'AuthenticationClientOptions',
  'RequestOptions',
] as const;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const isIdentifier = (name: string): boolean => IDENTIFIER.test(name) && !RESERVED_WORDS.has(name);

/** A property name as written in a type literal: bare when it can be, quoted otherwise. */
export const propertyName = (name: string): string => (IDENTIFIER.test(name) ? name : quote(name));

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A scope of names: each claim returns a name unique within the scope. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(preferred: string): string {
    let name = preferred;
    for (let n = 2; this.taken.has(name); n += 1) name = `${preferred}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** A type name: PascalCase when the docs' name is not an identifier, `…Type` when it shadows a global. */
export function typeNameFor(docsName: string): string {
  let name = IDENTIFIER.test(docsName) ? docsName : pascalCase(docsName) || 'Unnamed';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (RESERVED_TYPE_NAMES.has(name) || RESERVED_WORDS.has(name)) name = `${pascalCase(name)}Type`;
  return name;
}

/** A binding (parameter, destructured variable): camelCase identifier, `_` appended to reserved words. */
export function bindingNameFor(docsName: string): string {
  let name = IDENTIFIER.test(docsName) ? docsName : camelCase(docsName) || 'value';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}

/** Enum member: UPPER_SNAKE of the value (`application/json` → `APPLICATION_JSON`), like Authing's SDK. */
export function enumMemberNameFor(value: string): string {
  const words = splitWords(value);
  let name = words.join('_').toUpperCase();
  if (name === '') name = value === '' ? 'EMPTY' : 'VALUE';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

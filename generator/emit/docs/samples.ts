/**
 * Sample code for pages that carry none: client construction and one call with the
 * documented example values, rendered by `templates/docs/samples/<sdk>.hbs`. This file
 * only turns example values into each language's literals; the code around them is in
 * the templates.
 */
import { camelCase, pascalCase, snakeCase } from '../../shared/case.js';
import type { ClientProfile, Field, JsonValue, Operation, SdkLanguage } from '../../ir/types.js';
import { render } from '../templates.js';

/** Fence info string per SDK language, as the docs factory writes it. */
export const FENCE: Record<SdkLanguage, string> = { node: 'ts', python: 'py', java: 'java', go: 'go', php: 'php', csharp: 'csharp' };

export interface Argument {
  name: string;
  /** The name as the language spells a property or setter. */
  member: string;
  value: string;
}

/** `client`: the operation's client in the IR's profile (its class, and whether it takes an access key). */
export function renderSample(operation: Operation, sdk: SdkLanguage, client: ClientProfile): { lang: string; code: string } {
  const args = operation.request.fields
    .filter((field) => field.example !== undefined || field.required)
    .map((field) => argument(field, sdk))
    .filter((arg): arg is Argument => arg !== undefined);
  const context = {
    management: client.auth === 'access-key',
    client: client.className,
    variable: camelCase(client.className),
    method: operation.methodNames[sdk],
    requestType: operation.request.typeName,
    responseType: operation.response.typeName,
    hasArgs: args.length > 0,
    args,
  };
  return { lang: FENCE[sdk], code: render(`docs/samples/${sdk}.hbs`, context).trimEnd() };
}

function argument(field: Field, sdk: SdkLanguage): Argument | undefined {
  const value = field.example ?? placeholder(field);
  const literal = LITERALS[sdk](value);
  if (literal === undefined) return undefined;
  const identifier = /^[A-Za-z_$][\w$]*$/.test(field.name);
  if (!identifier && sdk !== 'node' && sdk !== 'php') return undefined;
  // Each SDK's own spelling: Go/C# properties and Java setters in PascalCase, Python keyword arguments in snake_case.
  const member =
    sdk === 'go' || sdk === 'csharp' || sdk === 'java' ? pascalCase(field.name)
    : sdk === 'python' ? snakeCase(field.name)
    : sdk === 'node' && !identifier ? `'${field.name}'`
    : field.name;
  return { name: field.name, member, value: literal };
}

/** A required field without an example still needs a value of its type. */
function placeholder(field: Field): JsonValue {
  switch (field.type.kind) {
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'string':
      return field.enum?.[0] ?? '';
    default:
      return {};
  }
}

type Literal = (value: JsonValue) => string | undefined;

const quoted = (quote: "'" | '"') => (text: string): string =>
  quote + text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n') + quote;

/** Literal for languages whose maps and lists can be written inline (JS, Python, PHP). */
function inlineLiteral(options: { quote: (text: string) => string; nil: string; yes: string; no: string; list: (items: string[]) => string; map: (entries: [string, string][]) => string }): Literal {
  const literal = (value: JsonValue): string => {
    if (value === null) return options.nil;
    if (typeof value === 'string') return options.quote(value);
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? options.yes : options.no;
    if (Array.isArray(value)) return options.list(value.map(literal));
    return options.map(Object.entries(value).map(([key, item]) => [options.quote(key), literal(item)]));
  };
  return literal;
}

/** Typed languages take scalars inline; structured examples are left to the reader. */
function scalarLiteral(quote: (text: string) => string, yes: string, no: string, long = ''): Literal {
  return (value) => {
    if (typeof value === 'string') return quote(value);
    if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) > 2 ** 31 ? `${value}${long}` : String(value);
    if (typeof value === 'boolean') return value ? yes : no;
    return undefined;
  };
}

const jsKey = (key: string): string => (/^'[A-Za-z_$][\w$]*'$/.test(key) ? key.slice(1, -1) : key);

const LITERALS: Record<SdkLanguage, Literal> = {
  node: inlineLiteral({
    quote: quoted("'"), nil: 'null', yes: 'true', no: 'false',
    list: (items) => `[${items.join(', ')}]`,
    map: (entries) => (entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${jsKey(k)}: ${v}`).join(', ')} }`),
  }),
  python: inlineLiteral({
    quote: quoted('"'), nil: 'None', yes: 'True', no: 'False',
    list: (items) => `[${items.join(', ')}]`,
    map: (entries) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`,
  }),
  php: inlineLiteral({
    quote: quoted('"'), nil: 'null', yes: 'true', no: 'false',
    list: (items) => `array(${items.join(', ')})`,
    map: (entries) => `array(${entries.map(([k, v]) => `${k} => ${v}`).join(', ')})`,
  }),
  java: scalarLiteral(quoted('"'), 'true', 'false', 'L'),
  go: scalarLiteral(quoted('"'), 'true', 'false'),
  csharp: scalarLiteral(quoted('"'), 'true', 'false', 'L'),
};

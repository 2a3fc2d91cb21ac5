/** Identifier casing shared by every stage. Words split on `-`, `_`, spaces and lower→Upper humps. */

export function splitWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

export const pascalCase = (identifier: string): string => splitWords(identifier).map(capitalize).join('');

export function camelCase(identifier: string): string {
  const pascal = pascalCase(identifier);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

export const snakeCase = (identifier: string): string => splitWords(identifier).join('_');

export const kebabCase = (identifier: string): string => splitWords(identifier).join('-');

/** Enum member: UPPER_SNAKE of the value (`application/json` → `APPLICATION_JSON`), like Authing's SDK. */
export function enumMemberNameFor(value: string): string {
  const words = splitWords(value);
  let name = words.join('_').toUpperCase();
  if (name === '') name = value === '' ? 'EMPTY' : 'VALUE';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

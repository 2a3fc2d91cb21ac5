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

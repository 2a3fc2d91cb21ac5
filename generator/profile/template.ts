/** `{name}` placeholders in profile templates: checked when a profile is resolved, filled per operation. */

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholders the template uses that are not among `allowed`. */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !allowed.includes(name));
}

export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export const PATH_PLACEHOLDERS = ['slug', 'module'] as const;
export const TYPE_NAME_PLACEHOLDERS = ['Method', 'method'] as const;

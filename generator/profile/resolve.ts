/**
 * The config's `profile` setting → the profile to apply: a registered name, or an
 * object that extends one (default authing-v3) and replaces any of its settings. The
 * JSON Schema checks the shape; this checks what a schema cannot say and throws
 * ProfileError with a message naming the setting.
 */
import type { ApiProfile, ClientProfile, HttpMethod, SdkSettings, VerbRule } from '../ir/types.js';
import { DEFAULT_PROFILE, PROFILES } from './registry.js';
import { PATH_PLACEHOLDERS, TYPE_NAME_PLACEHOLDERS, unknownPlaceholders } from './template.js';

export interface ProfileOverrides {
  extends?: string;
  name?: string;
  pathTemplate?: string;
  verbs?: { rules?: VerbRule[]; otherwise?: HttpMethod };
  requestTypeName?: string;
  responseTypeName?: string;
  /** Replaces the whole list. */
  clients?: ClientProfile[];
  /** Each setting replaced on its own. */
  sdk?: Partial<SdkSettings>;
}

export type ProfileSetting = string | ProfileOverrides;

export class ProfileError extends Error {}

export function resolveProfile(setting: ProfileSetting | undefined = DEFAULT_PROFILE): ApiProfile {
  const overrides = typeof setting === 'string' ? { extends: setting } : setting;
  const baseName = overrides.extends ?? DEFAULT_PROFILE;
  const base = PROFILES[baseName];
  if (!base) throw new ProfileError(`profile "${baseName}" is unknown (known: ${Object.keys(PROFILES).sort().join(', ')})`);
  if (typeof setting === 'string') return structuredClone(base);
  const profile: ApiProfile = structuredClone({
    name: overrides.name ?? `${base.name}+config`,
    extends: base.name,
    pathTemplate: overrides.pathTemplate ?? base.pathTemplate,
    verbs: { rules: overrides.verbs?.rules ?? base.verbs.rules, otherwise: overrides.verbs?.otherwise ?? base.verbs.otherwise },
    requestTypeName: overrides.requestTypeName ?? base.requestTypeName,
    responseTypeName: overrides.responseTypeName ?? base.responseTypeName,
    clients: overrides.clients ?? base.clients,
    sdk: { ...base.sdk, ...overrides.sdk },
  });
  check(profile);
  return profile;
}

function check(profile: ApiProfile): void {
  const problems: string[] = [];
  const placeholders = (key: string, template: string, allowed: readonly string[]): void => {
    const unknown = unknownPlaceholders(template, allowed);
    if (unknown.length > 0) problems.push(`${key} "${template}" uses {${unknown.join('}, {')}} (allowed: {${allowed.join('}, {')}})`);
  };
  placeholders('pathTemplate', profile.pathTemplate, PATH_PLACEHOLDERS);
  placeholders('requestTypeName', profile.requestTypeName, TYPE_NAME_PLACEHOLDERS);
  placeholders('responseTypeName', profile.responseTypeName, TYPE_NAME_PLACEHOLDERS);
  if (profile.clients.length === 0) problems.push('clients is empty');
  for (const key of ['id', 'className'] as const) {
    const seen = new Set<string>();
    for (const client of profile.clients) {
      const loose = client[key].toLowerCase();
      if (seen.has(loose)) problems.push(`clients: two clients have the ${key} "${client[key]}"`);
      seen.add(loose);
    }
  }
  if (problems.length > 0) throw new ProfileError(`profile "${profile.name}": ${problems.join('; ')}`);
}

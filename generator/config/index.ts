/**
 * The checked-in config: the API profile (a registered name, or one extending it with
 * settings replaced; generator/profile) and per-operation overrides for what the pages
 * cannot say (HTTP method, path, request style, request DTO name). Validated by JSON
 * Schema, the profile also by resolving it; the parser applies both (generator/profile).
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { bundleState } from '../shared/bundle.js';
import { loadSchemaCheck } from '../shared/schema-check.js';
import { ProfileError, resolveProfile, type OperationOverride, type ProfileSetting } from '../profile/index.js';
import configSchema from './config.schema.json' with { type: 'json' };

export type { OperationOverride, ProfileSetting };

export interface GeneratorConfig {
  /** Default `authing-v3`. */
  profile?: ProfileSetting;
  operations?: Record<string, OperationOverride>;
  /** Custom code folder, relative to the docs folder (default `sdk-custom`). */
  customCode?: string;
}

export class ConfigError extends Error {}

let validator: ValidateFunction<GeneratorConfig> | undefined;

/**
 * The bundle's precompiled check, else compiled on first use (shared/schema-check.ts):
 * most runs have no config to check.
 */
function validate(data: unknown): data is GeneratorConfig {
  validator ??= loadSchemaCheck<GeneratorConfig>(bundleState()?.configValidator, configSchema, import.meta.url);
  return validator(data);
}

export function loadConfig(file: string): GeneratorConfig {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: cannot read config: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!validate(data)) {
    const problems = (validator?.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new ConfigError(`${file}: invalid config: ${problems}`);
  }
  try {
    resolveProfile(data.profile);
  } catch (error) {
    if (error instanceof ProfileError) throw new ConfigError(`${file}: invalid config: ${error.message}`);
    throw error;
  }
  return data;
}

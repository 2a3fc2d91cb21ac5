/**
 * The checked-in config: per-operation overrides for what the pages cannot say
 * (HTTP method, path, request style, request DTO name). Validated by JSON Schema.
 */
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { bundleState } from '../shared/bundle.js';
import { loadSchemaCheck } from '../shared/schema-check.js';
import type { DiagnosticSink } from '../ir/diagnostics.js';
import type { HttpMethod, Operation, RequestStyle } from '../ir/types.js';
import configSchema from './config.schema.json' with { type: 'json' };

export interface OperationOverride {
  http?: { method?: HttpMethod; path?: string };
  request?: { style?: RequestStyle; typeName?: string };
}

export interface GeneratorConfig {
  operations?: Record<string, OperationOverride>;
}

export class ConfigError extends Error {}

let validator: ValidateFunction<GeneratorConfig> | undefined;

/**
 * The bundle's precompiled check, else compiled on first use (shared/schema-check.ts):
 * most runs have no config to check, and the parser imports this module for applyOverrides.
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
  return data;
}

export function applyOverrides(operations: Operation[], config: GeneratorConfig, sink: DiagnosticSink): void {
  const byId = new Map(operations.map((operation) => [operation.id, operation]));
  for (const [id, override] of Object.entries(config.operations ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const operation = byId.get(id);
    if (!operation) {
      sink.warning('CONFIG_UNKNOWN_OPERATION', 1, `config overrides "${id}", which no page documents`);
      continue;
    }
    Object.assign(operation.http, override.http);
    Object.assign(operation.request, override.request);
  }
}

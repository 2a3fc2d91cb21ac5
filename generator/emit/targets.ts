/**
 * The registry of targets: every output `generate` can make, in the order `--only`
 * lists them. A new target is a folder under generator/emit/ exporting a `Target`
 * (target.ts) and one entry here. Targets load on demand: a run that does not emit
 * the SDK never loads ts-morph.
 */
import type { Ir } from '../ir/types.js';
import { IR_FILE } from './ir/index.js';
import type { Target, TargetInfo } from './target.js';

export interface RegisteredTarget extends TargetInfo {
  load(): Promise<Target>;
  /** Slow to load (ts-morph): in large docs sets it loads and emits on a thread of its own. */
  ownThread?: boolean;
  /** Parts of the IR the target never reads: its thread is sent the IR without them (the page records are most of a large IR). */
  unread?: readonly (keyof Ir)[];
}

export const TARGETS: readonly RegisteredTarget[] = [
  {
    name: 'ir',
    entry: IR_FILE,
    description: 'the IR as JSON (what every other target is made from)',
    load: async () => (await import('./ir/index.js')).irTarget,
  },
  {
    name: 'sdk',
    entry: 'sdk',
    description: 'a TypeScript SDK package: DTO types, enums, client classes, HTTP runtime',
    load: async () => (await import('./sdk/target.js')).sdkTarget,
    ownThread: true,
    unread: ['pages', 'pageParts'],
  },
  {
    name: 'docs',
    entry: 'docs',
    description: 'the docs pages again, per SDK language and locale, with a sidebar',
    load: async () => (await import('./docs/target.js')).docsTarget,
  },
  {
    name: 'openapi',
    entry: 'openapi.json',
    description: 'an OpenAPI 3.1 document of the API (openapi.json), for viewers, mocks and other generators',
    load: async () => (await import('./openapi/index.js')).openapiTarget,
  },
];

export const TARGET_NAMES: readonly string[] = TARGETS.map((target) => target.name);

export function targetNamed(name: string): RegisteredTarget | undefined {
  return TARGETS.find((target) => target.name === name);
}

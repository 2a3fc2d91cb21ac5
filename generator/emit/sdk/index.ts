/**
 * The SDK emitter's public surface: IR → the files of a publishable TypeScript package,
 * as a map of relative path → content (the caller decides where and whether to write).
 */
import { hash } from 'node:crypto';
import type { SourceFileStructure } from 'ts-morph';
import type { Ir } from '../../ir/types.js';
import { registerPartial, render } from '../templates.js';
import { clientFile, CLIENT_CLASS } from './clients.js';
import { declareSdk } from './declarations.js';
import { modelFile, modelsIndex } from './models.js';
import { printFile, type MemberCache } from './print.js';

export interface SdkOptions {
  packageName: string;
  version: string;
  defaultHost: string;
  defaultTimeout: number;
}

export const DEFAULT_SDK_OPTIONS: SdkOptions = {
  packageName: 'docs-to-sdk-client',
  version: '0.1.0',
  defaultHost: 'https://api.authing.cn',
  defaultTimeout: 10_000,
};


const RUNTIME_TEMPLATES = [
  'package.json',
  'tsconfig.json',
  'src/index.ts',
  'src/http/ApiError.ts',
  'src/http/HttpClient.ts',
  'src/http/ManagementClientBase.ts',
  'src/http/AuthenticationClientBase.ts',
];

/**
 * Printed files from earlier runs, by a hash of the file's path and ts-morph structure
 * (generator/cache/emit.ts): a structure whose key is `known` is not printed again; its
 * file comes back as a `CachedSdkFile` naming the key, for the caller to fill in from
 * its cache (the texts need not travel to the emitter, which may run on another
 * thread). `used` receives every printed file's key, path and, for files printed now,
 * the text.
 */
export interface SdkPrintCache {
  known: ReadonlySet<string>;
  used: [key: string, path: string, text: string | undefined][];
  /** Client methods printed before, by key, for a client file that is printed again (print.ts). */
  members?: MemberCache;
}

export interface CachedSdkFile {
  readonly cached: string;
}

/** Without a cache every file is text; with one, files it holds are CachedSdkFile. */
export function emitSdk(ir: Ir, options?: Partial<SdkOptions>): Map<string, string>;
export function emitSdk(ir: Ir, options: Partial<SdkOptions>, cache: SdkPrintCache): Map<string, string | CachedSdkFile>;
export function emitSdk(ir: Ir, options: Partial<SdkOptions> = {}, cache?: SdkPrintCache): Map<string, string | CachedSdkFile> {
  const settings = { ...DEFAULT_SDK_OPTIONS, ...options };
  const { types, clients } = declareSdk(ir);
  const files = new Map<string, string | CachedSdkFile>();

  registerPartial('header', 'sdk/header.hbs');
  for (const template of RUNTIME_TEMPLATES) files.set(template, render(`sdk/${template}.hbs`, settings));

  const structures = new Map<string, SourceFileStructure>();
  for (const type of types) structures.set(`src/models/${type.name}.ts`, modelFile(type));
  structures.set('src/models/index.ts', modelsIndex(types));
  for (const module of ['management', 'authentication'] as const) {
    structures.set(`src/${CLIENT_CLASS[module]}.ts`, clientFile(module, clients[module]));
  }
  const header = render('sdk/header.hbs', {});
  for (const [path, printed] of printStructures(structures, header, cache)) files.set(path, printed);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Each file printed from its whole structure in one call (after the header), unless the cache has it. */
function printStructures(structures: Map<string, SourceFileStructure>, header: string, cache?: SdkPrintCache): Map<string, string | CachedSdkFile> {
  const printed = new Map<string, string | CachedSdkFile>();
  for (const [path, structure] of structures) {
    // The header is part of the key: the cached text is the whole file.
    const key = cache ? hash('sha256', `${path}\0${header}\0${JSON.stringify(structure)}`) : '';
    if (cache?.known.has(key)) {
      printed.set(path, { cached: key });
      cache.used.push([key, path, undefined]);
      continue;
    }
    const text = header + printFile(structure, cache?.members);
    printed.set(path, text);
    cache?.used.push([key, path, text]);
  }
  return printed;
}

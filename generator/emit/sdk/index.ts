/**
 * The SDK emitter's public surface: IR → the files of a publishable TypeScript package,
 * as a map of relative path → content (the caller decides where and whether to write).
 * Package settings and the client classes come from the IR's API profile.
 */
import { hash } from 'node:crypto';
import type { SourceFileStructure } from 'ts-morph';
import type { ClientAuth, Ir, SdkSettings } from '../../ir/types.js';
import { profileOf } from '../../profile/index.js';
import { registerPartial, render } from '../templates.js';
import { clientFile, RUNTIME_BASE } from './clients.js';
import { declareSdk } from './declarations.js';
import { modelFile, modelsIndex } from './models.js';
import { printFile, type MemberCache } from './print.js';

/** The profile's SDK settings, any of which a caller may replace. */
export type SdkOptions = SdkSettings;

/** Templates every SDK gets; the runtime base of each way of authenticating its clients use follows. */
const RUNTIME_TEMPLATES = ['package.json', 'tsconfig.json', 'src/index.ts', 'src/http/ApiError.ts', 'src/http/HttpClient.ts'];
const AUTH_ORDER: ClientAuth[] = ['access-key', 'app-id'];

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
  const profile = profileOf(ir);
  const auths = AUTH_ORDER.filter((auth) => profile.clients.some((client) => client.auth === auth));
  const settings = {
    ...profile.sdk,
    ...options,
    clients: profile.clients,
    accessKey: auths.includes('access-key'),
    appId: auths.includes('app-id'),
  };
  const { types, clients } = declareSdk(ir);
  const files = new Map<string, string | CachedSdkFile>();

  registerPartial('header', 'sdk/header.hbs');
  const templates = [...RUNTIME_TEMPLATES, ...auths.map((auth) => `src/http/${RUNTIME_BASE[auth]}.ts`)];
  for (const template of templates) files.set(template, render(`sdk/${template}.hbs`, settings));

  const structures = new Map<string, SourceFileStructure>();
  for (const type of types) structures.set(`src/models/${type.name}.ts`, modelFile(type));
  structures.set('src/models/index.ts', modelsIndex(types));
  for (const { client, methods } of clients) structures.set(`src/${client.className}.ts`, clientFile(client, methods));
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

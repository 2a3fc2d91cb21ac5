/**
 * The SDK emitter's public surface: IR → the files of a publishable TypeScript package,
 * as a map of relative path → content (the caller decides where and whether to write).
 */
import { createHash } from 'node:crypto';
import type { SourceFileStructure } from 'ts-morph';
import type { Ir } from '../../ir/types.js';
import { registerPartial, render } from '../templates.js';
import { clientFile, CLIENT_CLASS } from './clients.js';
import { declareSdk } from './declarations.js';
import { modelFile, modelsIndex } from './models.js';
import { tsMorph } from './ts-morph.js';

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
 * (generator/cache/emit.ts): a structure found in `known` is not printed again. `used`
 * receives every file's key, path and, for files printed now, the text.
 */
export interface SdkPrintCache {
  known: Map<string, string>;
  used: [key: string, path: string, text: string | undefined][];
}

export function emitSdk(ir: Ir, options: Partial<SdkOptions> = {}, cache?: SdkPrintCache): Map<string, string> {
  const settings = { ...DEFAULT_SDK_OPTIONS, ...options };
  const { types, clients } = declareSdk(ir);
  const files = new Map<string, string>();

  registerPartial('header', 'sdk/header.hbs');
  for (const template of RUNTIME_TEMPLATES) files.set(template, render(`sdk/${template}.hbs`, settings));

  const structures = new Map<string, SourceFileStructure>();
  for (const type of types) structures.set(`src/models/${type.name}.ts`, modelFile(type));
  structures.set('src/models/index.ts', modelsIndex(types));
  for (const module of ['management', 'authentication'] as const) {
    structures.set(`src/${CLIENT_CLASS[module]}.ts`, clientFile(module, clients[module]));
  }
  const header = render('sdk/header.hbs', {});
  for (const [path, text] of printStructures(structures, cache)) files.set(path, header + text);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * How ts-morph prints: two-space indents, single quotes, LF. printStructure writes a
 * whole file structure straight to text, as a project's createSourceFile would (the
 * same structure printers), without parsing the result into a TypeScript AST it would
 * throw away: ~3x faster, and no project to set up.
 */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true } as const;

/** Each file printed from its whole structure in one call, unless the cache has it. */
function printStructures(structures: Map<string, SourceFileStructure>, cache?: SdkPrintCache): Map<string, string> {
  const printed = new Map<string, string>();
  for (const [path, structure] of structures) {
    const key = cache ? createHash('sha256').update(path).update('\0').update(JSON.stringify(structure)).digest('hex') : '';
    const known = cache?.known.get(key);
    if (known !== undefined) {
      printed.set(path, known);
      cache!.used.push([key, path, undefined]);
      continue;
    }
    const text = tsMorph.printStructure(structure, PRINT_OPTIONS);
    printed.set(path, text);
    cache?.used.push([key, path, text]);
  }
  return printed;
}

/**
 * The SDK emitter's public surface: IR → the files of a publishable TypeScript package,
 * as a map of relative path → content (the caller decides where and whether to write).
 */
import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFileStructure } from 'ts-morph';
import type { Ir } from '../../ir/types.js';
import { registerPartial, render } from '../templates.js';
import { clientFile, CLIENT_CLASS } from './clients.js';
import { declareSdk } from './declarations.js';
import { modelFile, modelsIndex } from './models.js';

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

export function emitSdk(ir: Ir, options: Partial<SdkOptions> = {}): Map<string, string> {
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
  for (const [path, text] of printStructures(structures)) files.set(path, header + text);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One in-memory ts-morph project; each file is created from its whole structure in one call. */
function printStructures(structures: Map<string, SourceFileStructure>): Map<string, string> {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
  const printed = new Map<string, string>();
  for (const [path, structure] of structures) {
    printed.set(path, project.createSourceFile(path, structure).getFullText());
  }
  return printed;
}

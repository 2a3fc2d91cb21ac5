/**
 * The SDK emitter's public surface: IR → the files of a publishable TypeScript package,
 * as a map of relative path → content (the caller decides where and whether to write).
 */
import type { SourceFileStructure } from 'ts-morph';
import { compareStrings } from '../../ir/diagnostics.js';
import type { Ir } from '../../ir/types.js';
import type { Unit } from '../target.js';
import { registerPartial, render } from '../templates.js';
import { clientFile, CLIENT_CLASS } from './clients.js';
import { declareSdk } from './declarations.js';
import { modelFile, modelsIndex } from './models.js';
import { printFile } from './print.js';

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

/** The SDK's files, path → text (paths relative to the package root). */
export function emitSdk(ir: Ir, options: Partial<SdkOptions> = {}): Map<string, string> {
  const plan = planSdk(ir, options);
  return assembleFiles(plan.units.map((unit) => unit.render()));
}

/** One file of the SDK, or the runtime's files (rendered from templates together). */
export type SdkUnitResult = [path: string, text: string][];

/**
 * The SDK cut into units (generator/emit/target.ts): the runtime's files, and each
 * printed file, keyed by its ts-morph structure (and the header printed above it).
 */
export function planSdk(ir: Ir, options: Partial<SdkOptions> = {}): { units: Unit<SdkUnitResult>[] } {
  const settings = { ...DEFAULT_SDK_OPTIONS, ...options };
  const { types, clients } = declareSdk(ir);
  const units: Unit<SdkUnitResult>[] = [
    {
      key: JSON.stringify(['runtime', settings]),
      render: () => {
        registerPartial('header', 'sdk/header.hbs');
        return RUNTIME_TEMPLATES.map((template) => [template, render(`sdk/${template}.hbs`, settings)]);
      },
    },
  ];
  const structures = new Map<string, SourceFileStructure>();
  for (const type of types) structures.set(`src/models/${type.name}.ts`, modelFile(type));
  structures.set('src/models/index.ts', modelsIndex(types));
  for (const module of ['management', 'authentication'] as const) {
    structures.set(`src/${CLIENT_CLASS[module]}.ts`, clientFile(module, clients[module]));
  }
  const header = render('sdk/header.hbs', {});
  for (const [path, structure] of structures) {
    units.push({ key: JSON.stringify([path, header, structure]), render: () => [[path, header + printFile(structure)]] });
  }
  return { units };
}

/** The units' files, sorted by path. */
export function assembleFiles(results: SdkUnitResult[]): Map<string, string> {
  return new Map(results.flat().sort(([a], [b]) => compareStrings(a, b)));
}

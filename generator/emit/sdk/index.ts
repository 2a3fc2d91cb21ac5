/**
 * The SDK emitter's public surface: IR → the files of a publishable TypeScript package,
 * as a map of relative path → content (the caller decides where and whether to write).
 * Package settings and the client classes come from the IR's API profile.
 */
import type { SourceFileStructure } from 'ts-morph';
import { compareStrings } from '../../ir/diagnostics.js';
import type { ClientAuth, Diagnostic, Ir, Release, SdkSettings, SourceRef } from '../../ir/types.js';
import { profileOf } from '../../profile/index.js';
import type { Unit } from '../target.js';
import { registerPartial, render } from '../templates.js';
import { clientFile } from './clients.js';
import { checkCustomMethods, readCustomCode } from './custom-code.js';
import { declareSdk } from './declarations.js';
import { modelFile, modelsIndex } from './models.js';
import { RUNTIME_BASE } from './naming.js';
import { printFile } from './print.js';

/** The profile's SDK settings, any of which a caller may replace. */
export type SdkOptions = SdkSettings;

/** Templates every SDK gets; the runtime base of each way of authenticating its clients use follows. */
const RUNTIME_TEMPLATES = ['package.json', 'tsconfig.json', 'tsconfig.cjs.json', 'src/index.ts', 'src/http/ApiError.ts', 'src/http/HttpClient.ts'];
const AUTH_ORDER: ClientAuth[] = ['access-key', 'app-id'];

/** The SDK's files, path → text (paths relative to the package root). */
export function emitSdk(ir: Ir, options: Partial<SdkOptions> = {}): Map<string, string> {
  const plan = planSdk(ir, options);
  return assembleFiles(plan.units.map((unit) => unit.render()));
}

/** One file of the SDK, or the runtime's files (rendered from templates together). */
export type SdkUnitResult = [path: string, text: string][];

/**
 * The SDK cut into units (generator/emit/target.ts): the runtime's files, and each
 * printed file, keyed by its ts-morph structure (and the header printed above it); and
 * the naming registry's warnings.
 */
export function planSdk(ir: Ir, options: Partial<SdkOptions> = {}): { units: Unit<SdkUnitResult>[]; diagnostics: Diagnostic[]; customized: CustomizedFile[] } {
  const profile = profileOf(ir);
  const auths = AUTH_ORDER.filter((auth) => profile.clients.some((client) => client.auth === auth));
  const settings = {
    ...profile.sdk,
    ...options,
    clients: profile.clients,
    accessKey: auths.includes('access-key'),
    appId: auths.includes('app-id'),
  };
  const { types, clients, diagnostics: naming } = declareSdk(ir);
  const custom = readCustomCode(ir.customCode, profile.clients.map((client) => client.className));
  const diagnostics = [...naming, ...custom.diagnostics, ...checkCustomMethods(clients, custom.parts)];
  const customized: CustomizedFile[] = [];
  const templates = [...RUNTIME_TEMPLATES, ...auths.map((auth) => `src/http/${RUNTIME_BASE[auth]}.ts`)];
  const units: Unit<SdkUnitResult>[] = [
    {
      key: JSON.stringify(['runtime', templates, settings]),
      render: () => {
        registerPartial('header', 'sdk/header.hbs');
        return templates.map((template) => [template, render(`sdk/${template}.hbs`, settings)]);
      },
    },
  ];
  if (ir.releases && ir.releases.length > 0) {
    const releases = ir.releases;
    units.push({ key: JSON.stringify(['changelog', releases]), render: () => [['CHANGELOG.md', render('sdk/CHANGELOG.md.hbs', changelogView(releases))]] });
  }
  const structures = new Map<string, SourceFileStructure>();
  for (const type of types) structures.set(`src/models/${type.name}.ts`, modelFile(type));
  structures.set('src/models/index.ts', modelsIndex(types));
  for (const { client, methods, options } of clients) {
    const part = custom.parts.get(client.className);
    structures.set(`src/${client.className}.ts`, clientFile(client, methods, part, options));
    if (part) {
      const methods = part.methods.map((method) => ({ name: method.structure.name, source: method.source }));
      customized.push({ path: `src/${client.className}.ts`, source: { file: part.files[0]!, line: 1 }, methods });
    }
  }
  const header = render('sdk/header.hbs', {});
  for (const [path, structure] of structures) {
    units.push({ key: JSON.stringify([path, header, structure]), render: () => [[path, header + printFile(structure)]] });
  }
  return { units, diagnostics, customized };
}

/** A client file custom code went into, and the custom file a type error in it is reported at. */
export interface CustomizedFile {
  path: string;
  /** Where an error outside any custom method is reported (the client's first custom file). */
  source: SourceRef;
  /** The custom methods merged into the file, with where each was written: an error inside one is reported there. */
  methods?: { name: string; source: SourceRef }[];
}

/** The units' files, sorted by path. */
export function assembleFiles(results: SdkUnitResult[]): Map<string, string> {
  return new Map(results.flat().sort(([a], [b]) => compareStrings(a, b)));
}

/** Each release's changes, breaking first, as the changelog lists them. */
function changelogView(releases: Release[]): object {
  return {
    releases: releases.map(({ version, changes }) => {
      const groups = [
        { title: 'Breaking changes', items: changes.filter((change) => change.breaking) },
        { title: 'Changes', items: changes.filter((change) => !change.breaking) },
      ].filter((group) => group.items.length > 0);
      return { version, docsOnly: changes.length === 0, groups: groups.map(({ title, items }) => ({ title, items: items.map((change) => `\`${change.target}\`: ${change.message}`) })) };
    }),
  };
}

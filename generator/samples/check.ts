/**
 * One TypeScript program over the SDK's files (in memory) and every sample, the
 * package name mapped to the SDK's `src/index.ts`. Only the samples' (and custom code's)
 * diagnostics are asked for: the checker then looks at the SDK only as far as they use it.
 */
import type { ts as Ts } from 'ts-morph';
import type { Diagnostic, SourceRef } from '../ir/types.js';
import { createRequire } from 'node:module';
import { customCodeDiagnostic, sampleDiagnostic } from './diagnose.js';

export interface SampleToCheck {
  operationId: string;
  /** The page line of the code's first line. */
  source: SourceRef;
  code: string;
}

export interface SampleCheckInput {
  /** The SDK package's files by path relative to its root (`src/index.ts`, …); doc comments may be left out (withoutDocComments). */
  sdk: Map<string, string>;
  /** What the SDK is published as (`authing-node-sdk`). */
  packageName: string;
  /** The SDK's client classes: a package a sample imports one of them (or `Models`) from is the SDK under another name. */
  clientClasses: string[];
  samples: SampleToCheck[];
  /** SDK files whose errors are reported too (custom code: at its own file), with where they come from. */
  checkedSdkFiles?: { path: string; source: SourceRef }[];
}

export interface SampleCheckResult {
  /** One entry per sample, in input order: true when it type-checks. */
  passed: boolean[];
  diagnostics: Diagnostic[];
}

// require(), as the SDK emitter loads it: the SDK's thread has it loaded already.
const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

const SDK_ROOT = '/sdk';
const SAMPLES_ROOT = '/samples';

/**
 * What a sample may use of its host besides the SDK. Runtime globals the SDK's own files use
 * (fetch, Response, …) and these do not declare read as `any` in its files, whose errors are not asked for.
 */
const HOST_GLOBALS_FILE = '/host-globals.d.ts';
const HOST_GLOBALS = `declare var console: { log(...data: any[]): void; error(...data: any[]): void; warn(...data: any[]): void; info(...data: any[]): void; dir(...data: any[]): void };
declare var process: { env: Record<string, string | undefined>; exit(code?: number): never; argv: string[] };
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number): any;
declare function clearTimeout(id: any): void;
declare function require(id: string): any;
declare class URL { constructor(url: string, base?: string | URL); href: string; searchParams: URLSearchParams; toString(): string }
declare class URLSearchParams { constructor(init?: string | Record<string, string>); append(name: string, value: string): void; get(name: string): string | null; set(name: string, value: string): void; toString(): string }
`;

export function checkSamples(input: SampleCheckInput): SampleCheckResult {
  const { Project, ts } = tsMorph;
  const withDom = (input.checkedSdkFiles ?? []).length > 0;
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      // The DOM lib costs ~1 s to parse: only custom code (which may call fetch, URLSearchParams, …) gets it; samples
      // get the few host globals declared below.
      lib: withDom ? ['lib.es2022.d.ts', 'lib.dom.d.ts'] : ['lib.es2022.d.ts'],
      skipLibCheck: true,
      types: [],
      baseUrl: '/',
      paths: Object.fromEntries(sdkNames(input).map((name) => [name, [`${SDK_ROOT}/src/index.ts`]])),
    },
  });
  const fs = project.getFileSystem();
  if (!withDom) fs.writeFileSync(HOST_GLOBALS_FILE, HOST_GLOBALS);
  for (const [path, text] of input.sdk) if (path.endsWith('.ts')) fs.writeFileSync(`${SDK_ROOT}/${path}`, text);
  const sampleFiles = input.samples.map((sample, index) => {
    const file = `${SAMPLES_ROOT}/${index}.ts`;
    // A sample is a module of its own (it imports the SDK): its top-level names never meet another's.
    fs.writeFileSync(file, `${sample.code}\nexport {};\n`);
    return file;
  });
  const sdkChecked = (input.checkedSdkFiles ?? []).map((entry) => ({ ...entry, file: `${SDK_ROOT}/${entry.path}` }));
  // One by one: the plural form takes globs, and matching 240 of them costs seconds.
  for (const file of [...(withDom ? [] : [HOST_GLOBALS_FILE]), ...sampleFiles, ...sdkChecked.map((entry) => entry.file)]) project.addSourceFileAtPath(file);
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const diagnosticsOf = (file: string): readonly Ts.Diagnostic[] => {
    const sourceFile = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  };
  const diagnostics: Diagnostic[] = [];
  const passed = input.samples.map((sample, index) => {
    const found = diagnosticsOf(sampleFiles[index]!).filter((d) => d.category === ts.DiagnosticCategory.Error);
    for (const problem of found) diagnostics.push(sampleDiagnostic(problem, sample, checker, ts));
    return found.length === 0;
  });
  for (const entry of sdkChecked) {
    for (const problem of diagnosticsOf(entry.file)) {
      if (problem.category !== ts.DiagnosticCategory.Error) continue;
      diagnostics.push(customCodeDiagnostic(problem, entry.path, entry.source, ts));
    }
  }
  return { passed, diagnostics };
}

/** The package name, and every one the samples import a client class or `Models` from (a rebranded SDK's docs: `@genauth/nodejs`). */
function sdkNames({ packageName, clientClasses, samples }: SampleCheckInput): string[] {
  const sdkSymbols = new Set([...clientClasses, 'Models']);
  const names = new Set([packageName]);
  for (const { code } of samples) {
    for (const match of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"./][^'"]*)['"]/g)) {
      if (match[1]!.split(',').some((name) => sdkSymbols.has(name.trim().split(/\s+/)[0]!))) names.add(match[2]!);
    }
  }
  return [...names].sort();
}

/**
 * The SDK's text without its doc comments: half of it, and nothing the check reads (so a
 * caller keys the check by it: a docs-only change reuses the result). Only comments on lines
 * of their own, as the emitter prints them (a string holding `/**` stays).
 */
export function withoutDocComments(text: string): string {
  return text.replace(/^[ \t]*\/\*\*(?:[^*]|\*(?!\/))*\*\/[ \t]*\n/gm, '');
}

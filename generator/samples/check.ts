/**
 * One TypeScript program over the SDK's files (in memory) and every sample, the
 * package name mapped to the SDK's `src/index.ts`. Only the samples' (and custom code's)
 * diagnostics are asked for: the checker then looks at the SDK only as far as they use it.
 */
import type { ts as Ts } from 'ts-morph';
import type { Diagnostic, SourceRef } from '../ir/types.js';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { customCodeDiagnostic, sampleDiagnostic } from './diagnose.js';

export interface SampleToCheck {
  operationId: string;
  /** The page line of the code's first line. */
  source: SourceRef;
  /** The fence's info string (`ts`, `js`, …). */
  lang: string;
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
  checkedSdkFiles?: { path: string; source: SourceRef; methods?: { name: string; source: SourceRef }[] }[];
}

export interface SampleCheckResult {
  /** One entry per sample, in input order: true when it type-checks. */
  passed: boolean[];
  diagnostics: Diagnostic[];
}

// require(), as the SDK emitter loads it: the SDK's thread has it loaded already (its TypeScript, not a second copy).
const requireHere = createRequire(import.meta.url);
const { ts } = requireHere('ts-morph') as typeof import('ts-morph');
/** ts-morph's own copy of TypeScript's lib files (its TypeScript has no lib folder on disk), as its in-memory projects read them. */
const tsMorphCommon = createRequire(requireHere.resolve('ts-morph'))('@ts-morph/common') as {
  getLibFiles(): { fileName: string; text: string }[];
  libFolderInMemoryPath: string;
};

const SDK_ROOT = '/sdk';
const SAMPLES_ROOT = '/samples';
const LIB_DIR = tsMorphCommon.libFolderInMemoryPath;
let libTexts: Map<string, string> | undefined;
const libText = (path: string): string | undefined =>
  (libTexts ??= new Map(tsMorphCommon.getLibFiles().map((lib) => [`${LIB_DIR}/${lib.fileName}`, lib.text]))).get(path);

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

/**
 * TypeScript's lib files, parsed once per thread: they never change, and parsing them is a
 * good part of a program's cost (warmUpSampleCheck parses them while the thread waits for the IR).
 */
const parsedLibs = new Map<string, Ts.SourceFile>();

/** Fence info strings of JavaScript samples. */
const JAVASCRIPT = /^(?:js|javascript)$/i;
/** Fence info strings of the samples the check reads: TypeScript (or no info string) and JavaScript. */
const CHECKED = /^(?:ts|typescript|js|javascript)?$/i;

/** Whether a sample fenced with this info string is checked (other languages' code is not TypeScript). */
export const isCheckedLanguage = (lang: string): boolean => CHECKED.test(lang);
/** The errors noImplicitAny adds (TypeScript's 7xxx "implicitly has an 'any' type" family). */
const IMPLICIT_ANY = new Set([7005, 7006, 7008, 7010, 7011, 7015, 7016, 7019, 7031, 7034, 7053]);

export function checkSamples(input: SampleCheckInput): SampleCheckResult {
  const withDom = (input.checkedSdkFiles ?? []).length > 0;
  const options: Ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The DOM lib costs ~1 s to parse: only custom code (which may call fetch, URLSearchParams, …) gets it; samples
    // get the few host globals declared above.
    lib: withDom ? ['lib.es2022.d.ts', 'lib.dom.d.ts'] : ['lib.es2022.d.ts'],
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    types: [],
    baseUrl: '/',
    paths: Object.fromEntries(sdkNames(input).map((name) => [name, [`${SDK_ROOT}/src/index.ts`]])),
  };
  const files = new Map<string, string>();
  if (!withDom) files.set(HOST_GLOBALS_FILE, HOST_GLOBALS);
  for (const [path, text] of input.sdk) if (path.endsWith('.ts')) files.set(`${SDK_ROOT}/${path}`, text);
  const sampleFiles = input.samples.map((sample, index) => {
    const file = `${SAMPLES_ROOT}/${index}.ts`;
    // A sample is a module of its own (it imports the SDK): its top-level names never meet another's.
    files.set(file, `${sample.code}\nexport {};\n`);
    return file;
  });
  const sdkChecked = (input.checkedSdkFiles ?? []).map((entry) => ({ ...entry, file: `${SDK_ROOT}/${entry.path}` }));
  const roots = [...(withDom ? [] : [HOST_GLOBALS_FILE]), ...sampleFiles, ...sdkChecked.map((entry) => entry.file)];
  const program = ts.createProgram({ rootNames: roots, options, host: inMemoryHost(files, options) });
  const checker = program.getTypeChecker();
  const diagnosticsOf = (file: string): readonly Ts.Diagnostic[] => {
    const sourceFile = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  };
  const diagnostics: Diagnostic[] = [];
  const passed = input.samples.map((sample, index) => {
    const javascript = JAVASCRIPT.test(sample.lang);
    // A JavaScript sample is checked as TypeScript without noImplicitAny: untyped parameters are JavaScript, not a defect.
    const found = diagnosticsOf(sampleFiles[index]!).filter((d) => d.category === ts.DiagnosticCategory.Error && !(javascript && IMPLICIT_ANY.has(d.code)));
    for (const problem of found) diagnostics.push(sampleDiagnostic(problem, sample, checker, ts));
    return found.length === 0;
  });
  for (const entry of sdkChecked) {
    for (const problem of diagnosticsOf(entry.file)) {
      if (problem.category !== ts.DiagnosticCategory.Error) continue;
      diagnostics.push(customCodeDiagnostic(problem, entry.path, sourceOfMethodAt(problem, entry) ?? entry.source, ts));
    }
  }
  return { passed, diagnostics };
}

/**
 * Parses the lib files and runs the checker once over a sample of a tiny SDK: a thread that
 * will check samples calls it while it waits for its input, and the real check then costs
 * what it costs with TypeScript's code compiled hot (about half of a first run's time).
 */
export function warmUpSampleCheck(): void {
  const sdk = new Map([
    ['src/index.ts', "export * as Models from './models.js';\nexport { Client } from './client.js';\n"],
    ['src/models.ts', "export enum Kind { A = 'a' }\nexport interface ReqDto { kind: Kind | `${Kind}`; name?: string; list: Array<{ id: number }> }\n"],
    ['src/client.ts', "import type { ReqDto } from './models.js';\nexport class Client { constructor(readonly options: { host?: string }) {} async call(req: ReqDto): Promise<{ ok: boolean; data: ReqDto[] }> { return { ok: true, data: [req] }; } }\n"],
  ]);
  const code = "import { Client, Models } from 'warm-up';\nconst client = new Client({ host: 'h' });\nasync function main() { const r = await client.call({ kind: Models.Kind.A, list: [{ id: 1 }], nme: 'x' }); console.log(r.data.map((d) => d.kind)); }\nmain();\n";
  checkSamples({ sdk, packageName: 'warm-up', clientClasses: ['Client'], samples: [{ operationId: 'warm-up', source: { file: 'warm-up', line: 1 }, lang: 'ts', code }] });
}

/** A compiler host over files in memory, TypeScript's own lib files read from its folder (parsed once per thread). */
function inMemoryHost(files: Map<string, string>, options: Ts.CompilerOptions): Ts.CompilerHost {
  const directories = new Set<string>(['/']);
  for (const path of files.keys()) for (let dir = posix.dirname(path); dir !== '/'; dir = posix.dirname(dir)) directories.add(dir);
  const isLib = (path: string) => posix.dirname(path) === LIB_DIR;
  const read = (path: string): string | undefined => files.get(path) ?? (isLib(path) ? libText(path) : undefined);
  return {
    getSourceFile(path, languageVersion) {
      if (isLib(path)) {
        const key = `${path}\0${JSON.stringify(languageVersion)}`;
        let parsed = parsedLibs.get(key);
        if (!parsed) {
          const text = read(path);
          if (text === undefined) return undefined;
          parsed = ts.createSourceFile(path, text, languageVersion);
          parsedLibs.set(key, parsed);
        }
        return parsed;
      }
      const text = files.get(path);
      return text === undefined ? undefined : ts.createSourceFile(path, text, languageVersion);
    },
    getDefaultLibFileName: () => `${LIB_DIR}/${ts.getDefaultLibFileName(options)}`,
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (path) => path,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (path) => files.has(path) || (isLib(path) && libText(path) !== undefined),
    readFile: read,
    directoryExists: (path) => directories.has(path.replace(/\/$/, '') || '/') || path === LIB_DIR,
    getDirectories: () => [],
  };
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

/** Where the custom method holding the error was written (its own file and line), when the error is inside one. */
function sourceOfMethodAt(problem: Ts.Diagnostic, entry: NonNullable<SampleCheckInput['checkedSdkFiles']>[number]): SourceRef | undefined {
  const start = problem.start;
  if (!problem.file || start === undefined || !entry.methods) return undefined;
  for (const statement of problem.file.statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member) || start < member.getStart(problem.file) || start >= member.end) continue;
      const name = member.name.getText(problem.file);
      const method = entry.methods.find((candidate) => candidate.name === name);
      if (!method) return undefined;
      // The method's body is merged as written: the error's line in it is its line in the custom file.
      const lineOf = (position: number): number => problem.file!.getLineAndCharacterOfPosition(position).line;
      return { ...method.source, line: method.source.line + lineOf(start) - lineOf(member.getStart(problem.file)) };
    }
  }
  return undefined;
}

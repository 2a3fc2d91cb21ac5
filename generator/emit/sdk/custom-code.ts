/**
 * The custom code folder (`ir.customCode`, default `<docs>/sdk-custom/*.ts`) → what it adds
 * to each client class: a file's `class <ClientClass> { … }` lends its methods to the
 * generated class of that name; its imports (written as if the file sat in the SDK's
 * `src/`) and its other top-level statements (helpers) go into that class's file. Read
 * with ts-morph, so the methods merge as structures and print like generated ones.
 */
import type { ImportDeclarationStructure, MethodDeclarationStructure } from 'ts-morph';
import { compareStrings, createDiagnostic } from '../../ir/diagnostics.js';
import type { CustomCodeFile, Diagnostic, SourceRef } from '../../ir/types.js';
import type { ClientDeclaration } from './declarations.js';
import { tsMorph } from './ts-morph.js';

export interface CustomMethod {
  structure: MethodDeclarationStructure;
  /** The first parameter's type as written (undefined: no parameter). */
  parameterType?: string;
  source: SourceRef;
}

/** What custom code adds to one client class. */
export interface CustomPart {
  methods: CustomMethod[];
  /** Named imports by module specifier (type-only ones apart), merged with the generated file's. */
  imports: { moduleSpecifier: string; isTypeOnly: boolean; names: string[] }[];
  /** Helpers: top-level statements other than the client classes and imports, as written. */
  helpers: string[];
  /** The custom files the class draws on (for diagnostics on the merged file). */
  files: string[];
}

export function readCustomCode(files: readonly CustomCodeFile[] | undefined, clientClasses: readonly string[]): { parts: Map<string, CustomPart>; diagnostics: Diagnostic[] } {
  const parts = new Map<string, CustomPart>();
  const diagnostics: Diagnostic[] = [];
  if (!files || files.length === 0) return { parts, diagnostics };
  const project = new tsMorph.Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  for (const { file, code } of files) {
    const source = project.createSourceFile(`/custom/${file}`, code, { overwrite: true });
    const classes = source.getClasses().filter((declaration) => clientClasses.includes(declaration.getName() ?? ''));
    if (classes.length === 0) {
      diagnostics.push(createDiagnostic('warning', 'CUSTOM_CODE_UNUSED', file, 1, `no class named as a client of the SDK (${clientClasses.join(', ')}): the file adds nothing`));
      continue;
    }
    const used = new Set<unknown>(classes);
    for (const declaration of classes) {
      const part = partOf(parts, declaration.getName()!);
      if (!part.files.includes(file)) part.files.push(file);
      for (const method of declaration.getMethods()) {
        const parameter = method.getParameters()[0];
        part.methods.push({
          structure: method.getStructure() as MethodDeclarationStructure,
          parameterType: parameter?.getTypeNode()?.getText(),
          source: { file, line: method.getStartLineNumber() },
        });
      }
    }
    // Named imports merge with the generated file's; a default, namespace or side-effect import is kept as written, with the helpers.
    const imports = source
      .getImportDeclarations()
      .filter((declaration) => declaration.getNamedImports().length > 0 && !declaration.getDefaultImport() && !declaration.getNamespaceImport());
    for (const declaration of imports) used.add(declaration);
    // With their leading comments (getFullText): a helper's doc comment stays with it.
    const helpers = source.getStatements().filter((statement) => !used.has(statement)).map((statement) => statement.getFullText().trim());
    for (const declaration of classes) {
      const part = parts.get(declaration.getName()!)!;
      for (const declaration of imports) {
        const names = declaration.getNamedImports().map((named) => named.getText());
        part.imports.push({ moduleSpecifier: declaration.getModuleSpecifierValue(), isTypeOnly: declaration.isTypeOnly(), names });
      }
      part.helpers.push(...helpers);
    }
  }
  return { parts, diagnostics };
}

function partOf(parts: Map<string, CustomPart>, className: string): CustomPart {
  let part = parts.get(className);
  if (!part) parts.set(className, (part = { methods: [], imports: [], helpers: [], files: [] }));
  return part;
}

/** The generated file's imports and the custom code's, one declaration per (specifier, type-only), names merged and sorted. */
export function mergeImports(generated: ImportDeclarationStructure[], custom: CustomPart['imports']): ImportDeclarationStructure[] {
  const merged = new Map<string, ImportDeclarationStructure & { namedImports: string[] }>();
  const add = (moduleSpecifier: string, isTypeOnly: boolean, names: string[]) => {
    const key = `${moduleSpecifier}\0${isTypeOnly}`;
    const entry = merged.get(key) ?? { kind: tsMorph.StructureKind.ImportDeclaration, moduleSpecifier, isTypeOnly, namedImports: [] as string[] };
    for (const name of names) if (!entry.namedImports.includes(name)) entry.namedImports.push(name);
    merged.set(key, entry);
  };
  for (const declaration of generated) add(declaration.moduleSpecifier, declaration.isTypeOnly ?? false, (declaration.namedImports as string[] | undefined) ?? []);
  for (const declaration of custom) add(declaration.moduleSpecifier, declaration.isTypeOnly, declaration.names);
  return [...merged.values()].map((entry) => ({ ...entry, namedImports: [...entry.namedImports].sort(compareStrings) }));
}

/**
 * Each operation the config marks custom against the custom code: CUSTOM_METHOD_MISSING when
 * its client's class has no method of its name, CUSTOM_PARAMETER_MISMATCH when the method's
 * first parameter is not typed by the documented request type (alone, or as `Partial<…>` etc.).
 */
export function checkCustomMethods(clients: readonly ClientDeclaration[], parts: ReadonlyMap<string, CustomPart>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { client, methods } of clients) {
    for (const method of methods) {
      if (method.operation.implementation !== 'custom') continue;
      const found = parts.get(client.className)?.methods.find((candidate) => candidate.structure.name === method.name);
      const page = method.operation.sources[0]!;
      if (!found) {
        diagnostics.push(createDiagnostic('error', 'CUSTOM_METHOD_MISSING', page.file, page.line, `${method.operation.id} is custom code (config), but no custom class ${client.className} has a method ${method.name}`));
      } else if (method.requestType && !new RegExp(`\\b${method.requestType}\\b`).test(found.parameterType ?? '')) {
        const given = found.parameterType ? `takes ${found.parameterType}` : 'takes no parameter';
        diagnostics.push(createDiagnostic('warning', 'CUSTOM_PARAMETER_MISMATCH', found.source.file, found.source.line, `${client.className}.${method.name} ${given}, not the documented request type ${method.requestType}`));
      }
    }
  }
  return diagnostics;
}

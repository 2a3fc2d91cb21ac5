/** Client method declarations → one ts-morph class structure per client, all methods at once. */
import type { ImportDeclarationStructure, MethodDeclarationStructure, ModuleDeclarationStructure, SourceFileStructure } from 'ts-morph';
import { tsMorph } from './ts-morph.js';
import { compareStrings } from '../../ir/diagnostics.js';
import type { ClientProfile } from '../../ir/types.js';
import { mergeImports, type CustomPart } from './custom-code.js';
import { docText, type ClientOptionDeclaration, type MethodDeclaration } from './declarations.js';
import { CALL_OPTIONS, propertyName, quote, RUNTIME_BASE, RUNTIME_OPTIONS } from './naming.js';

const { ModuleDeclarationKind, Scope, StructureKind } = tsMorph;

/** The client's class: a method per operation that is one HTTP call, then the custom code's methods and helpers. */
export function clientFile(client: ClientProfile, methods: MethodDeclaration[], custom?: CustomPart, options: ClientOptionDeclaration[] = []): SourceFileStructure {
  const { className } = client;
  const base = RUNTIME_BASE[client.auth];
  const generated = methods.filter((method) => method.operation.implementation !== 'custom');
  const used = new Set<string>();
  for (const method of generated) for (const name of method.imports) used.add(name);
  const imports = [...used].sort(compareStrings);
  const declarations: ImportDeclarationStructure[] = [
    { kind: StructureKind.ImportDeclaration, namedImports: [base], moduleSpecifier: `./http/${base}.js` },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: [CALL_OPTIONS.type], moduleSpecifier: './http/HttpClient.js' },
    ...(imports.length > 0 ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: imports, moduleSpecifier: './models/index.js' } satisfies ImportDeclarationStructure] : []),
  ];
  return {
    kind: StructureKind.SourceFile,
    statements: [
      ...(custom ? mergeImports(declarations, custom.imports) : declarations),
      {
        kind: StructureKind.Class,
        name: className,
        isExported: true,
        extends: base,
        docs: [custom ? `${className}: one method per documented operation (${custom.files.join(', ')}: custom code).` : `${className}: one method per documented operation.`],
        methods: [...generated.map(methodStructure), ...(custom?.methods.map((method) => method.structure) ?? [])],
      },
      ...(custom?.helpers ?? []),
      ...(options.length > 0 ? [sampleOptions(client, options)] : []),
    ],
  };
}

/**
 * The options the docs' samples pass, added to the runtime's options type of the client
 * (module augmentation: the type callers already use takes them; the client keeps them in
 * its options, where custom code reads them).
 */
function sampleOptions(client: ClientProfile, options: ClientOptionDeclaration[]): ModuleDeclarationStructure {
  const base = RUNTIME_BASE[client.auth];
  return {
    kind: StructureKind.Module,
    name: quote(`./http/${base}.js`),
    hasDeclareKeyword: true,
    declarationKind: ModuleDeclarationKind.Module,
    statements: [
      {
        kind: StructureKind.Interface,
        name: RUNTIME_OPTIONS[client.auth].type,
        properties: options.map((option) => ({ name: propertyName(option.name), type: option.type, hasQuestionToken: true, docs: ["An option the docs' node samples pass to the client (the SDK itself does not read it)."] })),
      },
    ],
  };
}

function methodStructure(method: MethodDeclaration): MethodDeclarationStructure {
  const { operation } = method;
  const call = [`method: '${operation.http.method}'`, `path: ${quote(operation.http.path)}`];
  const parameters: MethodDeclarationStructure['parameters'] = [];
  const { fixed = {}, positional = [], omit = [] } = operation.request;
  // Fixed fields (sent with the config's values) and omitted ones (never sent) are not the caller's to pass.
  const isFixed = (name: string): boolean => Object.hasOwn(fixed, name) || omit.includes(name);
  // Positional fields first, in the config's order.
  const leading = positional.flatMap((name) => method.queryParameters.filter(({ field }) => field.name === name && !isFixed(name)));
  for (const { field, binding, type } of leading) parameters.push({ name: binding, type, hasQuestionToken: !field.required });
  const rest = method.queryParameters.filter(({ field }) => !positional.includes(field.name) && !isFixed(field.name));
  const passed = (name: string, binding: string) => (name === binding ? binding : `${propertyName(name)}: ${binding}`);
  const extra = [...leading.map(({ field, binding }) => passed(field.name, binding)), ...Object.entries(fixed).map(([name, value]) => `${propertyName(name)}: ${JSON.stringify(value)}`)];
  const restOptional = rest.every(({ field }) => !field.required);
  if (method.style === 'body' && method.requestType) {
    const omitted = method.queryParameters.filter((parameter) => !rest.includes(parameter)).map(({ field }) => quote(field.name));
    if (rest.length > 0) {
      const type = omitted.length > 0 ? `Omit<${method.requestType}, ${omitted.join(' | ')}>` : method.requestType;
      parameters.push({ name: 'requestBody', type, initializer: restOptional ? '{}' : undefined });
    }
    call.push(extra.length === 0 ? 'body: requestBody' : `body: { ${[...(rest.length > 0 ? ['...requestBody'] : []), ...extra].join(', ')} }`);
  } else if (method.style === 'query' && method.queryParameters.length > 0) {
    if (rest.length > 0) {
      const type = rest.map(({ field, type: text }) => `${propertyName(field.name)}${field.required ? '' : '?'}: ${text}`);
      parameters.push({ name: `{ ${rest.map(({ field, binding }) => passed(field.name, binding)).join(', ')} }`, type: `{ ${type.join('; ')} }`, initializer: restOptional ? '{}' : undefined });
    }
    call.push(`query: { ${[...rest.map(({ field, binding }) => passed(field.name, binding)), ...extra].join(', ')} }`);
  }
  if (operation.request.contentType === 'form') call.push("contentType: 'form'");
  parameters.push({ name: CALL_OPTIONS.parameter, type: CALL_OPTIONS.type, hasQuestionToken: true });
  call.push(`options: ${CALL_OPTIONS.parameter}`);
  const tags = [
    { tagName: 'summary', text: docText(operation.summary) ?? operation.id },
    ...(docText(operation.description) ? [{ tagName: 'description', text: docText(operation.description) }] : []),
    { tagName: 'returns', text: method.responseType },
  ];
  return {
    kind: StructureKind.Method,
    name: method.name,
    scope: Scope.Public,
    isAsync: true,
    parameters,
    returnType: `Promise<${method.responseType}>`,
    docs: [{ tags }],
    statements: [`return this.request<${method.responseType}>({ ${call.join(', ')} });`],
  };
}


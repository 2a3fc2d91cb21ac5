/** Client method declarations → one ts-morph class structure per client, all methods at once. */
import type { ImportDeclarationStructure, MethodDeclarationStructure, SourceFileStructure } from 'ts-morph';
import { tsMorph } from './ts-morph.js';
import { compareStrings } from '../../ir/diagnostics.js';
import type { ClientProfile } from '../../ir/types.js';
import { docText, type MethodDeclaration } from './declarations.js';
import { CALL_OPTIONS, propertyName, quote, RUNTIME_BASE } from './naming.js';

const { Scope, StructureKind } = tsMorph;

export function clientFile(client: ClientProfile, methods: MethodDeclaration[]): SourceFileStructure {
  const { className } = client;
  const base = RUNTIME_BASE[client.auth];
  const used = new Set<string>();
  for (const method of methods) for (const name of method.imports) used.add(name);
  const imports = [...used].sort(compareStrings);
  return {
    kind: StructureKind.SourceFile,
    statements: [
      { kind: StructureKind.ImportDeclaration, namedImports: [base], moduleSpecifier: `./http/${base}.js` },
      { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: [CALL_OPTIONS.type], moduleSpecifier: './http/HttpClient.js' },
      ...(imports.length > 0
        ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: imports, moduleSpecifier: './models/index.js' } satisfies ImportDeclarationStructure]
        : []),
      {
        kind: StructureKind.Class,
        name: className,
        isExported: true,
        extends: base,
        docs: [`${className}: one method per documented operation.`],
        methods: methods.map(methodStructure),
      },
    ],
  };
}

function methodStructure(method: MethodDeclaration): MethodDeclarationStructure {
  const { operation } = method;
  const call = [`method: '${operation.http.method}'`, `path: ${quote(operation.http.path)}`];
  const parameters: MethodDeclarationStructure['parameters'] = [];
  if (method.style === 'body' && method.requestType) {
    parameters.push({ name: 'requestBody', type: method.requestType, initializer: method.argumentOptional ? '{}' : undefined });
    call.push('body: requestBody');
  } else if (method.style === 'query' && method.queryParameters.length > 0) {
    const bindings = method.queryParameters.map(({ field, binding }) =>
      field.name === binding ? binding : `${propertyName(field.name)}: ${binding}`,
    );
    const type = method.queryParameters.map(({ field, type: text }) => `${propertyName(field.name)}${field.required ? '' : '?'}: ${text}`);
    parameters.push({ name: `{ ${bindings.join(', ')} }`, type: `{ ${type.join('; ')} }`, initializer: method.argumentOptional ? '{}' : undefined });
    const query = method.queryParameters.map(({ field, binding }) => (field.name === binding ? binding : `${propertyName(field.name)}: ${binding}`));
    call.push(`query: { ${query.join(', ')} }`);
  }
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


/** Type declarations → one ts-morph source-file structure per model / DTO, and the models index. */
import type { SourceFileStructure, StatementStructures } from 'ts-morph';
import { tsMorph } from './ts-morph.js';
import { docText, type TypeDeclaration } from './declarations.js';
import { propertyName } from './naming.js';

const { ModuleDeclarationKind, StructureKind } = tsMorph;

export function modelFile(type: TypeDeclaration): SourceFileStructure {
  const statements: StatementStructures[] = type.imports.map((name) => ({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    namedImports: [name],
    moduleSpecifier: `./${name}.js`,
  }));
  if (type.opaque) {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: type.name,
      isExported: true,
      type: 'Record<string, any>',
      docs: ['A data structure the docs do not describe field by field.'],
    });
  } else {
    statements.push({
      kind: StructureKind.Interface,
      name: type.name,
      isExported: true,
      properties: type.properties.map(({ field, type: text }) => {
        const doc = docText(field.description);
        return {
          name: propertyName(field.name),
          type: text,
          hasQuestionToken: !field.required,
          docs: doc ? [doc] : [],
        };
      }),
    });
  }
  if (type.enums.length > 0) {
    statements.push({
      kind: StructureKind.Module,
      name: type.name,
      isExported: true,
      declarationKind: ModuleDeclarationKind.Namespace,
      statements: type.enums.map((declaration) => ({
        kind: StructureKind.Enum,
        name: declaration.name,
        isExported: true,
        members: declaration.members.map((member) => ({ name: member.name, value: member.value })),
      })),
    });
  }
  return { kind: StructureKind.SourceFile, statements };
}

/** Types with enums carry a value (their namespace) and are exported as values; the rest as types. */
export function modelsIndex(types: TypeDeclaration[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: types.map((type) => ({
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: type.enums.length === 0,
      namedExports: [type.name],
      moduleSpecifier: `./${type.name}.js`,
    })),
  };
}

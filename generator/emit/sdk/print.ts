/**
 * Printing structures with ts-morph. printStructure writes a whole file structure
 * straight to text, as a project's createSourceFile would (the same structure printers),
 * without parsing the result into a TypeScript AST it would throw away: ~3x faster, and
 * no project to set up.
 *
 * A client class holds one method per operation (~150); a run where one page changed
 * changes one of them. printFile can print such a class's methods one at a time, each
 * in a class of its own, and splice their texts into the class printed without them,
 * taking the methods a last run printed from `members`: the text is the one printing the
 * whole class gives (test/sdk/print.test.ts checks this for docs-src and the corpus).
 */
import { hash } from 'node:crypto';
import type { ClassDeclarationStructure, MethodDeclarationStructure, OptionalKind, SourceFileStructure, StatementStructures } from 'ts-morph';
import { tsMorph } from './ts-morph.js';

/** How the SDK is printed: two-space indents, single quotes, LF. */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true } as const;

export function printWhole(structure: SourceFileStructure): string {
  return tsMorph.printStructure(structure, PRINT_OPTIONS);
}

/** Methods printed before, by key (memberKey), and what this print used or made. */
export interface MemberCache {
  known: ReadonlyMap<string, string>;
  /** [key, text]: text undefined when it came from `known`. */
  used: [key: string, text: string | undefined][];
}

/**
 * The file's text: whole, unless its last statement is a class with methods, which are
 * then printed one by one (or taken from `members`) and spliced in.
 */
export function printFile(structure: SourceFileStructure, members?: MemberCache): string {
  const statements = (structure.statements ?? []) as StatementStructures[];
  const last = statements[statements.length - 1];
  if (!members || !isClassWithMethods(last)) return printWhole(structure);
  const skeleton = printWhole({ ...structure, statements: [...statements.slice(0, -1), { ...last, methods: [] }] });
  // The class printed without members ends with its empty body: a shape this does not know is printed whole.
  if (!skeleton.endsWith(' {\n}\n')) return printWhole(structure);
  const texts = last.methods!.map((method) => memberText(method, members));
  return `${skeleton.slice(0, -2)}${texts.join('\n')}}\n`;
}

function isClassWithMethods(statement: StatementStructures | undefined): statement is ClassDeclarationStructure {
  return statement?.kind === tsMorph.StructureKind.Class && (statement.methods?.length ?? 0) > 0;
}

/** A method as the class printer writes it: indented, closing line included. */
function memberText(method: OptionalKind<MethodDeclarationStructure>, members: MemberCache): string {
  const key = hash('sha256', `member\0${JSON.stringify(method)}`);
  const known = members.known.get(key);
  if (known !== undefined) {
    members.used.push([key, undefined]);
    return known;
  }
  const alone = printWhole({ kind: tsMorph.StructureKind.SourceFile, statements: [{ kind: tsMorph.StructureKind.Class, name: 'Member', methods: [method] }] });
  // `class Member {\n` + the method + `}\n`
  const text = alone.slice(alone.indexOf('{\n') + 2, -2);
  members.used.push([key, text]);
  return text;
}

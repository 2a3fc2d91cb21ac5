/**
 * Printing structures with ts-morph. printStructure writes a whole file structure
 * straight to text, as a project's createSourceFile would (the same structure printers),
 * without parsing the result into a TypeScript AST it would throw away: ~3x faster, and
 * no project to set up.
 */
import type { SourceFileStructure } from 'ts-morph';
import { tsMorph } from './ts-morph.js';

/** How the SDK is printed: two-space indents, single quotes, LF. */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true } as const;

export function printFile(structure: SourceFileStructure): string {
  return tsMorph.printStructure(structure, PRINT_OPTIONS);
}

/** Type-checks files in memory against a folder of real files, with `tsc --strict` semantics. */
import ts from 'typescript';

export function typeCheck(rootFiles: string[], virtualFiles: Record<string, string> = {}): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    skipLibCheck: true,
    isolatedModules: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => virtualFiles[file] ?? readFile(file);
  host.fileExists = (file) => file in virtualFiles || fileExists(file);
  host.getSourceFile = (file, language, onError, create) =>
    file in virtualFiles ? ts.createSourceFile(file, virtualFiles[file]!, language) : getSourceFile(file, language, onError, create);
  const program = ts.createProgram([...rootFiles, ...Object.keys(virtualFiles)], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}: ${message}`;
  });
}

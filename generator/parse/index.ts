/**
 * The parse stage's public surface: a docs folder (or in-memory pages) → a validated IR.
 * Every problem is a diagnostic; a broken page never stops the others.
 */
import { readFile } from 'node:fs/promises';
import fg from 'fast-glob';
import { compareDiagnostics, compareStrings, DiagnosticSink } from '../ir/diagnostics.js';
import { IR_VERSION, type Ir, type Operation, type TypeRef } from '../ir/types.js';
import { applyOverrides, type GeneratorConfig } from '../config/index.js';
import { mergeModels, mergeOperation, operationKey, typeText, type OperationKey } from './merge.js';
import { readPage, type PageDoc } from './page.js';

export interface PageInput {
  /** Path relative to the docs root, forward slashes. */
  file: string;
  content: Buffer | string;
}

export interface ParseOptions {
  config?: GeneratorConfig;
  /** Called as pages are read (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface ParseResult {
  ir: Ir;
  pages: number;
}

export async function findPages(root: string): Promise<string[]> {
  const files = await fg('**/*.{md,txt}', { cwd: root, onlyFiles: true, dot: false, caseSensitiveMatch: false });
  return files.sort(compareStrings);
}

export async function parseDocsFolder(root: string, options: ParseOptions = {}): Promise<ParseResult> {
  const files = await findPages(root);
  const inputs = await Promise.all(files.map(async (file) => ({ file, content: await readFile(`${root}/${file}`) })));
  return parsePages(inputs, options);
}

export function parsePages(inputs: PageInput[], options: ParseOptions = {}): ParseResult {
  const sinks = new Map<string, DiagnosticSink>();
  const sinkFor = (file: string): DiagnosticSink => {
    let sink = sinks.get(file);
    if (!sink) sinks.set(file, (sink = new DiagnosticSink(file)));
    return sink;
  };
  const pages: PageDoc[] = [];
  const sorted = [...inputs].sort((a, b) => compareStrings(a.file, b.file));
  sorted.forEach((input, index) => {
    if (index % 50 === 0) options.onProgress?.(index, sorted.length);
    readOne(input);
  });
  options.onProgress?.(sorted.length, sorted.length);

  function readOne(input: PageInput): void {
    const sink = sinkFor(input.file);
    const text = decode(input.content, sink);
    if (text === undefined) return;
    try {
      const page = readPage(input.file, text, sink);
      if (page) pages.push(page);
    } catch (error) {
      // A parser bug must not take the other pages down; report it like any bad input.
      sink.error('PARSE_FAILED', 1, `could not parse page: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  resolveReferences(pages, sinkFor);
  const groups = new Map<string, { module: Operation['module']; slug: string; pages: PageDoc[] }>();
  for (const { page, key } of keysOf(pages, sinkFor)) {
    const id = `${key.module}/${key.slug}`;
    const group = groups.get(id) ?? { ...key, pages: [] };
    group.pages.push(page);
    groups.set(id, group);
  }
  const operations = [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, group]) => mergeOperation(group.module, group.slug, group.pages, sinkFor));
  const models = mergeModels(pages, sinkFor);
  if (options.config) applyOverrides(operations, options.config, sinkFor('<config>'));

  const diagnostics = [...sinks.values()].flatMap((sink) => sink.items).sort(compareDiagnostics);
  return { ir: { irVersion: IR_VERSION, operations, models, diagnostics }, pages: inputs.length };
}

/**
 * A stale page's other SDK-language copies (same folder and slug) often have no sample
 * code to betray them; they follow the client their siblings' samples revealed.
 */
function keysOf(pages: PageDoc[], sinkFor: (file: string) => DiagnosticSink): { page: PageDoc; key: OperationKey }[] {
  const keyed = pages.flatMap((page) => {
    const key = operationKey(page, sinkFor);
    return key ? [{ page, key }] : [];
  });
  const folderOf = (page: PageDoc): string => `${page.locale}|${page.path.module}|${page.path.tag}|${page.path.slug}`;
  const revealed = new Map<string, OperationKey['module']>();
  for (const { page, key } of keyed) {
    if (page.path.module && page.sampleClient && page.sampleClient !== page.path.module) revealed.set(folderOf(page), key.module);
  }
  for (const { page, key } of keyed) {
    const module = revealed.get(folderOf(page));
    if (module && module !== key.module && !page.sampleClient) {
      sinkFor(page.file).warning(
        'CLIENT_MISMATCH',
        page.method?.line ?? 1,
        `this page's copies in other SDK languages call the ${module} client; using ${module}`,
      );
      key.module = module;
    }
  }
  return keyed;
}

function decode(content: Buffer | string, sink: DiagnosticSink): string | undefined {
  if (typeof content !== 'string') {
    if (content.includes(0)) {
      sink.error('PAGE_BINARY', 1, 'file is binary (contains NUL bytes), not a Markdown page');
      return undefined;
    }
    content = content.toString('utf8');
  }
  if (content.trim() === '') {
    sink.warning('PAGE_EMPTY', 1, 'page is empty');
    return undefined;
  }
  const replaced = (content.match(/\uFFFD/g) ?? []).length;
  if (replaced > 0) sink.warning('PAGE_ENCODING', 1, `page is not valid UTF-8 (${replaced} characters replaced)`);
  return content;
}

/**
 * Every `ref` must name a data structure some page defines. An unknown one (a page cut
 * off before its data structures, a misspelt link) becomes `any`, reported at its row.
 */
function resolveReferences(pages: PageDoc[], sinkFor: (file: string) => DiagnosticSink): void {
  const known = new Set(pages.flatMap((page) => page.models.map((model) => model.name)));
  const resolve = (type: TypeRef): TypeRef => {
    if (type.kind === 'ref') return known.has(type.name) ? type : { kind: 'any' };
    if (type.kind === 'array') {
      const items = resolve(type.items);
      return items === type.items ? type : { kind: 'array', items };
    }
    return type;
  };
  for (const page of pages) {
    const tables = [page.request?.fields, page.response?.fields, ...page.models.map((model) => model.fields)];
    for (const { field, line } of tables.flatMap((fields) => fields ?? [])) {
      const resolved = resolve(field.type);
      if (resolved === field.type) continue;
      sinkFor(page.file).warning('TYPE_UNKNOWN_REF', line, `field "${field.name}" refers to ${typeText(field.type)}, a data structure no page defines; typed as any`);
      field.type = resolved;
    }
  }
}

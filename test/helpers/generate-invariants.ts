/**
 * What `generate` must guarantee for any docs set, however broken (issue 12): it never
 * throws, the IR is valid, the SDK type-checks under `tsc --strict`, every reference
 * resolves, and no two output paths are equal up to case. `checkDocsSet` runs the stages
 * in process and returns the broken guarantees as readable problems (empty: all hold).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { emitDocs } from '../../generator/emit/docs/index.js';
import { emitSdk } from '../../generator/emit/sdk/index.js';
import type { Diagnostic, Ir } from '../../generator/ir/types.js';
import { validateIr } from '../../generator/ir/validate.js';
import { parsePages, type PageInput } from '../../generator/parse/index.js';
import { typeCheck } from './typecheck.js';

export interface DocsSetCheck {
  /** Undefined when parsing threw. */
  ir?: Ir;
  sdk?: Map<string, string>;
  docs?: Map<string, string>;
  /** `<invariant>: <detail>` lines, at most a few per invariant. */
  problems: string[];
}

export interface CheckOptions {
  /** Type-check the SDK (the slow part, ~1–3 s a docs set). Default true. */
  typeCheck?: boolean;
}

const LIMIT = 5;

export function checkDocsSet(inputs: readonly PageInput[], options: CheckOptions = {}): DocsSetCheck {
  const problems: string[] = [];
  const note = (invariant: string, details: string[]): void => {
    for (const detail of details.slice(0, LIMIT)) problems.push(`${invariant}: ${detail}`);
    if (details.length > LIMIT) problems.push(`${invariant}: … and ${details.length - LIMIT} more`);
  };
  const attempt = <T>(stage: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      note(`${stage} throws`, [error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' / ') : String(error)]);
      return undefined;
    }
  };

  const ir = attempt('parsePages', () => parsePages(inputs).ir);
  if (!ir) return { problems };
  note('IR is valid', validateIr(ir));
  const sdk = attempt('emitSdk', () => emitSdk(ir));
  const docs = attempt('emitDocs', () => emitDocs(ir).files);
  if (sdk) {
    note('SDK paths distinct up to case', caseCollisions([...sdk.keys()]));
    if (options.typeCheck !== false) note('SDK type-checks under tsc --strict', typeCheckSdk(sdk));
  }
  if (docs) {
    note('docs paths distinct up to case', caseCollisions([...docs.keys()]));
    // An input page comes back as written (issue 13): a link it broke itself stays broken, and only that one.
    const broken = new Set(danglingAnchors(new Map(inputs.map((input) => [input.file, typeof input.content === 'string' ? input.content : Buffer.from(input.content).toString('utf8')]))));
    note('docs anchors resolve', danglingAnchors(docs).filter((link) => !broken.has(link)));
  }
  return { ir, sdk, docs, problems };
}

/** Pairs of paths equal up to case (one overwrites the other on macOS and Windows). */
export function caseCollisions(paths: readonly string[]): string[] {
  const byFolded = new Map<string, string>();
  const found: string[] = [];
  for (const path of paths) {
    const folded = path.toLowerCase();
    const other = byFolded.get(folded);
    if (other !== undefined) found.push(`${other} ~ ${path}`);
    else byFolded.set(folded, path);
  }
  return found;
}

/**
 * The SDK's files written to a fresh temporary folder (the test run's root removes it,
 * temp-root.ts) and compiled from its index; tsc's messages with paths made relative.
 * Files equal up to case overwrite each other there, as on macOS: caseCollisions says so.
 */
export function typeCheckSdk(sdk: ReadonlyMap<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-fuzz-sdk-'));
  for (const [path, text] of sdk) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return typeCheck([join(root, 'src/index.ts')]).map((message) => message.replaceAll(`${root}/`, ''));
}

/**
 * Type links (`<a href="#X">` in a table's type cell, the second) of a docs page with no
 * `id="X"` on the same page. Only type cells: descriptions are the docs' own text, kept
 * verbatim, broken links included.
 */
export function danglingAnchors(docs: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of docs) {
    const ids = new Set([...text.matchAll(/\bid="([^"]*)"/g)].map((match) => match[1]));
    for (const line of text.split('\n')) {
      if (!line.trimStart().startsWith('|')) continue;
      const typeCell = line.split(/(?<!\\)\|/)[2] ?? '';
      for (const [, target] of typeCell.matchAll(/\bhref="#([^"]*)"/g)) {
        if (!ids.has(target)) found.push(`${path}: #${target}`);
      }
    }
  }
  return found;
}

/**
 * FIELD_DUPLICATE errors for a row that repeats an earlier one word for word (issue 12's
 * false alarm: the repeat says nothing new, yet the run fails).
 */
export function repeatedRowAlarms(inputs: readonly PageInput[], ir: Ir): Diagnostic[] {
  const lines = new Map(inputs.map((input) => [input.file, input.content.toString().split(/\r\n?|\n/)]));
  return ir.diagnostics.filter((diagnostic) => {
    if (diagnostic.severity !== 'error' || diagnostic.code !== 'FIELD_DUPLICATE') return false;
    const first = Number(/on line (\d+)/.exec(diagnostic.message)?.[1]);
    const page = lines.get(diagnostic.file) ?? [];
    return page[first - 1] !== undefined && page[first - 1]!.trim() === page[diagnostic.line - 1]?.trim();
  });
}

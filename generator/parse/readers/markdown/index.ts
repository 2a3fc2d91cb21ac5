/**
 * The Markdown reader: Authing-style API reference pages. Source repairs first (runaway
 * fences, rows spread over lines, broken table heads), each a warning. The page is cut at its
 * headings (segments.ts), each segment given a role by its heading (outline.ts), the
 * sections of each kind read by their reader (sections.ts), and the page assembled from
 * what they return. Takes any text: it is the registry's last resort.
 */
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import { notApiReference, pageDoc, type PageDoc } from '../../page.js';
import { splitSegments } from '../../segments.js';
import { fencedLines, type SourceText } from '../../source-text.js';
import type { PageText, Reader } from '../contract.js';
import { joinContinuedTableRows } from './continued-rows.js';
import { LineLedger, reportUnreadTableLines } from './ledger.js';
import { closeRunawayFences } from './runaway-fences.js';
import { repairTableHeads } from './table-heads.js';
import { pageShape } from './shape.js';
import { mayBeApiReference, outlineOf, type Role, type Section } from './outline.js';
import { readIntro, readMethod, readModels, readRequest, readResponse, readSample, type ReadContext } from './sections.js';

export const markdownReader: Reader = {
  name: 'markdown',
  detect: () => true,
  // A Markdown file read in its source form keeps its shape (pages other readers rebuilt are made anew from the templates).
  read: (page, sink) => {
    const doc = readMarkdownPage(page, sink);
    // Only a Markdown file is given back as a file of its own (a `.txt` page is made anew as Markdown).
    return doc && /\.md$/i.test(page.file) ? { ...doc, shape: pageShape(linesAsWritten(page), doc) } : doc;
  },
};

/** Reads `page.source` as Markdown (other readers hand it the Markdown they rebuilt). */
export function readMarkdownPage(page: PageText, sink: DiagnosticSink): PageDoc | undefined {
  const source = repairTableHeads(joinContinuedTableRows(closeRunawayFences(page.source, sink), sink), sink);
  const segments = splitSegments(source);
  if (!mayBeApiReference(segments)) return notApiReference(sink);
  const outline = outlineOf(segments, source, page);
  const having = (...roles: Role[]): Section[] => outline.sections.filter((section) => roles.includes(section.role));
  const context: ReadContext = { source, sink, ledger: new LineLedger() };

  const intro = readIntro(having('intro', 'description'));
  const method = readMethod(having('method'), context);
  const { request, head: requestTable } = readRequest(having('request'), context);
  const sample = readSample(having('sample'), context);
  const { response, head: responseTable } = readResponse(having('response', 'result'), context);
  const { models, head: modelTable } = readModels(having('model'), context);
  if (!outline.hasApiSection && models.length === 0) return notApiReference(sink);
  reportUnreadTableLines(source, context.ledger, sink);

  const frame = withoutUndefined({ ...intro.frame, requestTable, responseTable, modelTable });
  const includes = includesOf(source);
  return pageDoc(page.file, withoutUndefined({ locale: outline.locale, summary: outline.title, description: intro.description, method, request, sample, response, models, includes, frame }));
}

/** The file's lines with their carriage returns and byte-order mark kept (a page may mix line ends); the source's lines where a lone CR breaks lines. */
function linesAsWritten(page: PageText): readonly string[] {
  if (!page.text.includes('\r')) return page.text.split('\n');
  const lines = page.text.split('\n');
  return lines.length === page.source.lines.length ? lines : page.source.lines;
}

const INCLUDE = /!!!include\(([^)\s]+)\)!!!/g;

/** The page's `!!!include(path)!!!` directives outside code; none: undefined. */
function includesOf(source: SourceText): PageDoc['includes'] {
  // Most pages include nothing: spared the fence scan.
  if (!source.lines.some((line) => line.includes('!!!include('))) return undefined;
  const fenced = fencedLines(source.lines);
  const found = source.lines.flatMap((line, index) =>
    fenced[index] || !line.includes('!!!include(') ? [] : [...line.matchAll(INCLUDE)].map((match) => ({ file: match[1]!, line: source.origin[index] ?? 1 })),
  );
  return found.length > 0 ? found : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

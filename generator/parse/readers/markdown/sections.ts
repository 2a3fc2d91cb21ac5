/**
 * The section readers of a Markdown page. Each takes the page's sections of its kind
 * (outline.ts), in page order, and returns what they say; the page is assembled from
 * their values (index.ts). Where a page repeats a section, the rule of each reader says
 * which one counts.
 */
import type { Code, RootContent, Table } from 'mdast';
import type { DiagnosticSink } from '../../../ir/diagnostics.js';
import type { JsonValue, LocaleFrame } from '../../../ir/types.js';
import { columnsOf, mergeVariants, readFieldTable, type ParsedField } from '../../fields.js';
import type { PageDoc, PageModel } from '../../page.js';
import type { Segment } from '../../segments.js';
import type { SourceText } from '../../source-text.js';
import { readTable } from '../../table.js';
import { normalizeWords, RESPONSE_TYPE_LINE } from '../../vocabulary.js';
import type { LineLedger } from './ledger.js';
import { inlineText, type Section } from './outline.js';

/** What every section reader reads besides its sections: the page's lines (after repairs), its sink, and the ledger of lines read. */
export interface ReadContext {
  source: SourceText;
  sink: DiagnosticSink;
  ledger: LineLedger;
}

/** The head (header and separator lines, as written) of the first field table a reader read. */
type TableHead = string | undefined;

export interface Intro {
  description?: string;
  frame: Pick<LocaleFrame, 'comment' | 'notice'>;
}

/**
 * The description (the intro's own text, then its sub-headings as written) and the
 * frame pieces under the H1. The first intro text and the first of each frame piece count.
 */
export function readIntro(sections: readonly Section[]): Intro {
  let description: string | undefined;
  const frame: Intro['frame'] = {};
  for (const { role, segment } of sections) {
    if (role === 'description') {
      const text = `${segment.text.trim()}${'\n'.repeat(extraBlankLinesAtEnd(segment.text))}`;
      description = description === undefined ? text : `${description}\n\n${text}`;
      continue;
    }
    const body = bodyOf(segment);
    description ??= introText(segment, body);
    for (const node of body) {
      const kind = frameKind(segment, node);
      if (kind === 'comment' && frame.comment === undefined && node.type === 'html' && /-->$/.test(node.value.trim())) {
        frame.comment = node.value.trim();
      } else if (kind === 'notice' && frame.notice === undefined) {
        frame.notice = sliceOf(segment, node).split('\n').map((line) => line.replace(/^\s{0,3}> ?/, '')).join('\n').trim();
      }
    }
  }
  return { description, frame };
}

const CLIENT_METHOD = /\b([A-Z][A-Za-z0-9]*Client)\s*(?:\.|::|->)\s*([A-Za-z_]\w*)/;

/** `XClient.method` from the method sections (the last that names one counts). */
export function readMethod(sections: readonly Section[], { sink }: ReadContext): PageDoc['method'] {
  let method: PageDoc['method'];
  for (const { segment, line } of sections) {
    const text = bodyOf(segment).map((node) => sliceOf(segment, node)).join('\n');
    const match = CLIENT_METHOD.exec(text);
    if (match) {
      method = { client: match[1]!, name: match[2]!, line };
    } else if (text.trim() !== '') {
      sink.warning('METHOD_NAME_UNREADABLE', line, `method section does not name Client.method: "${text.trim().slice(0, 60)}"`);
    }
  }
  return method;
}

/** The request parameters: the field tables of every request section, merged in page order (a page may document variants). */
export function readRequest(sections: readonly Section[], context: ReadContext): { request?: PageDoc['request']; head: TableHead } {
  if (sections.length === 0) return { head: undefined };
  const tables = sections.map((section) => {
    const table = readFirstFieldTable(section, context);
    if (table.head === undefined) reportNoFieldTable(section, context.sink);
    return table;
  });
  const fields = mergeVariants(tables.map((table) => table.fields), 'request', context.sink);
  return { request: { fields, line: sections[0]!.line }, head: tables.find((table) => table.head !== undefined)?.head };
}

/** The first code block of the sample sections. */
export function readSample(sections: readonly Section[], { source }: ReadContext): PageDoc['sample'] {
  for (const { segment } of sections) {
    const code = bodyOf(segment).find((node): node is Code => node.type === 'code');
    if (code) return { lang: code.lang ?? '', code: code.value, line: lineOf(segment, code.position?.start.line, source) };
  }
  return undefined;
}

/**
 * The response, from response sections (the first type line counts; the field tables
 * of all, merged in page order) and sample-result sections (the first JSON example on either counts). Its line
 * is the first such section's.
 */
export function readResponse(sections: readonly Section[], context: ReadContext): { response?: PageDoc['response']; head: TableHead } {
  let response: PageDoc['response'];
  let head: TableHead;
  const tables: ParsedField[][] = [];
  const untabled: Section[] = [];
  for (const section of sections) {
    const { segment, line } = section;
    const body = bodyOf(segment);
    if (section.role === 'response') {
      response ??= { fields: [], line };
      for (const node of body) {
        if (node.type !== 'paragraph') continue;
        const match = RESPONSE_TYPE_LINE.exec(sliceOf(segment, node).split('\n')[0] ?? '');
        if (match && response.typeName === undefined) response.typeName = match[1];
      }
      const table = readFirstFieldTable(section, context);
      tables.push(table.fields);
      head ??= table.head;
      if (table.head === undefined) untabled.push(section);
    }
    const code = body.find((node): node is Code => node.type === 'code' && /^(json|js|javascript)?$/.test(node.lang ?? ''));
    if (!code) continue;
    response ??= { fields: [], line };
    if (response.example === undefined) response.example = exampleOf(code, lineOf(segment, code.position?.start.line, context.source), context.sink);
  }
  if (response) response.fields = mergeVariants(tables, 'response', context.sink);
  if (!PRIMITIVE_TYPE.test(response?.typeName ?? '')) for (const section of untabled) reportNoFieldTable(section, context.sink);
  const typed = sections.find((section) => section.role === 'response');
  if (response && typed && response.typeName === undefined) {
    context.sink.warning('RESPONSE_TYPE_LINE_MISSING', typed.line, 'response section has no `类型：`/`Type:` line naming its type; the type is named after the operation');
  }
  return { response, head };
}

/** The data structures, one per section, named by its anchor (or heading); those not named by an identifier are skipped. */
export function readModels(sections: readonly Section[], context: ReadContext): { models: PageModel[]; head: TableHead } {
  const models: PageModel[] = [];
  let head: TableHead;
  for (const section of sections) {
    const { segment, line } = section;
    const name = modelName(segment.heading, line, context.sink);
    if (name === undefined) continue;
    const table = readFirstFieldTable(section, context);
    if (table.head === undefined) reportNoFieldTable(section, context.sink);
    models.push({ name, fields: table.fields, line });
    head ??= table.head;
  }
  return { models, head };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A data structure's name: its heading's anchor id, or its text without an anchor. When
 * the anchor's HTML is garbled (`<a id="UserDa</a>taDto"></a> UserDataDto`), the heading's
 * visible text (after the last tag) still names it: that is read, with a warning.
 */
function modelName(heading: string, line: number, sink: DiagnosticSink): string | undefined {
  const anchor = /<a\s+id="([^"]+)"/.exec(heading)?.[1];
  const name = (anchor ?? inlineText(heading)).trim();
  if (IDENTIFIER.test(name)) return name;
  const visible = heading.slice(heading.lastIndexOf('>') + 1).trim();
  if (anchor !== undefined && IDENTIFIER.test(visible)) {
    sink.warning('MODEL_ANCHOR_GARBLED', line, `data structure heading's anchor is garbled ("${name.slice(0, 40)}"); named it by its visible text "${visible}"`);
    return visible;
  }
  sink.warning('MODEL_NAME_INVALID', line, `data structure "${name}" is not an identifier; skipped`);
  return undefined;
}

function exampleOf(code: Code, line: number, sink: DiagnosticSink): JsonValue {
  try {
    return JSON.parse(code.value) as JsonValue;
  } catch {
    sink.warning('EXAMPLE_INVALID_JSON', line, 'sample result is not valid JSON; kept as text');
    return code.value;
  }
}

/**
 * The section's first table with name and type columns, read as fields in the section's
 * locale. Other tables: a warning each (a later field table is most likely a data
 * structure whose heading was lost; its rows are left to the ledger).
 */
function readFirstFieldTable({ segment, locale }: Section, { source, sink, ledger }: ReadContext): { fields: ParsedField[]; head: TableHead } {
  let read: { fields: ParsedField[]; head: TableHead; line: number } | undefined;
  for (const node of bodyOf(segment)) {
    if (node.type !== 'table') continue;
    const raw = readTable(node as Table, segment, source);
    const line = source.origin[raw.lineIndex] ?? 1;
    const columns = columnsOf(raw);
    if (!columns) {
      sink.warning('TABLE_NOT_FIELDS', line, 'table has no name/type header; ignored');
      continue;
    }
    if (read) {
      sink.warning('TABLE_EXTRA', line, `the section's field table is the one on line ${read.line}; this one is not read (a data-structure heading lost?)`);
      continue;
    }
    const head = source.lines.slice(raw.lineIndex, raw.lineIndex + 2).map((text) => text.trimEnd()).join('\n');
    // Every row becomes a field or gets a diagnostic in readFieldTable: the whole table is read.
    ledger.consume(raw.lineIndex, raw.rows[raw.rows.length - 1]?.lineIndex ?? raw.lineIndex + 1);
    read = { fields: readFieldTable(raw, columns, locale, source, sink), head, line };
  }
  return read ?? { fields: [], head: undefined };
}

/** A section that should hold a field table but says something else: its fields are read as none, said once (an empty one loses nothing). */
function reportNoFieldTable({ role, line, segment }: Section, sink: DiagnosticSink): void {
  if (bodyOf(segment).length === 0) return;
  const what = role === 'model' ? 'data-structure' : role;
  sink.warning('SECTION_NO_FIELDS', line, `${what} section holds no field table (a table with name and type columns); read as no fields`);
}

/** A response type line naming a primitive (`Type: boolean`): no field table is due. */
const PRIMITIVE_TYPE = /^(boolean|bool|string|number|integer|int|long|float|double|void|any|null)$/i;

/** The segment's top-level nodes below its heading. */
function bodyOf(segment: Segment): RootContent[] {
  return segment.tree.children.filter((node) => node.type !== 'heading' || node.position?.start.line !== 1);
}

function lineOf(segment: Segment, nodeLine: number | undefined, source: SourceText): number {
  return source.origin[segment.start + (nodeLine ?? 1) - 1] ?? 1;
}

function sliceOf(segment: Segment, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : segment.text.slice(start, end);
}

/**
 * The page's own description: what stands under the H1 besides the page frame (the
 * do-not-edit comment, `<LastUpdated />`, the generated-from notice), verbatim from its
 * first block to its last. Blank lines around it beyond the usual one are kept as
 * leading and trailing newlines, so the page can be reproduced as written.
 */
function introText(segment: Segment, body: RootContent[]): string | undefined {
  const lastFrame = body.reduce((found, node, index) => (frameKind(segment, node) ? index : found), -1);
  const own = body.slice(lastFrame + 1);
  const first = own[0];
  const last = own[own.length - 1];
  if (!first || !last) return undefined;
  const start = first.position?.start.offset;
  const end = last.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const text = segment.text.slice(start, end).trim();
  if (normalizeWords(text) === '') return undefined;
  const previousEnd = lastFrame >= 0 ? body[lastFrame]!.position?.end.line : 1;
  const gapBefore = (first.position?.start.line ?? 0) - (previousEnd ?? 0) - 1;
  return '\n'.repeat(Math.max(0, gapBefore - 1)) + text + '\n'.repeat(extraBlankLinesAtEnd(segment.text));
}

/**
 * The page frame's pieces under the H1: the do-not-edit comment, the `<LastUpdated />`
 * marker, the generated-from notice. One test for both the frame and the description,
 * so nothing is taken as frame and kept in the description as well.
 */
function frameKind(segment: Segment, node: RootContent): 'comment' | 'marker' | 'notice' | undefined {
  if (node.type === 'html') {
    const value = node.value.trim();
    if (/<LastUpdated/i.test(value)) return 'marker';
    if (value.startsWith('<!--')) return 'comment';
  }
  if (node.type === 'paragraph' && /<LastUpdated/i.test(sliceOf(segment, node))) return 'marker';
  if (node.type === 'blockquote' && /docs-factory|docs-to-sdk/i.test(sliceOf(segment, node))) return 'notice';
  return undefined;
}

/** Blank lines at the end of a segment beyond the one before the next heading (kept with the description). */
function extraBlankLinesAtEnd(text: string): number {
  return Math.max(0, (/\s*$/.exec(text)![0].match(/\n/g) ?? []).length - 1);
}

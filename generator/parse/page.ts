/**
 * One page → a PageDoc: what this page says about one operation, in one locale and
 * (usually) one SDK language. Pages are merged into operations later (merge.ts).
 */
import type { Code, Paragraph, RootContent, Table } from 'mdast';
import type { DiagnosticSink } from '../ir/diagnostics.js';
import { SDK_LANGUAGES, type JsonValue, type LocaleFrame, type Locale, type SdkLanguage } from '../ir/types.js';
import { columnsOf, readFieldTable, type ParsedField } from './fields.js';
import { joinContinuedTableRows, markdownFromPlainText } from './repair.js';
import { splitSegments, type Segment } from './segments.js';
import { toSourceText, type SourceText } from './source-text.js';
import { readTable } from './table.js';
import { classifySection, normalizeWords, RESPONSE_TYPE_LINE, type SectionKind } from './vocabulary.js';

export interface PageModel {
  name: string;
  fields: ParsedField[];
  line: number;
}

export interface PageDoc {
  file: string;
  locale: Locale;
  sdk?: SdkLanguage;
  /**
   * From the path (`<locale>/<sdk>/<module>/<tag>/<slug>.md`), when it has that shape:
   * the module folder and slug as written (the API profile says which clients exist).
   */
  path: { module?: string; tag: string; slug?: string };
  /** The client as the method section writes it (`ManagementClient`). */
  method?: { client: string; name: string; line: number };
  /** The client the sample code constructs (`ManagementClient`) or calls (`management_client`), as written. */
  sampleClient?: string;
  /** Method the sample code calls, used only when the page has no method section. */
  sampleMethod?: string;
  summary?: string;
  description?: string;
  request?: { fields: ParsedField[]; line: number };
  sample?: { lang: string; code: string; line: number };
  response?: { typeName?: string; fields: ParsedField[]; example?: JsonValue; line: number };
  models: PageModel[];
  /** The page's boilerplate: do-not-edit comment, notice (blockquote text), table heads (two lines). */
  frame: LocaleFrame;
}

function notApiReference(sink: DiagnosticSink): undefined {
  sink.info('PAGE_NOT_API', 1, 'page has no method, request or response section; not an API reference page, skipped');
  return undefined;
}

/**
 * Whether the headings alone leave the page a chance to be API reference: a known
 * section heading, or a data-structure heading (`<a id=…>`, level 3 or deeper). Without
 * either, readPage reads nothing but the intro, which raises nothing, and skips the page:
 * its sections need not be parsed (the corpus's 33 guide pages took 70% of what remark
 * still parses).
 */
function mayBeApiReference(segments: Segment[]): boolean {
  return segments.some(
    (segment) => (segment.depth >= 2 && classifySection(segment.heading) !== undefined) || (segment.depth >= 3 && /<a\s+id=/.test(segment.heading)),
  );
}

/** Returns undefined for pages that are not API reference (events.md, oidc.md …). */
export function readPage(file: string, text: string, sink: DiagnosticSink): PageDoc | undefined {
  let source = toSourceText(text);
  source = markdownFromPlainText(source, sink) ?? source;
  source = joinContinuedTableRows(source, sink);
  const segments = splitSegments(source);
  const lineOf = (segment: Segment, nodeLine: number | undefined): number =>
    source.origin[segment.start + (nodeLine ?? 1) - 1] ?? 1;
  if (!mayBeApiReference(segments)) return notApiReference(sink);

  const locales: Locale[] = [];
  const page: Omit<PageDoc, 'locale'> & { locale?: Locale } = { file, path: pathInfo(file), models: [], frame: {}, sdk: sdkOfPath(file) };
  let section: SectionKind | 'intro' | 'other' = 'intro';
  let sawApiSection = false;

  for (const segment of segments) {
    const body = segment.tree.children.filter((node) => node.type !== 'heading' || node.position?.start.line !== 1);
    const headingLine = lineOf(segment, 1);
    if (segment.depth === 1 && page.summary === undefined) {
      page.summary = inlineText(segment.heading);
      section = 'intro';
    } else if (segment.depth >= 2) {
      const classified = classifySection(segment.heading);
      if (classified) {
        locales.push(classified.locale);
        section = classified.kind;
        sawApiSection ||= classified.kind !== 'models';
      } else if (segment.depth >= 3 && (section === 'models' || /<a\s+id=/.test(segment.heading))) {
        readModel(segment, body, headingLine);
        continue;
      } else if (section === 'intro' && page.summary !== undefined && !sawApiSection) {
        // A sub-heading of the description (an example, a note): part of the description, as written.
        const text = segment.text.trim();
        page.description = `${page.description ?? ''}${page.description === undefined ? '' : '\n\n'}${text}${'\n'.repeat(extraBlankLinesAtEnd(segment.text))}`;
        continue;
      } else {
        section = 'other';
      }
    }
    switch (section) {
      case 'intro':
        if (segment.depth <= 1) {
          const text = introText(segment, body);
          if (text && page.description === undefined) page.description = text;
          readFrame(segment, body);
        }
        break;
      case 'method':
        readMethod(segment, body, headingLine);
        break;
      case 'request':
        page.request = { fields: readFirstFieldTable(segment, body, locale(), 'requestTable'), line: headingLine };
        break;
      case 'sample': {
        const code = body.find((node): node is Code => node.type === 'code');
        if (code && !page.sample) page.sample = { lang: code.lang ?? '', code: code.value, line: lineOf(segment, code.position?.start.line) };
        break;
      }
      case 'response':
        readResponse(segment, body, headingLine);
        break;
      case 'result':
        readResult(segment, body, headingLine);
        break;
      default:
        break;
    }
  }

  if (!sawApiSection && page.models.length === 0) return notApiReference(sink);
  if (page.sample) {
    page.sampleClient = clientNamedIn(page.sample.code);
    page.sdk ??= sdkOfFence(page.sample.lang);
    page.sampleMethod = methodCalledIn(page.sample.code);
  }
  page.sdk ??= sdkOfMethodName(page.method?.name);
  return { ...page, locale: locale() };

  function locale(): Locale {
    if (locales.length > 0) return locales.filter((l) => l === 'zh').length * 2 >= locales.length ? 'zh' : 'en';
    const fromPath = file.split('/').find((part): part is Locale => part === 'zh' || part === 'en');
    return fromPath ?? (/[\u4e00-\u9fff]/.test(page.summary ?? text.slice(0, 400)) ? 'zh' : 'en');
  }

  function readFrame(segment: Segment, body: RootContent[]): void {
    for (const node of body) {
      const kind = frameKind(segment, node);
      if (kind === 'comment' && page.frame.comment === undefined && node.type === 'html' && /-->$/.test(node.value.trim())) {
        page.frame.comment = node.value.trim();
      } else if (kind === 'notice' && page.frame.notice === undefined) {
        page.frame.notice = sliceOf(segment, node).split('\n').map((line) => line.replace(/^\s{0,3}> ?/, '')).join('\n').trim();
      }
    }
  }

  function readMethod(segment: Segment, body: RootContent[], line: number): void {
    const text = body.map((node) => sliceOf(segment, node)).join('\n');
    const match = /\b([A-Z][A-Za-z0-9]*Client)\s*(?:\.|::|->)\s*([A-Za-z_]\w*)/.exec(text);
    if (match) {
      page.method = { client: match[1]!, name: match[2]!, line };
    } else if (text.trim() !== '') {
      sink.warning('METHOD_NAME_UNREADABLE', line, `method section does not name Client.method: "${text.trim().slice(0, 60)}"`);
    }
  }

  function readFirstFieldTable(segment: Segment, body: RootContent[], pageLocale: Locale, head: 'requestTable' | 'responseTable' | 'modelTable'): ParsedField[] {
    for (const node of body) {
      if (node.type !== 'table') continue;
      const raw = readTable(node as Table, segment, source);
      const columns = columnsOf(raw);
      if (!columns) {
        sink.warning('TABLE_NOT_FIELDS', source.origin[raw.lineIndex] ?? 1, 'table has no name/type header; ignored');
        continue;
      }
      // The head as written (header and separator lines), for the docs emitter's frame.
      page.frame[head] ??= source.lines.slice(raw.lineIndex, raw.lineIndex + 2).map((line) => line.trimEnd()).join('\n');
      return readFieldTable(raw, columns, pageLocale, source, sink);
    }
    return [];
  }

  function readResponse(segment: Segment, body: RootContent[], line: number): void {
    const response = (page.response ??= { fields: [], line });
    for (const node of body) {
      if (node.type === 'paragraph') {
        const match = RESPONSE_TYPE_LINE.exec(sliceOf(segment, node).split('\n')[0] ?? '');
        if (match && response.typeName === undefined) response.typeName = match[1];
      }
    }
    response.fields = readFirstFieldTable(segment, body, locale(), 'responseTable');
    readResult(segment, body, line);
  }

  function readResult(segment: Segment, body: RootContent[], line: number): void {
    const code = body.find((node): node is Code => node.type === 'code' && /^(json|js|javascript)?$/.test(node.lang ?? ''));
    if (!code) return;
    const response = (page.response ??= { fields: [], line });
    if (response.example !== undefined) return;
    try {
      response.example = JSON.parse(code.value) as JsonValue;
    } catch {
      sink.warning('EXAMPLE_INVALID_JSON', lineOf(segment, code.position?.start.line), 'sample result is not valid JSON; kept as text');
      response.example = code.value;
    }
  }

  function readModel(segment: Segment, body: RootContent[], line: number): void {
    const anchor = /<a\s+id="([^"]+)"/.exec(segment.heading)?.[1];
    const name = (anchor ?? inlineText(segment.heading)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      sink.warning('MODEL_NAME_INVALID', line, `data structure "${name}" is not an identifier; skipped`);
      return;
    }
    page.models.push({ name, fields: readFirstFieldTable(segment, body, locale(), 'modelTable'), line });
  }
}

/** The module is the folder after the SDK language's; the slug is the file name as written (`pub-userEvent`). */
function pathInfo(file: string): PageDoc['path'] {
  const parts = file.replace(/\.(md|txt)$/i, '').split('/');
  const sdkAt = parts.findIndex((part) => (SDK_LANGUAGES as readonly string[]).includes(part));
  const moduleAt = sdkAt >= 0 && sdkAt + 1 < parts.length - 1 ? sdkAt + 1 : -1;
  const slug = parts[parts.length - 1]!;
  const isSlug = /^[a-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/.test(slug);
  if (moduleAt < 0) return { tag: '', slug: isSlug ? slug : undefined };
  const rest = parts.slice(moduleAt + 1);
  return {
    module: parts[moduleAt]!,
    tag: rest.length >= 2 ? rest.slice(0, -1).join('/') : '',
    slug: isSlug ? slug : undefined,
  };
}

export function sdkOfPath(file: string): SdkLanguage | undefined {
  return file.split('/').find((part): part is SdkLanguage => (SDK_LANGUAGES as readonly string[]).includes(part));
}

function sdkOfFence(lang: string): SdkLanguage | undefined {
  const byFence: Record<string, SdkLanguage> = {
    ts: 'node', typescript: 'node', js: 'node', javascript: 'node', py: 'python', python: 'python',
    java: 'java', go: 'go', golang: 'go', php: 'php', cs: 'csharp', csharp: 'csharp', 'c#': 'csharp',
  };
  return byFence[lang.toLowerCase()];
}

/** Only snake_case is unambiguous (python); camel and Pascal case are shared by several SDKs. */
function sdkOfMethodName(name: string | undefined): SdkLanguage | undefined {
  return name?.includes('_') ? 'python' : undefined;
}

/** `new FooClient` or a variable named after the client (`foo_client.`, `$fooClient->`, `fooClient =`). */
function clientNamedIn(code: string): string | undefined {
  const match = /new\s+([A-Za-z][A-Za-z0-9]*Client)\b|\b([A-Za-z][A-Za-z0-9]*_?client)\s*(?:\.|->|=)/i.exec(code);
  return match?.[1] ?? match?.[2];
}

function methodCalledIn(code: string): string | undefined {
  return /\b[A-Za-z][A-Za-z0-9]*_?client\s*(?:\.|->)\s*([A-Za-z_]\w*)\s*\(/i.exec(code)?.[1];
}

function sliceOf(segment: Segment, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : segment.text.slice(start, end);
}

/** Heading or paragraph Markdown → plain words (HTML tags dropped). */
function inlineText(markdown: string): string {
  return markdown.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
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
 * marker, the generated-from notice. One test for both readers (the frame and the
 * description), so nothing is taken as frame and kept in the description as well.
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

export type { SourceText };

/**
 * A PageDoc: what one page says about one operation, in one locale and (usually) one
 * SDK language. Readers (readers/) make them; pages are merged into operations later
 * (merge.ts). What follows from the file's path and the sample code, whatever the
 * page's format, is worked out here (pageDoc).
 */
import type { DiagnosticSink } from '../ir/diagnostics.js';
import { SDK_LANGUAGES, type JsonValue, type LocaleFrame, type Locale, type PagePart, type SdkLanguage } from '../ir/types.js';
import type { ParsedField } from './fields.js';

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
  /** `!!!include(path)!!!` directives, as written (the docs set says whether the file is there). */
  includes?: { file: string; line: number }[];
  /** The page's boilerplate: do-not-edit comment, notice (blockquote text), table heads (two lines). */
  frame: LocaleFrame;
  /** The page's lines as text and field tables (readers/markdown/shape.ts); absent for pages rebuilt from another format. */
  shape?: PagePart[];
  /** Read from a copy that lost formatting (text copied from a rendered site): pages in their source form win over it. */
  copied?: true;
}

/** What a reader reads off a page; pageDoc adds what the path and the sample tell. */
export type PageContent = Omit<PageDoc, 'file' | 'path' | 'sdk' | 'sampleClient' | 'sampleMethod'>;

export function pageDoc(file: string, content: PageContent): PageDoc {
  const { sample } = content;
  const page: PageDoc = { file, path: pathInfo(file), sdk: sdkOfPath(file), ...content };
  if (sample) {
    page.sampleClient = clientNamedIn(sample.code);
    page.sdk ??= sdkOfFence(sample.lang);
    page.sampleMethod = methodCalledIn(sample.code);
  }
  page.sdk ??= sdkOfMethodName(page.method?.name);
  return page;
}

export function notApiReference(sink: DiagnosticSink): undefined {
  sink.info('PAGE_NOT_API', 1, 'page has no method, request or response section; not an API reference page, skipped');
  return undefined;
}

/** The locale the path names (`zh/…`, `…/en/…`), if any. */
export function localeOfPath(file: string): Locale | undefined {
  return file.split('/').find((part): part is Locale => part === 'zh' || part === 'en');
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

function sdkOfPath(file: string): SdkLanguage | undefined {
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

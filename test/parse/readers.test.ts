/**
 * The reader contract: the registry picks a reader by content, each section reader of
 * the Markdown reader returns what its sections say, and a new reader is one
 * registration. Fixtures are written here, with invented wording and field names.
 */
import { LineLedger } from '../../generator/parse/readers/markdown/ledger.js';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../generator/ir/diagnostics.js';
import type { PageDoc } from '../../generator/parse/page.js';
import { pageText, READERS, readPage, selectReader, type Reader } from '../../generator/parse/readers/index.js';
import { readMarkdownPage } from '../../generator/parse/readers/markdown/index.js';
import { outlineOf, type Role, type Section } from '../../generator/parse/readers/markdown/outline.js';
import {
  readIntro,
  readMethod,
  readModels,
  readRequest,
  readResponse,
  readSample,
  type ReadContext,
} from '../../generator/parse/readers/markdown/sections.js';
import { splitSegments } from '../../generator/parse/segments.js';
import { SourceTextBuilder } from '../../generator/parse/source-text.js';

const REQUEST_HEAD = '| Name | Type | Is it required | Description |\n| ---- | ---- | ---- | ---- |';
const RESPONSE_HEAD = '| Name | Type | Description |\n| ---- | ---- | ---- |';

const markdownPage = [
  '# Polish a widget',
  '',
  'Polishes one widget until it shines.',
  '',
  '## Method name',
  '',
  '`ManagementClient.polishWidget`',
  '',
  '## Request parameters',
  '',
  REQUEST_HEAD,
  '| widgetId | string | yes | The widget to polish |',
  '',
  '## Request response',
  '',
  'Type: `PolishWidgetRespDto`',
  '',
  RESPONSE_HEAD,
  '| statusCode | number | Status of the call |',
  '',
].join('\n');

/** The same page as plain text: titles on their own lines, no `#`. */
const plainPage = [
  'Polish a widget',
  'Polishes one widget until it shines.',
  'Method name',
  '`ManagementClient.polishWidget`',
  'Request parameters',
  REQUEST_HEAD,
  '| widgetId | string | yes | The widget to polish |',
  'Request response',
  'Type: `PolishWidgetRespDto`',
  RESPONSE_HEAD,
  '| statusCode | number | Status of the call |',
].join('\n');

function read(file: string, text: string, readers?: readonly Reader[]): { page?: PageDoc; sink: DiagnosticSink } {
  const sink = new DiagnosticSink(file);
  return { page: readPage(file, text, sink, readers), sink };
}

const codes = (sink: DiagnosticSink): string[] => sink.items.map((item) => item.code);

describe('reader registry', () => {
  it('reads a .txt page with Markdown headings and tables as Markdown', () => {
    expect(selectReader(pageText('en/management/widgets/polish-widget.txt', markdownPage))?.name).toBe('markdown');
    const { page, sink } = read('en/management/widgets/polish-widget.txt', markdownPage);
    expect(page?.method?.name).toBe('polishWidget');
    expect(codes(sink)).not.toContain('PAGE_PLAIN_TEXT');
  });

  it('reads a .md page that is plain text as plain text', () => {
    expect(selectReader(pageText('en/management/widgets/polish-widget.md', plainPage))?.name).toBe('plain-text');
    const { page, sink } = read('en/management/widgets/polish-widget.md', plainPage);
    expect(codes(sink)).toContain('PAGE_PLAIN_TEXT');
    expect(page?.method).toEqual({ client: 'ManagementClient', name: 'polishWidget', line: 3 });
    expect(page?.request?.fields.map((field) => [field.field.name, field.line])).toEqual([['widgetId', 8]]);
    expect(page?.response?.typeName).toBe('PolishWidgetRespDto');
  });

  it('reads plain text with a single Markdown heading as Markdown', () => {
    expect(selectReader(pageText('page.txt', `# Title\n${plainPage}`))?.name).toBe('markdown');
  });

  it('tries rendered-site text, then plain text, before Markdown, which takes any text', () => {
    expect(READERS.map((reader) => reader.name)).toEqual(['rendered-site', 'plain-text', 'markdown']);
    expect(READERS.at(-1)!.detect(pageText('notes.txt', 'just some words'))).toBe(true);
  });

  it('says a page no reader takes is not API reference', () => {
    const { page, sink } = read('notes.md', markdownPage, []);
    expect(page).toBeUndefined();
    expect(codes(sink)).toEqual(['PAGE_NOT_API']);
  });
});

/** The sections of a Markdown fixture with the given roles, and the context to read them in. */
function sectionsOf(markdown: string, ...roles: Role[]): { sections: Section[]; context: ReadContext; sink: DiagnosticSink } {
  const page = pageText('en/management/widgets/fixture.md', markdown);
  const sink = new DiagnosticSink(page.file);
  const outline = outlineOf(splitSegments(page.source), page.source, page);
  return { sections: outline.sections.filter((section) => roles.includes(section.role)), context: { source: page.source, sink, ledger: new LineLedger() }, sink };
}

describe('Markdown outline', () => {
  it('gives each segment its role from the headings alone, with the locale so far', () => {
    const markdown = [
      '# 打磨小部件', '', '说明', '', '### 注意', '', '一段说明', '', '## 请求参数', '', '## Data structure', '', '### <a id="Widget"></a> Widget', '', '## Elsewhere', '',
    ].join('\n');
    const page = pageText('x.md', markdown);
    const outline = outlineOf(splitSegments(page.source), page.source, page);
    expect(outline.sections.map((section) => [section.role, section.line, section.locale])).toEqual([
      ['intro', 1, 'zh'],
      ['description', 5, 'zh'],
      ['request', 9, 'zh'],
      ['skipped', 11, 'zh'],
      ['model', 13, 'zh'],
      ['skipped', 15, 'zh'],
    ]);
    expect(outline.title).toBe('打磨小部件');
    expect(outline.hasApiSection).toBe(true);
  });
});

describe('Markdown section readers', () => {
  it('readIntro: the description with its sub-headings, and the frame under the H1', () => {
    const markdown = [
      '# Polish a widget',
      '<!-- generated; do not edit -->',
      '',
      '> Made by docs-to-sdk from the widget catalogue.',
      '',
      'Polishes one widget.',
      '',
      '### Caution',
      '',
      'Wear gloves.',
      '',
      '## Method name',
      '',
    ].join('\n');
    const { sections } = sectionsOf(markdown, 'intro', 'description');
    expect(readIntro(sections)).toEqual({
      description: 'Polishes one widget.\n\n### Caution\n\nWear gloves.',
      frame: { comment: '<!-- generated; do not edit -->', notice: 'Made by docs-to-sdk from the widget catalogue.' },
    });
  });

  it('readMethod: the last section naming Client.method counts; one naming none is a warning', () => {
    const markdown = '## Method name\n\n`AuthenticationClient.first`\n\n## Method name\n\nno method here\n\n## Method name\n\n`ManagementClient.last`\n';
    const { sections, context, sink } = sectionsOf(markdown, 'method');
    expect(readMethod(sections, context)).toEqual({ client: 'ManagementClient', name: 'last', line: 9 });
    expect(sink.items.map((item) => [item.code, item.line])).toEqual([['METHOD_NAME_UNREADABLE', 5]]);
  });

  it('readRequest: the first field table of the section, its head as written; other tables are warned about', () => {
    const markdown = ['## Request parameters', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', REQUEST_HEAD, '| size | number | no | How big |', ''].join('\n');
    const { sections, context, sink } = sectionsOf(markdown, 'request');
    const { request, head } = readRequest(sections, context);
    expect(request?.line).toBe(1);
    expect(request?.fields.map((field) => [field.field.name, field.field.required, field.line])).toEqual([['size', false, 9]]);
    expect(head).toBe(REQUEST_HEAD);
    expect(codes(sink)).toEqual(['TABLE_NOT_FIELDS']);
  });

  it('readSample: the first code block of the sample sections', () => {
    const markdown = '## Sample code\n\ntext\n\n```py\nclient.polish()\n```\n\n## Sample code\n\n```ts\nother()\n```\n';
    const { sections, context } = sectionsOf(markdown, 'sample');
    expect(readSample(sections, context)).toEqual({ lang: 'py', code: 'client.polish()', line: 5 });
  });

  it('readResponse: type line and table from the response, the first example from either section', () => {
    const markdown = [
      '## Request response', '', 'Type: `PolishRespDto`', '', RESPONSE_HEAD, '| statusCode | number | Status |', '',
      '```json', 'not json', '```', '',
      '## Sample result', '', '```json', '{ "statusCode": 200 }', '```', '',
    ].join('\n');
    const { sections, context, sink } = sectionsOf(markdown, 'response', 'result');
    const { response, head } = readResponse(sections, context);
    expect(response).toMatchObject({ typeName: 'PolishRespDto', line: 1, example: 'not json' });
    expect(response?.fields.map((field) => field.field.name)).toEqual(['statusCode']);
    expect(head).toBe(RESPONSE_HEAD);
    expect(sink.items.map((item) => [item.code, item.line])).toEqual([['EXAMPLE_INVALID_JSON', 9]]);
  });

  it('readResponse: a sample result alone makes a response; a null example is kept', () => {
    const markdown = '## Sample result\n\n```json\nnull\n```\n\n## Sample result\n\n```json\n{}\n```\n';
    const { sections, context } = sectionsOf(markdown, 'response', 'result');
    expect(readResponse(sections, context).response).toEqual({ fields: [], line: 1, example: null });
  });

  it('readModels: one per section, named by anchor; a name that is no identifier is skipped with a warning', () => {
    const markdown = [
      '## Data structure', '',
      '### <a id="Widget"></a> Widget', '', REQUEST_HEAD, '| shine | number | yes | How shiny |', '',
      '### a gadget', '', REQUEST_HEAD, '| x | string | no | y |', '',
    ].join('\n');
    const { sections, context, sink } = sectionsOf(markdown, 'model');
    const { models, head } = readModels(sections, context);
    expect(models.map((model) => [model.name, model.line, model.fields.map((field) => field.field.name)])).toEqual([['Widget', 3, ['shine']]]);
    expect(head).toBe(REQUEST_HEAD);
    expect(sink.items.map((item) => [item.code, item.line])).toEqual([['MODEL_NAME_INVALID', 9]]);
  });
});

describe('a new reader', () => {
  /**
   * A third format in one registration: pages whose section titles end in `¶` (text
   * copied from a rendered site). It rebuilds the headings and hands the page to the
   * Markdown reader, as the plain-text reader does.
   */
  const pilcrowReader: Reader = {
    name: 'pilcrow',
    detect: (page) => page.source.lines.some((line) => line.trimEnd().endsWith('¶')),
    read(page, sink) {
      const out = new SourceTextBuilder();
      page.source.lines.forEach((line, index) => {
        const title = /^(.*?)\s*¶\s*$/.exec(line)?.[1];
        out.push(title === undefined ? line : `${index === 0 ? '#' : '##'} ${title}`, page.source.origin[index]!);
      });
      return readMarkdownPage({ ...page, source: out.build() }, sink);
    },
  };

  it('is picked by content and yields the page the Markdown reader yields for the same page', () => {
    const pilcrowPage = markdownPage.replace(/^#+ (.*)$/gm, '$1 ¶');
    const file = 'en/management/widgets/polish-widget.txt';
    const readers = [pilcrowReader, ...READERS];
    expect(selectReader(pageText(file, pilcrowPage), readers)?.name).toBe('pilcrow');
    expect(selectReader(pageText(file, markdownPage), readers)?.name).toBe('markdown');

    const fromPilcrow = read(file, pilcrowPage, readers);
    const fromMarkdown = read(file, markdownPage);
    expect(fromPilcrow.page).toBeDefined();
    // The same facts; a .txt file keeps no shape (only a .md file read in its source form is given back as written).
    expect(fromMarkdown.page!.shape).toBeUndefined();
    expect(read(file.replace(/\.txt$/, '.md'), markdownPage).page!.shape).toBeDefined();
    expect(fromPilcrow.page).toEqual(fromMarkdown.page);
    expect(fromPilcrow.sink.items).toEqual(fromMarkdown.sink.items);
  });
});

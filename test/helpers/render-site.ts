/**
 * Renders a Markdown page the way text copied from the rendered docs site looks (issue
 * 16), so any Markdown page can be a fixture for the rendered-site reader. Written from
 * the description of the site, not from the reader:
 * - site chrome around the article: navigation, a sidebar tree, breadcrumbs, the update
 *   time and `Edit` under the title; after the article the previous/next line, a table of
 *   contents and a footer;
 * - headings as `¶ Title` (tags dropped: `### <a id="X"></a> X` is `¶ X`);
 * - table cells run together with no separator; header cells wrapped in `<div>` on lines
 *   of their own; `<br>` in a cell is a line break;
 * - code spans and links reduced to their text, external links gaining
 *   ` (opens new window)`, `<a href="#X">X</a>` reduced to `X`; code blocks as bare lines;
 *   HTML comments not shown; blockquotes as their text.
 */
import type { PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

export interface RenderedPage {
  text: string;
  /** For each table row of the Markdown (1-based line of its start), the 1-based line it is rendered on. */
  rowLines: Map<number, number>;
}

export interface RenderOptions {
  locale?: 'zh' | 'en';
}


const CHROME = {
  en: {
    nav: ['Docs', 'Concepts', 'User Guide', 'Development Integration', 'API', 'SDK', '  • Installation and Usage', '  • Management Module'],
    breadcrumbs: ['  1. Development Integration', '  2. /', '  3. SDK'],
    updated: 'Update time: 2025-07-23 07:34:21',
    edit: 'Edit',
    prevNext: (title: string) => `Previous article: Before ${title} Next article: After ${title}`,
    footer: ['Developer', 'GitHub (opens new window)', '© Example Technology Co., Ltd.'],
  },
  zh: {
    nav: ['文档', '概念', '使用指南', '开发集成', 'API', 'SDK', '  • 安装使用', '  • 管理模块'],
    breadcrumbs: ['  1. 开发集成', '  2. /', '  3. SDK'],
    updated: '更新时间: 2025-07-23 07:34:21',
    edit: '编辑',
    prevNext: (title: string) => `上一篇: 在${title}之前 下一篇: 在${title}之后`,
    footer: ['开发者', 'GitHub (opens new window)', '© 示例科技有限公司'],
  },
};

export function renderSite(markdown: string, options: RenderOptions = {}): RenderedPage {
  const locale = options.locale ?? (/[\u4e00-\u9fff]/.test(markdown.slice(0, 400)) ? 'zh' : 'en');
  const chrome = CHROME[locale];
  const lines: string[] = [...chrome.nav, ...chrome.breadcrumbs, ''];
  const rowLines = new Map<number, number>();
  const headings: string[] = [];
  let title: string | undefined;
  for (const chunk of chunksOf(markdown)) {
    const rendered = renderChunk(chunk.text, locale);
    for (const [row, line] of rendered.rowLines) rowLines.set(chunk.line + row - 1, lines.length + line);
    lines.push(...rendered.lines);
    for (const { text, depth } of rendered.headings) {
      if (title === undefined) title = text;
      else if (depth === 2) headings.push(text);
    }
  }
  lines.push(chrome.prevNext(title ?? ''));
  lines.push(...headings.map((heading) => `  • ${heading}`), '', ...chrome.footer);
  return { text: lines.join('\n'), rowLines: new Map([...rowLines].sort(([a], [b]) => a - b)) };
}

/** The page cut before each heading outside code (the SDK pages repeat most sections: each is rendered once). */
function chunksOf(markdown: string): { text: string; line: number }[] {
  const chunks: { text: string; line: number }[] = [];
  let current: string[] = [];
  let start = 1;
  let fence: string | undefined;
  markdown.split('\n').forEach((line, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    if (fence === undefined && /^#{1,6}\s/.test(line) && current.length > 0) {
      chunks.push({ text: current.join('\n'), line: start });
      current = [];
      start = index + 1;
    }
    current.push(line);
  });
  chunks.push({ text: current.join('\n'), line: start });
  return chunks;
}

interface RenderedChunk {
  lines: string[];
  rowLines: Map<number, number>;
  headings: { text: string; depth: number }[];
}

const renderedChunks = new Map<string, RenderedChunk>();

function renderChunk(markdown: string, locale: 'zh' | 'en'): RenderedChunk {
  const key = `${locale}\u0000${markdown}`;
  const known = renderedChunks.get(key);
  if (known) return known;
  const tree = processor.parse(markdown) as Root;
  const lines: string[] = [];
  const rowLines = new Map<number, number>();
  const headings: RenderedChunk['headings'] = [];
  const chrome = CHROME[locale];
  const paragraph = (text: string): void => {
    lines.push(...text.split('\n'), '');
  };
  for (const node of tree.children) renderBlock(node);
  const rendered = { lines, rowLines, headings };
  renderedChunks.set(key, rendered);
  return rendered;

  function renderBlock(node: RootContent): void {
    switch (node.type) {
      case 'heading': {
        const text = inline(node.children).trim();
        lines.push(`¶ ${text}`, '');
        headings.push({ text, depth: node.depth });
        return;
      }
      case 'paragraph':
        return paragraph(inline(node.children));
      case 'html': {
        const value = node.value.trim();
        if (/^<LastUpdated/i.test(value)) return void lines.push(chrome.updated, chrome.edit, '');
        if (value.startsWith('<!--')) return;
        const text = stripTags(value).trim();
        if (text !== '') paragraph(text);
        return;
      }
      case 'blockquote':
      case 'listItem':
        for (const child of node.children) renderBlock(child as RootContent);
        return;
      case 'list':
        for (const item of node.children) {
          const text = item.children.map((child) => (child.type === 'paragraph' ? inline(child.children) : '')).join(' ');
          lines.push(`  • ${text}`);
        }
        lines.push('');
        return;
      case 'code':
        lines.push(...node.value.split('\n'), '');
        return;
      case 'table': {
        const [head, ...rows] = node.children;
        let line = '';
        for (const cell of head?.children ?? []) {
          const text = cellText(cell);
          if (/<div/i.test(rawOf(cell))) {
            if (line !== '') lines.push(line);
            lines.push(text);
            line = '';
          } else line += text;
        }
        if (line !== '') lines.push(line);
        for (const row of rows) {
          const start = row.position?.start.line;
          if (start !== undefined) rowLines.set(start, lines.length + 1);
          lines.push(...row.children.map(cellText).join('').split('\n'));
        }
        lines.push('');
        return;
      }
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        if ('value' in node && typeof node.value === 'string') paragraph(node.value);
    }
  }

  function rawOf(cell: TableCell): string {
    const start = cell.position?.start.offset;
    const end = cell.position?.end.offset;
    return start === undefined || end === undefined ? '' : markdown.slice(start, end);
  }
}

function cellText(cell: TableCell): string {
  return inline(cell.children).trim();
}

/** Inline Markdown as the browser shows it. */
function inline(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text += node.value;
        break;
      case 'html':
        text += /^<br\s*\/?>$/i.test(node.value.trim()) ? '\n' : stripTags(node.value);
        break;
      case 'link':
        text += inline(node.children) + (/^https?:/i.test(node.url) ? ' (opens new window)' : '');
        break;
      case 'image':
        text += node.alt ?? '';
        break;
      case 'break':
        text += '\n';
        break;
      default:
        if ('children' in node) text += inline(node.children as PhrasingContent[]);
    }
  }
  return text;
}

function stripTags(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
}

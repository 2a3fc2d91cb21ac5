/**
 * The Markdown reader builds plain tables, headings and paragraphs without remark (the
 * chunked segment parsing of markdown.ts): the trees must be the ones remark builds for
 * the whole segment.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdownBlock, parseMarkdownSegment } from '../../generator/parse/markdown.js';
import { readInputs } from '../../generator/parse/index.js';
import { CORPUS_EN, CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';

const DOCS_SRC = join(REPO_ROOT, 'docs-src');

/**
 * Plain tables, headings and paragraphs are built without remark; their inline content
 * is then one text node spanning what remark's inline nodes span (all the parser reads).
 * Trees are compared with that content reduced to the span.
 */
function cellSpans(node: unknown): unknown {
  const { type, children, position } = node as { type: string; children?: { position: { start: unknown; end: unknown } }[]; position?: unknown };
  if (type === 'tableCell' || type === 'heading' || type === 'paragraph') {
    const span = children && children.length > 0 ? [{ type: 'text', position: { start: children[0]!.position.start, end: children[children.length - 1]!.position.end } }] : [];
    const { children: _, ...rest } = node as Record<string, unknown>;
    return { ...rest, children: span };
  }
  const copy: Record<string, unknown> = { ...(node as object) };
  if (children) copy.children = children.map(cellSpans);
  return copy;
}

describe('chunked segment parsing', () => {
  const same = (text: string): void => {
    const lines = text.split('\n');
    expect(JSON.stringify(cellSpans(parseMarkdownSegment(lines)))).toBe(JSON.stringify(cellSpans(parseMarkdownBlock(text))));
  };

  it('builds the tree remark builds for the whole segment', () => {
    const cases = [
      '## 示例代码\n\n```ts\nconst a = 1;\n\n// blank line above\n```\n\n\n## not a heading here',
      '## x\n\n- a\n\n- b\n\nafter the list\n\n```json\n{}\n```  \ntext right after the fence\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n',
      '## x\n\n<div>\n```\nnot a fence\n```\n</div>\n\nafter',
      '## x\n\ntext\n```py\ninterrupts the paragraph\n```\n',
      '## x\n\n[ref]: https://example.com\n\nuses [ref]\n\n```\ncode\n```',
      '## x\n\n> quote\n\n```\nunclosed fence\n\nstill code',
      '## x\n\n<!--\ncomment\n\n```\n-->\n\npara\n\n~~~~\ntilde ``` fence\n~~~~\n\n1. one\n\n   ```\n   indented fence\n   ```\n',
      '## x\n\n```ts title="a b"\nmeta\n```\n\n````\n```\nlonger fence\n````\n\n```\nx\n',
      '',
      '# only a heading',
      '## t\n\n| a | `b\\|c` | d\\\\|e |\n| :-- | --: | :-: |\n | x |  y<br>    |\n| 1 | 2 | 3 | 4 |\n| only |\n|  | empty |   \n| no closing pipe | z\n\n\n',
      '## t\n\n| a | b |\n| - |\n| not a table: short delimiter |\n',
      '## t\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\nfollowing text joins the table\n\n| 😀 | b |\n| - | - |\n',
      '## t\n\n| a |\n| --- |\n    | four spaces |\n',
    ];
    for (const text of cases) same(text);
  });

  it.skipIf(!hasShared)('builds the tree remark builds for every segment of the corpus', async () => {
    const { splitSegments } = await import('../../generator/parse/segments.js');
    const { toSourceText } = await import('../../generator/parse/source-text.js');
    const seen = new Set<string>();
    for (const root of [CORPUS_ZH, CORPUS_EN, DOCS_SRC]) {
      for (const input of await readInputs(root)) {
        for (const segment of splitSegments(toSourceText(input.content.toString()))) {
          if (seen.has(segment.text)) continue;
          seen.add(segment.text);
          expect(JSON.stringify(cellSpans(segment.tree)), `${input.file}: ${segment.heading}`).toBe(JSON.stringify(cellSpans(parseMarkdownBlock(segment.text))));
        }
      }
    }
    expect(seen.size).toBeGreaterThan(1000);
  });
});

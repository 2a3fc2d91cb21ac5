/**
 * remark + GFM, memoized by block text. The six SDK-language pages (and many pages of
 * one tag) repeat most sections word for word, so each distinct block is parsed once.
 * Trees are shared between callers and must be treated as read-only.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);
const cache = new Map<string, Root>();

export function parseMarkdownBlock(text: string): Root {
  let tree = cache.get(text);
  if (tree === undefined) {
    tree = processor.parse(text);
    cache.set(text, tree);
  }
  return tree;
}

export function markdownCacheSize(): number {
  return cache.size;
}

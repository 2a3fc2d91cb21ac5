/**
 * The speed machinery must never change the output: the run cache (another tool
 * version's cache is ignored; warm runs equal cold runs), worker threads (same IR as one
 * thread), and the chunked remark parsing (same trees as remark on the whole segment).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/cli/generate.js';
import { main } from '../../generator/cli/main.js';
import { TARGETS } from '../../generator/cli/outputs.js';
import { Reporter } from '../../generator/cli/reporter.js';
import { parseMarkdownBlock, parseMarkdownSegment } from '../../generator/parse/markdown.js';
import { parsePages, parsePagesAsync, readInputs, type PageInput, type PageResult, type PageResultCache } from '../../generator/parse/index.js';
import { contentKey } from '../../generator/cache/index.js';
import { MIN_PAGES_PER_WORKER } from '../../generator/parse/workers.js';
import { CORPUS_EN, CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';

const DOCS_SRC = join(REPO_ROOT, 'docs-src');

function tree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, readFileSync(path, 'utf8'));
    }
  };
  walk(root, '');
  return files;
}

const run = (...args: string[]): Promise<number> => main(['generate', '--quiet', ...args], () => {});

/** emit.pack (generator/cache/emit.ts): a 4-byte header length, a JSON header, the contents. */
interface Pack {
  header: { tool: string; docs: Record<string, { files: [string, number, string][] }>; sdk: Record<string, [number, number, string]> };
  body: Buffer;
}
const POISON = 'stale output\n';
/** What a poisoned docs entry says its pages' hashes are (the cache keeps no docs texts to poison). */
const POISONED_HASH = 'poisoned';

function readPack(file: string): Pack {
  const data = readFileSync(file);
  const length = data.readUInt32LE(0);
  return { header: JSON.parse(data.toString('utf8', 4, 4 + length)), body: data.subarray(4 + length) };
}

function writePack(file: string, { header, body }: Pack): void {
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length, 0);
  writeFileSync(file, Buffer.concat([length, head, body]));
}

/**
 * Every SDK content replaced by POISON (same keys and hashes), every docs page's hash by
 * POISONED_HASH; optionally another tool's fingerprint.
 */
function poisoned(pack: Pack, tool = pack.header.tool): Pack {
  const poison = Buffer.from(POISON);
  // The poison goes after the old contents, which printed client methods still point into.
  const blob = ([, , hash]: [number, number, string]): [number, number, string] => [pack.body.length, poison.length, hash];
  for (const entry of Object.values(pack.header.docs)) entry.files = entry.files.map(([path, length]) => [path, length, POISONED_HASH]);
  // Printed client methods are pieces a changed client file is made of again: they stay as they were.
  for (const key of Object.keys(pack.header.sdk)) if (!key.startsWith('member:')) pack.header.sdk[key] = blob(pack.header.sdk[key]!);
  return { header: { ...pack.header, tool }, body: Buffer.concat([pack.body, poison]) };
}

describe('run cache', () => {
  it('gives byte-identical output warm (no change, one page changed) and cold', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-cache-'));
    const docs = join(work, 'docs');
    cpSync(DOCS_SRC, docs, { recursive: true });
    const cache = join(work, 'cache');
    expect(await run('--docs', docs, '--out', join(work, 'cold'), '--no-cache')).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(tree(join(work, 'warm'))).toEqual(tree(join(work, 'cold')));

    const page = join(docs, 'zh/node/management/管理-webhook/create-webhook.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.*)$/m, '# $1（改）'));
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'cold2'), '--no-cache')).toBe(0);
    expect(tree(join(work, 'warm'))).toEqual(tree(join(work, 'cold2')));
    expect(tree(join(work, 'warm'))).not.toEqual(tree(join(work, 'cold')));
  });

  it('with the pages\' stamps trusted, reads only the page that changed and still gives the cold output', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-cache-'));
    const docs = join(work, 'docs');
    cpSync(DOCS_SRC, docs, { recursive: true });
    const cache = join(work, 'cache');
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    // Stamped an hour from now: no page is in the racy window (cache/input-stamps.ts), every stamp is trusted.
    const runFile = join(cache, 'run.json');
    const saved = JSON.parse(readFileSync(runFile, 'utf8'));
    saved.value.inputs.at += 3_600_000;
    writeFileSync(runFile, JSON.stringify(saved));
    const page = join(docs, 'zh/node/management/管理-webhook/create-webhook.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.*)$/m, '# $1（改）'));
    expect(await run('--docs', docs, '--out', join(work, 'warm'), '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'cold'), '--no-cache')).toBe(0);
    expect(tree(join(work, 'warm'))).toEqual(tree(join(work, 'cold')));
    expect(tree(join(work, 'warm')).get('docs/zh/node/management/管理-webhook/create-webhook.md')).toContain('（改）');
  });

  /** docs-src generated once into a fresh folder with a fresh cache, and the tree it left. */
  const generatedOnce = async (): Promise<{ work: string; cache: string; out: string; before: Map<string, string> }> => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-cache-'));
    const cache = join(work, 'cache');
    const out = join(work, 'out');
    expect(await run('--docs', DOCS_SRC, '--out', out, '--cache-dir', cache)).toBe(0);
    return { work, cache, out, before: tree(out) };
  };

  it('repairs an output edited by hand even when the inputs did not change', async () => {
    const { cache, out, before } = await generatedOnce();
    writeFileSync(join(out, 'ir.json'), '{}\n');
    expect(await run('--docs', DOCS_SRC, '--out', out, '--cache-dir', cache)).toBe(0);
    expect(tree(out)).toEqual(before);
  });

  it('repairs an output edited in place with its size and mtime restored (its ctime moved)', async () => {
    const { work, cache, out, before } = await generatedOnce();
    const file = join(out, 'sdk/src/index.ts');
    const reference = join(work, 'reference');
    // `cp -p` and `touch -r` keep the mtime to the nanosecond, as tools that restore one do (Node's utimes cannot).
    execFileSync('cp', ['-p', file, reference]);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/export/, 'EXPORT');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    execFileSync('touch', ['-r', reference, file]);
    expect(statSync(file).mtimeMs).toBe(statSync(reference).mtimeMs);
    expect(await run('--docs', DOCS_SRC, '--out', out, '--cache-dir', cache)).toBe(0);
    expect(tree(out)).toEqual(before);
  });

  it('ignores a cache written by another version of the tool', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-cache-'));
    const cache = join(work, 'cache');
    expect(await run('--docs', DOCS_SRC, '--out', join(work, 'first'), '--cache-dir', cache)).toBe(0);
    const cold = tree(join(work, 'first'));
    // The same inputs, keys and shape, but another tool fingerprint and poisoned contents.
    for (const name of readdirSync(cache)) {
      if (name === 'emit.pack') {
        writePack(join(cache, name), poisoned(readPack(join(cache, name)), 'another-version'));
        continue;
      }
      if (name === 'pages.pack') {
        // Every page result with a stale summary, under another tool's fingerprint.
        const { header, body } = readPack(join(cache, name)) as unknown as { header: { tool: string; entries: Record<string, [number, number]> }; body: Buffer };
        const parts: Buffer[] = [];
        let offset = 0;
        for (const [key, [start, length]] of Object.entries(header.entries)) {
          const entry = deserialize(body.subarray(start, start + length));
          if (entry.page) entry.page.summary = 'stale';
          const bytes = serialize(entry);
          header.entries[key] = [offset, bytes.length];
          parts.push(bytes);
          offset += bytes.length;
        }
        writePack(join(cache, name), { header: { ...header, tool: 'another-version' }, body: Buffer.concat(parts) } as unknown as Pack);
        continue;
      }
      if (name === 'assembly.pack') {
        // The last assembly with every operation's summary stale, under another tool's fingerprint.
        const { header, body } = readPack(join(cache, name)) as unknown as { header: { tool: string }; body: Buffer };
        const state = deserialize(body) as { ir: { operations: { summary: Record<string, string> }[] } };
        for (const operation of state.ir.operations) operation.summary = { zh: 'stale', en: 'stale' };
        writePack(join(cache, name), { header: { ...header, tool: 'another-version' }, body: serialize(state) } as unknown as Pack);
        continue;
      }
      const data = JSON.parse(readFileSync(join(cache, name), 'utf8'));
      data.tool = 'another-version';
      if (name === 'run.json') data.value.operations = 999;
      writeFileSync(join(cache, name), JSON.stringify(data));
    }
    const lines: string[] = [];
    expect(await main(['generate', '--docs', DOCS_SRC, '--out', join(work, 'second'), '--cache-dir', cache], (line) => lines.push(line))).toBe(0);
    expect(tree(join(work, 'second'))).toEqual(cold);
    expect(lines.at(-1)).not.toContain('999 operations');
  });
});

describe('emit cache', () => {
  const edit = (file: string, from: RegExp, to: string): void => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(from);
    writeFileSync(file, text.replace(from, to));
  };

  it('re-renders exactly what a change reaches: poisoned entries of unchanged inputs are reused, changed inputs never hit', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-emit-'));
    const docs = join(work, 'docs');
    cpSync(DOCS_SRC, docs, { recursive: true });
    const cache = join(work, 'cache');
    const out = join(work, 'out');
    expect(await run('--docs', docs, '--out', out, '--cache-dir', cache)).toBe(0);
    // Same tool, same keys, every content (or docs hash) poisoned: only entries whose inputs did not change may show up.
    writePack(join(cache, 'emit.pack'), poisoned(readPack(join(cache, 'emit.pack'))));
    // An operation's title, and a field description of a model other operations reach.
    edit(join(docs, 'zh/node/management/管理-webhook/create-webhook.md'), /^# (.*)$/m, '# $1（改）');
    const modelPage = join(docs, 'zh/node/management/管理-webhook/create-webhook.md');
    edit(modelPage, /(### <a id="WebhookDto"><\/a> WebhookDto[\s\S]*?\| webhookId \| string \| )/, '$1改 ');
    // Outputs the change does not reach, removed: the run must write them, from what the cache holds.
    const unreachedModel = 'sdk/src/models/Any.ts';
    const unreachedPage = 'docs/zh/node/management/管理-webhook/delete-webhook.md';
    rmSync(join(out, unreachedModel));
    rmSync(join(out, unreachedPage));
    expect(await run('--docs', docs, '--out', out, '--cache-dir', cache)).toBe(0);
    expect(await run('--docs', docs, '--out', join(work, 'cold'), '--no-cache')).toBe(0);
    const warm = tree(out);
    const cold = tree(join(work, 'cold'));
    const reached = [...cold.keys()].filter((path) => path.startsWith('docs/') && (path.includes('create-webhook') || cold.get(path)!.includes('<a id="WebhookDto">')));
    expect(reached.length).toBeGreaterThan(12);
    expect(reached).not.toContain(unreachedPage);
    for (const path of reached) expect(warm.get(path), path).toBe(cold.get(path));
    for (const path of [...cold.keys()].filter((p) => p.startsWith('sdk/src/') && !p.includes('/http/'))) {
      if (/\bWebhookDto\b/.test(cold.get(path)!) || path.endsWith('Client.ts')) expect(warm.get(path), path).toBe(cold.get(path));
    }
    // The cache is really used. The SDK file came back as the cache held it (poisoned); the docs page the cache knows
    // by its stamp only was rendered again (right), and the run recorded the stamp's (poisoned) hash for it.
    expect(warm.get(unreachedModel)).toBe(POISON);
    expect(warm.get(unreachedPage)).toBe(cold.get(unreachedPage));
    const recorded = JSON.parse(readFileSync(join(cache, 'run.json'), 'utf8')).value.written.hashes as Record<string, string>;
    expect(recorded[unreachedPage]).toBe(POISONED_HASH);
    for (const path of reached) expect(recorded[path], path).not.toBe(POISONED_HASH);
  });

  it('gives the same output with the SDK emitted on its own thread', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-emit-'));
    const reporter = new Reporter({ quiet: true, out: () => {} });
    const base = { docs: DOCS_SRC, only: [...TARGETS], cache: false };
    expect(await generate({ ...base, out: join(work, 'thread'), sdkThread: true }, reporter)).toBe(0);
    expect(await generate({ ...base, out: join(work, 'inline'), sdkThread: false }, reporter)).toBe(0);
    expect(tree(join(work, 'thread'))).toEqual(tree(join(work, 'inline')));
  });

  it('fails cleanly when the SDK thread fails, leaving the previous output as it was', async () => {
    const work = mkdtempSync(join(tmpdir(), 'docs-to-sdk-emit-'));
    const reporter = new Reporter({ quiet: true, out: () => {} });
    const out = join(work, 'out');
    const base = { docs: DOCS_SRC, only: [...TARGETS], cache: false, out };
    expect(await generate({ ...base, sdkThread: false }, reporter)).toBe(0);
    const before = tree(out);
    const failing = join(work, 'failing-worker.mjs');
    writeFileSync(failing, "throw new Error('the SDK thread broke');\n");
    // The bundle's parts come from bin/docs-to-sdk.js through this global: point its SDK worker at one that throws.
    const state = globalThis as { __DOCS_TO_SDK__?: Record<string, string> };
    const saved = state.__DOCS_TO_SDK__;
    state.__DOCS_TO_SDK__ = { sdkWorker: failing };
    try {
      await expect(generate({ ...base, sdkThread: true }, reporter)).rejects.toThrow('the SDK thread broke');
    } finally {
      state.__DOCS_TO_SDK__ = saved;
    }
    expect(tree(out)).toEqual(before);
  });
});

/** A page cache in memory, keyed like the disk one. */
function memoryCache(): PageResultCache {
  const entries = new Map<string, PageResult>();
  return { keyOf: contentKey, get: (key) => entries.get(key), set: (key, result) => void entries.set(key, result), retain: () => {} };
}

describe('incremental assembly', () => {
  /** Each edit applied to `inputs`: the IR assembled from the previous state equals a full assembly. */
  const same = (inputs: PageInput[], edits: ((inputs: PageInput[]) => PageInput[])[]): string[] => {
    const cache = memoryCache();
    let { state } = parsePages(inputs, { cache });
    const modes: string[] = [];
    for (const edit of edits) {
      inputs = edit(inputs);
      const warm = parsePages(inputs, { cache, previous: state });
      const cold = parsePages(inputs, { cache: memoryCache() });
      expect(JSON.stringify(warm.ir)).toBe(JSON.stringify(cold.ir));
      // The content hashes of what was reused and what was rebuilt are those of a full assembly.
      expect(warm.state!.hashes).toEqual(cold.state!.hashes);
      expect(Object.keys(warm.state!.hashes.operations).sort()).toEqual(warm.ir.operations.map((operation) => operation.id).sort());
      modes.push(warm.reuse!.mode);
      state = warm.state;
    }
    return modes;
  };
  const replace = (file: string, from: RegExp, to: string) => (inputs: PageInput[]): PageInput[] =>
    inputs.map((input) => {
      if (input.file !== file) return input;
      const text = input.content.toString();
      expect(text, file).toMatch(from);
      return { file, content: text.replace(from, to) };
    });

  it('gives the IR a full assembly gives (docs-src: titles, fields, models, moved and removed pages)', async () => {
    const inputs = await readInputs(DOCS_SRC);
    const page = 'zh/node/management/管理-webhook/create-webhook.md';
    const modes = same(inputs, [
      replace(page, /^# (.*)$/m, '# $1（改）'),
      replace(page, /(### <a id="WebhookDto"><\/a> WebhookDto[\s\S]*?\| webhookId \| string \| )/, '$1改 '),
      replace(page, /\| string \|/, '| number |'),
      (list) => list.filter((input) => input.file !== page),
      (list) => [...list, inputs.find((input) => input.file === page)!],
      (list) => list,
    ]);
    expect(modes).toContain('incremental');
  });

  it.skipIf(!hasShared)('gives the IR a full assembly gives over the corpus (pages of several operations edited in turn)', async () => {
    const inputs: PageInput[] = [];
    for (const [prefix, root] of [['zh', CORPUS_ZH], ['en', CORPUS_EN]] as const) {
      for (const input of await readInputs(root)) inputs.push({ file: `${prefix}/${input.file}`, content: input.content });
    }
    const pick = (pattern: RegExp): string => inputs.find((input) => pattern.test(input.file))!.file;
    const modes = same(inputs, [
      replace(pick(/^zh\/node\/management\/管理用户\/get-user\.md$/), /^# (.*)$/m, '# $1 x'),
      replace(pick(/^en\/python\/management\/.*\.md$/), /^# (.*)$/m, '# $1 y'),
      replace(pick(/^zh\/node\/management\/管理用户\/get-user\.md$/), /\| userId \| string {1,2}\|/, '| userId | boolean |'),
      replace(pick(/^zh\/csharp\/authentication\/用户资料\/get-profile\.md$/), /\| (\w+) \| string {1,2}\|/, '| $1 | number |'),
    ]);
    expect(modes.filter((mode) => mode === 'incremental').length).toBeGreaterThanOrEqual(2);
  });
});

describe('worker threads', () => {
  it('read pages into the same IR as one thread (docs-src pages, copied enough to start workers)', async () => {
    const pages = await readInputs(DOCS_SRC);
    const copies = Math.ceil((MIN_PAGES_PER_WORKER * 2) / pages.length) + 1;
    const inputs: PageInput[] = [];
    for (let copy = 0; copy < copies; copy += 1) {
      for (const page of pages) inputs.push({ file: page.file.replace(/\.md$/, `-copy${copy}.md`), content: page.content });
    }
    expect(inputs.length).toBeGreaterThanOrEqual(MIN_PAGES_PER_WORKER * 2);
    const one = parsePages(inputs);
    const two = await parsePagesAsync(inputs, { threads: 2 });
    expect(JSON.stringify(two.ir)).toBe(JSON.stringify(one.ir));
  });

  it.skipIf(!hasShared)('read the corpus into the same IR as one thread', async () => {
    const inputs: PageInput[] = [];
    for (const [prefix, root] of [['zh', CORPUS_ZH], ['en', CORPUS_EN]] as const) {
      for (const input of await readInputs(root)) inputs.push({ file: `${prefix}/${input.file}`, content: input.content });
    }
    const one = parsePages(inputs);
    const two = await parsePagesAsync(inputs, { threads: 2 });
    expect(JSON.stringify(two.ir)).toBe(JSON.stringify(one.ir));
  });
});

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

/** The docs emitter over docs-src and a tiny IR: page paths, method lines, sidebar order, determinism, locale fallback. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitDocs, planDocs, type DocsUnitResult } from '../../generator/emit/docs/index.js';
import { IR_VERSION, SDK_LANGUAGES, type Ir, type Operation } from '../../generator/ir/types.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';
import { modelNamesOnPage, modelsOnPage } from '../../generator/emit/docs/view.js';

const WEBHOOK_SLUGS = [
  'create-webhook', 'delete-webhook', 'get-webhook', 'get-webhook-event-list',
  'get-webhook-logs', 'list-all-webhooks', 'list-webhooks', 'trigger-webhook', 'update-webhook',
];

function operation(id: string, tag: string, partial: Partial<Operation> = {}): Operation {
  const [module, slug] = id.split('/') as [Operation['module'], string];
  return {
    id, module, tag, slug,
    methodNames: {},
    summary: { zh: `摘要 ${slug}`, en: `Summary ${slug}` },
    description: {},
    http: { method: 'POST', path: `/api/v3/${slug}` },
    request: { style: 'none', typeName: 'XDto', fields: [] },
    response: { typeName: 'XRespDto', fields: [] },
    samples: [],
    sources: [{ file: `node/${module}/${tag}/${slug}.md`, line: 1 }],
    ...partial,
  };
}

const tinyIr = (operations: Operation[]): Ir => ({ irVersion: IR_VERSION, operations, models: [], diagnostics: [] });

describe('emitDocs over docs-src', async () => {
  const { ir } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'));
  const { files, diagnostics } = emitDocs(ir);

  it.each([
    ['docs-src', async () => ir],
    ['the corpus', async () => (await parseDocsFolder(join(CORPUS_ZH, '..'))).ir],
  ] as const)('keys cache groups by the set of models the pages show (%s)', async (name, irOf) => {
    if (name === 'the corpus' && !hasShared) return console.warn('[docs-to-sdk tests] ../shared not found: corpus part skipped');
    const subject = await irOf();
    const models = new Map(subject.models.map((model) => [model.name, model]));
    let shown = 0;
    for (const operation of subject.operations) {
      const names = modelNamesOnPage(operation, models);
      expect([...names].sort(), operation.id).toEqual([...new Set(modelsOnPage(operation, models, true).map((model) => model.name))].sort());
      shown += names.size;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('writes one page per operation × SDK language × locale, and a sidebar per locale', () => {
    const expected = ['en', 'zh'].flatMap((locale) => [
      ...SDK_LANGUAGES.flatMap((sdk) => WEBHOOK_SLUGS.map((slug) => `${locale}/${sdk}/management/管理-webhook/${slug}.md`)),
      `${locale}/sidebar.json`,
    ]);
    expect([...files.keys()].sort()).toEqual(expected.sort());
    expect(files.size).toBe(WEBHOOK_SLUGS.length * 6 * 2 + 2);
    expect(diagnostics).toEqual([]);
  });

  it('writes the method name in each SDK language convention', () => {
    const page = (path: string): string => files.get(path)!;
    expect(page('zh/node/management/管理-webhook/get-webhook.md')).toContain('\n`ManagementClient.getWebhook`\n');
    expect(page('en/python/management/管理-webhook/get-webhook.md')).toContain('\n`ManagementClient.get_webhook`\n');
    expect(page('en/go/management/管理-webhook/get-webhook.md')).toContain('\n`ManagementClient.GetWebhook`\n');
    expect(page('zh/node/management/管理-webhook/get-webhook.md')).toMatch(/^# 查询单个 Webhook\n/);
    expect(page('en/node/management/管理-webhook/get-webhook.md')).toContain('\n## Method name\n');
  });

  it('groups the sidebar by module and tag, pages by slug', () => {
    const sidebar = JSON.parse(files.get('zh/sidebar.json')!);
    expect(sidebar.map((group: { module: string }) => group.module)).toEqual(['management']);
    expect(sidebar[0].tags.map((tag: { tag: string }) => tag.tag)).toEqual(['管理-webhook']);
    const pages = sidebar[0].tags[0].pages;
    expect(pages.map((page: { slug: string }) => page.slug)).toEqual(WEBHOOK_SLUGS);
    expect(pages[2]).toEqual({
      title: '查询单个 Webhook',
      slug: 'get-webhook',
      paths: Object.fromEntries(SDK_LANGUAGES.map((sdk) => [sdk, `${sdk}/management/管理-webhook/get-webhook.md`])),
    });
  });

  it('is byte-identical across two emits, and across input order', () => {
    const again = emitDocs(structuredClone(ir));
    expect([...again.files]).toEqual([...files]);
    const reversed = emitDocs({ ...structuredClone(ir), operations: [...ir.operations].reverse() });
    expect([...reversed.files]).toEqual([...files]);
  });
});

describe('emitDocs on a tiny IR', () => {
  it('orders the sidebar: modules in their fixed order, tags and slugs by code unit, whatever the input order', () => {
    const operations = [
      operation('authentication/b-op', 'z-tag'),
      operation('management/zz', 'b-tag'),
      operation('authentication/a-op', 'z-tag'),
      operation('management/aa', 'a-tag'),
      operation('authentication/c-op', 'A-tag'),
    ];
    const outline = (ir: Ir) =>
      JSON.parse(emitDocs(ir, { sdks: ['node'] }).files.get('en/sidebar.json')!).map((group: { module: string; tags: { tag: string; pages: { slug: string }[] }[] }) => [
        group.module,
        group.tags.map((tag) => [tag.tag, tag.pages.map((page) => page.slug)]),
      ]);
    const expected = [
      ['management', [['a-tag', ['aa']], ['b-tag', ['zz']]]],
      ['authentication', [['A-tag', ['c-op']], ['z-tag', ['a-op', 'b-op']]]],
    ];
    expect(outline(tinyIr(operations))).toEqual(expected);
    expect(outline(tinyIr([...operations].reverse()))).toEqual(expected);
  });

  it('falls back to the other locale for a field with only zh text, and warns', () => {
    const ir = tinyIr([
      operation('management/get-thing', 't', {
        methodNames: { node: 'getThing' },
        request: {
          style: 'body',
          typeName: 'GetThingDto',
          fields: [{ name: 'thingId', type: { kind: 'string' }, required: true, description: { zh: '东西的标识' }, example: 't-1' }],
        },
      }),
    ]);
    const { files, diagnostics } = emitDocs(ir, { sdks: ['node'] });
    expect(diagnostics).toEqual([
      {
        file: 'node/management/t/get-thing.md',
        line: 1,
        column: 1,
        severity: 'warning',
        code: 'DOCS_LOCALE_FALLBACK',
        message: 'management/get-thing: no en text for request.thingId; the en pages use the zh text',
      },
    ]);
    const row = files.get('en/node/management/t/get-thing.md')!.split('\n').find((line) => line.includes('thingId'));
    expect(row).toContain('东西的标识');
    expect(files.get('zh/node/management/t/get-thing.md')).toContain('东西的标识');
  });

  it('gives the same pages and warnings unit by unit, with units reused from an earlier run, as in one go', () => {
    // Two operations showing one model with zh-only text: the model's table is built once, and both groups record its fallback.
    const shared = { name: 'Thing', opaque: false, sources: [{ file: 'a.md', line: 9 }], fields: [{ name: 'colour', type: { kind: 'string' as const }, required: false, description: { zh: '颜色' } }] };
    const showing = (id: string) =>
      operation(id, 't', { methodNames: { node: id.split('/')[1]! }, response: { typeName: 'XRespDto', fields: [{ name: 'data', type: { kind: 'ref', name: 'Thing' }, required: false, description: { en: 'Data', zh: '数据' } }] } });
    const ir: Ir = { ...tinyIr([showing('management/get-a'), showing('management/get-b')]), models: [shared] };
    const plain = emitDocs(ir, { sdks: ['node'] });
    expect(plain.diagnostics.map((d) => d.message)).toEqual(['1 operations and models have no en text at all (model Thing); their en pages use the zh text']);
    // A memo by unit key, as the cache layer keeps one: filled by a first run, then every unit comes from it.
    const memo = new Map<string, DocsUnitResult>();
    const viaMemo = () => {
      const plan = planDocs(ir, { sdks: ['node'] });
      return plan.finish(plan.units.map((unit) => memo.get(unit.key) ?? memo.set(unit.key, structuredClone(unit.render())).get(unit.key)!));
    };
    const filling = viaMemo();
    const full = viaMemo();
    for (const result of [filling, full]) {
      expect(result.diagnostics).toEqual(plain.diagnostics);
      expect(new Map([...result.files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('utf8')]))).toEqual(plain.files);
    }
    // Each group recorded the shared table's fallback, even the one that found the table built.
    expect([...memo.values()].filter(({ fallbacks }) => fallbacks.missing.some(([key]) => key.startsWith('model Thing\0en')))).toHaveLength(2);
    // Keys are what the pages are made of: a model's field edited changes the keys of the groups showing it.
    const before = new Set(planDocs(ir, { sdks: ['node'] }).units.map((unit) => unit.key));
    const edited = structuredClone(ir);
    edited.models[0]!.fields[0]!.description.zh = '颜色（改）';
    expect(planDocs(edited, { sdks: ['node'] }).units.filter((unit) => !before.has(unit.key))).toHaveLength(4);
  });

  it('sums up, in one warning per locale, operations with no text at all in that locale', () => {
    const zhOnly = (id: string) => operation(id, 't', { summary: { zh: '只有中文' }, methodNames: { node: 'x' } });
    const ir = tinyIr([zhOnly('management/get-a'), zhOnly('management/get-b'), operation('management/get-c', 't', { methodNames: { node: 'c' } })]);
    const { diagnostics } = emitDocs(ir, { sdks: ['node'] });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'DOCS_LOCALE_FALLBACK',
        severity: 'warning',
        message: '2 operations and models have no en text at all (management/get-a, management/get-b); their en pages use the zh text',
      }),
    ]);
  });

  it('reproduce mode leaves out what the source page did not have; fill mode completes it', () => {
    const ir = tinyIr([
      operation('management/get-d', 't', {
        methodNames: { node: 'getD' },
        layout: { request: [], response: [], models: [], methodSection: false, bareExamples: [] },
      }),
    ]);
    const documented = emitDocs(ir, { sdks: ['node'], samples: 'documented' }).files.get('zh/node/management/t/get-d.md')!;
    const filled = emitDocs(ir, { sdks: ['node'] }).files.get('zh/node/management/t/get-d.md')!;
    expect(documented).not.toContain('## 方法名称');
    expect(documented).not.toContain('## 示例代码');
    expect(filled).toContain('`ManagementClient.getD`');
    expect(filled).toContain('const result = await managementClient.getD();');
  });
});

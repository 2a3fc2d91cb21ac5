/**
 * The parser over every real page we have: ~1,900 Chinese pages in six SDK languages,
 * 133 messier English pages, and the seed pages. Zero errors, stable counts, and a few
 * operations checked field by field.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Field, Ir, Operation } from '../../generator/ir/types.js';
import { validateIr } from '../../generator/ir/validate.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { CORPUS_EN, CORPUS_ZH, SEEDS, SHARED, hasShared } from '../helpers/shared.js';

const byId = (ir: Ir, id: string): Operation => {
  const operation = ir.operations.find((op) => op.id === id);
  if (!operation) throw new Error(`no operation ${id}`);
  return operation;
};
const shape = (fields: Field[]) => fields.map(({ name, type, required }) => ({ name, type, required }));
const errorsOf = (ir: Ir) => ir.diagnostics.filter((d) => d.severity === 'error');

describe.skipIf(!hasShared)('corpus (../shared)', () => {
  let zh: Ir;
  let en: Ir;
  let all: Ir;
  let seeds: Ir;
  let zhPages = 0;

  beforeAll(async () => {
    const zhResult = await parseDocsFolder(CORPUS_ZH);
    zh = zhResult.ir;
    zhPages = zhResult.pages;
    en = (await parseDocsFolder(CORPUS_EN)).ir;
    all = (await parseDocsFolder(`${SHARED}/corpus`)).ir;
    seeds = (await parseDocsFolder(SEEDS)).ir;
  });

  it('parses every Chinese page without errors into a valid IR', () => {
    expect(zhPages).toBe(1858);
    expect(errorsOf(zh)).toEqual([]);
    expect(validateIr(zh)).toEqual([]);
    expect(zh.operations).toHaveLength(293);
    expect(zh.models).toHaveLength(253);
    expect(zh.operations.filter((op) => op.module === 'management')).toHaveLength(236);
  });

  it('parses every English page without errors into a valid IR', () => {
    expect(errorsOf(en)).toEqual([]);
    expect(validateIr(en)).toEqual([]);
    expect(en.operations).toHaveLength(104);
    // 88: two data structures of en pages recovered by the table-head and fence repairs (issue 12).
    expect(en.models).toHaveLength(88);
  });

  it('parses the seed pages (000–004) without errors', () => {
    expect(errorsOf(seeds)).toEqual([]);
    expect(validateIr(seeds)).toEqual([]);
    expect(seeds.operations.map((op) => op.id)).toEqual(['management/create-webhook', 'management/trigger-webhook']);
    const trigger = byId(seeds, 'management/trigger-webhook');
    // 000 (zh, no method section), 001 (en, python), 002 (001 copied from the rendered site)
    // and 003 (plain text, node) are the same operation.
    expect(trigger.sources.map((s) => s.file)).toEqual([
      '000_4e6e06d72dbbbcfd.txt',
      '001_2907fb9264e9a4e5.txt',
      '002_5c565823bc5d0acb.txt',
      '003_510f872ae40e681f.txt',
    ]);
    expect(trigger.methodNames).toMatchObject({ node: 'triggerWebhook', python: 'trigger_webhook' });
    expect(seeds.models.map((m) => m.name)).toEqual(['Any', 'TriggerWebhookData', 'WebhookDto']);
    const create = byId(seeds, 'management/create-webhook');
    expect(create.request.fields.find((f) => f.name === 'contentType')?.enum).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    expect(seeds.models.find((m) => m.name === 'WebhookDto')?.fields.find((f) => f.name === 'contentType')?.enum).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
  });

  it('reads trigger-webhook field by field', () => {
    const op = byId(zh, 'management/trigger-webhook');
    expect(op).toMatchObject({
      module: 'management',
      tag: '管理-webhook',
      slug: 'trigger-webhook',
      methodNames: { node: 'triggerWebhook', python: 'trigger_webhook', java: 'triggerWebhook', go: 'TriggerWebhook', php: 'triggerWebhook', csharp: 'TriggerWebhook' },
      summary: { zh: '手动触发 Webhook 执行' },
      http: { method: 'POST', path: '/api/v3/trigger-webhook' },
      request: { style: 'body', typeName: 'TriggerWebhookDto' },
      response: { typeName: 'TriggerWebhookRespDto' },
    });
    expect(op.request.fields).toEqual([
      {
        name: 'requestBody',
        type: { kind: 'object' },
        required: false,
        description: { zh: '请求体' },
        example: { eventName: 'test', data: { description: 'A test from authing' } },
      },
      {
        name: 'requestHeaders',
        type: { kind: 'object' },
        required: false,
        description: { zh: '请求头' },
        example: { eventName: 'test', data: { description: 'A test from authing' } },
      },
      { name: 'webhookId', type: { kind: 'string' }, required: true, description: { zh: 'Webhook ID' }, example: '6229ffaxxxxxxxxcade3e3d9' },
    ]);
    expect(shape(op.response.fields)).toEqual([
      { name: 'apiCode', type: { kind: 'number' }, required: false },
      { name: 'data', type: { kind: 'ref', name: 'TriggerWebhookData' }, required: true },
      { name: 'message', type: { kind: 'string' }, required: true },
      { name: 'requestId', type: { kind: 'string' }, required: false },
      { name: 'statusCode', type: { kind: 'number' }, required: true },
    ]);
    expect(op.response.example).toMatchObject({ statusCode: 200, data: { response: {} } });
    expect(zh.models.find((m) => m.name === 'TriggerWebhookData')?.fields).toMatchObject([
      { name: 'response', type: { kind: 'ref', name: 'Any' }, required: true },
    ]);
    expect(zh.models.find((m) => m.name === 'Any')).toMatchObject({ fields: [], opaque: true });
  });

  it('reads a GET query operation and its data structures', () => {
    const op = byId(zh, 'management/get-webhook');
    expect(op.http).toEqual({ method: 'GET', path: '/api/v3/get-webhook' });
    expect(op.request.style).toBe('query');
    expect(shape(op.request.fields)).toEqual([{ name: 'webhookId', type: { kind: 'string' }, required: true }]);
    const logs = byId(zh, 'management/get-webhook-logs');
    expect(logs.request.style).toBe('body');
    expect(logs.response.typeName).toBe('ListWebhookLogsRespDto');
    expect(zh.models.find((m) => m.name === 'ListWebhookLogsData')?.fields.find((f) => f.name === 'list')?.type).toEqual({
      kind: 'array',
      items: { kind: 'ref', name: 'WebhookLogDto' },
    });
  });

  it('merges the zh and en webhook pages into operations that agree', () => {
    for (const slug of ['create-webhook', 'get-webhook', 'trigger-webhook', 'get-webhook-logs', 'delete-webhook']) {
      const id = `management/${slug}`;
      const merged = byId(all, id);
      expect(shape(byId(en, id).request.fields), id).toEqual(shape(byId(zh, id).request.fields));
      expect(shape(merged.request.fields), id).toEqual(shape(byId(zh, id).request.fields));
      expect(merged.summary.zh && merged.summary.en, id).toBeTruthy();
      for (const field of merged.request.fields) {
        expect(Object.keys(field.description).sort(), `${id} ${field.name}`).toEqual(['en', 'zh']);
      }
    }
    const trigger = byId(all, 'management/trigger-webhook');
    expect(trigger.summary).toEqual({ zh: '手动触发 Webhook 执行', en: 'Manually trigger Webhook execution' });
    expect(trigger.request.fields.find((f) => f.name === 'requestHeaders')?.description).toEqual({ zh: '请求头', en: 'Request headers' });
  });

  it('merges stale management pages into their authentication twin', () => {
    const ids = new Set(zh.operations.map((op) => op.id));
    expect(ids.has('authentication/get-country-list')).toBe(true);
    expect(ids.has('management/get-country-list')).toBe(false);
    const twin = byId(zh, 'authentication/get-country-list');
    expect(twin.sources.some((s) => s.file.includes('/management/'))).toBe(true);
    expect(twin.sources.some((s) => s.file.includes('/authentication/'))).toBe(true);
    expect(zh.diagnostics.some((d) => d.code === 'CLIENT_MISMATCH' && d.file === 'node/management/其他/get-country-list.md')).toBe(true);
  });

  it('resolves every model reference and keeps a multi-line example intact', () => {
    expect(validateIr(all)).toEqual([]);
    const fn = all.models.find((m) => m.name === 'PipelineFunctionDto')?.fields.find((f) => f.name === 'sourceCode');
    expect(typeof fn?.example).toBe('string');
    expect(String(fn?.example).split('\n').length).toBeGreaterThan(3);
  });

  it('is deterministic: the same IR from two runs', async () => {
    const again = (await parseDocsFolder(CORPUS_EN)).ir;
    expect(JSON.stringify(again)).toBe(JSON.stringify(en));
  });
});

/** Our own embedded docs: they parse cleanly, zh and en agree, and generated/ir.json is current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIr } from '../../generator/ir/validate.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('docs-src', async () => {
  const { ir, pages } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'));

  it('parses all 16 pages into the 8 webhook operations with no diagnostics', () => {
    expect(pages).toBe(16);
    expect(ir.diagnostics).toEqual([]);
    expect(validateIr(ir)).toEqual([]);
    expect(ir.operations.map((op) => op.methodNames.node)).toEqual([
      'createWebhook', 'deleteWebhook', 'getWebhook', 'getWebhookEventList',
      'getWebhookLogs', 'listWebhooks', 'triggerWebhook', 'updateWebhook',
    ]);
  });

  it('has every summary, description and field description in both locales', () => {
    for (const op of ir.operations) {
      expect(Object.keys(op.summary).sort(), op.id).toEqual(['en', 'zh']);
      expect(Object.keys(op.description).sort(), op.id).toEqual(['en', 'zh']);
      for (const field of [...op.request.fields, ...op.response.fields]) {
        expect(Object.keys(field.description).sort(), `${op.id} ${field.name}`).toEqual(['en', 'zh']);
      }
      expect(op.samples.map((s) => `${s.sdk}/${s.locale}`), op.id).toEqual(['node/en', 'node/zh']);
    }
    for (const model of ir.models) {
      for (const field of model.fields) expect(Object.keys(field.description).sort(), `${model.name}.${field.name}`).toEqual(['en', 'zh']);
    }
  });

  it('infers GET query, GET no-parameter and POST body operations', () => {
    const http = Object.fromEntries(ir.operations.map((op) => [op.slug, `${op.http.method} ${op.request.style}`]));
    expect(http).toMatchObject({
      'get-webhook': 'GET query',
      'list-webhooks': 'GET query',
      'get-webhook-event-list': 'GET none',
      'create-webhook': 'POST body',
      'get-webhook-logs': 'POST body',
    });
  });

  it('matches the committed generated/ir.json (run `npm run generate` after editing docs-src)', () => {
    const committed = readFileSync(join(REPO_ROOT, 'generated/ir.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(ir, null, 2)}\n`);
  });
});

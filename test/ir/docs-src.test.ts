/** Our own embedded docs: they parse cleanly, zh and en agree, and generated/ir.json is current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../generator/config/index.js';
import { validateIr } from '../../generator/ir/validate.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('docs-src', async () => {
  // With its config beside it (listAllWebhooks is custom code), as `npm run generate` reads it.
  const config = loadConfig(join(REPO_ROOT, 'docs-src', 'docs-to-sdk.config.json'));
  const { ir, pages } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'), { config });

  it('parses all 18 pages into the 9 webhook operations with no diagnostics', () => {
    expect(pages).toBe(18);
    expect(ir.diagnostics).toEqual([]);
    expect(validateIr(ir)).toEqual([]);
    expect(ir.operations.map((op) => op.methodNames.node)).toEqual([
      'createWebhook', 'deleteWebhook', 'getWebhook', 'getWebhookEventList',
      'getWebhookLogs', 'listAllWebhooks', 'listWebhooks', 'triggerWebhook', 'updateWebhook',
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
    // What the changes stage adds (generator/changes): the release history and the version it decided.
    const { releases, ...parsed } = JSON.parse(committed) as typeof ir;
    if (releases) expect(parsed.profile!.sdk.version).toBe(releases[0]!.version);
    parsed.profile!.sdk.version = ir.profile!.sdk.version;
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(`${JSON.stringify(ir, null, 2)}\n`);
  });
});

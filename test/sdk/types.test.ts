/**
 * Type-level guarantees of the emitted SDK: it compiles under --strict (ours and the whole
 * corpus), code in the docs' sample style compiles against it, and a wrong field type does not.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk/index.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';
import { typeCheck } from '../helpers/typecheck.js';

const SDK_INDEX = join(REPO_ROOT, 'generated/sdk/src/index.ts');
const SAMPLE = join(REPO_ROOT, 'generated/sdk/src/__sample__.ts');

const sampleStyle = (contentType: string) => `
import { ManagementClient, Models } from './index.js';

const managementClient = new ManagementClient({
  accessKeyId: 'AUTHING_ACCESS_KEY_ID',
  accessKeySecret: 'AUTHING_ACCESS_KEY_SECRET',
});

export async function main(): Promise<void> {
  const created = await managementClient.createWebhook({
    name: 'on-create',
    url: 'https://example.com/callback',
    events: ['user:created'],
    contentType: ${contentType},
    enabled: true,
  });
  const id: string = created.data.webhookId;
  const logs = await managementClient.getWebhookLogs({ webhookId: id, page: 1, limit: 10 });
  const total: number = logs.data.totalCount;
  const one = await managementClient.getWebhook({ webhookId: id });
  const kind: Models.WebhookDto.contentType = one.data.contentType;
  await managementClient.listWebhooks();
  await managementClient.getWebhookEventList();
  console.log(total, kind);
}
`;

function writeFiles(root: string, files: Map<string, string>): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

describe('emitted SDK types', () => {
  it('compiles under --strict (docs-src SDK, checked in under generated/sdk)', () => {
    expect(typeCheck([SDK_INDEX])).toEqual([]);
  });

  it('accepts code written in the docs sample style', () => {
    expect(typeCheck([SDK_INDEX], { [SAMPLE]: sampleStyle('Models.CreateWebhookDto.contentType.APPLICATION_JSON') })).toEqual([]);
  });

  it('rejects a wrong field type and a value outside the enum', () => {
    const wrongType = typeCheck([SDK_INDEX], {
      [SAMPLE]: sampleStyle('Models.CreateWebhookDto.contentType.APPLICATION_JSON').replace('enabled: true', "enabled: 'yes'"),
    });
    expect(wrongType.join('\n')).toMatch(/__sample__\.ts:\d+: Type 'string' is not assignable to type 'boolean( \| undefined)?'/);
    const notInEnum = typeCheck([SDK_INDEX], { [SAMPLE]: sampleStyle("'text/plain'") });
    expect(notInEnum.join('\n')).toMatch(/Type '"text\/plain"' is not assignable to type '[^']*contentType[^']*'/);
  });

  it('accepts an enum field\'s plain string literal, model types from the root, and per-call options', () => {
    const literal = sampleStyle("'application/json'")
      .replace("import { ManagementClient, Models } from './index.js';", "import { ManagementClient, Models, type CallOptions, type CreateWebhookDto, type WebhookDto } from './index.js';")
      .replace('await managementClient.listWebhooks();', `const dto: CreateWebhookDto = { name: 'n', url: 'u', events: [], contentType: 'application/x-www-form-urlencoded' };
  const same: Models.CreateWebhookDto = dto;
  const read: WebhookDto['contentType'] = one.data.contentType;
  const options: CallOptions = { signal: AbortSignal.timeout(1000), timeout: 500, headers: { 'x-trace': '1' } };
  await managementClient.createWebhook(same, options);
  await managementClient.listWebhooks({ page: 1 }, options);
  await managementClient.getWebhookEventList({ timeout: 10 });
  console.log(read);`);
    expect(typeCheck([SDK_INDEX], { [SAMPLE]: literal })).toEqual([]);
  });

  it('is byte-identical across two emits', async () => {
    const { ir } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'));
    expect([...emitSdk(ir)]).toEqual([...emitSdk(ir)]);
  });

  it.skipIf(!hasShared)('compiles under --strict for the whole Chinese corpus', async () => {
    const { ir } = await parseDocsFolder(CORPUS_ZH);
    const files = emitSdk(ir);
    expect(files.size).toBeGreaterThan(500);
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-corpus-sdk-'));
    writeFiles(root, files);
    expect(typeCheck([join(root, 'src/index.ts')])).toEqual([]);
  });
});

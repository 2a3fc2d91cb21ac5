/**
 * Sample code rendered from the templates (for pages that carry none): the node sample
 * must be valid TypeScript for every operation, and every language's sample must call
 * the operation by its method name with the documented example values.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderSample } from '../../generator/emit/docs/samples.js';
import { SDK_LANGUAGES, type Ir, type Operation, type SdkLanguage } from '../../generator/ir/types.js';
import { AUTHING_V3, clientOf } from '../../generator/profile/index.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';

const sample = (operation: Operation, sdk: SdkLanguage) => renderSample(operation, sdk, clientOf(AUTHING_V3, operation.module));

function syntaxErrors(code: string): string[] {
  const file = ts.createSourceFile('sample.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  // parseDiagnostics is internal but stable; it holds exactly the syntax errors.
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

function nodeSamplesWithErrors(ir: Ir): string[] {
  const models = new Map(ir.models.map((model) => [model.name, model]));
  return ir.operations.flatMap((operation) => {
    const errors = syntaxErrors(sample(operation, 'node').code);
    return errors.length > 0 ? [`${operation.id}: ${errors.join('; ')}`] : [];
  });
}

describe('template sample code', () => {
  it('renders a call with the example values in every SDK language (docs-src)', async () => {
    const { ir } = await parseDocsFolder(`${REPO_ROOT}/docs-src`);
    const operation = ir.operations.find((op) => op.id === 'management/get-webhook')!;
    const models = new Map(ir.models.map((model) => [model.name, model]));
    const samples = Object.fromEntries(SDK_LANGUAGES.map((sdk) => [sdk, sample(operation, sdk)]));
    expect(samples.node!.lang).toBe('ts');
    expect(samples.node!.code).toContain("const result = await managementClient.getWebhook({\n    webhookId: '6229ffaxxxxxxxxcade3e3d9',\n  });");
    expect(samples.python!.lang).toBe('py');
    expect(samples.python!.code).toContain('data = management_client.get_webhook(\n    webhook_id="6229ffaxxxxxxxxcade3e3d9",\n)');
    expect(samples.java!.code).toContain('request.setWebhookId("6229ffaxxxxxxxxcade3e3d9");');
    expect(samples.go!.code).toContain('WebhookId: "6229ffaxxxxxxxxcade3e3d9",');
    expect(samples.php!.code).toContain('"webhookId" => "6229ffaxxxxxxxxcade3e3d9",');
    expect(samples.csharp!.code).toContain('WebhookId = "6229ffaxxxxxxxxcade3e3d9",');
    expect(nodeSamplesWithErrors(ir)).toEqual([]);
  });

  it.skipIf(!hasShared)('renders valid TypeScript for every operation of the Chinese corpus', async () => {
    const { ir } = await parseDocsFolder(CORPUS_ZH);
    expect(ir.operations.length).toBeGreaterThan(250);
    expect(nodeSamplesWithErrors(ir)).toEqual([]);
  }, 60_000);
});

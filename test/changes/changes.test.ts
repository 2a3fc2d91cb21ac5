/**
 * API changes between two IRs: one fixture per rule (README's table), the version bump,
 * the changelog, the CLI's summary and JSON records, idempotence, a first generation and
 * --fail-on breaking.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bump, compareIr, nextRelease, RULES, type ApiChange, type ChangeKind } from '../../generator/changes/index.js';
import { EXIT_FAILED, EXIT_OK, main } from '../../generator/cli/main.js';
import type { Field, Ir, Model, Operation } from '../../generator/ir/types.js';
import { REPO_ROOT } from '../helpers/shared.js';

const field = (name: string, extra: Partial<Field> = {}): Field => ({ name, type: { kind: 'string' }, required: false, description: { zh: name }, ...extra });

function operation(id: string, extra: { request?: Field[]; response?: Field[]; method?: string; http?: Operation['http']; responseType?: string } = {}): Operation {
  const slug = id.split('/')[1]!;
  return {
    id, module: id.split('/')[0]!, tag: 't', slug,
    methodNames: { node: extra.method ?? 'getThing' },
    summary: { zh: '取东西' }, description: {},
    http: extra.http ?? { method: 'POST', path: `/api/v3/${slug}` },
    request: { style: 'body', typeName: 'GetThingDto', fields: extra.request ?? [field('thingId', { required: true })] },
    response: { typeName: extra.responseType ?? 'GetThingRespDto', fields: extra.response ?? [field('statusCode', { type: { kind: 'number' }, required: true }), field('data', { type: { kind: 'ref', name: 'Thing' }, required: true })] },
    samples: [], sources: [{ file: `zh/node/management/t/${slug}.md`, line: 1 }],
  };
}

const model = (name: string, fields: Field[]): Model => ({ name, fields, opaque: fields.length === 0, sources: [{ file: 'a.md', line: 1 }] });

function irOf(operations: Operation[], models: Model[] = [model('Thing', [field('colour', { enum: ['red', 'blue'] }), field('size', { required: true })])]): Ir {
  return { irVersion: 2, operations, models, diagnostics: [] };
}

const BASE = irOf([operation('management/get-thing')]);

/** A change to BASE that must be classified as each rule. */
const FIXTURES: Record<ChangeKind, () => Ir> = {
  'operation-added': () => irOf([...BASE.operations, operation('management/get-other', { method: 'getOther' })]),
  'operation-removed': () => irOf([]),
  'method-renamed': () => irOf([operation('management/get-thing', { method: 'fetchThing' })]),
  'http-changed': () => irOf([operation('management/get-thing', { http: { method: 'GET', path: '/api/v3/get-thing' } })]),
  'request-field-added-optional': () => irOf([operation('management/get-thing', { request: [field('thingId', { required: true }), field('lang')] })]),
  'request-field-added-required': () => irOf([operation('management/get-thing', { request: [field('thingId', { required: true }), field('lang', { required: true })] })]),
  'request-field-removed': () => irOf([operation('management/get-thing', { request: [] })]),
  'request-field-required': () => irOf([operation('management/get-thing', { request: [field('thingId', { required: true }), field('x')] })]).operations[0]!.request.fields.length === 2 ? requestFlag(true) : BASE,
  'request-field-optional': () => irOf([operation('management/get-thing', { request: [field('thingId')] })]),
  'request-field-type-changed': () => irOf([operation('management/get-thing', { request: [field('thingId', { required: true, type: { kind: 'number' } })] })]),
  'request-enum-value-added': () => requestEnum(['a', 'b', 'c']),
  'request-enum-value-removed': () => requestEnum(['a']),
  'response-field-added': () => responseWith([field('requestId')]),
  'response-field-removed': () => irOf([operation('management/get-thing', { response: [field('statusCode', { type: { kind: 'number' }, required: true })] })]),
  'response-field-optional': () => irOf([operation('management/get-thing', { response: [field('statusCode', { type: { kind: 'number' } }), field('data', { type: { kind: 'ref', name: 'Thing' }, required: true })] })]),
  'response-field-required': () => modelWith([field('colour', { enum: ['red', 'blue'], required: true }), field('size', { required: true })]),
  'response-field-type-changed': () => modelWith([field('colour', { enum: ['red', 'blue'] }), field('size', { required: true, type: { kind: 'number' } })]),
  'response-enum-value-added': () => modelWith([field('colour', { enum: ['red', 'blue', 'green'] }), field('size', { required: true })]),
  'response-enum-value-removed': () => modelWith([field('colour', { enum: ['red'] }), field('size', { required: true })]),
  'response-type-renamed': () => irOf([operation('management/get-thing', { responseType: 'ThingRespDto' })]),
  'model-added': () => irOf(BASE.operations, [...BASE.models, model('Extra', [field('x')])]),
  'model-removed': () => ({ ...irOf(BASE.operations, []), operations: [operation('management/get-thing', { response: [field('statusCode', { type: { kind: 'number' }, required: true })] })] }),
};

/** BASE with a second request field, optional before and required now (compared against requestBase). */
function requestFlag(required: boolean): Ir {
  return irOf([operation('management/get-thing', { request: [field('thingId', { required: true }), field('x', { required })] })]);
}
const requestEnum = (values: string[]) => irOf([operation('management/get-thing', { request: [field('thingId', { required: true, enum: values })] })]);
const responseWith = (extra: Field[]) => irOf([operation('management/get-thing', { response: [...BASE.operations[0]!.response.fields, ...extra] })]);
const modelWith = (fields: Field[]) => irOf(BASE.operations, [model('Thing', fields)]);

/** The IR each fixture is compared against: BASE, but for the rules whose "before" needs another shape. */
const BEFORE: Partial<Record<ChangeKind, Ir>> = {
  'request-field-required': requestFlag(false),
  'request-enum-value-added': requestEnum(['a', 'b']),
  'request-enum-value-removed': requestEnum(['a', 'b']),
};

describe('API change rules', () => {
  it('has a fixture for exactly the rules', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(Object.keys(RULES) as ChangeKind[])('%s is classified by its rule', (kind) => {
    const changes = compareIr(BEFORE[kind] ?? BASE, FIXTURES[kind]());
    expect(changes.map((change) => change.kind), JSON.stringify(changes)).toContain(kind);
    expect(changes.find((change) => change.kind === kind)!.breaking).toBe(RULES[kind].breaking);
  });

  it('names the SDK method or model each change touches, in README words', () => {
    expect(compareIr(requestFlag(false), requestFlag(true))).toEqual([
      { breaking: true, kind: 'request-field-required', target: 'ManagementClient.getThing', message: 'request field x became required' },
    ]);
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const [kind, { breaking, says }] of Object.entries(RULES)) expect(readme).toContain(`| \`${kind}\` | ${breaking ? 'yes' : 'no'} | ${says} |`);
  });

  it('reports nothing between equal IRs, nor for prose', () => {
    expect(compareIr(BASE, structuredClone(BASE))).toEqual([]);
    const prose = structuredClone(BASE);
    prose.operations[0]!.summary.zh = '拿东西';
    expect(compareIr(BASE, prose)).toEqual([]);
  });
});

describe('version and release history', () => {
  const breaking: ApiChange = { breaking: true, kind: 'operation-removed', target: 'X', message: 'm' };
  const additive: ApiChange = { breaking: false, kind: 'operation-added', target: 'X', message: 'm' };

  it('bumps by semver: breaking → major (minor while 0.x), additions → minor (patch while 0.x), prose → patch', () => {
    expect(bump('1.4.2', [breaking], false)).toBe('2.0.0');
    expect(bump('0.4.2', [breaking], false)).toBe('0.5.0');
    expect(bump('1.4.2', [additive], false)).toBe('1.5.0');
    expect(bump('0.4.2', [additive], false)).toBe('0.4.3');
    expect(bump('1.4.2', [], true)).toBe('1.4.3');
    expect(bump('1.4.2', [], false)).toBe('1.4.2');
  });

  it('records a release in the IR, and a second run without a docs change adds none', () => {
    const first = nextRelease(BASE, requestFlag(true));
    expect(first.ir.profile!.sdk.version).toBe('0.2.0');
    expect(first.ir.releases).toEqual([{ version: '0.2.0', changes: expect.any(Array) }]);
    const again = nextRelease(first.ir, structuredClone(requestFlag(true)));
    expect(again.changes).toEqual([]);
    expect(again.release).toBeUndefined();
    expect(again.ir.releases).toEqual(first.ir.releases);
    expect(again.ir.profile!.sdk.version).toBe('0.2.0');
  });
});

describe('generate and --check', () => {
  async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await main(args, (line) => lines.push(line));
    return { code, lines };
  }

  function workspace(): { docs: string; out: string } {
    const root = mkdtempSync(join(tmpdir(), 'docs-to-sdk-changes-'));
    cpSync(join(REPO_ROOT, 'docs-src'), join(root, 'docs'), { recursive: true });
    return { docs: join(root, 'docs'), out: join(root, 'out') };
  }

  /** Makes `secret` of create-webhook's request required, on every page that documents it. */
  function requireSecret(docs: string): void {
    for (const locale of ['zh', 'en']) {
      const page = join(docs, locale, 'node/management/管理-webhook/create-webhook.md');
      const text = readFileSync(page, 'utf8');
      const edited = text.replace(/^(\| secret \| string \| )(否|No)( \| - \|)/m, (_, head, no, tail) => `${head}${no === '否' ? '是' : 'Yes'}${tail}`);
      expect(edited).not.toBe(text);
      writeFileSync(page, edited);
    }
  }

  it('a first generation reports nothing and keeps the version; an unchanged rerun says "none" under --check', async () => {
    const { docs, out } = workspace();
    const first = await run(['generate', '--docs', docs, '--out', out, '--no-cache']);
    expect(first.lines.some((line) => line.startsWith('API changes'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'sdk/package.json'), 'utf8')).version).toBe('0.1.0');
    const check = await run(['generate', '--docs', docs, '--out', out, '--no-cache', '--check']);
    expect(check.code).toBe(EXIT_OK);
    expect(check.lines[0]).toBe('API changes: none');
  });

  it('says what a docs change breaks, bumps the version, writes the changelog, and a rerun changes nothing', async () => {
    const { docs, out } = workspace();
    await run(['generate', '--docs', docs, '--out', out, '--no-cache']);
    requireSecret(docs);
    const check = await run(['generate', '--docs', docs, '--out', out, '--no-cache', '--check']);
    expect(check.code).toBe(EXIT_FAILED);
    expect(check.lines.slice(0, 2)).toEqual(['API changes: 1 breaking, 0 non-breaking', 'breaking  ManagementClient.createWebhook: request field secret became required']);
    const json = await run(['generate', '--docs', docs, '--out', out, '--no-cache', '--check', '--json']);
    expect(json.lines.map((line) => JSON.parse(line)).filter((record) => record.type === 'api-change')).toEqual([
      { type: 'api-change', breaking: true, kind: 'request-field-required', target: 'ManagementClient.createWebhook', message: 'request field secret became required' },
    ]);
    const refused = await run(['generate', '--docs', docs, '--out', out, '--no-cache', '--fail-on', 'breaking']);
    expect(refused.code).toBe(EXIT_FAILED);
    expect(JSON.parse(readFileSync(join(out, 'sdk/package.json'), 'utf8')).version).toBe('0.2.0');
    expect(readFileSync(join(out, 'sdk/CHANGELOG.md'), 'utf8')).toContain('## 0.2.0\n\n### Breaking changes\n\n- `ManagementClient.createWebhook`: request field secret became required\n');
    const again = await run(['generate', '--docs', docs, '--out', out, '--no-cache', '--fail-on', 'breaking']);
    expect(again.code).toBe(EXIT_OK);
    expect(again.lines.at(-1)).toMatch(/ 0 files written/);
  });
});

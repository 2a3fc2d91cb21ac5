/**
 * A client class printed method by method and spliced (print.ts, what a run with a cache
 * does) is the text printing it whole gives: for docs-src and the corpus, with every
 * method printed now and with every method taken from the last print.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ir } from '../../generator/ir/types.js';
import { clientFile } from '../../generator/emit/sdk/clients.js';
import { declareSdk } from '../../generator/emit/sdk/declarations.js';
import { printFile, printWhole, type MemberCache } from '../../generator/emit/sdk/print.js';
import { parseDocsFolder } from '../../generator/parse/index.js';
import { CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';

/** The management client's profile and method declarations. */
function management(ir: Ir): Parameters<typeof clientFile> {
  const { client, methods } = declareSdk(ir).clients.find(({ client }) => client.id === 'management')!;
  return [client, methods];
}

function expectSplicedEqualsWhole(ir: Ir): number {
  const { clients } = declareSdk(ir);
  let methods = 0;
  for (const { client, methods: declared } of clients) {
    const module = client.id;
    if (declared.length === 0) continue;
    const structure = clientFile(client, declared);
    const whole = printWhole(structure);
    const fresh: MemberCache = { known: new Map(), used: [] };
    expect(printFile(structure, fresh), module).toBe(whole);
    expect(fresh.used.every(([, text]) => text !== undefined)).toBe(true);
    // The next print takes every method from the last one.
    const again: MemberCache = { known: new Map(fresh.used.map(([key, text]) => [key, text!])), used: [] };
    expect(printFile(structure, again), module).toBe(whole);
    expect(again.used.every(([, text]) => text === undefined)).toBe(true);
    methods += declared.length;
  }
  return methods;
}

describe('client classes printed method by method', () => {
  it('give the whole print for docs-src', async () => {
    const { ir } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'));
    expect(expectSplicedEqualsWhole(ir)).toBeGreaterThan(5);
  });

  it.skipIf(!hasShared)('give the whole print for the corpus (needs ../shared)', async () => {
    const { ir } = await parseDocsFolder(join(CORPUS_ZH, '..'));
    expect(expectSplicedEqualsWhole(ir)).toBeGreaterThan(250);
  });

  it('print a changed method anew and take the others from the last print', async () => {
    const { ir } = await parseDocsFolder(join(REPO_ROOT, 'docs-src'));
    const first: MemberCache = { known: new Map(), used: [] };
    printFile(clientFile(...management(ir)), first);
    const edited = structuredClone(ir);
    edited.operations[0]!.summary = { zh: '改过的标题', en: 'An edited title' };
    const structure = clientFile(...management(edited));
    const second: MemberCache = { known: new Map(first.used.map(([key, text]) => [key, text!])), used: [] };
    const text = printFile(structure, second);
    expect(text).toBe(printWhole(structure));
    expect(text).toContain('An edited title');
    expect(second.used.filter(([, printed]) => printed !== undefined)).toHaveLength(1);
  });
});

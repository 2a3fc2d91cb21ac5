/**
 * Names are stable (issue 12): dropping one operation's pages renames no type of another
 * operation, and leaves every model file the dropped pages do not define byte-identical
 * (names are planned from identities, not handed out in discovery order). Checked by
 * dropping each operation of docs-src, and a spread of corpus operations.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSdk } from '../../generator/emit/sdk/index.js';
import { parsePages, readInputs, readPageResult, type PageInput, type PageResult } from '../../generator/parse/index.js';
import { CORPUS_ZH, hasShared, REPO_ROOT } from '../helpers/shared.js';

/** Model files of the SDK without `dropped`'s pages that differ from the full SDK's, among models no dropped page defines. */
function unstableFiles(inputs: PageInput[], droppedId: string, read: (input: PageInput) => PageResult): string[] {
  const full = parsePages(inputs, { readPage: read }).ir;
  const dropped = full.operations.find((operation) => operation.id === droppedId)!;
  const droppedFiles = new Set(dropped.sources.map((source) => source.file));
  const definedThere = new Set(full.models.filter((model) => model.sources.some((source) => droppedFiles.has(source.file))).map((model) => model.name));
  const before = emitSdk(full);
  const after = emitSdk(parsePages(inputs.filter((input) => !droppedFiles.has(input.file)), { readPage: read }).ir);
  return [...after]
    .filter(([path]) => path.startsWith('src/models/') && path !== 'src/models/index.ts')
    .filter(([path]) => !definedThere.has(path.slice('src/models/'.length, -'.ts'.length)))
    .filter(([path, text]) => before.get(path) !== text)
    .map(([path]) => `${path} ${before.has(path) ? 'changed' : 'appeared'} when ${droppedId} was dropped`);
}

/** readPageResult, each page once for all the docs sets a test builds. */
function memoizedReader(): (input: PageInput) => PageResult {
  const results = new Map<string, PageResult>();
  return (input) => results.get(input.file) ?? results.set(input.file, readPageResult(input)).get(input.file)!;
}

describe('naming stability', () => {
  it('dropping any one docs-src operation changes no other model file', async () => {
    const inputs = await readInputs(join(REPO_ROOT, 'docs-src'));
    const read = memoizedReader();
    const ids = parsePages(inputs, { readPage: read }).ir.operations.map((operation) => operation.id);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.flatMap((id) => unstableFiles(inputs, id, read))).toEqual([]);
  });

  it.skipIf(!hasShared)('dropping one of a spread of corpus operations changes no model file it does not define', async () => {
    const inputs = (await readInputs(CORPUS_ZH)).filter((input) => input.file.startsWith('node/'));
    const read = memoizedReader();
    const ids = parsePages(inputs, { readPage: read }).ir.operations.map((operation) => operation.id);
    const spread = ids.filter((_, index) => index % Math.ceil(ids.length / 6) === 0);
    expect(spread.length).toBeGreaterThanOrEqual(5);
    expect(spread.flatMap((id) => unstableFiles(inputs, id, read))).toEqual([]);
  }, 120_000);
});

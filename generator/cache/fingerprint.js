// Plain JavaScript, so bin/docs-to-sdk.js can use it before any TypeScript is loaded.
// Hashes of the tool's own sources: `build` decides what the precompiled bundle
// (scripts/build.js) contains, and names its folder; `tool`, made from it, keys the
// caches (everything that decides the output, templates included, is in the build
// inputs). About 5 ms for the whole tree.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Sources compiled into the bundle (templates are precompiled into it); package files pin the dependencies it loads. */
const BUILD_INPUTS = ['generator', 'templates', 'package.json', 'package-lock.json', 'scripts/build.js'];

function hashTree(hash, root, relative) {
  const path = join(root, relative);
  if (!existsSync(path)) return;
  const entries = readdirSyncSafe(path);
  if (entries === undefined) {
    hash.update(`${relative}\0`);
    hash.update(readFileSync(path));
    hash.update('\0');
    return;
  }
  for (const entry of entries.sort(compare)) hashTree(hash, root, `${relative}/${entry}`);
}

function readdirSyncSafe(path) {
  try {
    return readdirSync(path);
  } catch (error) {
    if (error && error.code === 'ENOTDIR') return undefined;
    throw error;
  }
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** @returns {{ build: string, tool: string }} */
export function sourceFingerprints(root = TOOL_ROOT) {
  const build = createHash('sha256');
  for (const input of BUILD_INPUTS) hashTree(build, root, input);
  const buildHash = build.digest('hex').slice(0, 32);
  return { build: buildHash, tool: createHash('sha256').update(buildHash).digest('hex').slice(0, 32) };
}

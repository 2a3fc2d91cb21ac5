/**
 * `../shared` (real Authing pages) sits beside the checkout in CI and on developer
 * machines, but not in a fresh clone: tests that need it skip with a message.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const CORPUS_ZH = resolve(SHARED, 'corpus/zh');
export const CORPUS_EN = resolve(SHARED, 'corpus/en');
export const SEEDS = resolve(SHARED, 'seeds');

export const hasShared = existsSync(CORPUS_ZH) && existsSync(CORPUS_EN) && existsSync(SEEDS);

if (!hasShared) {
  console.warn(`[docs-to-sdk tests] ${SHARED} not found: corpus and seed tests are skipped.`);
}

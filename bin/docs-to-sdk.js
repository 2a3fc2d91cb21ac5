#!/usr/bin/env node
// Runs the CLI from the precompiled bundle of the current sources (scripts/build.js),
// building it first when the sources changed since. The bundle's folder is named by
// the hash of the sources it was built from, so a stale bundle is never used. When no
// bundle can be built (or DOCS_TO_SDK_NO_BUNDLE=1), runs the TypeScript through tsx.
import { createRequire } from 'node:module';
import { sourceFingerprints } from '../generator/cache/fingerprint.js';
import { ensureBundle } from '../scripts/build.js';

const fingerprints = sourceFingerprints();
const state = (globalThis.__DOCS_TO_SDK__ = { tool: fingerprints.tool });
const bundle = process.env.DOCS_TO_SDK_NO_BUNDLE ? undefined : await ensureBundle(fingerprints.build);
if (bundle) {
  state.targetWorker = bundle.targetWorker;
  state.irValidator = bundle.irValidator;
  state.configValidator = bundle.configValidator;
  state.templates = bundle.templates;
  const { main } = createRequire(import.meta.url)(bundle.cli);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../generator/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}

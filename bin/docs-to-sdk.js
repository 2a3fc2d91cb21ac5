#!/usr/bin/env node
// Runs the CLI from the precompiled bundle of the current sources (scripts/build.js),
// building it first when the sources changed since. The bundle's folder is named by
// the hash of the sources it was built from, so a stale bundle is never used. When no
// bundle can be built (or DOCS_TO_SDK_NO_BUNDLE=1), runs the TypeScript through tsx.
import { pathToFileURL } from 'node:url';
import { sourceFingerprints } from '../generator/cache/fingerprint.js';
import { ensureBundle } from '../scripts/build.js';

const fingerprints = sourceFingerprints();
const state = (globalThis.__DOCS_TO_SDK__ = { tool: fingerprints.tool });
const bundle = process.env.DOCS_TO_SDK_NO_BUNDLE ? undefined : await ensureBundle(fingerprints.build);
let main;
if (bundle) {
  state.worker = bundle.worker;
  state.sdkWorker = bundle.sdkWorker;
  state.irValidator = bundle.irValidator;
  state.configValidator = bundle.configValidator;
  state.templates = bundle.templates;
  ({ main } = await import(pathToFileURL(bundle.cli).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../generator/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));

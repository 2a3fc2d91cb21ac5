// Precompiles the CLI and the target worker (generator/cli/target-worker.ts) into one
// CommonJS file each per source version, with esbuild (installed with tsx), under
// dist/<build fingerprint>/, with the schema checks and templates precompiled beside
// them. bin/docs-to-sdk.js uses
// a bundle only when its folder name is the fingerprint of the sources as they are now,
// and builds it on the spot otherwise, so a stale bundle is never run. Loading TypeScript
// through tsx costs ~0.25 s per process and per worker thread; the bundle loads in ~0.05 s.
//
// `node scripts/build.js` (also the `prepare` script, run by `npm ci`) builds it ahead;
// `--strict` (CI) exits 1 when it cannot.
// The Markdown parser's packages are bundled; other dependencies load from node_modules (ts-morph only when printing).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceFingerprints, TOOL_ROOT } from '../generator/cache/fingerprint.js';
import { TEMPLATE_OPTIONS } from '../generator/emit/template-options.js';

export const DIST = join(TOOL_ROOT, 'dist');

/** Entry points of the bundle for one build fingerprint (they may not exist yet). */
export function bundlePaths(build) {
  const dir = join(DIST, build);
  return {
    dir,
    cli: join(dir, 'cli.cjs'),
    targetWorker: join(dir, 'target-worker.cjs'),
    irValidator: join(dir, 'ir-validator.cjs'),
    configValidator: join(dir, 'config-validator.cjs'),
    templates: join(dir, 'templates.cjs'),
  };
}

/**
 * The bundle for the sources as they are now: built when missing. Returns undefined
 * when it cannot be built (no esbuild, read-only checkout); callers then run the sources.
 */
export async function ensureBundle(build = sourceFingerprints().build) {
  const paths = bundlePaths(build);
  if (isComplete(paths)) return paths;
  try {
    await buildBundle(build);
    return paths;
  } catch (error) {
    if (process.env.DOCS_TO_SDK_DEBUG) console.error(`docs-to-sdk: no bundle (${error instanceof Error ? error.message : error}); running the sources`);
    return undefined;
  }
}

/** Every part of the bundle (all its paths but the folder) is there. */
function isComplete(paths) {
  return Object.entries(paths).every(([part, file]) => part === 'dir' || existsSync(file));
}

/** Loaded from node_modules: CommonJS packages, and ts-morph (big, loaded only when printing). */
const EXTERNAL = ['ajv', 'commander', 'diff', 'esbuild', 'handlebars', 'ts-morph', 'tsx', 'typescript'];

async function buildBundle(build) {
  const { build: esbuild } = await import('esbuild');
  const paths = bundlePaths(build);
  const temp = join(DIST, `.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(DIST, { recursive: true });
  try {
    await esbuild({
      absWorkingDir: TOOL_ROOT,
      entryPoints: {
        cli: 'generator/cli/main.ts',
        'target-worker': 'generator/cli/target-worker.ts',
      },
      outdir: temp,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      // One self-contained file per entry (a thread loads one): lazy imports become lazy initializers, not chunks.
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      // The Markdown parser's ESM packages (unified, remark, micromark, mdast: ~200 small
      // modules, ~0.15 s to load one by one) go into the bundle; the rest load from node_modules.
      external: EXTERNAL,
      // No keepNames: nothing reads function or class names, and its __name calls cost ~40 ms a cold run.
      keepNames: false,
      banner: { js: `var ${BUNDLE_URL} = require("node:url").pathToFileURL(__filename).href;` },
      logLevel: 'silent',
      plugins: [sourceUrls(paths.dir)],
    });
    writeFileSync(join(temp, 'ir-validator.cjs'), await irValidatorCode());
    writeFileSync(join(temp, 'config-validator.cjs'), await configValidatorCode());
    writeFileSync(join(temp, 'templates.cjs'), await templatesCode());
    // Sources edited while we built: this bundle may hold either version; do not label it.
    if (sourceFingerprints().build !== build) throw new Error('sources changed during the build');
    try {
      renameSync(temp, paths.dir);
    } catch (error) {
      // Another process built the same version first: theirs is as good as ours.
      if (isComplete(paths)) return;
      if (!existsSync(paths.dir)) throw error;
      // A folder of this version with parts missing (a damaged bundle): ours replaces it.
      rmSync(paths.dir, { recursive: true, force: true });
      renameSync(temp, paths.dir);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  // Bundles of other source versions are dead weight.
  for (const entry of readdirSync(DIST)) {
    if (entry !== build && !entry.startsWith('.tmp-')) rmSync(join(DIST, entry), { recursive: true, force: true });
  }
}

/** The bundle file's own URL (a CommonJS file has no import.meta): set by its first line. */
const BUNDLE_URL = '__bundleUrl';

/**
 * Each module keeps its own `import.meta.url` (its source file), so paths it resolves
 * from it (templates/, schemas) are the same bundled or not.
 */
function sourceUrls(outDir) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\/generator\/.*\.[cm]?[jt]s$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromBundle = relative(outDir, args.path).split('\\').join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, ${BUNDLE_URL}).href`;
        return { contents: text.replaceAll('import.meta.url', url), loader: /\.ts$/.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * A schema check as standalone code (ajv's standalone mode, the options of
 * generator/ir/validate.ts and generator/config/index.ts): compiling a schema costs
 * ~0.05-0.1 s a run, and the bundle's fingerprint covers the schemas, so the compiled
 * checks are never stale.
 */
async function schemaCheckCode(schemaFile) {
  const { Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const schema = JSON.parse(readFileSync(join(TOOL_ROOT, schemaFile), 'utf8'));
  const ajv = new Ajv({ allErrors: true, code: { source: true } }); // CommonJS: the standalone code requires ajv's runtime helpers
  return standaloneCode(ajv, ajv.compile(schema));
}

/** The IR schema check (generator/ir/ir.schema.json). */
export function irValidatorCode() {
  return schemaCheckCode('generator/ir/ir.schema.json');
}

/** The config file's schema check (generator/config/config.schema.json). */
export function configValidatorCode() {
  return schemaCheckCode('generator/config/config.schema.json');
}

/**
 * Every template under templates/, precompiled (Handlebars' precompile, the options of
 * generator/emit/templates.ts), as one CommonJS module: template path → spec. The
 * bundle's fingerprint covers templates/, so these are never stale.
 */
export async function templatesCode() {
  const { default: Handlebars } = await import('handlebars');
  const root = join(TOOL_ROOT, 'templates');
  const files = readdirSync(root, { recursive: true })
    .map((file) => String(file).split('\\').join('/'))
    .filter((file) => file.endsWith('.hbs'))
    .sort();
  const entries = files.map((file) => `${JSON.stringify(file)}: ${Handlebars.precompile(readFileSync(join(root, file), 'utf8'), { ...TEMPLATE_OPTIONS })}`);
  return `"use strict";\nmodule.exports = {\n${entries.join(',\n')}\n};\n`;
}

// Run as a script (last in the file: everything above is initialized by then).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // --strict (CI): a bundle that cannot be built fails instead of slowing every run down.
  const strict = process.argv.includes('--strict');
  if (strict) process.env.DOCS_TO_SDK_DEBUG = '1';
  const paths = await ensureBundle();
  if (!paths) {
    // Not fatal (this runs as `prepare` in `npm ci`): the CLI then runs the sources through tsx.
    console.warn('docs-to-sdk: could not build the bundle; the CLI will run the TypeScript sources through tsx');
    if (strict) process.exitCode = 1;
  } else {
    console.log(`docs-to-sdk: bundle ${relative(TOOL_ROOT, paths.dir)}`);
  }
}

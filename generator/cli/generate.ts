/**
 * `docs-to-sdk generate`: docs → IR → outputs, then either write them (atomically) or,
 * with `--check`, compare them with what is on disk. Exit codes: 0 ok, 1 the docs have
 * errors (or warnings with --strict) or --check found drift, 2 usage errors.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GeneratorConfig } from '../config/index.js';
import { EmitCache } from '../cache/emit.js';
import { contentKey, DiskPageCache, hashOf, loadAssembly, loadRun, saveAssembly, saveRun } from '../cache/index.js';
import { readStampedPages } from '../cache/input-stamps.js';
import { compareDiagnostics } from '../ir/diagnostics.js';
import { findPages, readPages } from '../parse/inputs.js';
import { emitOnSdkThread, irJson, planOutputs, type Target } from './outputs.js';
import type { Reporter } from './reporter.js';
import { phase } from './timings.js';
import { codeCacheFile, startSdkThread } from './sdk-thread.js';
import { outputsAsLeft, type RunOutputs, type RunSummary } from './run-summary.js';
import { commitTree, hashOfContent, surveyOutputs, writeFileAtomic, type OutputSurvey } from './write.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export const DEFAULT_CONFIG = 'docs-to-sdk.config.json';

export interface GenerateOptions {
  docs: string;
  out: string;
  ir?: string;
  only: Target[];
  check?: boolean;
  strict?: boolean;
  config?: string;
  /** Folder of the content-hash cache; `cache: false` disables it. */
  cacheDir?: string;
  cache?: boolean;
  /** Threads for reading pages (default: the machine's cores). */
  threads?: number;
  /** Emit the SDK on its own thread (default: for docs sets of SDK_THREAD_MIN_PAGES pages or more). */
  sdkThread?: boolean;
}

export const SDK_THREAD_MIN_PAGES = 300;

export const DEFAULT_CACHE_DIR = '.cache/docs-to-sdk';

export async function generate(options: GenerateOptions, reporter: Reporter): Promise<number> {
  const started = performance.now();
  if (!existsSync(options.docs) || !statSync(options.docs).isDirectory()) {
    reporter.error(`--docs ${options.docs} is not a folder`);
    return EXIT_USAGE;
  }
  let config: GeneratorConfig | undefined;
  const configFile = options.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  try {
    if (configFile) config = (await import('../config/index.js')).loadConfig(configFile);
  } catch (error) {
    if (!(error instanceof (await import('../config/index.js')).ConfigError)) throw error;
    reporter.error(error.message);
    return EXIT_USAGE;
  }

  const targets = new Set(options.only);
  phase('start-up');
  const pageFiles = await findPages(options.docs);
  const cacheDir = options.cache === false ? undefined : (options.cacheDir ?? DEFAULT_CACHE_DIR);
  // --check writes nothing, the cache included (it reads it: a drift check after a generate is fast).
  const saveCaches = cacheDir !== undefined && !options.check;
  const last = cacheDir ? await loadRun<RunSummary>(cacheDir) : undefined;
  // ts-morph loads on the other thread while this one reads and parses (big docs sets only: a thread costs ~0.1 s).
  // With a last run to build on, the thread starts held (it boots meanwhile) until the inputs turn out to differ from its.
  // Warming the printer up pays only while a long parse keeps this thread busy: not when a last run is there to build on.
  const sdkThread =
    targets.has('sdk') && (options.sdkThread ?? pageFiles.length >= SDK_THREAD_MIN_PAGES)
      ? startSdkThread({ warmUp: last === undefined, held: last !== undefined, codeCache: codeCacheFile(cacheDir) })
      : undefined;
  // Pages whose stamp the last run recorded are not read again (cache/input-stamps.ts); --check reads them all.
  const { inputs, stamps: inputStamps } = saveCaches
    ? readStampedPages(options.docs, pageFiles, last?.value.inputs)
    : { inputs: readPages(options.docs, pageFiles), stamps: undefined };
  phase('read inputs');
  // The key of the run cache: without a cache there is none to look up or save (hashing 10 MB of pages for nothing).
  const runKey = cacheDir
    ? hashOf([JSON.stringify(config ?? null), [...targets].sort().join(','), String(options.ir === undefined), ...inputs.map((input) => contentKey(input))])
    : '';
  const summary = cacheDir && last?.key === runKey ? last.value : undefined;
  if (summary && !options.check && outputsAsLeft(summary, options.out)) {
    sdkThread?.stop();
    return finish(summary, { written: 0, unchanged: summary.fileCount, removed: 0 }, false);
  }
  sdkThread?.load();
  phase('run cache');
  const pageCache = cacheDir ? await DiskPageCache.open(cacheDir) : undefined;
  const openedEmitCache = cacheDir ? EmitCache.open(cacheDir) : undefined;
  // A drift check saves nothing: an empty emit cache would only make it encode and hash every page for nothing.
  const emitCache = options.check && openedEmitCache?.empty ? undefined : openedEmitCache;
  phase('open caches');
  try {
    // The parser (remark, micromark) loads only when something must be parsed.
    const [{ parsePagesAsync }, { defaultThreads }] = await Promise.all([import('../parse/index.js'), import('../parse/workers.js')]);
    phase('load parser');
    const { ir, pages, state, reuse } = await parsePagesAsync(inputs, {
      config,
      cache: pageCache,
      previous: cacheDir ? loadAssembly(cacheDir) : undefined,
      // The SDK thread keeps a core busy (ts-morph, then printing): parse on the others.
      threads: options.threads ?? Math.max(1, defaultThreads() - (sdkThread ? 1 : 0)),
      onProgress: (done, total) => reporter.progress(done, total, 'parsing'),
    });
    phase(`parse (${reuse?.mode ?? 'no cache'})`);
    const irText = targets.has('ir') || sdkThread ? irJson(ir) : undefined;
    phase('IR JSON');
    // The SDK thread gets the IR before it is checked (the check takes ~0.04 s the thread would wait): if the check
    // fails, the run stops before anything is written.
    const sdk = sdkThread && emitOnSdkThread(sdkThread, irText!, emitCache);
    // Loaded here, not at start-up: a run without changes does not check an IR.
    const { validateIr } = await import('../ir/validate.js');
    // After an incremental assembly, the schema check covers what it rebuilt; the rest is the last run's, checked then.
    const schemaProblems = validateIr(ir, reuse?.mode === 'incremental' ? reuse : undefined);
    phase('validate IR');
    if (schemaProblems.length > 0) {
      sdkThread?.stop();
      // The contract was broken by the parser: a bug in docs-to-sdk, not in the docs.
      for (const problem of schemaProblems.slice(0, 20)) reporter.error(`internal: IR ${problem}`);
      return EXIT_USAGE;
    }
    const known = !options.check && last?.value.written?.out === resolve(options.out) ? last.value.written : undefined;
    let survey: OutputSurvey | undefined;
    // Caches are serialized at once and written on libuv's threads while this one goes on; the run awaits them last.
    const cacheWrites: Promise<void>[] = [];
    let cachesSaved = false;
    const saveInputCaches = (): void => {
      if (!saveCaches || cachesSaved) return;
      cachesSaved = true;
      cacheWrites.push(pageCache!.save());
      if (state) cacheWrites.push(saveAssembly(cacheDir!, state));
    };
    const plan = await planOutputs(ir, targets, options.ir === undefined, {
      cache: emitCache,
      sdk,
      irText,
      hashes: state?.hashes,
      // While the SDK thread finishes: list and stamp the ~4,000 outputs (what the writer compares with), and save
      // the caches of parsing (content-keyed: valid whatever becomes of this run's output).
      whileSdkRuns: (managed) => {
        if (known) survey = surveyOutputs(options.out, managed);
        phase('survey outputs');
        saveInputCaches();
        phase('save parse caches');
      },
    });
    phase('emit');
    const run: RunOutputs = {
      managed: plan.managed,
      separateIr: options.ir !== undefined && targets.has('ir') ? irText : undefined,
      pages,
      operations: ir.operations.length,
      models: ir.models.length,
      diagnostics: [...ir.diagnostics, ...plan.diagnostics].sort(compareDiagnostics),
    };
    const separateIr = run.separateIr;
    let counts: { written: number; unchanged: number; removed: number };
    let drifted = false;
    let hashes: Record<string, string> | undefined;
    let writtenStamps: Record<string, string> | undefined;
    // What run.json records of the files written (hashes), from the emit cache's hashes where it has them.
    if (saveCaches) {
      hashes = {};
      for (const [path, content] of plan.files) hashes[path] = emitCache!.hashes.get(path) ?? hashOfContent(content);
    }
    if (options.check) {
      const { findDrift, hasDrift } = await import('./check.js');
      // --check compares real contents, never stamps: every file on disk is read, and compared with what would be
      // written (a file the cache holds, by the hash of its bytes: sameContent).
      const drift = findDrift(options.out, plan.files, plan.managed);
      const written = drift.changed.length + drift.added.length;
      counts = { written, unchanged: plan.files.size - written, removed: drift.removed.length };
      drifted = hasDrift(drift);
      if (drifted) reporter.drift(drift, options.out);
      phase('check');
    } else {
      const { stamps, ...written } = await commitTree(options.out, plan.files, plan.managed, { known, hashes, survey, stamp: saveCaches });
      counts = written;
      writtenStamps = stamps;
      if (separateIr !== undefined) await writeFileAtomic(options.ir!, separateIr);
      phase('write');
    }
    if (saveCaches) {
      saveInputCaches();
      cacheWrites.push(emitCache!.save());
      phase('save caches');
      const written = { out: resolve(options.out), stamps: writtenStamps!, hashes: hashes! };
      await saveRun(cacheDir!, runKey, { ...run, fileCount: plan.files.size, written, inputs: inputStamps ?? last?.value.inputs } satisfies RunSummary);
      await Promise.all(cacheWrites);
      phase('save run summary');
    }
    return finish(run, counts, drifted);
  } finally {
    // Pack files stay open while entries may still be read from them.
    pageCache?.close();
    emitCache?.close();
    await sdkThread?.finished();
  }

  function finish(result: RunOutputs, { written, unchanged, removed }: { written: number; unchanged: number; removed: number }, drift: boolean): number {
    for (const diagnostic of result.diagnostics) reporter.diagnostic(diagnostic);
    const count = (severity: string): number => result.diagnostics.filter((d) => d.severity === severity).length;
    const warnings = count('warning');
    const errors = count('error');
    reporter.summary(
      { pages: result.pages, operations: result.operations, models: result.models, written, unchanged, removed, warnings, errors, seconds: (performance.now() - started) / 1000 },
      options.check === true,
    );
    return errors > 0 || drift || (options.strict && warnings > 0) ? EXIT_FAILED : EXIT_OK;
  }
}


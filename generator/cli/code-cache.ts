/**
 * V8's code cache for the CommonJS a thread requires: the CLI bundle on the main thread,
 * and on the SDK thread ts-morph with the TypeScript compiler it brings, ~13 MB of
 * JavaScript that takes ~0.3 s to compile, on every run that prints.
 *
 * What v8-compile-cache (which this replaces) does, with two differences that matter here:
 * - a module whose cached code V8 accepted is not compiled for a new cache, and the cache
 *   file is written only when some module had none (v8-compile-cache on Node 20 produced
 *   and wrote all 8.6 MB again on every run);
 * - the cache is made after the work (save()), so it holds the functions the work
 *   compiled lazily too, not only those the loading ran. A thread whose runs differ
 *   (the main thread: a run with no change, one page changed, a cold parse) asks save()
 *   to `grow`: the cache is written again when this run compiled notably more than it
 *   held, so it comes to hold the code of every kind of run.
 *
 * One file, a pack (cache/pack.ts) of one entry per module, by the module's path and its
 * file stamp (shared/file-stamp.ts: a reinstalled package or rebuilt bundle gets new ones). V8
 * checks each entry against the source's length and its own version and flags and
 * compiles afresh on a mismatch, so a stale or damaged cache costs only the compile.
 * As with v8-compile-cache, a module compiled here cannot use `import()` (none we load
 * does: esbuild turns ours into requires), for want of a stable vm option on Node 20.
 */
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { openPack, PackBodyWriter, writePack } from '../cache/pack.js';
import { fileStamp } from '../shared/file-stamp.js';

interface CodeCacheHeader {
  /** V8's version: code caches are its own format. */
  v8: string;
  /** Per module path: [stamp, offset, length] in the body. */
  entries: Record<string, [string, number, number]>;
}

export interface CodeCache {
  /**
   * Writes the cache if some module had no usable entry or, with `grow`, holds notably
   * less than this run compiled; resolves once written (or failed: it is only a cache).
   */
  save(options?: { grow?: boolean }): Promise<void>;
}

interface CompiledModule {
  filename: string;
  stamp: string;
  script: Script;
  /** Length of the entry it was compiled from; undefined when it had none. */
  cached?: number;
}

/** A module's code grew notably when it is this much larger than its entry (and by GROW_MIN_BYTES). */
const GROW_FACTOR = 1.1;
const GROW_MIN_BYTES = 4096;

type CommonJsModule = Module & { _compile(content: string, filename: string): unknown; require(id: string): unknown };
type ModuleInternals = typeof Module & {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: unknown;
  _cache: unknown;
};

/** Installs the cache kept in `file` for the CommonJS modules required from now on. */
export function useCodeCache(file: string): CodeCache {
  const pack = openPack<CodeCacheHeader>(file, (header) => header.v8 === process.versions.v8 && Boolean(header.entries));
  const compiled: CompiledModule[] = [];
  let missed = false;
  const internals = Module as ModuleInternals;
  const prototype = Module.prototype as CommonJsModule;
  const original = prototype._compile;

  prototype._compile = function compile(this: CommonJsModule, content: string, filename: string): unknown {
    const stamp = fileStamp(filename);
    if (stamp === undefined) return original.call(this, content, filename);
    const entry = pack?.header.entries[filename];
    let cachedData: Buffer | undefined;
    try {
      cachedData = entry && entry[0] === stamp ? pack!.body.read(entry[1], entry[2]) : undefined;
    } catch {
      cachedData = undefined;
    }
    // A hashbang line is only valid first in a script, not inside the module wrapper: a comment keeps the lines.
    const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const script = new Script(internals.wrap(source), { filename, cachedData });
    const used = cachedData !== undefined && !script.cachedDataRejected;
    if (!used) missed = true;
    compiled.push({ filename, stamp, script, cached: used ? cachedData!.length : undefined });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this, internals), this, filename, dirname(filename));
  };

  return {
    async save({ grow = false } = {}) {
      prototype._compile = original;
      // Made now, after the work: the data holds the functions compiled since the module loaded.
      const made = new Map<CompiledModule, Buffer>();
      const dataOf = (module: CompiledModule): Buffer => {
        let data = made.get(module);
        if (!data) made.set(module, (data = module.script.createCachedData()));
        return data;
      };
      const grew = (module: CompiledModule): boolean => {
        const length = dataOf(module).length;
        return length > module.cached! * GROW_FACTOR && length - module.cached! >= GROW_MIN_BYTES;
      };
      if (!missed && !(grow && compiled.some(grew))) {
        pack?.body.close();
        return;
      }
      const header: CodeCacheHeader = { v8: process.versions.v8, entries: {} };
      const body = new PackBodyWriter();
      const put = (filename: string, stamp: string, data: Buffer): void => {
        header.entries[filename] = [stamp, ...body.add(data)];
      };
      for (const module of compiled) put(module.filename, module.stamp, dataOf(module));
      // Modules this run did not load keep their entries (a drift check loads one a write does not).
      for (const [filename, [stamp, at, length]] of Object.entries(pack?.header.entries ?? {})) {
        if (header.entries[filename] || fileStamp(filename) !== stamp) continue;
        try {
          put(filename, stamp, pack!.body.read(at, length));
        } catch {
          // unreadable: left out
        }
      }
      pack?.body.close();
      await writePack(file, header, body.pieces);
    },
  };
}

/** The `require` a CommonJS module gets (what Node's loader makes for it). */
function requireFor(module: CommonJsModule, internals: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => internals._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = internals._extensions as NodeJS.Require['extensions'];
  require.cache = internals._cache as NodeJS.Require['cache'];
  return require;
}

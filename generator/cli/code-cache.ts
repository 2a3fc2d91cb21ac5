/**
 * V8's code cache for the CommonJS this thread requires: ts-morph brings the TypeScript
 * compiler, ~13 MB of JavaScript that takes ~0.3 s to compile, on every run that prints.
 *
 * What v8-compile-cache (which this replaces) does, with two differences that matter here:
 * - a module whose cached code V8 accepted is not compiled for a new cache, and the cache
 *   file is written only when some module had none (v8-compile-cache on Node 20 produced
 *   and wrote all 8.6 MB again on every run);
 * - the cache is made after the work (save(), once the SDK is printed), so it holds the
 *   functions the printing compiled lazily too, not only those the loading ran.
 *
 * One file, a pack (cache/pack.ts) of one entry per module, by the module's path and its
 * file stamp (size, mtime: a reinstalled package gets new ones). V8 checks each entry
 * against the source's length and its own version and flags and compiles afresh on a
 * mismatch, so a stale or damaged cache costs only the compile.
 */
import { statSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { openPack, writePack } from '../cache/pack.js';

interface CodeCacheHeader {
  /** V8's version: code caches are its own format. */
  v8: string;
  /** Per module path: [stamp, offset, length] in the body. */
  entries: Record<string, [string, number, number]>;
}

export interface CodeCache {
  /** Writes the cache if some module had no usable entry; resolves once written (or failed: it is only a cache). */
  save(): Promise<void>;
}

interface CompiledModule {
  filename: string;
  stamp: string;
  script: Script;
}

type CommonJsModule = Module & { _compile(content: string, filename: string): unknown; require(id: string): unknown };
type ModuleInternals = typeof Module & {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: unknown;
  _cache: unknown;
};

const stampOf = (file: string): string | undefined => {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
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
    const stamp = stampOf(filename);
    if (stamp === undefined) return original.call(this, content, filename);
    const entry = pack?.header.entries[filename];
    let cachedData: Buffer | undefined;
    try {
      cachedData = entry && entry[0] === stamp ? pack!.body.read(entry[1], entry[2]) : undefined;
    } catch {
      cachedData = undefined;
    }
    const script = new Script(internals.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) missed = true;
    compiled.push({ filename, stamp, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this, internals), this, filename, dirname(filename));
  };

  return {
    async save() {
      prototype._compile = original;
      if (!missed) {
        pack?.body.close();
        return;
      }
      const header: CodeCacheHeader = { v8: process.versions.v8, entries: {} };
      const chunks: Buffer[] = [];
      let offset = 0;
      for (const { filename, stamp, script } of compiled) {
        // Made now, after the work: it holds the functions compiled since the module loaded.
        const data = script.createCachedData();
        header.entries[filename] = [stamp, offset, data.length];
        chunks.push(data);
        offset += data.length;
      }
      pack?.body.close();
      await writePack(file, header, chunks);
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

/**
 * A content-hash cache between runs, in an ignored folder (default `.cache/docs-to-sdk`).
 * Every entry is keyed by the tool's own fingerprint (a hash of its sources and
 * templates), so a cache written by another version of docs-to-sdk is ignored, never
 * trusted. Files: page results by page content (`pages.pack`, this module), the last
 * assembly (`assembly.pack`), the last run's summary by the hash of all its inputs
 * (`run.json`, with the page stamps of input-stamps.ts), rendered output (`emit.pack`,
 * emit.ts). A damaged cache is discarded silently; it is only a cache.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundleState } from '../shared/bundle.js';
import { writeAtomic } from '../shared/write-atomic.js';
import { sourceFingerprints } from './fingerprint.js';
import type { AssemblyState, PageInput, PageResult, PageResultCache } from '../parse/index.js';
import { openPack, PackBody, PackBodyWriter, writePack } from './pack.js';

let fingerprint: string | undefined;

/**
 * Hash of everything that decides the output: generator sources, templates, package
 * files (generator/cache/fingerprint.js). bin/docs-to-sdk.js computes it once per run,
 * before loading the bundle, and hands it over; elsewhere (tests, tsx) it is computed here.
 */
export function toolFingerprint(): string {
  fingerprint ??= bundleState()?.tool ?? sourceFingerprints().tool;
  return fingerprint;
}

const contentKeys = new WeakMap<PageInput, string>();

/** Records the content key of an input whose content is not read (cache/input-stamps.ts: it has not changed). */
export function seedContentKey(input: PageInput, key: string): void {
  contentKeys.set(input, key);
}

/** Hash of a page's path and content (once per input: the run key and the page cache both use it). */
export function contentKey(input: PageInput): string {
  let key = contentKeys.get(input);
  if (key === undefined) {
    key = createHash('sha1').update(input.file).update('\0').update(input.content).digest('hex');
    contentKeys.set(input, key);
  }
  return key;
}

/**
 * `pages.pack` (cache/pack.ts): a JSON header (tool fingerprint, offset and length of
 * each entry) and each page result serialized on its own with v8.serialize (~1.5x
 * faster than JSON for these, both ways, and already bytes). A run reads only the
 * results it uses, and writes the pack again from the old bytes plus the new entries,
 * instead of serializing all of them again.
 */
interface PagePackHeader {
  tool: string;
  /** V8's version: entries are in its serialization format (v8.serialize), which another V8 may not read. */
  v8: string;
  entries: Record<string, [number, number]>;
}

/**
 * Entries added since the pack was written go to a small side file (`pages.extra.json`),
 * so a run that changed a page does not rewrite the whole pack; the pack is rewritten
 * (side entries folded in, unused entries dropped) once the side file holds more than
 * EXTRA_MAX entries or a quarter of the pack is no longer used.
 */
const EXTRA_MAX = 64;

interface PageExtra {
  tool: string;
  entries: Record<string, PageResult>;
}

/** An entry of the pack, by its place in the body: read only if the pack is written again. */
class Packed {
  constructor(readonly at: [number, number]) {}
}

export class DiskPageCache implements PageResultCache {
  /** What this run used: pack entries stay where they are (Packed); new and side entries as values. */
  private readonly used = new Map<string, Packed | PageResult>();
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly header: PagePackHeader,
    private readonly body: PackBody,
    private readonly extra: Record<string, PageResult>,
  ) {}

  static async open(dir: string): Promise<DiskPageCache> {
    const file = join(dir, 'pages.pack');
    const side = await readJson<PageExtra>(join(dir, 'pages.extra.json'));
    const extra = side?.tool === toolFingerprint() && side.entries ? side.entries : {};
    const pack = openPack<PagePackHeader>(file, (header) => header.tool === toolFingerprint() && header.v8 === process.versions.v8 && Boolean(header.entries));
    if (pack) return new DiskPageCache(file, pack.header, pack.body, extra);
    return new DiskPageCache(file, { tool: toolFingerprint(), v8: process.versions.v8, entries: {} }, PackBody.empty, {});
  }

  /** Releases the pack file: call after save(). */
  close(): void {
    this.body.close();
  }

  keyOf(input: PageInput): string {
    return contentKey(input);
  }

  get(key: string): PageResult | undefined {
    const side = this.extra[key];
    if (side) {
      this.used.set(key, side);
      return side;
    }
    const at = this.header.entries[key];
    if (!at) return undefined;
    try {
      const result = deserialize(this.body.read(at[0], at[1])) as PageResult;
      this.used.set(key, new Packed(at));
      return result;
    } catch {
      return undefined;
    }
  }

  retain(key: string): void {
    if (this.used.has(key)) return;
    const side = this.extra[key];
    const at = this.header.entries[key];
    if (side) this.used.set(key, side);
    else if (at) this.used.set(key, new Packed(at));
  }

  set(key: string, result: PageResult): void {
    this.used.set(key, result);
    this.dirty = true;
  }

  /**
   * Writes what this run added (to the side file, or the whole pack when it is due).
   * Serializes at once (the pack it reads from may be closed next); the promise is the writing.
   */
  save(): Promise<void> {
    const packed = Object.keys(this.header.entries);
    const unusedPacked = packed.filter((key) => !this.used.has(key)).length;
    const sideEntries = [...this.used].filter(([key, value]) => !(value instanceof Packed) && !this.header.entries[key]);
    if (!this.dirty && unusedPacked === 0 && sideEntries.length === Object.keys(this.extra).length) return Promise.resolve();
    const extraFile = join(dirname(this.file), 'pages.extra.json');
    if (sideEntries.length <= EXTRA_MAX && unusedPacked * 4 <= packed.length && packed.length > 0) {
      return writeJson(extraFile, { tool: toolFingerprint(), entries: Object.fromEntries(sideEntries) as Record<string, PageResult> } satisfies PageExtra);
    }
    const header: PagePackHeader = { tool: toolFingerprint(), v8: process.versions.v8, entries: {} };
    const body = new PackBodyWriter();
    for (const [key, value] of this.used) header.entries[key] = body.add(value instanceof Packed ? this.body.read(...value.at) : serialize(value));
    return writePack(this.file, header, body.pieces).then(() => writeJson(extraFile, { tool: toolFingerprint(), entries: {} } satisfies PageExtra));
  }
}

export interface CachedRun<T> {
  tool: string;
  key: string;
  value: T;
}

/** The last run's result and the key of its inputs, when it was made by this tool version. */
export async function loadRun<T>(dir: string, file = 'run.json'): Promise<{ key: string; value: T } | undefined> {
  const data = await readJson<CachedRun<T>>(join(dir, file));
  return data?.tool === toolFingerprint() && typeof data.key === 'string' ? { key: data.key, value: data.value } : undefined;
}

export async function saveRun<T>(dir: string, key: string, value: T, file = 'run.json'): Promise<void> {
  await writeJson(join(dir, file), { tool: toolFingerprint(), key, value } satisfies CachedRun<T>);
}

/**
 * `assembly.pack`: what the last IR was assembled from (generator/parse AssemblyState),
 * so a run with a few pages changed merges again only what they touch. One v8-serialized
 * entry (~2x faster than JSON both ways for its ~4 MB), so keyed by V8's version too.
 */
interface AssemblyHeader {
  tool: string;
  v8: string;
}

export function loadAssembly(dir: string): AssemblyState | undefined {
  const pack = openPack<AssemblyHeader>(join(dir, 'assembly.pack'), (header) => header.tool === toolFingerprint() && header.v8 === process.versions.v8);
  if (!pack) return undefined;
  try {
    return deserialize(pack.body.read(0, pack.body.length)) as AssemblyState;
  } catch {
    return undefined;
  } finally {
    pack.body.close();
  }
}

/** Serializes at once; the promise is the writing. */
export function saveAssembly(dir: string, state: AssemblyState): Promise<void> {
  return writePack(join(dir, 'assembly.pack'), { tool: toolFingerprint(), v8: process.versions.v8 } satisfies AssemblyHeader, [serialize(state)]);
}

export function hashOf(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Serializes at once; the promise is the writing. */
function writeJson(file: string, value: unknown): Promise<void> {
  return writeBytes(file, JSON.stringify(value));
}

// A cache that cannot be written costs speed, not correctness.
const writeBytes = (file: string, data: string | Buffer): Promise<void> => writeAtomic(file, data).catch(() => {});

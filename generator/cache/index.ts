/**
 * A content-hash cache between runs, in an ignored folder (default `.cache/docs-to-sdk`).
 * Every entry is keyed by the tool's own fingerprint (a hash of its sources and
 * templates), so a cache written by another version of docs-to-sdk is ignored, never
 * trusted. Files: page results by page content (`pages.json`), the last run's summary
 * by the hash of all its inputs (`run.json`), rendered output (`emit.pack`, emit.ts).
 * A damaged cache is discarded silently; it is only a cache.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sourceFingerprints } from './fingerprint.js';
import type { PageInput, PageResult, PageResultCache } from '../parse/index.js';

let fingerprint: string | undefined;

/**
 * Hash of everything that decides the output: generator sources, templates, package
 * files (generator/cache/fingerprint.js). bin/docs-to-sdk.js computes it once per run,
 * before loading the bundle, and hands it over; elsewhere (tests, tsx) it is computed here.
 */
export function toolFingerprint(): string {
  fingerprint ??= (globalThis as { __DOCS_TO_SDK__?: { tool?: string } }).__DOCS_TO_SDK__?.tool ?? sourceFingerprints().tool;
  return fingerprint;
}

export function contentKey(input: PageInput): string {
  return createHash('sha1').update(input.file).update('\0').update(input.content).digest('hex');
}

interface PageCacheFile {
  tool: string;
  entries: Record<string, PageResult>;
}

export class DiskPageCache implements PageResultCache {
  private readonly used = new Map<string, PageResult>();
  private dirty = false;

  private constructor(
    private readonly file: string,
    private readonly loaded: Record<string, PageResult>,
  ) {}

  static async open(dir: string): Promise<DiskPageCache> {
    const file = join(dir, 'pages.json');
    const data = await readJson<PageCacheFile>(file);
    return new DiskPageCache(file, data?.tool === toolFingerprint() ? data.entries : {});
  }

  keyOf(input: PageInput): string {
    return contentKey(input);
  }

  get(key: string): PageResult | undefined {
    const hit = this.loaded[key];
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, result: PageResult): void {
    this.used.set(key, result);
    this.dirty = true;
  }

  /** Writes the entries this run used (others are pruned), when anything changed. */
  async save(): Promise<void> {
    if (!this.dirty && this.used.size === Object.keys(this.loaded).length) return;
    await writeJson(this.file, { tool: toolFingerprint(), entries: Object.fromEntries(this.used) } satisfies PageCacheFile);
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

async function writeJson(file: string, value: unknown): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(value));
    await rename(temp, file);
  } catch {
    // A cache that cannot be written costs speed, not correctness.
  }
}

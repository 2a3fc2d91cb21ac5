/**
 * A memo store: results by key, kept in the cache folder between runs, v8-serialized
 * (strings, Maps and plain objects; ~1.5x faster than JSON both ways). Entries are
 * spread over SHARDS files by their key's digest (`<name>.<shard>.v8`), so a run that
 * changed one page rewrites one shard, not the whole store. The tool's fingerprint is
 * stored with each shard: one written by another version of docs-to-sdk is ignored,
 * never trusted. A damaged or unreadable shard is an empty one; one that cannot be
 * written costs speed, not correctness.
 *
 * Saving keeps only the entries this run used (read or added), so a store holds one
 * run's worth and never grows without bound; a shard is written only when it changed.
 */
import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from '../shared/write-atomic.js';
import { toolFingerprint } from './tool.js';

interface StoredShard {
  tool: string;
  entries: Map<string, unknown>;
}

const SHARDS = 16;

/** A fixed-length digest of a key of any length. */
export const digest = (text: string): string => hash('sha1', text, 'hex');

const shardOf = (id: string): number => Number.parseInt(id.slice(0, 2), 16) % SHARDS;

interface Shard {
  stored: Map<string, unknown>;
  used: Map<string, unknown>;
  added: number;
}

export class MemoStore {
  private readonly shards: Shard[] = [];

  private constructor(private readonly path: (shard: number) => string) {
    for (let index = 0; index < SHARDS; index += 1) this.shards.push({ stored: readShard(path(index)) ?? new Map(), used: new Map(), added: 0 });
  }

  /** Whether an earlier run saved anything under this name. */
  static exists(dir: string, name: string): boolean {
    return Array.from({ length: SHARDS }, (_, shard) => join(dir, `${name}.${shard.toString(16)}.v8`)).some((path) => existsSync(path));
  }

  static open(dir: string, name: string): MemoStore {
    return new MemoStore((shard) => join(dir, `${name}.${shard.toString(16)}.v8`));
  }

  /** `compute()`'s value for `key`: from the store when an earlier run (or this one) computed it. */
  memo<T>(key: string, compute: () => T): T {
    const id = digest(key);
    const shard = this.shards[shardOf(id)]!;
    if (shard.used.has(id)) return shard.used.get(id) as T;
    const found = shard.stored.has(id);
    const value = found ? (shard.stored.get(id) as T) : compute();
    shard.used.set(id, value);
    if (!found) shard.added += 1;
    return value;
  }

  /** Writes the shards whose entries differ from what was stored. */
  async save(): Promise<void> {
    const writes = this.shards.map((shard, index) => {
      if (shard.added === 0 && shard.used.size === shard.stored.size) return undefined;
      const data = serialize({ tool: toolFingerprint(), entries: shard.used } satisfies StoredShard);
      return writeAtomic(this.path(index), data).catch(() => {});
    });
    await Promise.all(writes);
  }
}

function readShard(file: string): Map<string, unknown> | undefined {
  try {
    const data = deserialize(readFileSync(file)) as StoredShard;
    return data?.tool === toolFingerprint() && data.entries instanceof Map ? data.entries : undefined;
  } catch {
    return undefined;
  }
}

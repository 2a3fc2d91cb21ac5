/**
 * The emit cache: rendered output by a hash of what it was rendered from, so a run where
 * one page changed re-renders only the docs pages and SDK files that page reaches.
 *
 * - docs: one entry per operation × locale (its pages, one per SDK language, and the
 *   locale fallbacks it recorded), keyed by generator/emit/docs (DocsOptions.cache);
 * - sdk: one printed file per hash of its ts-morph structure (generator/emit/sdk).
 *
 * One file, `emit.pack`: a 4-byte length, a JSON header (tool fingerprint, entries with
 * the offset, length and SHA-1 of each content) and the contents as UTF-8 bytes. Loading
 * it parses only the header; contents are decoded when used. The header's tool
 * fingerprint must be this tool's, or the whole file is ignored. Entries a run did not
 * use are dropped when it saves.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocsGroupCache, RecordedFallbacks } from '../emit/docs/index.js';
import { toolFingerprint } from './index.js';

/** [offset, length, sha1 of the content] in the pack's body. */
type Blob = [number, number, string];

interface PackHeader {
  tool: string;
  docs: Record<string, { files: [string, Blob][]; fallbacks: RecordedFallbacks }>;
  sdk: Record<string, Blob>;
}

interface Pending {
  buffer: Buffer;
  hash: string;
}

export const contentHash = (content: string | Uint8Array): string => createHash('sha1').update(content).digest('hex');

export class EmitCache implements DocsGroupCache {
  /** Content hash of every output file served or stored, by path under its target (`docs/…`, `sdk/…`). */
  readonly hashes = new Map<string, string>();
  private readonly usedDocs = new Map<string, { files: [string, Blob | Pending][]; fallbacks: RecordedFallbacks }>();
  private readonly usedSdk = new Map<string, Blob | Pending>();
  private added = 0;

  private constructor(
    private readonly file: string,
    private readonly body: Buffer,
    private readonly header: PackHeader,
  ) {}

  static open(dir: string): EmitCache {
    const file = join(dir, 'emit.pack');
    const empty: PackHeader = { tool: toolFingerprint(), docs: {}, sdk: {} };
    try {
      const data = readFileSync(file);
      const length = data.readUInt32LE(0);
      const header = JSON.parse(data.toString('utf8', 4, 4 + length)) as PackHeader;
      if (header.tool === toolFingerprint() && header.docs && header.sdk) return new EmitCache(file, data.subarray(4 + length), header);
    } catch {
      // absent or damaged: start empty
    }
    return new EmitCache(file, Buffer.alloc(0), empty);
  }

  private text([offset, length]: Blob): string {
    return this.body.toString('utf8', offset, offset + length);
  }

  get(key: string): { files: [string, string][]; fallbacks: RecordedFallbacks } | undefined {
    const entry = this.header.docs[key];
    if (!entry) return undefined;
    this.usedDocs.set(key, entry);
    for (const [path, blob] of entry.files) this.hashes.set(`docs/${path}`, blob[2]);
    return { files: entry.files.map(([path, blob]) => [path, this.text(blob)]), fallbacks: entry.fallbacks };
  }

  set(key: string, files: [string, string][], fallbacks: RecordedFallbacks): void {
    this.usedDocs.set(key, {
      files: files.map(([path, content]) => {
        const pending = pendingOf(content);
        this.hashes.set(`docs/${path}`, pending.hash);
        return [path, pending];
      }),
      fallbacks,
    });
    this.added += 1;
  }

  /** The SDK part, for the emitter (it may run on another thread): structure key → printed text. */
  sdkEntries(): Map<string, string> {
    return new Map(Object.entries(this.header.sdk).map(([key, blob]) => [key, this.text(blob)]));
  }

  /** What the SDK emitter used (`text` undefined: it came from sdkEntries) and printed. */
  recordSdk(used: Iterable<[key: string, path: string, text: string | undefined]>): void {
    for (const [key, path, text] of used) {
      const known = this.header.sdk[key];
      const blob = text === undefined && known ? known : pendingOf(text ?? '');
      if (!(text === undefined && known)) this.added += 1;
      this.usedSdk.set(key, blob);
      this.hashes.set(`sdk/${path}`, Array.isArray(blob) ? blob[2] : blob.hash);
    }
  }

  /** Writes the entries this run used, when anything was added or dropped. */
  save(): void {
    const dropped =
      Object.keys(this.header.docs).length !== this.usedDocs.size || Object.keys(this.header.sdk).length !== this.usedSdk.size;
    if (this.added === 0 && !dropped) return;
    const chunks: Buffer[] = [];
    let offset = 0;
    const place = (blob: Blob | Pending): Blob => {
      const buffer = Array.isArray(blob) ? this.body.subarray(blob[0], blob[0] + blob[1]) : blob.buffer;
      chunks.push(buffer);
      const placed: Blob = [offset, buffer.length, Array.isArray(blob) ? blob[2] : blob.hash];
      offset += buffer.length;
      return placed;
    };
    const header: PackHeader = { tool: toolFingerprint(), docs: {}, sdk: {} };
    for (const [key, entry] of this.usedDocs) header.docs[key] = { files: entry.files.map(([path, blob]) => [path, place(blob)]), fallbacks: entry.fallbacks };
    for (const [key, blob] of this.usedSdk) header.sdk[key] = place(blob);
    const head = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length, 0);
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, Buffer.concat([length, head, ...chunks]));
      renameSync(temp, this.file);
    } catch {
      // A cache that cannot be written costs speed, not correctness.
    }
  }
}

function pendingOf(content: string): Pending {
  const buffer = Buffer.from(content, 'utf8');
  return { buffer, hash: contentHash(buffer) };
}

/**
 * The emit cache: rendered output by a hash of what it was rendered from, so a run where
 * one page changed re-renders only the docs pages and SDK files that page reaches.
 *
 * - docs: one entry per operation × locale (the stamps of its pages, one per SDK
 *   language, and the locale fallbacks it recorded), keyed by generator/emit/docs
 *   (DocsOptions.cache). Texts are not kept: a page is rendered again in the rare run
 *   that needs its text (its file on disk was edited or removed, or a drift check found
 *   it differing); that spares ~20 MB of the corpus's cache, written by every cold run;
 * - sdk: one printed file per hash of its ts-morph structure (generator/emit/sdk), and
 *   one printed client method per hash of its structure (generator/emit/sdk/print.ts):
 *   texts kept, as printing needs ts-morph loaded.
 *
 * One file, `emit.pack` (cache/pack.ts): a JSON header (tool fingerprint, docs entries,
 * SDK entries with the offset, length and SHA-1 of each content) and the SDK contents as
 * UTF-8 bytes. Loading it reads only the header; contents are read and decoded when used.
 * The header's tool fingerprint must be this tool's, or the whole file is ignored.
 * Entries a run did not use are dropped when it saves.
 */
import { hash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocsGroupCache, PageStamp, RecordedFallbacks } from '../emit/docs/index.js';
import type { StoredText } from '../cli/write.js';
import { toolFingerprint } from './index.js';
import { openPack, PackBody, PackBodyWriter, writePack } from './pack.js';

/** [offset, length, sha1 of the content] in the pack's body. */
type Blob = [number, number, string];

/** A docs group: its pages' [path, byte length, sha1] and the fallbacks it recorded. */
interface DocsEntry {
  files: [string, number, string][];
  fallbacks: RecordedFallbacks;
}

interface PackHeader {
  tool: string;
  /** emit.pack: a random id; the side pack: the id of the emit.pack it extends (else it is ignored). */
  id?: string;
  base?: string;
  docs: Record<string, DocsEntry>;
  sdk: Record<string, Blob>;
}

interface Pending {
  buffer: Buffer;
  hash: string;
}

/** SHA-1 (hex) of the UTF-8 bytes: a text is hashed as it would be written, without making the bytes first. */
export const contentHash = (content: string | Uint8Array): string =>
  hash('sha1', content);

export class EmitCache implements DocsGroupCache {
  /** Content hash of every output file served or stored, by path under its target (`docs/…`, `sdk/…`). */
  readonly hashes = new Map<string, string>();
  private readonly usedDocs = new Map<string, DocsEntry>();
  private readonly usedSdk = new Map<string, Blob | Pending>();
  private added = 0;

  private constructor(
    private readonly file: string,
    /** emit.pack's body, then the side pack's: offsets past the first are in the second. */
    private readonly bodies: [PackBody, PackBody],
    private readonly header: PackHeader,
    /** Entries of emit.pack itself (the others came from the side pack). */
    private readonly mainKeys: { docs: Set<string>; sdk: Set<string> },
  ) {}

  static open(dir: string): EmitCache {
    const file = join(dir, 'emit.pack');
    const ours = (header: PackHeader): boolean => header.tool === toolFingerprint() && Boolean(header.docs && header.sdk);
    const main = openPack<PackHeader>(file, ours);
    if (!main) return new EmitCache(file, [PackBody.empty, PackBody.empty], { tool: toolFingerprint(), docs: {}, sdk: {} }, emptyKeys());
    // The side pack (emit.extra.pack): entries added since emit.pack was written.
    const extra = openPack<PackHeader>(join(dir, 'emit.extra.pack'), (header) => ours(header) && header.base !== undefined && header.base === main.header.id);
    const mainKeys = { docs: new Set(Object.keys(main.header.docs)), sdk: new Set(Object.keys(main.header.sdk)) };
    if (!extra) return new EmitCache(file, [main.body, PackBody.empty], main.header, mainKeys);
    const shift = main.body.length;
    const moved = ([offset, length, hash]: Blob): Blob => [offset + shift, length, hash];
    // Docs entries hold no offsets (stamps only); SDK entries' offsets move past emit.pack's body.
    const header: PackHeader = { tool: main.header.tool, id: main.header.id, docs: { ...main.header.docs, ...extra.header.docs }, sdk: { ...main.header.sdk } };
    for (const [key, blob] of Object.entries(extra.header.sdk)) header.sdk[key] = moved(blob);
    return new EmitCache(file, [main.body, extra.body], header, mainKeys);
  }

  /** Whether it holds nothing (no pack, or one of another tool version). */
  get empty(): boolean {
    return Object.keys(this.header.docs).length + Object.keys(this.header.sdk).length === 0;
  }

  /** The bytes of a stored content. */
  private bytesOf([offset, length]: Blob): Buffer {
    const [main, side] = this.bodies;
    return offset < main.length ? main.read(offset, length) : side.read(offset - main.length, length);
  }

  private text(blob: Blob): string {
    return this.bytesOf(blob).toString('utf8');
  }

  /** Releases the pack files: call once the run's outputs are written or compared and the cache saved. */
  close(): void {
    for (const body of this.bodies) body.close();
  }

  /** A group's page stamps (the docs emitter renders a page again only if its text is asked for). */
  get(key: string): { files: [string, PageStamp][]; fallbacks: RecordedFallbacks } | undefined {
    const entry = this.header.docs[key];
    if (!entry) return undefined;
    this.usedDocs.set(key, entry);
    for (const [path, , hash] of entry.files) this.hashes.set(`docs/${path}`, hash);
    return { files: entry.files.map(([path, length, hash]) => [path, { hash, length }]), fallbacks: entry.fallbacks };
  }

  private stored(blob: Blob): StoredText {
    return { hash: blob[2], length: blob[1], bytes: () => this.bytesOf(blob) };
  }

  /** Stores a group: the stamps of its pages (hashed from the texts, which stay with the caller). */
  set(key: string, files: [string, string][], fallbacks: RecordedFallbacks): void {
    this.usedDocs.set(key, {
      files: files.map(([path, content]) => {
        const hash = contentHash(content);
        this.hashes.set(`docs/${path}`, hash);
        return [path, Buffer.byteLength(content, 'utf8'), hash];
      }),
      fallbacks,
    });
    this.added += 1;
  }

  /** Keys of the printed SDK files the cache holds (generator/emit/sdk SdkPrintCache.known). */
  sdkKeys(): string[] {
    return Object.keys(this.header.sdk).filter((key) => !key.startsWith(MEMBER));
  }

  /** The printed client methods the cache holds (generator/emit/sdk/print.ts), decoded: the emitter splices them in. */
  sdkMembers(): [key: string, text: string][] {
    return Object.entries(this.header.sdk)
      .filter(([key]) => key.startsWith(MEMBER))
      .map(([key, blob]) => [key.slice(MEMBER.length), this.text(blob)]);
  }

  /** The client methods the SDK emitter used (`text` undefined: one of sdkMembers) and printed. */
  recordSdkMembers(used: Iterable<[key: string, text: string | undefined]>): void {
    for (const [key, text] of used) this.useSdk(MEMBER + key, text);
  }

  /** Keeps an SDK entry: the stored one (`text` undefined), else the text printed now. */
  private useSdk(key: string, text: string | undefined): Blob | Pending {
    const known = this.header.sdk[key];
    const blob = text === undefined && known ? known : pendingOf(text ?? '');
    if (blob !== known) this.added += 1;
    this.usedSdk.set(key, blob);
    return blob;
  }

  /** A printed SDK file the cache holds, not decoded (read only if written or compared). */
  sdkFile(key: string): StoredText | undefined {
    const blob = this.header.sdk[key];
    return blob && this.stored(blob);
  }

  /** What the SDK emitter used (`text` undefined: a file of sdkKeys) and printed. */
  recordSdk(used: Iterable<[key: string, path: string, text: string | undefined]>): void {
    for (const [key, path, text] of used) {
      const blob = this.useSdk(key, text);
      this.hashes.set(`sdk/${path}`, hashOfBlob(blob));
    }
  }

  /**
   * Writes what this run added: to the side pack while it is small and most of emit.pack
   * is still used, else emit.pack again with the entries this run used (others dropped).
   * Serializes at once (the packs it reads from may be closed next); the promise is the writing.
   */
  save(): Promise<void> {
    const dropped =
      Object.keys(this.header.docs).length !== this.usedDocs.size || Object.keys(this.header.sdk).length !== this.usedSdk.size;
    if (this.added === 0 && !dropped) return Promise.resolve();
    const unusedMain = [...this.mainKeys.docs].filter((key) => !this.usedDocs.has(key)).length + [...this.mainKeys.sdk].filter((key) => !this.usedSdk.has(key)).length;
    const mainSize = this.mainKeys.docs.size + this.mainKeys.sdk.size;
    const sideDocs = [...this.usedDocs].filter(([key]) => !this.mainKeys.docs.has(key));
    const sideSdk = [...this.usedSdk].filter(([key]) => !this.mainKeys.sdk.has(key));
    const side = mainSize > 0 && this.header.id !== undefined && sideDocs.length + sideSdk.length <= SIDE_MAX && unusedMain * 4 <= mainSize;
    const body = new PackBodyWriter();
    const place = (blob: Blob | Pending): Blob => [...body.add(Array.isArray(blob) ? this.bytesOf(blob) : blob.buffer), hashOfBlob(blob)];
    const header: PackHeader = side ? { tool: toolFingerprint(), base: this.header.id, docs: {}, sdk: {} } : { tool: toolFingerprint(), id: randomUUID(), docs: {}, sdk: {} };
    for (const [key, entry] of side ? sideDocs : this.usedDocs) header.docs[key] = entry;
    for (const [key, blob] of side ? sideSdk : this.usedSdk) header.sdk[key] = place(blob);
    const written = writePack(side ? join(this.file, '../emit.extra.pack') : this.file, header, body.pieces);
    if (side) return written;
    // The side pack extends the emit.pack just replaced: it goes (were it left, it names another pack and is ignored).
    return written.then(() => rm(join(this.file, '../emit.extra.pack'), { force: true }).catch(() => {}));
  }
}

/** Keys of printed client methods, in the same table as SDK files. */
const MEMBER = 'member:';

/** Side-pack entries (docs groups + SDK files) before emit.pack is written again. */
const SIDE_MAX = 200;

const emptyKeys = () => ({ docs: new Set<string>(), sdk: new Set<string>() });

const hashOfBlob = (blob: Blob | Pending): string => (Array.isArray(blob) ? blob[2] : blob.hash);

function pendingOf(content: string): Pending {
  const buffer = Buffer.from(content, 'utf8');
  return { buffer, hash: contentHash(buffer) };
}

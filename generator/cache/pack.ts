/**
 * The file format of the caches' packs (`pages.pack`, `emit.pack`, `emit.extra.pack`):
 * a 4-byte little-endian length, a JSON header of that length, then the body, whose
 * pieces the header locates by offset and length.
 *
 * Opening a pack reads the header only; an entry is read when needed, from the file as
 * it was when opened (a newer pack may have been renamed over it since). A run that
 * changed one page needs almost none of the ~40 MB the packs hold for the corpus.
 * Writing goes to a temporary file renamed into place, so a reader never sees half a
 * pack.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export class PackBody {
  constructor(
    /** Open on the pack as it was when its header was read; undefined once closed or when empty. */
    private fd: number | undefined,
    private readonly start: number,
    readonly length: number,
  ) {}

  static readonly empty = new PackBody(undefined, 0, 0);

  /**
   * `length` bytes at `offset` of the body, read from the file where they are: a run
   * reads the few entries it needs, not the whole body.
   */
  read(offset: number, length: number): Buffer {
    if (length === 0) return Buffer.alloc(0);
    if (offset < 0 || offset + length > this.length) throw new Error('pack entry outside the pack body');
    if (this.fd === undefined) throw new Error('pack body read after its cache was closed');
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const count = readSync(this.fd, bytes, done, length - done, this.start + offset + done);
      if (count === 0) throw new Error('pack file is shorter than its header says');
      done += count;
    }
    return bytes;
  }

  /** Releases the file; entries not read by then can no longer be. */
  close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // already gone: nothing to release
    }
    this.fd = undefined;
  }
}

/** The header and (lazy) body of a pack, or undefined when it is absent, damaged or `accept` says no. */
export function openPack<H>(file: string, accept: (header: H) => boolean): { header: H; body: PackBody } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) !== 4) throw new Error('short');
    const length = head.readUInt32LE(0);
    if (4 + length > size) throw new Error('short');
    const text = Buffer.alloc(length);
    if (readSync(fd, text, 0, length, 4) !== length) throw new Error('short');
    const header = JSON.parse(text.toString('utf8')) as H;
    if (!accept(header)) throw new Error('not ours');
    return { header, body: new PackBody(fd, 4 + length, size - 4 - length) };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** A pack's body being put together: each piece goes after the others, and add() says where. */
export class PackBodyWriter {
  readonly pieces: Buffer[] = [];
  private length = 0;

  /** Appends `piece`; returns its [offset, length] in the body. */
  add(piece: Buffer): [offset: number, length: number] {
    const at: [number, number] = [this.length, piece.length];
    this.pieces.push(piece);
    this.length += piece.length;
    return at;
  }
}

/**
 * Writes a pack (temporary file, then rename) on libuv's threads: the caller's thread
 * goes on meanwhile (the corpus's packs are ~40 MB). A cache that cannot be written
 * costs speed, not correctness: failures resolve quietly.
 */
export async function writePack(file: string, header: unknown, chunks: Buffer[]): Promise<void> {
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length, 0);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    // Piece by piece (writev): one buffer of the whole pack would be a copy for nothing.
    const handle = await open(temp, 'w');
    try {
      await writeAll(handle, [length, head, ...chunks]);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => {});
  }
}

/** writev takes at most IOV_MAX (1024 on Linux) pieces a call, and may write fewer bytes than asked. */
async function writeAll(handle: FileHandle, chunks: Buffer[]): Promise<void> {
  for (let start = 0; start < chunks.length; start += 1024) {
    let batch = chunks.slice(start, start + 1024).filter((chunk) => chunk.length > 0);
    while (batch.length > 0) {
      let { bytesWritten } = await handle.writev(batch);
      while (batch.length > 0 && bytesWritten >= batch[0]!.length) {
        bytesWritten -= batch[0]!.length;
        batch = batch.slice(1);
      }
      if (batch.length > 0 && bytesWritten > 0) batch = [batch[0]!.subarray(bytesWritten), ...batch.slice(1)];
    }
  }
}

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
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
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

/** Writes a pack (temporary file, then rename). A cache that cannot be written costs speed, not correctness. */
export function writePack(file: string, header: unknown, chunks: Buffer[]): void {
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length, 0);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    // Piece by piece: one buffer of the whole pack (~20 MB for the corpus) would be a copy for nothing.
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of [length, head, ...chunks]) writeFully(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    // the next run starts without it
  }
}

function writeFully(fd: number, chunk: Buffer): void {
  let done = 0;
  while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
}

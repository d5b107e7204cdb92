import { ActionError } from '../errors.js';

/** The reader's own error: anything malformed, truncated or not ELF ends up here, never as a RangeError. */
export class ElfError extends ActionError {}

/** Random access to a file's bytes, so a 300 MB binary is read a page at a time instead of all at once. */
export interface ByteSource {
  readonly size: number;
  /** Returns exactly `length` bytes at `offset`; callers check bounds first. */
  read(offset: number, length: number): Uint8Array;
}

/** A source over bytes already in memory (tests, the fuzzer, small libraries). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

const PAGE = 64 * 1024;

/** Bounds-checked, endian-aware access to a byte source; every read either succeeds or throws ElfError. */
export class ByteReader {
  private pageStart = -1;
  private page: Uint8Array = new Uint8Array(0);
  private pageView = new DataView(this.page.buffer);

  constructor(
    readonly source: ByteSource,
    readonly little: boolean,
    readonly is64: boolean,
  ) {}

  get size(): number {
    return this.source.size;
  }

  /** Throws unless [offset, offset+size) lies inside the file. */
  check(offset: number, size: number, what: string): void {
    if (
      !Number.isSafeInteger(offset) ||
      !Number.isSafeInteger(size) ||
      offset < 0 ||
      size < 0 ||
      offset + size > this.size
    ) {
      throw new ElfError(
        `truncated or corrupt: ${what} at offset ${offset} (+${size}) lies outside the ${this.size}-byte file`,
      );
    }
  }

  /** Loads the page holding [off, off+n) if needed and returns where `off` sits in it; small reads share one page. */
  private at(off: number, n: number): number {
    if (off < this.pageStart || off + n > this.pageStart + this.page.length) {
      this.pageStart = off - (off % PAGE);
      this.page = this.source.read(
        this.pageStart,
        Math.min(Math.max(PAGE, off + n - this.pageStart), this.size - this.pageStart),
      );
      this.pageView = new DataView(this.page.buffer, this.page.byteOffset, this.page.byteLength);
    }
    return off - this.pageStart;
  }

  u8(off: number, what: string): number {
    this.check(off, 1, what);
    const i = this.at(off, 1); // before reading this.page: at() may load another page
    return this.page[i];
  }

  u16(off: number, what: string): number {
    this.check(off, 2, what);
    const i = this.at(off, 2);
    return this.pageView.getUint16(i, this.little);
  }

  u32(off: number, what: string): number {
    this.check(off, 4, what);
    const i = this.at(off, 4);
    return this.pageView.getUint32(i, this.little);
  }

  u64(off: number, what: string): number {
    this.check(off, 8, what);
    const i = this.at(off, 8);
    const v = this.pageView.getBigUint64(i, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
      throw new ElfError(`corrupt: ${what} at offset ${off} is too large (${v})`);
    return Number(v);
  }

  /** A 64-bit address or tag value; precision beyond 2^53 is lost, which only matters for kernel-style addresses. */
  addr64(off: number, what: string): number {
    this.check(off, 8, what);
    const i = this.at(off, 8);
    return Number(this.pageView.getBigUint64(i, this.little));
  }

  /** A pointer-sized address (lossy above 2^53, see addr64). */
  addr(off: number, what: string): number {
    return this.is64 ? this.addr64(off, what) : this.u32(off, what);
  }

  /** A pointer-sized word: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
  word(off: number, what: string): number {
    return this.is64 ? this.u64(off, what) : this.u32(off, what);
  }

  /** A NUL-terminated string starting at `off` and ending before `limit`, read a piece at a time. */
  cstring(off: number, limit: number, what: string): string {
    this.check(off, 0, what);
    const end = Math.min(limit, this.size);
    const parts: Uint8Array[] = [];
    for (let at = off; at < end;) {
      const n = Math.min(4096, end - at);
      const piece = this.slice(at, n, what);
      const nul = piece.indexOf(0);
      if (nul >= 0) {
        parts.push(piece.subarray(0, nul));
        const all = parts.length === 1 ? parts[0] : concat(parts);
        return new TextDecoder('utf-8', { fatal: false }).decode(all);
      }
      parts.push(piece.slice());
      at += n;
    }
    throw new ElfError(`corrupt: ${what} at offset ${off} is not NUL-terminated`);
  }

  slice(off: number, size: number, what: string): Uint8Array {
    this.check(off, size, what);
    if (size <= PAGE) {
      const i = this.at(off, size);
      return this.page.subarray(i, i + size);
    }
    return this.source.read(off, size);
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

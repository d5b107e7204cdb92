/** The reader's own error: anything malformed, truncated or not ELF ends up here, never as a RangeError. */
export class ElfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElfError';
  }
}

/** Bounds-checked, endian-aware access to a byte buffer; every read either succeeds or throws ElfError. */
export class ByteReader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
    readonly is64: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Throws unless [offset, offset+size) lies inside the file. */
  check(offset: number, size: number, what: string): void {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0 || offset + size > this.bytes.length) {
      throw new ElfError(`truncated or corrupt: ${what} at offset ${offset} (+${size}) lies outside the ${this.bytes.length}-byte file`);
    }
  }

  u8(off: number, what: string): number {
    this.check(off, 1, what);
    return this.view.getUint8(off);
  }

  u16(off: number, what: string): number {
    this.check(off, 2, what);
    return this.view.getUint16(off, this.little);
  }

  u32(off: number, what: string): number {
    this.check(off, 4, what);
    return this.view.getUint32(off, this.little);
  }

  u64(off: number, what: string): number {
    this.check(off, 8, what);
    const v = this.view.getBigUint64(off, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ElfError(`corrupt: ${what} at offset ${off} is too large (${v})`);
    return Number(v);
  }

  /** A 64-bit address or tag value; precision beyond 2^53 is lost, which only matters for kernel-style addresses. */
  addr64(off: number, what: string): number {
    this.check(off, 8, what);
    return Number(this.view.getBigUint64(off, this.little));
  }

  /** A pointer-sized address (lossy above 2^53, see addr64). */
  addr(off: number, what: string): number {
    return this.is64 ? this.addr64(off, what) : this.u32(off, what);
  }

  /** A pointer-sized word: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
  word(off: number, what: string): number {
    return this.is64 ? this.u64(off, what) : this.u32(off, what);
  }

  /** A NUL-terminated string starting at `off` and ending before `limit`. */
  cstring(off: number, limit: number, what: string): string {
    this.check(off, 0, what);
    const end = Math.min(limit, this.bytes.length);
    const nul = this.bytes.indexOf(0, off);
    if (nul < 0 || nul >= end) throw new ElfError(`corrupt: ${what} at offset ${off} is not NUL-terminated`);
    return new TextDecoder('utf-8', { fatal: false }).decode(this.bytes.subarray(off, nul));
  }

  slice(off: number, size: number, what: string): Uint8Array {
    this.check(off, size, what);
    return this.bytes.subarray(off, off + size);
  }
}

import { VerifyError } from '../kernel/errors.js';

/**
 * Reads a tar stream a chunk at a time and keeps the contents of a few named regular files (an image's /etc/passwd
 * and /etc/group), so the layer that ships is the one read. USTAR names with their prefix, and PAX `path` and
 * `size` records (https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html, "pax Extended Header").
 */
export class TarScanner {
  readonly files = new Map<string, Uint8Array>();
  private pending: Uint8Array = new Uint8Array(0);
  private skip = 0;
  private keep: { name: string; size: number; parts: Uint8Array[]; got: number } | undefined;
  private pax: Record<string, string> | undefined;
  private readingPax: { size: number; parts: Uint8Array[]; got: number } | undefined;
  private ended = false;

  /** `wanted` are paths relative to `/`, as the layer writes them (`etc/passwd`); `maxSize` bounds each. */
  constructor(
    private readonly wanted: ReadonlySet<string>,
    private readonly maxSize = 1 << 20,
  ) {}

  /** Whether every wanted file was found, or the archive ended: no need to read further. */
  get done(): boolean {
    return this.ended || this.files.size === this.wanted.size;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.collect(chunk.subarray(at, at + n));
        this.skip -= n;
        at += n;
        continue;
      }
      const need = 512 - this.pending.length;
      const take = Math.min(need, chunk.length - at);
      this.pending = concat(this.pending, chunk.subarray(at, at + take));
      at += take;
      if (this.pending.length === 512) {
        this.header(this.pending);
        this.pending = new Uint8Array(0);
      }
    }
  }

  /** Bytes of a member's contents (and its padding): kept for a wanted file or a PAX header, else dropped. */
  private collect(bytes: Uint8Array): void {
    const into = this.readingPax ?? this.keep;
    if (!into) return;
    const useful = bytes.subarray(0, Math.max(0, into.size - into.got));
    if (useful.length > 0) into.parts.push(useful.slice());
    into.got += useful.length;
    if (into.got < into.size) return;
    if (this.readingPax) {
      this.pax = parsePax(new TextDecoder().decode(concat(...this.readingPax.parts)));
      this.readingPax = undefined;
    } else if (this.keep) {
      this.files.set(this.keep.name, concat(...this.keep.parts));
      this.keep = undefined;
    }
  }

  private header(h: Uint8Array): void {
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    const text = (from: number, len: number) => {
      const s = h.subarray(from, from + len);
      const end = s.indexOf(0);
      return new TextDecoder().decode(end < 0 ? s : s.subarray(0, end));
    };
    const type = String.fromCharCode(h[156] || 0x30);
    const prefix = text(345, 155);
    const pax = this.pax;
    this.pax = undefined;
    const name = pax?.path ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    const size = pax?.size !== undefined ? Number(pax.size) : parseInt(text(124, 12).trim() || '0', 8);
    const padded = Math.ceil(size / 512) * 512;
    this.skip = padded;
    if (type === 'x') {
      if (size > this.maxSize) throw new VerifyError(`a PAX header of ${size} bytes`);
      this.readingPax = { size, parts: [], got: 0 };
    } else if (type === '0' && this.wanted.has(name.replace(/^\.?\//, '')) && size <= this.maxSize) {
      this.keep = { name: name.replace(/^\.?\//, ''), size, parts: [], got: 0 };
    }
    if (size === 0) this.collect(new Uint8Array(0));
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `"<len> key=value\n"` records. */
function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^\d+ ([^=\n]+)=(.*)$/gm)) out[m[1]] = m[2];
  return out;
}

import { ByteReader } from './reader.js';
import { PF_W, PF_X, PT_LOAD, vaddrToOffset, type Section, type Segment } from './headers.js';

/** What `go version -m` would print, read straight from the binary (Go's debug/buildinfo and runtime/debug/mod.go). */
export interface GoBuildInfo {
  /** e.g. `go1.23.5`. */
  version: string;
  /** Main package path. */
  path: string | null;
  /** Main module path and version. */
  main: { path: string; version: string; sum?: string } | null;
  /** Module dependencies, with replacements applied; `sum` is go.sum's h1: module hash, when recorded. */
  deps: Array<{ path: string; version: string; sum?: string }>;
  /** `build` lines: -trimpath, CGO_ENABLED, GOARCH, GOARM, vcs.revision, ... */
  settings: Record<string, string>;
}

const MAGIC = Uint8Array.from([0xff, ...new TextEncoder().encode(' Go buildinf:')]);
const ALIGN = 16;
const HEADER = 32;
/** How far into the data segment to look, as Go's debug/buildinfo does. */
const SEARCH = 64 * 1024;

function findMagic(data: Uint8Array): number {
  outer: for (let i = 0; i + HEADER <= data.length; i += ALIGN) {
    for (let j = 0; j < MAGIC.length; j++) if (data[i + j] !== MAGIC[j]) continue outer;
    return i;
  }
  return -1;
}

function uvarint(data: Uint8Array, pos: number): [number, number] | undefined {
  let value = 0,
    shift = 0;
  for (let i = pos; i < data.length && i < pos + 10; i++) {
    value += (data[i] & 0x7f) * 2 ** shift;
    if ((data[i] & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  return undefined;
}

function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  try {
    return JSON.parse(s) as string;
  } catch {
    return s;
  }
}

/** Parses modinfo text (`path`, `mod`, `dep`, `=>`, `build` lines) into structured fields. */
export function parseModinfo(version: string, text: string): GoBuildInfo {
  const info: GoBuildInfo = { version, path: null, main: null, deps: [], settings: {} };
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'path' && f.length >= 2) info.path = f[1];
    else if (f[0] === 'mod' && f.length >= 3) info.main = { path: f[1], version: f[2], ...sumOf(f[3]) };
    else if (f[0] === 'dep' && f.length >= 3) info.deps.push({ path: f[1], version: f[2], ...sumOf(f[3]) });
    else if (f[0] === '=>' && f.length >= 3 && info.deps.length > 0)
      info.deps[info.deps.length - 1] = { path: f[1], version: f[2], ...sumOf(f[3]) };
    else if (f[0] === 'build' && f.length >= 2) {
      const kv = f.slice(1).join('\t');
      const eq = kv.startsWith('"') ? kv.indexOf('=', kv.indexOf('"', 1)) : kv.indexOf('=');
      if (eq < 0) info.settings[unquote(kv)] = '';
      else info.settings[unquote(kv.slice(0, eq))] = unquote(kv.slice(eq + 1));
    }
  }
  return info;
}

const sumOf = (field: string | undefined) => (field?.startsWith('h1:') ? { sum: field } : {});

function stripSentinels(mod: string): string {
  return mod.length >= 33 && mod[mod.length - 17] === '\n' ? mod.slice(16, -16) : '';
}

function readGoString(
  r: ByteReader,
  ptr: number,
  ptrSize: number,
  toOffset: (v: number) => number | undefined,
): string | undefined {
  const hdr = toOffset(ptr);
  if (hdr === undefined) return undefined;
  const dataPtr = ptrSize === 8 ? r.addr64(hdr, 'Go string pointer') : r.u32(hdr, 'Go string pointer');
  const len = ptrSize === 8 ? r.u64(hdr + 8, 'Go string length') : r.u32(hdr + 4, 'Go string length');
  const off = toOffset(dataPtr);
  if (off === undefined) return undefined;
  return new TextDecoder().decode(r.slice(off, len, 'Go string data'));
}

/** Finds and decodes the `.go.buildinfo` blob; null for non-Go files. Corrupt blobs throw ElfError. */
export function readGoBuildInfo(r: ByteReader, segments: Segment[], sections: Section[]): GoBuildInfo | null {
  let start: number | undefined,
    size = 0;
  const sec = sections.find((s) => s.name === '.go.buildinfo');
  if (sec) {
    start = sec.offset;
    size = sec.size;
  } else {
    const seg = segments.find((s) => s.type === PT_LOAD && (s.flags & (PF_X | PF_W)) === PF_W);
    if (seg) {
      start = seg.offset;
      size = seg.filesz;
    }
  }
  if (start === undefined) return null;
  const data = r.slice(start, Math.min(size, SEARCH, r.size - Math.min(start, r.size)), '.go.buildinfo');
  const at = findMagic(data);
  if (at < 0) return null;
  const ptrSize = data[at + 14];
  const flags = data[at + 15];
  let version: string | undefined, mod: string | undefined;
  if (flags & 2) {
    const dec = new TextDecoder();
    const v = uvarint(data, at + HEADER);
    if (!v || v[1] + v[0] > data.length) return null;
    version = dec.decode(data.subarray(v[1], v[1] + v[0]));
    const m = uvarint(data, v[1] + v[0]);
    if (!m || m[1] + m[0] > data.length) return null;
    mod = dec.decode(data.subarray(m[1], m[1] + m[0]));
  } else if (ptrSize === 4 || ptrSize === 8) {
    const pr = new ByteReader(r.source, (flags & 1) === 0, ptrSize === 8);
    const toOffset = (v: number) => vaddrToOffset(segments, v);
    const base = start + at + 16;
    const vp = ptrSize === 8 ? pr.addr64(base, 'buildinfo pointer') : pr.u32(base, 'buildinfo pointer');
    const mp = ptrSize === 8 ? pr.addr64(base + 8, 'buildinfo pointer') : pr.u32(base + 4, 'buildinfo pointer');
    version = readGoString(pr, vp, ptrSize, toOffset);
    mod = readGoString(pr, mp, ptrSize, toOffset);
  }
  if (version === undefined) return null;
  return parseModinfo(version, stripSentinels(mod ?? ''));
}

/** ELF note type of the go command's build ID (cmd/internal/buildid). */
const NOTE_GO_BUILDID = 4;

/**
 * The build ID in `.note.go.buildid`: the go command derives it from the binary's inputs and content, and trusts it
 * to leave an up-to-date binary in place; null when the note is absent or malformed.
 */
export function readGoBuildId(r: ByteReader, sections: Section[]): string | null {
  const sec = sections.find((s) => s.name === '.note.go.buildid');
  if (!sec || sec.size < 16 || sec.size > 4096) return null;
  const namesz = r.u32(sec.offset, 'build ID note');
  const descsz = r.u32(sec.offset + 4, 'build ID note');
  const type = r.u32(sec.offset + 8, 'build ID note');
  if (namesz !== 4 || type !== NOTE_GO_BUILDID || descsz === 0 || 16 + descsz > sec.size) return null;
  const name = r.slice(sec.offset + 12, 4, 'build ID note');
  if (name[0] !== 0x47 || name[1] !== 0x6f || name[2] !== 0 || name[3] !== 0) return null; // "Go\0\0"
  const id = new TextDecoder().decode(r.slice(sec.offset + 16, descsz, 'build ID'));
  return /^[\x21-\x7e]+$/.test(id) ? id : null;
}

import { ActionError } from '../kernel/errors.js';
import type { FileRef, TarEntry } from '../kernel/tar-entry.js';

const BLOCK = 512;
const enc = new TextEncoder();

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function putString(h: Uint8Array, off: number, len: number, s: string): void {
  h.set(enc.encode(s).subarray(0, len), off);
}

/** A USTAR header block (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html, "ustar Interchange Format"). */
function header(
  { name, prefix = '', typeflag, size }: { name: string; prefix?: string; typeflag: string; size: number },
  e: Pick<TarEntry, 'mode' | 'uid' | 'gid' | 'linkname'>,
  mtime: number,
): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, name);
  putString(h, 100, 8, octal(e.mode & 0o7777, 8));
  putString(h, 108, 8, octal(e.uid ?? 0, 8));
  putString(h, 116, 8, octal(e.gid ?? 0, 8));
  putString(h, 124, 12, octal(size, 12));
  putString(h, 136, 12, octal(mtime, 12));
  putString(h, 148, 8, '        ');
  putString(h, 156, 1, typeflag);
  putString(h, 157, 100, e.linkname ?? '');
  putString(h, 257, 8, 'ustar\x0000');
  putString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  putString(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

function pad(size: number): Uint8Array {
  return new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Splits a long name into USTAR prefix and name on a `/`, or returns undefined when it cannot. */
function ustarSplit(name: string): [string, string] | undefined {
  if (enc.encode(name).length <= 100) return ['', name];
  for (let i = name.length - 1; i > 0; i--) {
    if (name[i] !== '/') continue;
    const prefix = name.slice(0, i),
      rest = name.slice(i + 1);
    if (enc.encode(prefix).length <= 155 && enc.encode(rest).length <= 100 && rest !== '') return [prefix, rest];
  }
  return undefined;
}

/** A PAX record `"<len> key=value\n"`, where len counts its own digits too. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const n = enc.encode(body).length;
  let len = n + String(n).length;
  if (String(len).length !== String(n).length) len = n + String(len).length;
  return `${len}${body}`;
}

/**
 * Adds every missing parent directory with mode 0755, so runtimes never invent one: moby's go-archive leaves implied
 * directories implementation-defined and asks image authors for explicit header entries (ImpliedDirectoryMode).
 */
export function withParents(entries: TarEntry[]): TarEntry[] {
  const byPath = new Map<string, TarEntry>();
  for (const e of entries) {
    // A path with '..', an empty part or a leading '/' could land outside the root where a runtime extracts it.
    if (e.path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      throw new Error(`layer entry "${e.path}" is not a clean relative path`);
    }
    if (byPath.has(e.path))
      throw new ActionError(
        `the image would hold /${e.path} twice; list each path in files once, and none that the image already holds`,
      );
    byPath.set(e.path, e);
  }
  for (const e of entries) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!byPath.has(dir)) byPath.set(dir, { path: dir, type: 'dir', mode: 0o755 });
    }
  }
  return [...byPath.values()];
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The archive as a sequence of parts: header and padding bytes, and references to file contents the caller
 * streams from disk. Byte-stable: sorted paths, parents first, fixed owners and mtime, PAX only for long names.
 */
export function tarParts(input: TarEntry[], mtime: number): Array<Uint8Array | FileRef> {
  const entries = withParents(input).sort((a, b) => compareBytes(a.path, b.path));
  const parts: Array<Uint8Array | FileRef> = [];
  for (const e of entries) {
    const name = e.type === 'dir' ? `${e.path}/` : e.path;
    const typeflag = e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0';
    const size = e.type === 'file' ? (e.file?.size ?? e.data?.length ?? 0) : 0;
    const split = ustarSplit(name);
    const linkTooLong = e.linkname !== undefined && enc.encode(e.linkname).length > 100;
    if (!split || linkTooLong || size >= 8 ** 11) {
      let records = '';
      if (linkTooLong) records += paxRecord('linkpath', e.linkname as string);
      if (!split) records += paxRecord('path', name);
      if (size >= 8 ** 11) records += paxRecord('size', String(size));
      const body = enc.encode(records);
      const base = e.path.split('/').pop() ?? '';
      parts.push(
        header(
          { name: `PaxHeaders.0/${base}`.slice(0, 100), typeflag: 'x', size: body.length },
          { mode: 0o644 },
          mtime,
        ),
        body,
        pad(body.length),
      );
    }
    const [prefix, short] = split ?? ['', name.slice(0, 100)];
    parts.push(
      header(
        { name: short, prefix, typeflag, size: size >= 8 ** 11 ? 0 : size },
        { ...e, linkname: linkTooLong ? '' : e.linkname },
        mtime,
      ),
    );
    if (size > 0) parts.push(e.file ?? (e.data as Uint8Array), pad(size));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return parts;
}

/** The whole archive in memory, for entries that all carry their data (tests and small layers). */
export function writeTar(input: TarEntry[], mtime: number): Uint8Array[] {
  return tarParts(input, mtime).map((p) => {
    if (p instanceof Uint8Array) return p;
    throw new Error(`writeTar: /${p.path} is a file reference; stream the layer instead`);
  });
}

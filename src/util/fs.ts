import { ActionError } from '../kernel/errors.js';
import { lstat, open, readFile, readdir, readlink, rename, rm, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { DepsFs, FileReader } from '../kernel/fs-ports.js';
import type { ByteSource } from '../kernel/elf/reader.js';
import type { FileRef } from '../kernel/tar-entry.js';

/** The dependency resolver's file access, on the real file system. */
export const nodeDepsFs: DepsFs = {
  async lstat(path) {
    const st = await lstat(path).catch(() => undefined);
    if (!st) return undefined;
    const kind = st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    return { kind, mode: st.mode, size: st.size };
  },
  readlink: (path) => readlink(path),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path),
};

/** Runs `fn` over a file read on demand, a page at a time: a 300 MB binary is never held in memory whole. */
export function withFileSource<T>(path: string, fn: (source: ByteSource) => T): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    return fn({
      size,
      read(offset, length) {
        const buf = new Uint8Array(length);
        let got = 0;
        while (got < length) {
          const n = readSync(fd, buf, got, length - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        return got === length ? buf : buf.subarray(0, got);
      },
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * sha256 of a file, read through one reused 1 MiB buffer: the binary's digest for the report and the layer store's
 * key and integrity check, without leaving a trail of buffers for the GC (a stream allocates one per read).
 */
export async function hashFile(path: string): Promise<string> {
  return (await hashFileAs(path, ['sha256']))[0];
}

/** Several digests of a file in one read (an SBOM's SHA1 and SHA256), hex. */
export async function hashFileAs(path: string, algorithms: string[]): Promise<string[]> {
  const hs = algorithms.map((a) => createHash(a));
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      for (const h of hs) h.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return hs.map((h) => h.digest('hex'));
}

/** Opens a file the layer streams from; a short read means the file changed under us, which fails the layer. */
export async function openFileReader(file: FileRef): Promise<FileReader> {
  const fh = await open(file.path, 'r');
  return {
    async read(offset, buf) {
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      if (got !== buf.length)
        throw new ActionError(
          `${file.path} is shorter than the ${file.size} bytes it had when the layer started; run again once nothing writes to it`,
        );
    },
    close: () => fh.close(),
  };
}

/**
 * Writes a small file whole or not at all: into `<path>.<pid>-<random>.tmp`, renamed over `path`, so a concurrent
 * reader never sees half of it. The temp file goes on failure; one a killed job left behind, the store's prune removes.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

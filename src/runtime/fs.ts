import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { DepsFs } from '../elf/deps.js';
import type { ByteSource } from '../elf/reader.js';

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

import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import type { DepsFs } from '../elf/deps.js';

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

// The file-system ports that pure stages read through; util/fs.ts implements them on node:fs.

/** The read-only file access the resolver needs; paths are host paths (sysroot + image path). */
export interface DepsFs {
  lstat(path: string): Promise<{ kind: 'file' | 'dir' | 'symlink' | 'other'; mode: number; size: number } | undefined>;
  readlink(path: string): Promise<string>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
}

/** An open file the layer reads from, once per file rather than once per piece. */
export interface FileReader {
  /** Fills `into` from `offset`, or throws (the file changed size); one buffer is reused, so no garbage piles up. */
  read(offset: number, into: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

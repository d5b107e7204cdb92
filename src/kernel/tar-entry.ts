/** One entry of a layer, with a path relative to `/` and no `./` or trailing slash. */
export interface TarEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid?: number | undefined;
  gid?: number | undefined;
  data?: Uint8Array | undefined;
  /** Content read from disk while the layer streams, instead of `data`; size is fixed when the entry is made. */
  file?: FileRef | undefined;
  linkname?: string | undefined;
}

/** A file whose bytes go into the archive without being held in memory. */
export interface FileRef {
  path: string;
  size: number;
  /** Hex sha256 of the content when already known (the binary's, from inspection): the layer store is asked first. */
  sha256?: string | undefined;
  /** An identity the producer derives from the content (a Go build ID), so a hash memo may trust it over timestamps. */
  identity?: string | undefined;
}

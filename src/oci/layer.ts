import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { sha256Digest } from './digest.js';
import { writeTar, type TarEntry } from './tar.js';
import { MediaType, type LayerBlob } from './types.js';

const gzipAsync = promisify(gzip);

/** Fixed deflate level: part of the digest, so it never changes silently (reference §4.2). */
export const GZIP_LEVEL = 6;

/** Compressed layers by diff_id: an unchanged layer is never compressed twice (the rerun target of issue #5). */
export interface LayerCache {
  get(diffId: string): Promise<Uint8Array | undefined>;
  put(diffId: string, gz: Uint8Array): Promise<void>;
}

/** Tars and gzips a layer; zlib runs on the libuv pool, so several platforms compress in parallel. */
export async function buildLayer(entries: TarEntry[], mtime: number, cache?: LayerCache): Promise<LayerBlob> {
  const chunks = writeTar(entries, mtime);
  const tar = Buffer.concat(chunks);
  const diffId = sha256Digest(tar);
  // Node's gzip writes MTIME 0, no FNAME and OS=3; the level is fixed, so the bytes are too.
  const cached = await cache?.get(diffId);
  const gz = cached ?? (await gzipAsync(tar, { level: GZIP_LEVEL }));
  if (!cached) await cache?.put(diffId, gz);
  const digest = sha256Digest(gz);
  return { mediaType: MediaType.layerGzip, digest, size: gz.length, data: gz, diffId, uncompressedSize: tar.length, cached: cached !== undefined };
}

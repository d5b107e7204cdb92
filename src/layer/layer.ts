import { ActionError, asError } from '../kernel/errors.js';
import type { FileReader } from '../kernel/fs-ports.js';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import type { FileRef, TarEntry } from '../kernel/tar-entry.js';
import { tarParts } from './tar.js';
import { MediaType, type LayerBlob } from '../kernel/oci.js';
import { digestOf } from '../kernel/digest.js';

/**
 * Fixed deflate level: part of the digest, so it never changes silently. Level 1 compresses twice as fast as 5
 * (110 against 50 MB/s a core) for 4.5–7% more bytes, which stays smaller than ko's layers of the same binaries
 * (bench/gzip-levels.mjs and bench/ko.mjs, BENCHMARKS.md): on two cores busy linking, CPU is the cost that shows.
 */
export const GZIP_LEVEL = 1;

/**
 * Uncompressed bytes per gzip member. A layer is a concatenation of independently compressed members (RFC 1952
 * §2.2, as eStargz does), cut at fixed offsets of the tar stream, so memory stays bounded, members compress in
 * parallel, and the bytes depend on the content only. Layers up to this size are one ordinary gzip member.
 */
export const MEMBER_SIZE = 1 * 1024 * 1024;

/**
 * zstd's level for `compression: zstd`: level 2 compresses 1 MiB frames at 153 MB/s a core (WebAssembly), 1.7 times
 * libdeflate's level 1, into 2.3% fewer bytes (bench/gzip-levels.mjs, BENCHMARKS.md). Part of the digest.
 */
export const ZSTD_LEVEL = 2;

/** How a layer is compressed: gzip (every runtime pulls it) or zstd (containerd 1.5+, Docker Engine 23+, Podman). */
export type Compression = 'gzip' | 'zstd';

const READ_SIZE = 1024 * 1024;

/** What a stored layer is: its compressed digest and size, and the tar's diff_id and size the config needs. */
export interface LayerFacts {
  digest: string;
  size: number;
  diffId: string;
  uncompressedSize: number;
}

/** A compressed layer kept on disk under its recipe key, so an unchanged layer is never read or compressed twice. */
export interface StoredLayer extends LayerFacts {
  path: string;
  /**
   * Whether this store proved that the blob holds the recipe: it built the blob itself, or unpacked it and compared it
   * with the recipe, and the blob has not changed since. An unproven hit is checked before it is used.
   */
  proven?: boolean;
}

/** Receives compressed bytes in order; commit makes them a stored layer, abort leaves nothing behind. */
export interface LayerSink {
  write(bytes: Uint8Array): Promise<void>;
  commit(key: string, facts: LayerFacts): Promise<StoredLayer>;
  abort(): Promise<void>;
}

/** Where compressed layers live, keyed by recipe (see recipeKey), so an unchanged layer is never built twice. */
export interface LayerStore {
  lookup(key: string): Promise<StoredLayer | undefined>;
  /** Remembers that the blob of a hit was proven to hold the recipe of `key`. */
  proved(key: string, layer: StoredLayer): Promise<void>;
  create(): Promise<LayerSink>;
}

/** Compressed bytes that may live in a worker's buffer: valid until released, and released exactly once. */
export interface GzipMember {
  bytes: Uint8Array;
  release(): void;
}

/** The effects a layer needs: reading file contents, compressing a member, storing the result. */
export interface LayerIO {
  open(file: FileRef): Promise<FileReader>;
  /** Hex sha256 of a file whose digest nobody computed yet (gathered libraries). */
  hash(file: FileRef): Promise<string>;
  /**
   * One complete gzip member at GZIP_LEVEL, or zstd frame at ZSTD_LEVEL (RFC 8878 §3.1: concatenated frames decode
   * to the concatenated content), as `compression` says; `chunk` may be reused once this settles.
   */
  compress(chunk: Uint8Array): Promise<GzipMember>;
  /** gzip unless given. */
  compression?: Compression;
  store: LayerStore;
}

/** Members of one layer being compressed at once: memory is about 2 × this × MEMBER_SIZE per layer. */
const IN_FLIGHT = 2;

/**
 * The tar stream; a yielded piece is valid only until the next one is asked for (file reads share one buffer).
 * Each file is hashed as it streams and must match the digest its recipe key was made from.
 */
async function* tarStream(
  parts: Array<Uint8Array | FileRef>,
  io: LayerIO,
  digests: Map<FileRef, string>,
): AsyncGenerator<Uint8Array> {
  const buf = new Uint8Array(READ_SIZE);
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      yield p;
      continue;
    }
    const file = await io.open(p);
    const h = createHash('sha256');
    try {
      for (let off = 0; off < p.size; off += READ_SIZE) {
        const piece = buf.subarray(0, Math.min(READ_SIZE, p.size - off));
        await file.read(off, piece);
        h.update(piece);
        yield piece;
      }
    } finally {
      await file.close();
    }
    if (h.digest('hex') !== digests.get(p))
      throw new ActionError(`${p.path} changed while its layer was being written; run again`);
  }
}

/**
 * Re-cuts a stream into chunks of exactly `size` bytes (the last may be shorter), cycling through `ring` buffers:
 * a yielded chunk stays intact until `ring` more have been yielded.
 */
async function* fixedChunks(src: AsyncIterable<Uint8Array>, size: number, ring: number): AsyncGenerator<Uint8Array> {
  const bufs = Array.from({ length: ring }, () => new Uint8Array(size));
  let turn = 0;
  let buf = bufs[0];
  let n = 0;
  for await (const piece of src) {
    for (let at = 0; at < piece.length;) {
      const take = Math.min(size - n, piece.length - at);
      buf.set(piece.subarray(at, at + take), n);
      n += take;
      at += take;
      if (n === size) {
        yield buf;
        buf = bufs[++turn % ring];
        n = 0;
      }
    }
  }
  if (n > 0) yield buf.subarray(0, n);
}

const hex = (h: ReturnType<typeof createHash>) => digestOf(h.digest('hex'));

/** Everything besides the entries that decides the compressed bytes; a change here must change every key. */
const RECIPE: Record<Compression, string> = {
  gzip: `scratchpack layer 2: ustar, gzip level ${GZIP_LEVEL} members of ${MEMBER_SIZE} bytes by libdeflate\n`,
  zstd: `scratchpack layer 2: ustar, zstd level ${ZSTD_LEVEL} frames of ${MEMBER_SIZE} bytes by @bokuweb/zstd-wasm 0.0.27\n`,
};

/** In-memory contents at least this large (the CA bundle) are keyed by their sha256, taken once per run. */
const SHARED_DATA = 64 * 1024;
const dataDigests = new WeakMap<Uint8Array, string>();

/** The sha256 of in-memory contents that every target's layer shares, hashed once however many layers hold them. */
function dataDigest(data: Uint8Array): string {
  let d = dataDigests.get(data);
  if (d === undefined) {
    d = createHash('sha256').update(data).digest('hex');
    dataDigests.set(data, d);
  }
  return d;
}

/**
 * The store key: a sha256 over the tar's header bytes with each file's contents replaced by their sha256. Equal
 * keys mean equal tar streams, so equal layers; and it is known without reading a file whose digest is known.
 */
async function recipeKey(
  parts: Array<Uint8Array | FileRef>,
  io: LayerIO,
): Promise<{ key: string; digests: Map<FileRef, string> }> {
  const h = createHash('sha256').update(RECIPE[io.compression ?? 'gzip']);
  const digests = new Map<FileRef, string>();
  for (const p of parts) {
    if (p instanceof Uint8Array) {
      if (p.length >= SHARED_DATA) h.update(`d${p.length}:${dataDigest(p)}`);
      else h.update(`b${p.length}:`).update(p);
      continue;
    }
    const digest = p.sha256 ?? (await io.hash(p));
    digests.set(p, digest);
    h.update(`f${p.size}:${digest}`);
  }
  return { key: hex(h), digests };
}

/** The stored blob, read through the layer's file port and decompressed (gzip members, RFC 1952 section 2.2). */
async function* unpacked(blob: StoredLayer, io: LayerIO): AsyncGenerator<Uint8Array> {
  const file = await io.open({ path: blob.path, size: blob.size });
  const gunzip = createGunzip();
  const feed = (async () => {
    try {
      const buf = new Uint8Array(READ_SIZE);
      for (let off = 0; off < blob.size; off += READ_SIZE) {
        const piece = buf.subarray(0, Math.min(READ_SIZE, blob.size - off));
        await file.read(off, piece);
        if (!gunzip.write(Buffer.from(piece))) await new Promise((r) => gunzip.once('drain', r));
      }
      gunzip.end();
    } catch (e) {
      gunzip.destroy(asError(e));
    } finally {
      await file.close();
    }
  })();
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    gunzip.destroy();
    await feed;
  }
}

const partSize = (p: Uint8Array | FileRef) => (p instanceof Uint8Array ? p.length : p.size);

/**
 * Whether a stored layer holds exactly the recipe's tar stream: its headers byte for byte, each file by its sha256,
 * and the diff_id and size its entry claims. A recipe that names another layer (a planted or damaged store entry) is
 * a miss, never a push of the wrong contents.
 */
async function holdsRecipe(
  hit: StoredLayer,
  parts: Array<Uint8Array | FileRef>,
  digests: Map<FileRef, string>,
  io: LayerIO,
): Promise<boolean> {
  const tar = createHash('sha256');
  let i = 0;
  let off = 0;
  let total = 0;
  let file = createHash('sha256');
  try {
    for await (const chunk of unpacked(hit, io)) {
      tar.update(chunk);
      total += chunk.length;
      for (let at = 0; at < chunk.length;) {
        while (i < parts.length && partSize(parts[i]) === 0) i++;
        if (i >= parts.length) return false;
        const p = parts[i];
        const n = Math.min(partSize(p) - off, chunk.length - at);
        const piece = chunk.subarray(at, at + n);
        if (p instanceof Uint8Array) {
          if (Buffer.compare(piece, p.subarray(off, off + n)) !== 0) return false;
        } else file.update(piece);
        off += n;
        at += n;
        if (off === partSize(p)) {
          if (!(p instanceof Uint8Array) && file.digest('hex') !== digests.get(p)) return false;
          file = createHash('sha256');
          i++;
          off = 0;
        }
      }
    }
  } catch {
    return false; // not gzip (a zstd layer is only ever reused as proven), or unreadable: not this recipe's layer
  }
  while (i < parts.length && partSize(parts[i]) === 0) i++;
  return i === parts.length && total === hit.uncompressedSize && hex(tar) === hit.diffId;
}

/** Tars a layer from entries whose contents stream from disk; returns the stored layer, compressed only on a miss. */
export async function buildLayer(entries: TarEntry[], mtime: number, io: LayerIO): Promise<LayerBlob> {
  const parts = tarParts(entries, mtime);
  const { key, digests } = await recipeKey(parts, io);
  const layer = (s: StoredLayer, cached: boolean): LayerBlob => ({
    mediaType: io.compression === 'zstd' ? MediaType.layerZstd : MediaType.layerGzip,
    digest: s.digest,
    size: s.size,
    path: s.path,
    diffId: s.diffId,
    uncompressedSize: s.uncompressedSize,
    cached,
  });
  const hit = await io.store.lookup(key);
  if (hit && (hit.proven || (await holdsRecipe(hit, parts, digests, io)))) {
    if (!hit.proven) await io.store.proved(key, hit);
    return layer(hit, true);
  }

  const sink = await io.store.create();
  const pending: Array<Promise<GzipMember>> = [];
  try {
    const tarHash = createHash('sha256');
    const gzHash = createHash('sha256');
    let tarSize = 0;
    let size = 0;
    const drain = async () => {
      const member = await (pending.shift() as Promise<GzipMember>);
      try {
        gzHash.update(member.bytes);
        size += member.bytes.length;
        await sink.write(member.bytes);
      } finally {
        member.release();
      }
    };
    // A chunk is reused after IN_FLIGHT + 1 more: by then the member made from it has been drained.
    for await (const chunk of fixedChunks(tarStream(parts, io, digests), MEMBER_SIZE, IN_FLIGHT + 1)) {
      tarHash.update(chunk);
      tarSize += chunk.length;
      const member = io.compress(chunk);
      member.catch(() => undefined); // a later drain reports it; never an unhandled rejection meanwhile
      pending.push(member);
      if (pending.length >= IN_FLIGHT) await drain();
    }
    while (pending.length > 0) await drain();
    return layer(
      await sink.commit(key, { digest: hex(gzHash), size, diffId: hex(tarHash), uncompressedSize: tarSize }),
      false,
    );
  } catch (e) {
    for (const p of pending.splice(0))
      await p.then(
        (m) => m.release(),
        () => undefined,
      );
    await sink.abort();
    throw e;
  }
}

import { createHash } from 'node:crypto';
import type { Blob } from './oci.js';

const PREFIX = 'sha256:';

/** `sha256:<hex>` of some bytes: the identity of every blob, manifest and index. */
export function sha256Digest(data: Uint8Array): string {
  return digestOf(createHash('sha256').update(data).digest('hex'));
}

/** The digest for a hex sha256, e.g. a file name under blobs/sha256/. */
export function digestOf(hex: string): string {
  return PREFIX + hex;
}

/** The hex part of a `sha256:` digest, as blob file names and push-by-digest files use it. */
export function hexOf(digest: string): string {
  return digest.startsWith(PREFIX) ? digest.slice(PREFIX.length) : digest;
}

/**
 * Serialises JSON exactly once, so the digest is over the bytes we publish
 * (https://github.com/opencontainers/image-spec/blob/main/considerations.md#json).
 */
export function jsonBlob(mediaType: string, value: unknown): Blob {
  const data = new TextEncoder().encode(JSON.stringify(value));
  return { mediaType, digest: sha256Digest(data), size: data.length, data };
}

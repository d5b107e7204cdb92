import { createHash } from 'node:crypto';
import type { Blob } from './types.js';

/** `sha256:<hex>` of some bytes: the identity of every blob, manifest and index. */
export function sha256Digest(data: Uint8Array): string {
  return 'sha256:' + createHash('sha256').update(data).digest('hex');
}

/** Serialises JSON exactly once, so the digest is over the bytes we publish (reference §1.10). */
export function jsonBlob(mediaType: string, value: unknown): Blob {
  const data = new TextEncoder().encode(JSON.stringify(value));
  return { mediaType, digest: sha256Digest(data), size: data.length, data };
}

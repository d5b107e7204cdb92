import { gzip } from 'libdeflate';
import { GZIP_LEVEL, type GzipMember } from '../../src/layer/layer.js';

/**
 * One gzip member by the libdeflate package's own wrapper, in this thread: the reference the worker pool
 * (src/layer/compress-worker.mjs, which drives the same WebAssembly module directly) must match byte for byte.
 * It lives here, not in src/, so the action's bundle does not load a second copy of libdeflate at start-up.
 */
export async function inlineGzip(chunk: Uint8Array): Promise<GzipMember> {
  return { bytes: gzip(chunk, GZIP_LEVEL), release: () => undefined };
}

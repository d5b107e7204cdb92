// Worker-thread entry of the compression pool (gzip-pool.ts). Plain JavaScript, so the same file runs from src/ (under a
// TypeScript loader, which worker threads do not inherit) and, bundled, from dist/. It owns one libdeflate compressor
// and two WebAssembly buffers for its whole life, and exchanges bytes with the main thread through one
// SharedArrayBuffer: input at [0, inSize), output after it. A message is the input length; the reply is the output
// length. Nothing is allocated per member, so memory stays flat however large the layer. A message asks for gzip
// (libdeflate) or, for `compression: zstd`, one zstd frame (@bokuweb/zstd-wasm), whose module loads on first use.
import { existsSync, readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
// The package exports only a wrapper that allocates per call; the module itself lets buffers live as long as we do.
import createModule from '../../node_modules/libdeflate/dist/libdeflate.wasm.mjs';
import zstdModule from '../../node_modules/@bokuweb/zstd-wasm/dist/common/module.js';

const { shared, inSize, level, zstdLevel } = workerData;
/**
 * The member's RFC 1952 header as libdeflate's gzip_compress writes it: no name, MTIME 0, XFL 4 ("fastest") below
 * level 2 and 2 ("slowest") from level 8, OS 255 ("unknown"). Section 2.3.1.
 */
const GZIP_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level < 2 ? 4 : level >= 8 ? 2 : 0, 0xff];
const m = createModule();
const compressor = m._libdeflate_alloc_compressor(level);
const bound = m._libdeflate_deflate_compress_bound(compressor, inSize);
const input = new Uint8Array(shared, 0, inSize);
const output = new Uint8Array(shared, inSize);
/** A member's largest size: the header, libdeflate's bound for the deflate stream, and the 8-byte trailer. */
const memberBound = GZIP_HEADER.length + bound + 8;
if (!compressor || memberBound > output.length) {
  throw new Error(`libdeflate: no compressor for level ${level} or member bound ${memberBound} > ${output.length}`);
}
const inPtr = m._malloc(inSize);
const outPtr = m._malloc(bound);

/** The zstd module, its context and buffers: made once, on the first zstd frame. */
let zstd;
async function zstdState() {
  if (zstd) return zstd;
  // Beside the bundle in dist/ (scripts/bundle.mjs copies it), else in the package, when run from src/.
  const beside = new URL('./zstd.wasm', import.meta.url);
  const wasm = existsSync(beside)
    ? beside
    : new URL('../../node_modules/@bokuweb/zstd-wasm/dist/common/zstd.wasm', import.meta.url);
  const { Module: z, waitInitialized } = zstdModule;
  z.init(readFileSync(wasm));
  await waitInitialized();
  const zbound = z._ZSTD_compressBound(inSize);
  if (zbound > output.length) throw new Error(`zstd: bound ${zbound} > ${output.length}`);
  zstd = { z, cctx: z._ZSTD_createCCtx(), inPtr: z._malloc(inSize), outPtr: z._malloc(zbound), bound: zbound };
  return zstd;
}

/** One zstd frame of the input's first n bytes, at zstdLevel with no dictionary, into the output; its length. */
async function zstdFrame(n) {
  const s = await zstdState();
  s.z.HEAPU8.set(input.subarray(0, n), s.inPtr);
  const written = s.z._ZSTD_compress_usingDict(s.cctx, s.outPtr, s.bound, s.inPtr, n, 0, 0, zstdLevel);
  if (s.z._ZSTD_isError(written)) throw new Error(`zstd: compression failed (${written})`);
  output.set(s.z.HEAPU8.subarray(s.outPtr, s.outPtr + written));
  return written;
}

/**
 * One gzip member: libdeflate's raw deflate between the header and the trailer (CRC-32 and ISIZE, little-endian),
 * byte for byte what libdeflate_gzip_compress writes. The CRC-32 is zlib's (native, and a checksum is the same on
 * every runtime) instead of libdeflate's portable WebAssembly loop: 3–6% less CPU per member (bench/gzip-levels.mjs).
 */
function gzipMember(n) {
  const data = input.subarray(0, n);
  m.HEAPU8.set(data, inPtr);
  const written = m._libdeflate_deflate_compress(compressor, inPtr, n, outPtr, bound);
  if (written === 0) throw new Error('libdeflate: gzip compression failed');
  const h = GZIP_HEADER.length;
  output.set(GZIP_HEADER);
  output.set(m.HEAPU8.subarray(outPtr, outPtr + written), h);
  const trailer = new DataView(output.buffer, output.byteOffset + h + written, 8);
  trailer.setUint32(0, crc32(data), true);
  trailer.setUint32(4, n >>> 0, true);
  return h + written + 8;
}

parentPort?.on('message', ({ n, zstd: asZstd }) => {
  if (!asZstd) parentPort?.postMessage(gzipMember(n));
  // A failure is an unhandled rejection, which ends the worker with an 'error' the pool reports.
  else void zstdFrame(n).then((written) => parentPort?.postMessage(written));
});

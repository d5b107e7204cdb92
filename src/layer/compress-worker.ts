// Worker-thread entry (dist/compress-worker.js). It owns one libdeflate compressor and two WebAssembly buffers for
// its whole life, and exchanges bytes with the main thread through one SharedArrayBuffer: input at [0, inSize),
// output after it. A message is the input length; the reply is the output length. Nothing is allocated per
// member, so memory stays flat however large the layer (issue #5, target 3).
import { parentPort, workerData } from 'node:worker_threads';
// The package exports only a wrapper that allocates per call; the module itself lets buffers live as long as we do.
// @ts-expect-error no type declarations for the Emscripten module
import createModule from '../../node_modules/libdeflate/dist/libdeflate.wasm.mjs';

interface Libdeflate {
  HEAPU8: Uint8Array;
  _malloc(n: number): number;
  _libdeflate_alloc_compressor(level: number): number;
  _libdeflate_gzip_compress_bound(c: number, n: number): number;
  _libdeflate_gzip_compress(c: number, inPtr: number, n: number, outPtr: number, outMax: number): number;
}

const { shared, inSize, level } = workerData as { shared: SharedArrayBuffer; inSize: number; level: number };
const m = (createModule as () => Libdeflate)();
const compressor = m._libdeflate_alloc_compressor(level);
const bound = m._libdeflate_gzip_compress_bound(compressor, inSize);
const input = new Uint8Array(shared, 0, inSize);
const output = new Uint8Array(shared, inSize);
if (!compressor || bound > output.length)
  throw new Error(`libdeflate: no compressor for level ${level} or bound ${bound} > ${output.length}`);
const inPtr = m._malloc(inSize);
const outPtr = m._malloc(bound);

parentPort?.on('message', (n: number) => {
  m.HEAPU8.set(input.subarray(0, n), inPtr);
  const written = m._libdeflate_gzip_compress(compressor, inPtr, n, outPtr, bound);
  if (written === 0) throw new Error('libdeflate: gzip compression failed');
  output.set(m.HEAPU8.subarray(outPtr, outPtr + written));
  parentPort?.postMessage(written);
});

// Worker-thread entry of the gzip pool (gzip-pool.ts). Plain JavaScript, so the same file runs from src/ (under a
// TypeScript loader, which worker threads do not inherit) and, bundled, from dist/. It owns one libdeflate compressor
// and two WebAssembly buffers for its whole life, and exchanges bytes with the main thread through one
// SharedArrayBuffer: input at [0, inSize), output after it. A message is the input length; the reply is the output
// length. Nothing is allocated per member, so memory stays flat however large the layer.
import { parentPort, workerData } from 'node:worker_threads';
// The package exports only a wrapper that allocates per call; the module itself lets buffers live as long as we do.
import createModule from '../../node_modules/libdeflate/dist/libdeflate.wasm.mjs';

const { shared, inSize, level } = workerData;
const m = createModule();
const compressor = m._libdeflate_alloc_compressor(level);
const bound = m._libdeflate_gzip_compress_bound(compressor, inSize);
const input = new Uint8Array(shared, 0, inSize);
const output = new Uint8Array(shared, inSize);
if (!compressor || bound > output.length) {
  throw new Error(`libdeflate: no compressor for level ${level} or bound ${bound} > ${output.length}`);
}
const inPtr = m._malloc(inSize);
const outPtr = m._malloc(bound);

parentPort?.on('message', (n) => {
  m.HEAPU8.set(input.subarray(0, n), inPtr);
  const written = m._libdeflate_gzip_compress(compressor, inPtr, n, outPtr, bound);
  if (written === 0) throw new Error('libdeflate: gzip compression failed');
  output.set(m.HEAPU8.subarray(outPtr, outPtr + written));
  parentPort?.postMessage(written);
});

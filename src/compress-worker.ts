// Worker-thread entry (dist/compress-worker.js): compresses one gzip member per message and sends it back.
import { parentPort } from 'node:worker_threads';
import { gzip } from 'libdeflate';

parentPort?.on('message', (m: { chunk: Uint8Array; level: number }) => {
  const gz = gzip(m.chunk, m.level);
  parentPort?.postMessage(gz, [gz.buffer as ArrayBuffer]);
});

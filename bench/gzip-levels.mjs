// Issue #28: the gzip level, chosen by measurement. Compresses binaries as a layer does (1 MiB members, libdeflate
// WebAssembly, one thread) at each level and prints MB/s and bytes, with GNU `gzip -6` for scale.
// Usage: node bench/gzip-levels.mjs <binary>...   (defaults: bench/service and pushgateway for amd64, and ko)
import { readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import createModule from '../node_modules/libdeflate/dist/libdeflate.wasm.mjs';
import { machine, ROOT, sh } from './lib.mjs';

const MEMBER = 1024 * 1024;
const LEVELS = [1, 2, 3, 4, 5, 6];

function defaults() {
  const out = mkdtempSync(join(tmpdir(), 'scratchpack-bench-levels-'));
  const build = (dir, name) => {
    const file = join(out, name);
    sh('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', file, '.'], {
      cwd: join(ROOT, dir),
      env: { GOOS: 'linux', GOARCH: 'amd64', CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
    });
    return file;
  };
  return [
    build('bench/service', 'bench-service'),
    build('.tmp/bench-pushgateway', 'pushgateway'),
    join(process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'), 'bin', 'ko'),
  ];
}

const m = createModule();
/** Each member as the workers write it at `level` (raw deflate, CRC-32 by zlib), or, with `wasmCrc`, by libdeflate. */
function compress(data, level, wasmCrc = false) {
  const c = m._libdeflate_alloc_compressor(level);
  const bound = m._libdeflate_gzip_compress_bound(c, MEMBER);
  const inPtr = m._malloc(MEMBER);
  const outPtr = m._malloc(bound);
  let bytes = 0;
  const t = performance.now();
  for (let o = 0; o < data.length; o += MEMBER) {
    const chunk = data.subarray(o, o + MEMBER);
    m.HEAPU8.set(chunk, inPtr);
    if (wasmCrc) bytes += m._libdeflate_gzip_compress(c, inPtr, chunk.length, outPtr, bound);
    else {
      bytes += 18 + m._libdeflate_deflate_compress(c, inPtr, chunk.length, outPtr, bound);
      crc32(chunk);
    }
  }
  const s = (performance.now() - t) / 1000;
  m._free(inPtr);
  m._free(outPtr);
  m._libdeflate_free_compressor(c);
  return { bytes, s };
}

console.log(`machine: ${machine()}`);
for (const file of process.argv.length > 2 ? process.argv.slice(2) : defaults()) {
  const data = readFileSync(file);
  const gz6 = Number(sh('sh', ['-c', `gzip -6 -n -c < "${file}" | wc -c`]).trim());
  console.log(`${file}: ${(data.length / 1e6).toFixed(1)} MB; gzip -6 ${gz6} B`);
  for (const level of LEVELS) {
    compress(data, level); // warm
    const runs = [0, 1, 2].map(() => compress(data, level));
    const s = Math.min(...runs.map((r) => r.s));
    const { bytes } = runs[0];
    console.log(
      `  level ${level}: ${(data.length / 1e6 / s).toFixed(0)} MB/s, ${bytes} B (${((bytes / gz6 - 1) * 100).toFixed(1)}% vs gzip -6), ${(s * 1000).toFixed(0)} ms`,
    );
  }
  // The CRC-32: libdeflate's WebAssembly loop (before) against zlib's native one (the workers), level 1, alternating.
  const wasm = [];
  const zlib = [];
  for (let i = 0; i < 5; i++) {
    wasm.push(compress(data, 1, true).s);
    zlib.push(compress(data, 1).s);
  }
  const best = (xs) => Math.min(...xs) * 1000;
  console.log(
    `  level 1, CRC-32 by libdeflate (WebAssembly) ${best(wasm).toFixed(0)} ms, by zlib ${best(zlib).toFixed(0)} ms: ${((1 - best(zlib) / best(wasm)) * 100).toFixed(1)}% less`,
  );
}

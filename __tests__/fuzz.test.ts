import { beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseElf, ElfError } from '../src/kernel/elf/parse.js';
import { resolveDeps } from '../src/check/deps.js';
import { buildCFixtures, EXAMPLE, FIXTURES, goBuild } from './helpers/fixtures.js';

/** Fixed seed: a failure here replays exactly. Override with SCRATCHPACK_FUZZ_SEED / _ITERATIONS to explore. */
const SEED = Number(process.env.SCRATCHPACK_FUZZ_SEED ?? 20261123);
const ITERATIONS = Number(process.env.SCRATCHPACK_FUZZ_ITERATIONS ?? 10_000);

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seeds: Array<[string, Buffer]> = [];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-fuzz-'));
  const c = buildCFixtures();
  for (const name of ['runpath-arm64', 'rpath-amd64', 'lib-arm64', 'static-pie-amd64'])
    seeds.push([name, readFileSync(c[name])]);
  for (const [arch, env] of [
    ['arm', { GOARCH: 'arm', GOARM: '7' }],
    ['s390x', { GOARCH: 's390x' }],
    ['riscv64', { GOARCH: 'riscv64' }],
    ['386', { GOARCH: '386' }],
  ] as const) {
    seeds.push([`go-${arch}`, readFileSync(goBuild(EXAMPLE, join(dir, `go-${arch}`), env, ['-ldflags=-s -w']))]);
  }
  seeds.push([
    'go-cgo-arm64',
    readFileSync(
      goBuild(join(FIXTURES, 'cgo'), join(dir, 'cgo-arm64'), {
        GOARCH: 'arm64',
        CGO_ENABLED: '1',
        CC: 'aarch64-linux-gnu-gcc',
      }),
    ),
  ]);
});

/** Mutates bytes the way that finds parser bugs: header fields, table entries, truncation, random bit flips. */
function mutate(orig: Buffer, r: () => number): Buffer {
  const kind = Math.floor(r() * 5);
  if (kind === 0) return orig.subarray(0, Math.floor(r() * Math.min(orig.length, 1 << 16)));
  const b = Buffer.from(kind === 4 ? orig.subarray(0, Math.floor(r() * orig.length)) : orig);
  const flips = 1 + Math.floor(r() * 16);
  for (let i = 0; i < flips; i++) {
    const hot = kind === 1 ? 64 : kind === 2 ? Math.min(b.length, 4096) : b.length;
    const at = Math.floor(r() * hot);
    if (at >= b.length) continue;
    b[at] = r() < 0.3 ? 0xff : r() < 0.5 ? 0 : Math.floor(r() * 256);
  }
  return b;
}

test(`${ITERATIONS} mutated and truncated ELF files: a result or an ElfError, never a hang or another error (seed ${SEED})`, async () => {
  const r = rng(SEED);
  let ok = 0,
    rejected = 0,
    slowest = 0;
  const emptyFs = {
    lstat: async () => undefined,
    readlink: async () => '',
    readFile: async () => new Uint8Array(),
    readdir: async () => [],
  };
  for (let i = 0; i < ITERATIONS; i++) {
    const [name, orig] = seeds[i % seeds.length];
    const bytes = mutate(orig, r);
    const start = performance.now();
    try {
      const info = parseElf(bytes);
      // The resolver must survive whatever the parser accepted.
      await resolveDeps(info, { sysroot: '/nonexistent', originDir: '/', fs: emptyFs, parse: parseElf });
      ok++;
    } catch (e) {
      if (!(e instanceof ElfError)) throw new Error(`iteration ${i} (${name}, seed ${SEED}) threw ${String(e)}`);
      rejected++;
    }
    slowest = Math.max(slowest, performance.now() - start);
  }
  expect(ok + rejected).toBe(ITERATIONS);
  expect(rejected).toBeGreaterThan(0);
  expect(ok).toBeGreaterThan(0);
  process.stdout.write(
    `fuzz: ${ITERATIONS} inputs, ${ok} parsed, ${rejected} ElfError, slowest ${slowest.toFixed(1)} ms\n`,
  );
});

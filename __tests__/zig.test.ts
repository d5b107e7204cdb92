import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { runInProcess } from './helpers/in-process.js';
import { unpackRoot } from './helpers/layout.js';
import { startPypiMirror, type PypiMirror } from './helpers/pypi.js';

// zig's compiled musl and compiler-rt are kept between test runs: the first build of a target takes a minute.
const CACHE = process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack');
const ZIG_CACHE = join(CACHE, 'zig-cache');
const KEPT_TOOL_CACHE = join(CACHE, 'tool-cache');
const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/riscv64', 'linux/s390x'];
const QEMU: Record<string, string> = {
  arm64: 'qemu-aarch64-static',
  arm: 'qemu-arm-static',
  riscv64: 'qemu-riscv64-static',
  s390x: 'qemu-s390x-static',
};
const WHEEL = 'ziglang-0.17.1-py3-none-manylinux_2_12_x86_64.manylinux2010_x86_64.musllinux_1_1_x86_64.whl';

let mirror: PypiMirror;
beforeAll(async () => {
  mirror = await startPypiMirror((path) =>
    path === `/files/${WHEEL}` && tamper ? { status: 200, body: Buffer.from('not the wheel PyPI lists') } : undefined,
  );
});
afterAll(() => mirror.close());
let tamper = false;

describe('zig from the package index', () => {
  const toolCache = mkdtempSync(join(tmpdir(), 'scratchpack-tool-cache-'));
  // This is about getting zig, not about linking with it (a zig at a new path builds musl again, for a minute): the
  // package does not compile, so go stops before any link. zig is provisioned before the build, and the summary says so.
  const inputs = { 'working-directory': '__tests__/fixtures/broken', platforms: 'linux/amd64', cgo: 'true', cc: 'zig' };
  const env = () => ({ PIP_INDEX_URL: mirror.index, RUNNER_TOOL_CACHE: toolCache, ZIG_GLOBAL_CACHE_DIR: ZIG_CACHE });
  let first: ActionRun;
  let second: ActionRun;
  let firstRequests: string[];
  beforeAll(async () => {
    first = await runActionAsync(inputs, { env: env() });
    firstRequests = mirror.requests.splice(0);
    second = await runActionAsync(inputs, { env: env() });
  }, 300_000);

  test('comes from the PIP_INDEX_URL mirror, checked against the sha256 the action pins, into the tool cache', () => {
    expect(first.errors[0]).toContain('title=go build (linux/amd64)');
    expect(firstRequests).toEqual(['/simple/ziglang/', `/files/${WHEEL}`]);
    expect(first.summary).toMatch(
      /zig 0\.17\.1 \(downloaded and verified against the sha256 pinned in the action: 96\.\d MiB in [\d.]+ s\)/,
    );
    expect(existsSync(join(toolCache, 'zig', '0.17.1', 'x64', 'zig'))).toBe(true);
  });

  test('a second run finds it in the tool cache and asks the index nothing', () => {
    expect(second.errors[0]).toContain('title=go build (linux/amd64)');
    expect(second.summary).toContain('zig 0.17.1 (from tool cache)');
    expect(mirror.requests.splice(0)).toEqual([]);
  });
});

describe('cc: zig builds static cgo binaries for five architectures', () => {
  let run: ActionRun;
  beforeAll(async () => {
    run = await runActionAsync(
      {
        'working-directory': '__tests__/fixtures/cgozig',
        platforms: PLATFORMS.join(','),
        cgo: 'true',
        cc: 'zig',
        'source-date-epoch': '1',
      },
      // A tool cache kept between test runs: zig's cache is only reused for a zig at the same path.
      { env: { PIP_INDEX_URL: mirror.index, RUNNER_TOOL_CACHE: KEPT_TOOL_CACHE, ZIG_GLOBAL_CACHE_DIR: ZIG_CACHE } },
    );
  }, 900_000);

  test('the build passes', () => {
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/zig 0\.17\.1 \((downloaded and verified [^)]*|from tool cache)\)/);
  });

  test.each(PLATFORMS)('%s: static (no PT_INTERP), passes linkage: static, and runs from the unpacked image', (id) => {
    const [, arch, variant] = id.split('/');
    const images = JSON.parse(run.outputs.images) as { platform: string; binary: { linkage: string } }[];
    expect(images.find((i) => i.platform === id)?.binary.linkage).toBe('static');
    const root = unpackRoot(run, arch, variant);
    const binary = join(root, 'usr', 'local', 'bin', 'cgozig');
    expect(sh('readelf', ['-lW', binary])).not.toContain('INTERP');
    const out = arch === 'amd64' ? sh(binary, []) : sh(QEMU[arch], [binary]);
    expect(out).toMatch(new RegExp(`^cgo linux/${arch} hyp\\(3,4\\)=5 user:(true|false) net:(true|false)\\n$`));
  });
});

describe('zig that cannot be verified is refused', () => {
  test('a wheel whose bytes are not those PyPI published: nothing is cached or built', async () => {
    tamper = true;
    try {
      const toolCache = mkdtempSync(join(tmpdir(), 'scratchpack-tool-cache-'));
      const run = await runInProcess(
        { 'working-directory': '__tests__/fixtures/cgozig', platforms: 'linux/amd64', cgo: 'true', cc: 'zig' },
        { env: { PIP_INDEX_URL: mirror.index, RUNNER_TOOL_CACHE: toolCache } },
      );
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(
        new RegExp(
          `input "cc": zig: checksum mismatch for ${WHEEL.replace(/\./g, '\\.')}: sha256 [0-9a-f]{64}, but the action pins ea6cc5d87b033cf0aedfbc8f9549a908cae6c50ac31f1698188fa48a74524b54`,
        ),
      );
      expect(readdirSync(toolCache)).toEqual([]);
      expect(existsSync(join(run.runnerTemp, 'scratchpack', 'build'))).toBe(false);
      expect(readdirSync(run.runnerTemp).filter((f) => /^[0-9a-f-]{36}$/.test(f))).toEqual([]);
    } finally {
      tamper = false;
    }
  });
});

test('a zig on PATH (as setup-zig leaves it) is used as it is, and nothing is downloaded', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'scratchpack-zig-bin-'));
  symlinkSync(join(KEPT_TOOL_CACHE, 'zig', '0.17.1', 'x64', 'zig'), join(bin, 'zig'));
  mirror.requests.splice(0);
  const run = await runActionAsync(
    { 'working-directory': '__tests__/fixtures/cgozig', platforms: 'linux/arm64', cgo: 'true', cc: 'zig' },
    {
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        PIP_INDEX_URL: mirror.index,
        RUNNER_TOOL_CACHE: mkdtempSync(join(tmpdir(), 'scratchpack-tool-cache-')),
        ZIG_GLOBAL_CACHE_DIR: ZIG_CACHE,
      },
    },
  );
  expect(run.errors).toEqual([]);
  expect(run.summary).toContain('zig 0.17.1 (from PATH)');
  expect(mirror.requests).toEqual([]);
}, 300_000);

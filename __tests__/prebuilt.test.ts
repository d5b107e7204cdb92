import { beforeAll, describe, expect, test } from '@jest/globals';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CPU_ARCH_NAMES } from '../src/kernel/elf/arm.js';
import { parseElf, whatFileIs } from '../src/kernel/elf/parse.js';
import { binaryFor, parseBinaries, type BinariesSpec } from '../src/inputs/binaries.js';
import { parsePlatforms } from '../src/inputs/platform.js';
import { runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { FIXTURES, goBuild } from './helpers/fixtures.js';
import { runInProcess } from './helpers/in-process.js';
import { unpackRoot } from './helpers/layout.js';

test('a file that is not an ELF is named for what it is', () => {
  const kind = (bytes: number[] | string) =>
    whatFileIs(typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes));
  expect(kind('#!/usr/bin/env python3\nprint(1)\n')).toBe('it is a script (#!/usr/bin/env python3)');
  expect(kind([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])).toBe('it is a Mach-O binary (macOS)');
  expect(kind('MZ\x90\x00')).toBe('it is a PE executable (Windows)');
  expect(kind('!<arch>\nfoo')).toBe('it is an ar archive (a static library)');
  expect(kind([])).toBe('it is empty');
});

describe('the binaries input', () => {
  const platforms = parsePlatforms(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
  test('a template expands its placeholders per platform', () => {
    const spec = parseBinaries(['out/{os}-{arch}{variant}/{triple}/{musl-triple}/{gnu}/{platform}/app'], platforms);
    expect(platforms.map((p) => binaryFor(spec as BinariesSpec, p))).toEqual([
      'out/linux-amd64/x86_64-unknown-linux-gnu/x86_64-unknown-linux-musl/x86_64-linux-gnu/linux_amd64/app',
      'out/linux-arm64/aarch64-unknown-linux-gnu/aarch64-unknown-linux-musl/aarch64-linux-gnu/linux_arm64/app',
      'out/linux-armv7/armv7-unknown-linux-gnueabihf/armv7-unknown-linux-musleabihf/arm-linux-gnueabihf/linux_arm_v7/app',
    ]);
  });
  test('lines give one file per platform, and every platform needs one', () => {
    const spec = parseBinaries(['linux/amd64=a', 'linux/arm64 = b', 'linux/arm/v7=c'], platforms);
    expect(platforms.map((p) => binaryFor(spec as BinariesSpec, p))).toEqual(['a', 'b', 'c']);
    expect(() => parseBinaries(['linux/amd64=a', 'linux/arm64=b'], platforms)).toThrow(
      'no file for linux/arm/v7; every platform needs one line, e.g. linux/arm/v7=<path>',
    );
    expect(() => parseBinaries(['linux/s390x=a'], platforms)).toThrow('names linux/s390x, which is not in platforms');
    expect(() => parseBinaries(['dist/{goarch}/app'], platforms)).toThrow(
      '"{goarch}" in "dist/{goarch}/app" is not a placeholder',
    );
  });
});

/** A workspace holding pre-built binaries, made by real compilers. */
let ws: string;
const out = (rel: string) => {
  const file = join(ws, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  return file;
};
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), 'scratchpack-prebuilt-'));
  const c = join(FIXTURES, 'native', 'hello.c');
  const cpp = join(FIXTURES, 'native', 'hello.cpp');
  const bare = join(FIXTURES, 'native', 'bare.c');
  sh('gcc', ['-static', '-O2', '-o', out('dist/amd64/hello-c'), c]);
  sh('aarch64-linux-gnu-gcc', ['-static', '-O2', '-o', out('dist/arm64/hello-c'), c]);
  sh('g++', ['-static', '-O2', '-o', out('dist/amd64/hello-cpp'), cpp]);
  sh('aarch64-linux-gnu-g++', ['-static', '-O2', '-o', out('dist/arm64/hello-cpp'), cpp]);
  sh('aarch64-linux-gnu-g++', ['-O2', '-o', out('dist/dynamic/hello-cpp'), cpp]);
  sh('gcc', ['-O2', '-o', out('dist/dynamic-amd64/hello-c'), c]);
  const armFlags = ['-nostdlib', '-static', '-O2', '-marm'];
  sh('arm-linux-gnueabihf-gcc', [...armFlags, '-march=armv7-a+fp', '-o', out('dist/armv7/bare'), bare]);
  sh('arm-linux-gnueabihf-gcc', [...armFlags, '-march=armv6', '-mfpu=vfp', '-o', out('dist/armv6/bare'), bare]);
  sh('arm-linux-gnueabi-gcc', [...armFlags, '-march=armv7-a', '-mfloat-abi=soft', '-o', out('dist/armel/bare'), bare]);
  writeFileSync(out('dist/script/app'), '#!/bin/sh\necho hello\n');
  chmodSync(join(ws, 'dist/script/app'), 0o755);
  symlinkSync('/usr/bin/env', out('dist/outside/app'));
  goBuild(join(FIXTURES, '..', '..', 'example'), out('dist/go-armv6/hello'), { GOARCH: 'arm', GOARM: '6' });
  cpSync(join(FIXTURES, 'rust-hello'), join(ws, 'rust'), { recursive: true });
  sh('cargo', ['build', '--release', '--offline', '--target', 'x86_64-unknown-linux-gnu'], {
    cwd: join(ws, 'rust'),
    env: { RUSTFLAGS: '-C target-feature=+crt-static', CARGO_TARGET_DIR: join(ws, 'target') },
  });
}, 300_000);

// No go on the action's PATH: packaging binaries needs none.
const run = (inputs: Record<string, string>) =>
  runActionAsync(
    { 'source-date-epoch': '1', ...inputs },
    { env: { GITHUB_WORKSPACE: ws, PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } },
  );

/** Runs a binary from an unpacked image root: natively in a chroot for amd64, under qemu for arm64. */
function runFromImage(root: string, arch: string, binary: string, env: Record<string, string> = {}): string {
  return arch === 'amd64'
    ? sh('chroot', [root, binary], { env })
    : sh('qemu-aarch64-static', [join(root, binary)], { env });
}

describe('static C and C++ for amd64 and arm64, in one index each', () => {
  let c: ActionRun;
  let cpp: ActionRun;
  beforeAll(async () => {
    [c, cpp] = await Promise.all([
      run({ platforms: 'linux/amd64,linux/arm64', binaries: 'dist/{arch}/hello-c' }),
      run({
        platforms: 'linux/amd64,linux/arm64',
        binaries: 'linux/amd64=dist/amd64/hello-cpp\nlinux/arm64=dist/arm64/hello-cpp',
      }),
    ]);
  }, 120_000);

  test.each([
    ['C', 'amd64', 'hello-c', 'hello from C on amd64'],
    ['C', 'arm64', 'hello-c', 'hello from C on arm64'],
    ['C++', 'amd64', 'hello-cpp', 'hello from C++ on amd64 (exception caught)'],
    ['C++', 'arm64', 'hello-cpp', 'hello from C++ on arm64 (exception caught)'],
  ])('%s %s: packaged as static, named after the file, and it runs from the image', (lang, arch, name, said) => {
    const r = lang === 'C' ? c : cpp;
    expect(r.errors).toEqual([]);
    const images = JSON.parse(r.outputs.images) as {
      platform: string;
      source: string;
      binary: { path: string; linkage: string };
    }[];
    const image = images.find((i) => i.platform === `linux/${arch}`);
    expect(image?.source).toBe(`dist/${arch}/${name}`);
    expect(image?.binary).toMatchObject({ path: `/usr/local/bin/${name}`, linkage: 'static' });
    expect(r.summary).toContain(`| \`linux/${arch}\` | \`dist/${arch}/${name}\` |`);
    expect(runFromImage(unpackRoot(r, arch), arch, `/usr/local/bin/${name}`).trim()).toBe(said);
  });

  test('no go ran: the summary names no Go toolchain', () => {
    expect(c.summary).not.toContain('**Toolchains:**');
    expect(c.stdout).not.toMatch(/go build|go: /);
  });
});

test('Rust built with +crt-static is packaged as static and runs from the image', async () => {
  const r = await run({ platforms: 'linux/amd64', binaries: 'target/{triple}/release/rust-hello' });
  expect(r.errors).toEqual([]);
  const [image] = JSON.parse(r.outputs.images) as { source: string; binary: { linkage: string } }[];
  expect(image.source).toBe('target/x86_64-unknown-linux-gnu/release/rust-hello');
  expect(['static', 'static-pie']).toContain(image.binary.linkage);
  expect(runFromImage(unpackRoot(r, 'amd64'), 'amd64', '/usr/local/bin/rust-hello').trim()).toBe(
    'hello from Rust on x86_64',
  );
}, 120_000);

test('dynamic C++ for arm64 with gather gets libstdc++, libgcc_s, libm and libc, and runs under qemu', async () => {
  const r = await run({ platforms: 'linux/arm64', binaries: 'dist/dynamic/hello-cpp', linkage: 'gather' });
  expect(r.errors).toEqual([]);
  const [image] = JSON.parse(r.outputs.images) as { binary: { libraries: { soname: string; source: string }[] } }[];
  const sonames = image.binary.libraries.map((l) => l.soname);
  for (const lib of ['(loader)', 'libstdc++.so.6', 'libgcc_s.so.1', 'libm.so.6', 'libc.so.6'])
    expect(sonames).toContain(lib);
  for (const l of image.binary.libraries) expect(l.source.startsWith('/usr/aarch64-linux-gnu/')).toBe(true);
  const root = unpackRoot(r, 'arm64');
  expect(runFromImage(root, 'arm64', '/usr/local/bin/hello-cpp', { QEMU_LD_PREFIX: root }).trim()).toBe(
    'hello from C++ on arm64 (exception caught)',
  );
}, 120_000);

/** One ::error naming what the test expects, exit 1, and nothing written. */
async function refused(inputs: Record<string, string>, ...expected: string[]) {
  const r = await runInProcess({ 'source-date-epoch': '1', ...inputs }, { env: { GITHUB_WORKSPACE: ws } });
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  for (const text of expected) expect(r.errors[0]).toContain(text);
  expect(r.stdout).not.toMatch(/(\n|%0A)\s+at .+:\d+:\d+/);
  expect(existsSync(join(r.runnerTemp, 'scratchpack', 'oci'))).toBe(false);
  return r;
}

describe('refusals name the platform and the file, and write nothing', () => {
  test('an x86-64 binary given for linux/arm64', () =>
    refused(
      { platforms: 'linux/arm64', binaries: 'dist/amd64/hello-c' },
      'title=scratchpack (linux/arm64)',
      'hello-c',
      'EM_X86_64 (amd64) but arm64 needs',
    ));
  test('an arm64 binary given for linux/arm/v7', () =>
    refused(
      { platforms: 'linux/arm/v7', binaries: 'dist/arm64/hello-c' },
      'title=scratchpack (linux/arm/v7)',
      'hello-c',
      'EM_AARCH64 (arm64) but arm needs ELF32',
    ));
  test('a Go binary whose build info says GOARM=6, given for linux/arm/v7', () =>
    refused(
      { platforms: 'linux/arm/v7', binaries: 'dist/go-armv6/hello' },
      'dist/go-armv6/hello: built with GOARM=6 but platform linux/arm/v7 needs GOARM=7',
    ));
  test('a shell script', () =>
    refused(
      { platforms: 'linux/amd64', binaries: 'dist/script/app' },
      'title=scratchpack (linux/amd64)',
      'dist/script/app',
      'not an ELF file: it is a script (#!/bin/sh)',
    ));
  test('a path that does not exist', () =>
    refused(
      { platforms: 'linux/amd64,linux/arm64', binaries: 'dist/{arch}/nope' },
      'input "binaries": linux/amd64: dist/amd64/nope does not exist; linux/arm64: dist/arm64/nope does not exist',
    ));
  test('a path outside the workspace, through a symlink or with ..', async () => {
    await refused(
      { platforms: 'linux/amd64', binaries: 'dist/outside/app' },
      'linux/amd64: dist/outside/app resolves to',
      'outside the workspace',
    );
    await refused(
      { platforms: 'linux/amd64', binaries: '../app' },
      'linux/amd64: "../app" must be a path inside the workspace',
    );
  });
  test('binaries together with package (or any other build input)', () =>
    refused(
      { platforms: 'linux/amd64', binaries: 'dist/amd64/hello-c', package: './cmd/x', cgo: 'true' },
      'input "binaries": the binaries are given, so nothing is built, and "package", "cgo" apply only to go build',
    ));
  test('files named differently need binary-name', () =>
    refused(
      {
        platforms: 'linux/amd64,linux/arm64',
        binaries: 'linux/amd64=dist/amd64/hello-c\nlinux/arm64=dist/arm64/hello-cpp',
      },
      'input "binary-name": the binaries are named hello-c, hello-cpp; set binary-name',
    ));
});

describe('ARM build attributes against the variant', () => {
  test.each(['armv7', 'armv6', 'armel'])('%s: Tag_CPU_arch and the float ABI as readelf -A reads them', (dir) => {
    const file = join(ws, 'dist', dir, 'bare');
    const info = parseElf(readFileSync(file));
    const readelf = sh('readelf', ['-A', file]);
    expect(readelf).toContain(`Tag_CPU_arch: ${CPU_ARCH_NAMES[info.arm?.cpuArch ?? -1]}\n`);
    const hard = readelf.includes('Tag_ABI_VFP_args: VFP registers');
    expect(info.arm?.floatAbi).toBe(hard ? 'hard' : 'soft');
    expect(hard).toBe(dir !== 'armel');
  });

  test('a v7 binary is refused in a v6 image, and passes in a v7 one', async () => {
    await refused(
      { platforms: 'linux/arm/v6', binaries: 'dist/armv7/bare' },
      'title=scratchpack (linux/arm/v6)',
      'dist/armv7/bare: built for ARM v7 (Tag_CPU_arch in .ARM.attributes), which a linux/arm/v6 CPU (ARMv6K) cannot run',
    );
    const ok = await run({
      platforms: 'linux/arm/v7,linux/arm/v6',
      binaries: 'linux/arm/v7=dist/armv7/bare\nlinux/arm/v6=dist/armv6/bare',
    });
    expect(ok.errors).toEqual([]);
  });
  test('a soft-float binary is refused in a hard-float image', () =>
    refused(
      { platforms: 'linux/arm/v7', binaries: 'dist/armel/bare' },
      'dist/armel/bare: uses the soft-float calling convention (Tag_ABI_VFP_args), but linux/arm/v7 is hard-float',
    ));
});

describe('every ELF in the image is checked, not only the entrypoint', () => {
  test('a dynamic ELF added through files under linkage: static fails and names the file', () =>
    refused(
      { platforms: 'linux/amd64', binaries: 'dist/amd64/hello-c', files: 'dist/dynamic-amd64/hello-c:/usr/bin/helper' },
      'title=scratchpack (linux/amd64)',
      'dist/dynamic-amd64/hello-c (files → /usr/bin/helper) is dynamically linked',
      'Fix: replace the file with a static build (gcc or g++ -static; Rust: RUSTFLAGS="-C target-feature=+crt-static"',
    ));
  test('a dynamic C binary under linkage: static gets advice for binaries, not for go build', async () => {
    const r = await run({ platforms: 'linux/amd64', binaries: 'dist/dynamic-amd64/hello-c' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('Fix: link it statically where you build it (gcc or g++ -static; Rust:');
    expect(r.errors[0]).toContain('or set linkage: gather (with sysroot for a foreign platform)');
    expect(r.errors[0]).not.toContain('cgo: false');
    expect(r.errors[0]).not.toContain('-ldflags');
  });
  test('a static one passes and is listed', async () => {
    const r = await run({
      platforms: 'linux/amd64',
      binaries: 'dist/amd64/hello-c',
      files: 'dist/amd64/hello-cpp:/usr/bin/helper',
    });
    expect(r.errors).toEqual([]);
    const [image] = JSON.parse(r.outputs.images) as { files: unknown[] }[];
    expect(image.files).toEqual([
      { path: '/usr/bin/helper', source: 'dist/amd64/hello-cpp', linkage: 'static', interpreter: null, needed: [] },
    ]);
    expect(r.summary).toContain('<summary>Checked ELFs</summary>');
    expect(r.summary).toContain(
      '`/usr/local/bin/hello-c` ← `dist/amd64/hello-c` (static), `/usr/bin/helper` ← `dist/amd64/hello-cpp` (static)',
    );
    expect(runFromImage(unpackRoot(r, 'amd64'), 'amd64', '/usr/bin/helper').trim()).toBe(
      'hello from C++ on amd64 (exception caught)',
    );
  });
  test('under gather, a files ELF gets its libraries too', async () => {
    const r = await run({
      platforms: 'linux/arm64',
      binaries: 'dist/arm64/hello-c',
      files: 'dist/dynamic/hello-cpp:/usr/bin/helper',
      linkage: 'gather',
    });
    expect(r.errors).toEqual([]);
    const root = unpackRoot(r, 'arm64');
    expect(sh('find', [root, '-name', 'libstdc++.so.6*']).trim()).not.toBe('');
    expect(runFromImage(root, 'arm64', '/usr/bin/helper', { QEMU_LD_PREFIX: root }).trim()).toBe(
      'hello from C++ on arm64 (exception caught)',
    );
  });
});

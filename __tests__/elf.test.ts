import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseElf, ElfError } from '../src/kernel/elf/parse.js';
import { checkBinary } from '../src/check/policy.js';
import { parsePlatform } from '../src/inputs/platform.js';
import { withFileSource } from '../src/util/fs.js';
import { sh } from './helpers/action.js';
import { buildCFixtures, EXAMPLE, FIXTURES, goBuild } from './helpers/fixtures.js';

/** What readelf says about a file, in the fields we compare. */
function readelf(file: string) {
  const dyn = sh('readelf', ['-dW', file]);
  const prog = sh('readelf', ['-lW', file]);
  const hdr = sh('readelf', ['-hW', file]);
  const bracket = (label: string) => [...dyn.matchAll(new RegExp(`${label}: \\[([^\\]]*)\\]`, 'g'))].map((m) => m[1]);
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(.*)$`, 'm').exec(hdr)?.[1].trim();
  return {
    interpreter: /Requesting program interpreter: ([^\]]+)\]/.exec(prog)?.[1] ?? null,
    needed: bracket('Shared library'),
    soname: bracket('Library soname')[0] ?? null,
    runpath: bracket('Library runpath').flatMap((s) => s.split(':')),
    rpath: bracket('Library rpath').flatMap((s) => s.split(':')),
    class: field('Class'),
    data: field('Data'),
    type: field('Type')?.split(' ')[0],
  };
}

const files: Record<string, string> = {};
const goArches: Array<[string, Record<string, string>]> = [
  ['amd64', { GOARCH: 'amd64' }],
  ['arm64', { GOARCH: 'arm64' }],
  ['arm', { GOARCH: 'arm', GOARM: '6' }],
  ['ppc64le', { GOARCH: 'ppc64le' }],
  ['s390x', { GOARCH: 's390x' }],
  ['riscv64', { GOARCH: 'riscv64' }],
  ['386', { GOARCH: '386' }],
  ['mips64', { GOARCH: 'mips64' }],
];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-elf-'));
  for (const [name, env] of goArches)
    files[`go-${name}`] = goBuild(EXAMPLE, join(dir, `go-${name}`), env, ['-ldflags=-s -w']);
  files['go-pie'] = goBuild(EXAMPLE, join(dir, 'go-pie'), { GOARCH: 'amd64' }, ['-buildmode=pie']);
  files['go-cgo-amd64'] = goBuild(join(FIXTURES, 'cgo'), join(dir, 'go-cgo-amd64'), {
    GOARCH: 'amd64',
    CGO_ENABLED: '1',
  });
  files['go-cgo-arm64'] = goBuild(join(FIXTURES, 'cgo'), join(dir, 'go-cgo-arm64'), {
    GOARCH: 'arm64',
    CGO_ENABLED: '1',
    CC: 'aarch64-linux-gnu-gcc',
  });
  Object.assign(files, buildCFixtures());
  Object.assign(files, {
    'sys-ls': '/bin/ls',
    'sys-libc-amd64': '/lib/x86_64-linux-gnu/libc.so.6',
    'sys-libc-arm64': '/usr/aarch64-linux-gnu/lib/libc.so.6',
    'sys-libm-arm64': '/usr/aarch64-linux-gnu/lib/libm.so.6',
    'sys-ld-arm64': '/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1',
    'sys-git': sh('sh', ['-c', 'readlink -f "$(command -v git)"']).trim(),
  });
});

describe('the ELF reader agrees with readelf', () => {
  const names = [
    ...goArches.map(([n]) => `go-${n}`),
    'go-pie',
    'go-cgo-amd64',
    'go-cgo-arm64',
    'lib-amd64',
    'lib-arm64',
    'runpath-amd64',
    'runpath-arm64',
    'rpath-amd64',
    'rpath-arm64',
    'static-amd64',
    'static-arm64',
    'static-pie-amd64',
    'static-pie-arm64',
    'sys-ls',
    'sys-libc-amd64',
    'sys-libc-arm64',
    'sys-libm-arm64',
    'sys-ld-arm64',
    'sys-git',
  ];
  test.each(names)('%s', (name) => {
    const info = parseElf(readFileSync(files[name]));
    const want = readelf(files[name]);
    expect({
      interpreter: info.interpreter,
      needed: info.needed,
      soname: info.soname,
      runpath: info.runpath,
      rpath: info.rpath,
    }).toEqual({
      interpreter: want.interpreter,
      needed: want.needed,
      soname: want.soname,
      runpath: want.runpath,
      rpath: want.rpath,
    });
    expect(info.class).toBe(want.class);
    expect(info.endian === 'little' ? /little/.test(want.data ?? '') : /big/.test(want.data ?? '')).toBe(true);
    expect(info.type).toBe(want.type);
    // the file-backed reader (a page at a time, for 300 MB binaries) sees exactly what the in-memory one sees
    expect(withFileSource(files[name], parseElf)).toEqual(info);
  });
});

describe('the Go build ID, which lets the hash memo trust a binary go touched but did not relink', () => {
  test.each([...goArches.map(([n]) => `go-${n}`), 'go-pie', 'go-cgo-arm64'])(
    '%s: the same ID as `go tool buildid`',
    (name) => {
      expect(parseElf(readFileSync(files[name])).goBuildId).toBe(sh('go', ['tool', 'buildid', files[name]]).trim());
    },
  );
  test.each(['static-amd64', 'lib-arm64', 'sys-ls'])('%s: none in a C binary', (name) => {
    expect(parseElf(readFileSync(files[name])).goBuildId).toBeNull();
  });
});

describe('linkage, architecture and Go build info', () => {
  test.each([
    ['go-amd64', 'static', 'amd64'],
    ['go-arm64', 'static', 'arm64'],
    ['go-arm', 'static', 'arm'],
    ['go-ppc64le', 'static', 'ppc64le'],
    ['go-s390x', 'static', 's390x'],
    ['go-riscv64', 'static', 'riscv64'],
    ['go-386', 'static', '386'],
    ['go-mips64', 'static', 'mips64'],
    ['go-pie', 'dynamic', 'amd64'],
    ['go-cgo-arm64', 'dynamic', 'arm64'],
    ['static-pie-amd64', 'static-pie', 'amd64'],
    ['static-arm64', 'static', 'arm64'],
    ['lib-arm64', 'shared-library', 'arm64'],
  ])('%s is %s %s', (name, linkage, arch) => {
    const info = parseElf(readFileSync(files[name]));
    expect(info.linkage).toBe(linkage);
    expect(info.arch).toBe(arch);
  });

  test('Go PIE has an interpreter and no NEEDED, so it is dynamic though it needs no library', () => {
    const info = parseElf(readFileSync(files['go-pie']));
    expect(info.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(info.needed).toEqual([]);
  });

  test('build info matches go version -m', () => {
    for (const name of ['go-arm', 'go-arm64', 'go-cgo-arm64', 'go-s390x']) {
      const info = parseElf(readFileSync(files[name]));
      const m = sh('go', ['version', '-m', files[name]]);
      const settings = Object.fromEntries([...m.matchAll(/^\tbuild\t([^=\n]+)=(.*)$/gm)].map((x) => [x[1], x[2]]));
      expect(info.go?.version).toBe(/: (go\S+)/.exec(m)?.[1]);
      expect(info.go?.path).toBe(/^\tpath\t(.*)$/m.exec(m)?.[1]);
      expect(info.go?.settings).toEqual(settings);
    }
    expect(parseElf(readFileSync(files['go-arm'])).go?.settings.GOARM).toBe('6');
    expect(parseElf(readFileSync(files['sys-ls'])).go).toBeNull();
  });
});

describe('checks against the platform', () => {
  test('a binary whose machine does not fit its platform fails with "exec format error"', () => {
    const info = parseElf(readFileSync(files['go-arm64']));
    const found = checkBinary(info, parsePlatform('linux/amd64'), { linkage: 'static', file: 'hello' });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('EM_AARCH64 (arm64) but amd64 needs ELF64 little-endian EM_X86_64');
    expect(found[0].message).toContain('exec format error');
    expect(
      checkBinary(parseElf(readFileSync(files['go-s390x'])), parsePlatform('linux/ppc64le'), {
        linkage: 'static',
        file: 'x',
      })[0].message,
    ).toContain('big-endian');
  });
  test('a GOARM that differs from the variant fails', () => {
    const found = checkBinary(parseElf(readFileSync(files['go-arm'])), parsePlatform('linux/arm/v7'), {
      linkage: 'static',
      file: 'hello',
    });
    expect(found.map((a) => a.message)).toEqual(['hello: built with GOARM=6 but platform linux/arm/v7 needs GOARM=7']);
  });
  test('a dynamic binary under linkage static names the loader and every library, and the fix', () => {
    const found = checkBinary(parseElf(readFileSync(files['go-cgo-arm64'])), parsePlatform('linux/arm64'), {
      linkage: 'static',
      file: 'app',
    });
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('interpreter /lib/ld-linux-aarch64.so.1');
    expect(found[0].message).toMatch(/needs .*libm\.so\.6.*libc\.so\.6|needs .*libc\.so\.6/);
    expect(found[0].message).toContain('CGO_ENABLED=0');
    expect(
      checkBinary(parseElf(readFileSync(files['go-arm64'])), parsePlatform('linux/arm64'), {
        linkage: 'static',
        file: 'x',
      }),
    ).toEqual([]);
  });
});

describe('bad files throw ElfError, never anything else', () => {
  test('non-ELF, truncated, garbage', () => {
    const real = readFileSync(files['go-cgo-arm64']);
    const cases = [
      new Uint8Array(0),
      new TextEncoder().encode('#!/bin/sh\necho hi\n'),
      real.subarray(0, 20),
      real.subarray(0, 64),
      real.subarray(0, 4096),
    ];
    for (const bytes of cases) expect(() => parseElf(bytes)).toThrow(ElfError);
    const corrupt = Buffer.from(real);
    corrupt[4] = 9;
    expect(() => parseElf(corrupt)).toThrow('EI_CLASS 9');
  });
});

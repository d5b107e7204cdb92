import { beforeAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, sh } from './helpers/action.js';
import { EXAMPLE, goBuild } from './helpers/fixtures.js';

const cli = join(ROOT, 'dist', 'cli.js');
let dir: string;
let arm: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scratchpack-cli-'));
  arm = goBuild(EXAMPLE, join(dir, 'hello-arm'), { GOARCH: 'arm', GOARM: '7' });
});

function inspect(...files: string[]) {
  const r = spawnSync(cli, ['inspect', ...files], { encoding: 'utf8' });
  return {
    code: r.status,
    lines: r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    stderr: r.stderr,
  };
}

test('package.json bin provides scratchpack at dist/cli.js', () => {
  expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin).toEqual({ scratchpack: 'dist/cli.js' });
});

test('scratchpack inspect prints one JSON object per file with every documented field', () => {
  const r = inspect(arm, '/bin/ls');
  expect(r.code).toBe(0);
  expect(r.lines[0]).toEqual({
    file: arm,
    class: 'ELF32',
    endian: 'little',
    machine: 'EM_ARM',
    arch: 'arm',
    type: 'EXEC',
    linkage: 'static',
    interpreter: null,
    needed: [],
    runpath: [],
    rpath: [],
    soname: null,
    go: {
      version: expect.stringMatching(/^go1\./),
      path: 'example.com/scratchpack/hello',
      settings: expect.objectContaining({ GOARM: '7', GOARCH: 'arm', '-trimpath': 'true' }),
    },
  });
  expect(r.lines[1]).toMatchObject({
    file: '/bin/ls',
    arch: 'amd64',
    linkage: 'dynamic',
    needed: expect.arrayContaining(['libc.so.6']),
    go: null,
  });
});

test('truncated, garbage, non-ELF and missing files get a JSON error line and exit 1, never a crash', () => {
  const bytes = readFileSync(arm);
  const truncated = join(dir, 'truncated');
  writeFileSync(truncated, bytes.subarray(0, 100));
  const garbage = join(dir, 'garbage');
  writeFileSync(garbage, Buffer.concat([bytes.subarray(0, 16), Buffer.alloc(4000, 0xff)]));
  const r = inspect(truncated, garbage, join(ROOT, 'README.md'), join(dir, 'missing'), arm);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('');
  expect(r.lines.map((l) => Object.keys(l))).toEqual([
    ['file', 'error'],
    ['file', 'error'],
    ['file', 'error'],
    ['file', 'error'],
    expect.arrayContaining(['linkage']),
  ]);
  expect(r.lines[0].error).toMatch(/truncated/);
  expect(r.lines[2].error).toBe('not an ELF file: no \\x7fELF magic');
});

test('usage errors exit 2', () => {
  expect(spawnSync(cli, ['frobnicate'], { encoding: 'utf8' }).status).toBe(2);
  expect(sh('sh', ['-c', `${cli} 2>&1; echo $?`])).toContain(
    'usage: scratchpack inspect [--deps --sysroot DIR] FILE...',
  );
});

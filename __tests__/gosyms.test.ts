// Issue #30's groundwork: the functions of a stripped Go binary, inlined ones included, read from .gopclntab and the
// inline trees, equal govulncheck's own extract of the same program linked with its symbol table (-mode=extract).
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGoSymbols, splitGoSymbol } from '../src/kernel/elf/gosyms.js';
import { ElfError } from '../src/kernel/elf/reader.js';
import { sh } from './helpers/action.js';
import { EXAMPLE, goBuild } from './helpers/fixtures.js';

const GOVULNCHECK = join(
  process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'),
  'bin',
  'govulncheck',
);
const key = (s: { pkg?: string; name: string }) => `${s.pkg ?? ''} ${s.name}`;

describe('Go symbols of a stripped binary', () => {
  test.each([
    ['amd64', {}],
    ['arm64', {}],
    ['arm', { GOARM: '7' }],
    ['386', {}],
    ['s390x', {}],
    ['ppc64', {}],
  ])(
    'linux/%s: equal to govulncheck -mode=extract of the binary with its symbol table',
    (arch, more) => {
      const dir = mkdtempSync(join(tmpdir(), 'scratchpack-gosyms-'));
      const env = { GOARCH: arch, ...more };
      const stripped = goBuild(EXAMPLE, join(dir, 'stripped'), env, ['-ldflags=-s -w']);
      const symtab = goBuild(EXAMPLE, join(dir, 'symtab'), env, ['-ldflags=-w']);
      const blob = sh(GOVULNCHECK, ['-mode=extract', symtab]).split('\n')[1];
      const theirs = (JSON.parse(blob) as { pkgSymbols: Array<{ pkg?: string; name: string }> }).pkgSymbols;
      const ours = readGoSymbols(readFileSync(stripped));
      expect(ours).toBeDefined();
      expect(new Set((ours ?? []).map(key))).toEqual(new Set(theirs.map(key)));
    },
    120_000,
  );

  test('a damaged table ends in an ElfError or a result, never another error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-gosyms-'));
    const good = readFileSync(goBuild(EXAMPLE, join(dir, 'app'), { GOARCH: 'amd64' }, ['-ldflags=-s -w']));
    const at = good.indexOf(Buffer.from([0xf1, 0xff, 0xff, 0xff, 0, 0]));
    expect(at).toBeGreaterThan(0);
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const bad = Buffer.from(good);
      for (let k = 0; k < 8; k++) bad[at + (next() % 4096)] = next() % 256;
      try {
        readGoSymbols(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(ElfError);
      }
    }
  }, 120_000);

  test('names split as govulncheck splits them', () => {
    expect(splitGoSymbol('golang.org/x/text/language.Parse')).toEqual({
      pkg: 'golang.org/x/text/language',
      name: 'Parse',
    });
    expect(splitGoSymbol('net/http.(*Server).Serve')).toEqual({ pkg: 'net/http', name: 'Server.Serve' });
    expect(splitGoSymbol('sync/atomic.(*Pointer[go.shape.struct {}]).Load')).toEqual({
      pkg: 'sync/atomic',
      name: 'Pointer[go.shape.struct {}].Load',
    });
    expect(splitGoSymbol('go:buildid')).toEqual({ pkg: '', name: 'go:buildid' });
    expect(splitGoSymbol('gopkg.in/yaml%2ev3.Unmarshal')).toEqual({ pkg: 'gopkg.in/yaml.v3', name: 'Unmarshal' });
  });
});

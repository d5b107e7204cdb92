import { describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareGo, isLanguageVersion } from '../src/kernel/gover.js';
import { parseGoModVersions, requirementOf } from '../src/build/toolchain/gomod.js';
import { proxyOf, sumDbOf } from '../src/build/toolchain/goenv.js';
import { openNote, parseVerifierKey } from '../src/build/toolchain/sumdb/note.js';
import { checkRecord, nodeHash, recordHash, tilePath } from '../src/build/toolchain/sumdb/tlog.js';
import { escapeModule } from '../src/build/toolchain/sumdb/lookup.js';
import { hashModuleZip } from '../src/build/toolchain/zip-hash.js';
import { parseSimplePage, ziglangWheel } from '../src/build/toolchain/pypi.js';
import { cacheVersion } from '../src/build/toolchain/tool-cache.js';
import { zigCompilers, zigTargetOf } from '../src/build/toolchain/zig-targets.js';
import { credentialsIn, withoutCredentials } from '../src/util/url-credentials.js';
import { parsePlatform } from '../src/inputs/platform.js';
import { sh } from './helpers/action.js';
import { makeZip } from './helpers/zip.js';
import { testSigner } from './helpers/note-signer.js';

describe('Go versions, in the go command order', () => {
  test.each([
    ['1.21', '1.21rc1'],
    ['1.21rc1', '1.21rc2'],
    ['1.21rc2', '1.21.0'],
    ['1.21.0', '1.21.1'],
    ['1.21.9', '1.21.10'],
    ['1.9', '1.10'],
    ['1.22beta1', '1.22rc1'],
  ])('%s < %s', (a, b) => {
    expect(compareGo(a, b)).toBe(-1);
    expect(compareGo(b, a)).toBe(1);
  });
  test('before Go 1.21, 1.20 is 1.20.0; from Go 1.21, 1.21 is a language version', () => {
    expect(compareGo('1.20', '1.20.0')).toBe(0);
    expect(isLanguageVersion('1.20')).toBe(false);
    expect(isLanguageVersion('1.22')).toBe(true);
    expect(isLanguageVersion('1.22.0')).toBe(false);
  });
});

describe('what a go.mod requires', () => {
  const req = (text: string) => requirementOf(parseGoModVersions(text), 'go.mod');
  test('the go line: a language version downloads its first release (go.dev/issue/62278)', () => {
    expect(req('module x\n\ngo 1.22\n')).toEqual({ minimum: '1.22', download: '1.22.0', source: 'go.mod:3: go 1.22' });
    expect(req('module x\ngo 1.23.4 // pinned\n')).toMatchObject({ minimum: '1.23.4', download: '1.23.4' });
  });
  test('a toolchain line counts only when newer than the go line', () => {
    expect(req('module x\ngo 1.22\ntoolchain go1.24.2\n')).toEqual({
      minimum: '1.24.2',
      download: '1.24.2',
      source: 'go.mod:3: toolchain go1.24.2',
    });
    expect(req('module x\ngo 1.25.1\ntoolchain go1.24.2\n').source).toBe('go.mod:2: go 1.25.1');
    expect(req('module x\ngo 1.25.1\ntoolchain default\n').source).toBe('go.mod:2: go 1.25.1');
  });
  test('errors name the line', () => {
    expect(() => req('module x\ngo one\n')).toThrow('go.mod:2: go one is not a Go version');
    expect(() => req('module x\ngo 1.22\ntoolchain 1.24\n')).toThrow('go.mod:3: toolchain 1.24 is not a toolchain');
    expect(() => req('module x\n')).toThrow('go.mod has no go line');
  });
});

describe('GOPROXY and GOSUMDB', () => {
  test('the first HTTP proxy, the go command default when unset', () => {
    expect(proxyOf(undefined)).toBe('https://proxy.golang.org');
    expect(proxyOf('direct,https://goproxy.example/')).toBe('https://goproxy.example');
    expect(proxyOf('http://127.0.0.1:9|https://proxy.golang.org')).toBe('http://127.0.0.1:9');
    expect(() => proxyOf('off')).toThrow('GOPROXY="off" names no HTTP proxy');
  });
  test('GOSUMDB: off is refused; a name or a key, with or without a URL', () => {
    expect(() => sumDbOf('off')).toThrow('GOSUMDB=off');
    expect(sumDbOf(undefined)).toMatchObject({ name: 'sum.golang.org', url: 'https://sum.golang.org' });
    expect(sumDbOf('sum.golang.google.cn')).toMatchObject({
      name: 'sum.golang.org',
      url: 'https://sum.golang.google.cn',
    });
    expect(sumDbOf('test+0123abcd+AAAA http://127.0.0.1:1/')).toEqual({
      name: 'test',
      key: 'test+0123abcd+AAAA',
      url: 'http://127.0.0.1:1',
    });
    expect(() => sumDbOf('nobody.example')).toThrow('not a known checksum database');
  });
  test('module paths are escaped as the proxy protocol says', () => {
    expect(escapeModule('github.com/Azure/Go')).toBe('github.com/!azure/!go');
  });
});

describe('signed notes', () => {
  test('the sum.golang.org key parses and its hash matches', () => {
    expect(parseVerifierKey(sumDbOf(undefined).key).name).toBe('sum.golang.org');
    expect(() => parseVerifierKey('sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8')).toThrow(
      'its hash does not match',
    );
  });
  test('a note verifies with its key; a changed text, or another signer, does not', () => {
    const a = testSigner('test.db');
    const b = testSigner('test.db');
    const note = a.signNote('go.sum database tree\n5\nAAAA\n');
    expect(openNote(note, a.vkey)).toBe('go.sum database tree\n5\nAAAA\n');
    const changed = Buffer.from(note.toString().replace('\n5\n', '\n6\n'));
    expect(() => openNote(changed, a.vkey)).toThrow('does not verify');
    expect(() => openNote(note, b.vkey)).toThrow('not signed by test.db');
  });
});

/** RFC 6962's tree hash, written from its recursive definition: the reference the tiled proof is checked against. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** Tiles of height h for a tree, computed from the reference: tile (L, n) holds the level-hL hashes n*2^h onwards. */
function tilesOf(leaves: Buffer[], h: number): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let L = 0; 2 ** (h * L) <= leaves.length; L++) {
    const span = 2 ** (h * L);
    const hashes = [];
    for (let i = 0; (i + 1) * span <= leaves.length; i++) hashes.push(mth(leaves.slice(i * span, (i + 1) * span)));
    for (let n = 0; n * 2 ** h < hashes.length; n++) {
      const part = hashes.slice(n * 2 ** h, (n + 1) * 2 ** h);
      out.set(tilePath(h, L, n, part.length), Buffer.concat(part));
    }
  }
  return out;
}

describe('the transparency log proof', () => {
  const records = Array.from({ length: 37 }, (_, i) => Buffer.from(`mod v1.0.${i} h1:x\n`));
  const leaves = records.map(recordHash);
  const tree = { size: records.length, hash: mth(leaves) };
  const tiles = tilesOf(leaves, 2);
  const read = async (p: string) => {
    const t = tiles.get(p);
    if (!t) throw new Error(`no tile ${p}`);
    return t;
  };

  test('tile paths are written as tlog writes them', () => {
    expect(tilePath(3, 4, 1234067, 1)).toBe('tile/3/4/x001/x234/067.p/1');
    expect(tilePath(3, 4, 1234067, 8)).toBe('tile/3/4/x001/x234/067');
    expect(tilePath(8, 0, 5, 256)).toBe('tile/8/0/005');
  });
  test('every record of a 37-record tree with tiles of height 2 is proven', async () => {
    for (let id = 0; id < records.length; id++) await checkRecord({ id, data: records[id] }, tree, read, 2);
  });
  test('a record that is not the logged one, or a tile that lies, fails', async () => {
    await expect(checkRecord({ id: 5, data: Buffer.from('mod v1.0.5 h1:y\n') }, tree, read, 2)).rejects.toThrow(
      'not in the signed tree',
    );
    // Each tile the proof reads carries a hash it needs: a tile inverted whole must break the proof.
    const used: string[] = [];
    await checkRecord({ id: 30, data: records[30] }, tree, (p) => (used.push(p), read(p)), 2);
    expect(used.length).toBeGreaterThan(1);
    for (const path of used) {
      const lying = Buffer.from((tiles.get(path) as Buffer).map((b) => b ^ 0xff));
      const readLying = async (p: string) => (p === path ? lying : read(p));
      await expect(checkRecord({ id: 30, data: records[30] }, tree, readLying, 2)).rejects.toThrow(
        'not in the signed tree',
      );
    }
    await expect(checkRecord({ id: 37, data: records[0] }, tree, read, 2)).rejects.toThrow('outside the signed tree');
  });
});

describe('the h1 hash of a module zip', () => {
  test('matches what the go command records for a module it downloaded', async () => {
    const cache = join(process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'), 'gomodcache');
    const out = sh('go', ['mod', 'download', '-json', 'rsc.io/quote@v1.5.2'], {
      cwd: tmpdir(),
      env: { GOMODCACHE: cache, GOFLAGS: '-modcacherw', GO111MODULE: 'on' },
    });
    const { Zip, Sum } = JSON.parse(out) as { Zip: string; Sum: string };
    expect(await hashModuleZip(Zip)).toBe(Sum);
  });
  test('a zip with a name twice is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const zip = join(dir, 'twice.zip');
    makeZip(zip, [
      ['m@v1/a', '1'],
      ['m@v1/a', '2'],
    ]);
    await expect(hashModuleZip(zip)).rejects.toThrow('m@v1/a twice');
  });
});

describe('the package index and zig targets', () => {
  const sha = randomBytes(32).toString('hex');
  const wheel = 'ziglang-0.17.1-py3-none-manylinux_2_12_x86_64.manylinux2010_x86_64.musllinux_1_1_x86_64.whl';
  const arm = 'ziglang-0.17.1-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.musllinux_1_1_aarch64.whl';
  test('the Simple API in JSON (PEP 691) and HTML (PEP 503) gives the same files', () => {
    const json = JSON.stringify({
      files: [
        { filename: wheel, url: `../../packages/${wheel}`, hashes: { sha256: sha } },
        { filename: arm, url: `https://files.example/${arm}`, hashes: {} },
      ],
    });
    const html = `<html><body><a href="../../packages/${wheel}#sha256=${sha}">${wheel}</a><br/><a href="https://files.example/${arm}">${arm}</a></body></html>`;
    const page = 'https://mirror.example/simple/ziglang/';
    const fromJson = parseSimplePage(json, 'application/vnd.pypi.simple.v1+json', page);
    expect(fromJson).toEqual(parseSimplePage(html, 'text/html', page));
    expect(fromJson[0]).toEqual({ filename: wheel, url: `https://mirror.example/packages/${wheel}`, sha256: sha });
    expect(ziglangWheel(fromJson, '0.17.1', 'amd64')?.wheel.filename).toBe(wheel);
    expect(ziglangWheel(fromJson, '0.17.1', 'arm64')?.wheel.filename).toBe(arm);
    expect(ziglangWheel(fromJson, '0.16.0', 'amd64')).toBeUndefined();
  });
  test('versions are spelt as the tool cache and setup-go spell them', () => {
    expect(cacheVersion('1.22.3')).toBe('1.22.3');
    expect(cacheVersion('1.22rc1')).toBe('1.22.0-rc.1');
    expect(cacheVersion('0.17.1')).toBe('0.17.1');
  });
  test.each([
    ['linux/amd64', 'x86_64-linux-musl'],
    ['linux/amd64/v3', 'x86_64-linux-musl'],
    ['linux/386', 'x86-linux-musl'],
    ['linux/arm64', 'aarch64-linux-musl'],
    ['linux/arm/v6', 'arm-linux-musleabihf -mcpu=arm1176jzf_s'],
    ['linux/arm/v7', 'arm-linux-musleabihf -mcpu=generic+v7a'],
    ['linux/ppc64le', 'powerpc64le-linux-musl'],
    ['linux/s390x', 's390x-linux-musl'],
    ['linux/riscv64', 'riscv64-linux-musl'],
    ['linux/loong64', 'loongarch64-linux-musl'],
  ])('cc: zig builds %s for %s', (platform, flags) => {
    const t = zigTargetOf(parsePlatform(platform));
    expect(t && zigCompilers('/opt/zig dir/zig', t)).toEqual({
      CC: `'/opt/zig dir/zig' cc -target ${flags}`,
      CXX: `'/opt/zig dir/zig' c++ -target ${flags}`,
    });
  });
  test('a platform zig has no target for is named', () => {
    expect(zigTargetOf(parsePlatform('linux/mips64le'))).toBeUndefined();
  });
});

describe('credentials in proxy and index URLs', () => {
  test('are found for masking, raw and decoded, and left out of what is shown', () => {
    expect(credentialsIn('https://u:p%40ss@goproxy.example,direct')).toEqual(['p%40ss', 'p@ss']);
    expect(credentialsIn('https://token123@pypi.example/simple')).toEqual(['token123']);
    expect(credentialsIn('off')).toEqual([]);
    expect(withoutCredentials('https://u:p%40ss@goproxy.example/sub')).toBe('https://goproxy.example/sub');
    expect(withoutCredentials('https://goproxy.example')).toBe('https://goproxy.example');
  });
});

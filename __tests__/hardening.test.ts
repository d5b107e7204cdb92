import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction, runActionAsync, sh } from './helpers/action.js';
import { startDualProxy, startRecorder } from './helpers/dual-proxy.js';
import { makePki, type Pki } from './helpers/pki.js';
import { startProxy, startRegistry, type Registry } from './helpers/registry.js';
import { resolveDeps } from '../src/check/deps.js';
import { ElfError, parseElf } from '../src/kernel/elf/parse.js';
import { writeTar } from '../src/layer/tar.js';
import { hashFile, nodeDepsFs, openFileReader } from '../src/util/fs.js';
import { buildLayer } from '../src/layer/layer.js';
import { diskLayerStore } from '../src/layer/store.js';
import { inlineGzip } from './helpers/gzip.js';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nodeFetch } from '../src/util/http.js';
import { deadlineMs, DEFAULT_RETRY } from '../src/publish/registry/retry.js';
import { Transport } from '../src/publish/registry/transport.js';

const USER = 'ci-bot';
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const common = { 'working-directory': 'example', 'source-date-epoch': '1700000000', platforms: 'linux/amd64' };

let pki: Pki;
let registry: Registry;
beforeAll(async () => {
  pki = makePki();
  const htpasswd = join(pki.dir, 'htpasswd');
  writeFileSync(htpasswd, sh('htpasswd', ['-Bbn', USER, PASSWORD]));
  registry = await startRegistry({
    auth: ['auth:', '  htpasswd:', '    realm: scratchpack-basic', `    path: ${htpasswd}`].join('\n'),
  });
});
afterAll(() => registry.stop());

describe('no credential or layer over plain HTTP to a registry that speaks TLS', () => {
  test('an http:// upload Location on the TLS host fails the step, and nothing reaches the plain-HTTP side', async () => {
    const proxy = await startDualProxy(registry.host, { cert: pki.serverCert, key: pki.serverKey });
    try {
      const run = await runActionAsync(
        { ...common, push: 'true', tags: `${proxy.host}/acme/cleartext:1`, username: USER, password: PASSWORD },
        { env: { NODE_EXTRA_CA_CERTS: pki.caPem } },
      );
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        expect.stringMatching(new RegExp(`registry ${proxy.host}: .*refused.*sent us to http://${proxy.host}`)),
      ]);
      expect(proxy.plain).toEqual([]);
      expect(run.stdout.replace(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
    } finally {
      await proxy.stop();
    }
  });

  test('a TLS registry naming an http:// token realm on another loopback port sends it no credentials', async () => {
    const realm = await startRecorder();
    const proxy = await startDualProxy(
      registry.host,
      { cert: pki.serverCert, key: pki.serverKey },
      (headers, status) => {
        if (status === 401) headers['www-authenticate'] = `Bearer realm="${realm.url}/token",service="proxied"`;
      },
    );
    try {
      const run = await runActionAsync(
        { ...common, push: 'true', tags: `${proxy.host}/acme/realm:1`, username: USER, password: PASSWORD },
        { env: { NODE_EXTRA_CA_CERTS: pki.caPem } },
      );
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([expect.stringContaining(`token realm ${realm.url} is not HTTPS`)]);
      expect(realm.seen).toEqual([]);
    } finally {
      await proxy.stop();
      await realm.stop();
    }
  });
});

describe('every byte read from a registry is checked', () => {
  test('a config blob that is not the one its manifest names fails the merge, and no tag moves', async () => {
    const plain = await startRegistry();
    const proxy = await startProxy(plain.host);
    try {
      const digestsDir = mkdtempSync(join(tmpdir(), 'scratchpack-digests-'));
      const tags = `${proxy.host}/acme/tamper:1`;
      const built = await runActionAsync({
        ...common,
        push: 'true',
        'push-by-digest': 'true',
        'digests-dir': digestsDir,
        tags,
      });
      expect(built.code).toBe(0);
      // The config a proxy or a redirect target might serve instead: it claims another platform.
      const lie = JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
      proxy.fault = (req) =>
        req.method === 'GET' && req.path.includes('/blobs/sha256:') ? { status: 200, body: lie } : 'pass';
      const before = proxy.seen.length;
      const merge = await runActionAsync({
        ...common,
        platforms: 'linux/arm64',
        push: 'true',
        'merge-digests': digestsDir,
        tags,
      });
      expect(merge.code).toBe(1);
      expect(merge.errors).toEqual([
        expect.stringMatching(/GET blob acme\/tamper@sha256:[a-f0-9]{64} failed \(digest mismatch\)/),
      ]);
      expect(proxy.seen.slice(before).filter((r) => r.method === 'PUT')).toEqual([]);
    } finally {
      await proxy.close();
      await plain.stop();
    }
  });
});

describe('oci-layout replaces only a layout or an empty directory', () => {
  /** A workspace of its own, with a git directory and sources, so a bad layout path can only hurt this copy. */
  function workspace(): string {
    const ws = mkdtempSync(join(tmpdir(), 'scratchpack-ws-'));
    cpSync(join(ROOT, 'example'), join(ws, 'example'), { recursive: true });
    mkdirSync(join(ws, '.git'));
    writeFileSync(join(ws, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'src', 'keep.ts'), 'export {};\n');
    return ws;
  }
  // The .git here is only something to lose, not a repository go could stamp a version from.
  const wsEnv = (ws: string) => ({ GITHUB_WORKSPACE: ws, GOFLAGS: '-mod=mod -buildvcs=false' });
  const inWorkspace = (ws: string, inputs: Record<string, string>) =>
    runAction({ ...common, ...inputs }, { cwd: ws, env: wsEnv(ws) });

  test.each([
    ['.', 'is or contains the workspace'],
    ['src', 'is neither an OCI image layout (it has no oci-layout file) nor an empty directory'],
  ])('oci-layout: %s fails with one error and deletes nothing', (path, why) => {
    const ws = workspace();
    const run = inWorkspace(ws, { 'oci-layout': path });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringContaining(`input "oci-layout": "${path}" `)]);
    expect(run.errors[0]).toContain(why);
    expect(readFileSync(join(ws, 'src', 'keep.ts'), 'utf8')).toBe('export {};\n');
    expect(readFileSync(join(ws, '.git', 'HEAD'), 'utf8')).toContain('refs/heads/main');
    expect(existsSync(join(ws, 'example', 'main.go'))).toBe(true);
  });

  test('the binaries directory and the layer store are refused too', () => {
    const ws = workspace();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-rt-'));
    for (const [path, what] of [
      [join(runnerTemp, 'scratchpack', 'binaries'), 'the binaries directory'],
      [join(runnerTemp, 'scratchpack', 'layers', 'oci'), 'lies inside the layer store'],
      [runnerTemp, 'the binaries directory'],
    ]) {
      const run = runAction({ ...common, 'oci-layout': path }, { cwd: ws, runnerTemp, env: wsEnv(ws) });
      expect(run.errors).toEqual([expect.stringContaining(what)]);
    }
  });

  test('an old layout is replaced, and what killed jobs left beside it is removed', () => {
    const ws = workspace();
    const first = inWorkspace(ws, { 'oci-layout': 'out/oci' });
    expect(first.code).toBe(0);
    for (const leftover of ['oci.partial-999999', 'oci.old-999998'])
      mkdirSync(join(ws, 'out', leftover, 'blobs'), { recursive: true });
    const second = inWorkspace(ws, { 'oci-layout': 'out/oci', labels: 'changed=yes' });
    expect(second.code).toBe(0);
    expect(second.outputs.digest).not.toBe(first.outputs.digest);
    expect(JSON.parse(readFileSync(join(ws, 'out', 'oci', 'index.json'), 'utf8')).manifests[0].digest).toBe(
      second.outputs.digest,
    );
    expect(readdirSync(join(ws, 'out'))).toEqual(['oci']);
  });
});

/** A minimal ELF64 shared object whose dynamic section holds `needed` DT_NEEDED entries, all naming one string. */
function elfWithNeeded(needed: number, name: string): Buffer {
  const dynstr = Buffer.concat([Buffer.from([0]), Buffer.from(name), Buffer.from([0])]);
  const dynamic = Buffer.alloc((needed + 1) * 16);
  for (let i = 0; i < needed; i++) {
    dynamic.writeBigUInt64LE(1n, i * 16); // DT_NEEDED
    dynamic.writeBigUInt64LE(1n, i * 16 + 8); // the name after the leading NUL
  }
  const shstr = Buffer.from('\0.dynstr\0.dynamic\0.shstrtab\0');
  const phoff = 64;
  const dynstrOff = phoff + 56;
  const dynamicOff = dynstrOff + dynstr.length;
  const shstrOff = dynamicOff + dynamic.length;
  const shoff = shstrOff + shstr.length;
  const out = Buffer.alloc(shoff + 4 * 64);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  out.writeUInt16LE(3, 16); // ET_DYN
  out.writeUInt16LE(62, 18); // EM_X86_64
  out.writeUInt32LE(1, 20);
  out.writeBigUInt64LE(BigInt(phoff), 32);
  out.writeBigUInt64LE(BigInt(shoff), 40);
  out.writeUInt16LE(64, 52);
  out.writeUInt16LE(56, 54);
  out.writeUInt16LE(1, 56);
  out.writeUInt16LE(64, 58);
  out.writeUInt16LE(4, 60);
  out.writeUInt16LE(3, 62);
  out.writeUInt32LE(2, phoff); // PT_DYNAMIC
  out.writeBigUInt64LE(BigInt(dynamicOff), phoff + 8);
  out.writeBigUInt64LE(BigInt(dynamic.length), phoff + 32);
  dynstr.copy(out, dynstrOff);
  dynamic.copy(out, dynamicOff);
  shstr.copy(out, shstrOff);
  const section = (i: number, nameOff: number, type: number, offset: number, size: number, link = 0) => {
    const o = shoff + i * 64;
    out.writeUInt32LE(nameOff, o);
    out.writeUInt32LE(type, o + 4);
    out.writeBigUInt64LE(BigInt(offset), o + 24);
    out.writeBigUInt64LE(BigInt(size), o + 32);
    out.writeUInt32LE(link, o + 40);
  };
  section(1, 1, 3, dynstrOff, dynstr.length); // .dynstr, SHT_STRTAB
  section(2, 9, 6, dynamicOff, dynamic.length, 1); // .dynamic, SHT_DYNAMIC, linked to .dynstr
  section(3, 18, 3, shstrOff, shstr.length); // .shstrtab
  return out;
}

describe('the ELF code is bounded', () => {
  test('800 DT_NEEDED entries naming one 128 KiB string are the reader error, not 105 MB of JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-needed-'));
    const bomb = join(dir, 'bomb.so');
    writeFileSync(bomb, elfWithNeeded(800, 'x'.repeat(128 * 1024)));
    expect(() => parseElf(readFileSync(bomb))).toThrow(ElfError);
    expect(() => parseElf(readFileSync(bomb))).toThrow('DT_NEEDED at offset 121 is longer than 4096 bytes');
    const out = sh('sh', ['-c', `node ${join(ROOT, 'dist', 'cli.js')} inspect ${bomb}; true`]);
    expect(out.length).toBeLessThan(1000);
    expect(JSON.parse(out)).toEqual({ file: bomb, error: expect.stringContaining('longer than 4096 bytes') });
    // Many short names still parse, up to the bound on their total size.
    const many = elfWithNeeded(800, 'libsmall.so.1');
    expect(parseElf(many).needed).toHaveLength(800);
    expect(() => parseElf(elfWithNeeded(4000, 'x'.repeat(100)))).toThrow('DT_NEEDED names exceed 65536 bytes');
  });

  test('ld.so.conf files that include their own directory are each read once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'scratchpack-ldconf-'));
    mkdirSync(join(root, 'etc', 'ld.so.conf.d'), { recursive: true });
    writeFileSync(join(root, 'etc', 'ld.so.conf'), 'include /etc/ld.so.conf.d/*.conf\n');
    for (const k of ['a', 'b', 'c']) {
      writeFileSync(join(root, 'etc', 'ld.so.conf.d', `${k}.conf`), `/opt/${k}\ninclude /etc/ld.so.conf.d/*.conf\n`);
    }
    const reads: string[] = [];
    const fs = { ...nodeDepsFs, readFile: (p: string) => (reads.push(p), nodeDepsFs.readFile(p)) };
    const go = parseElf(elfWithNeeded(1, 'libnothere.so'));
    const deps = await resolveDeps(go, { sysroot: root, originDir: '/', fs, parse: parseElf });
    const confReads = reads.filter((p) => p.includes('ld.so.conf'));
    expect(confReads.sort()).toEqual(
      ['ld.so.conf', 'ld.so.conf.d/a.conf', 'ld.so.conf.d/b.conf', 'ld.so.conf.d/c.conf'].map((f) =>
        join(root, 'etc', f),
      ),
    );
    expect(deps.missing[0].searched.slice(0, 3)).toEqual(['/opt/a', '/opt/b', '/opt/c']);
  });

  test('a NEEDED linked by relative path is refused under gather, and no tar path may leave the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-relneeded-'));
    mkdirSync(join(dir, 'build'));
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'foo.c'), 'int foo(void) { return 1; }\n');
    writeFileSync(join(dir, 'main.c'), 'int foo(void);\nint main(void) { return foo(); }\n');
    sh('gcc', ['-shared', '-fPIC', '-o', join(dir, 'build', 'libfoo.so'), join(dir, 'foo.c')]);
    sh('gcc', ['-o', join(dir, 'app', 'main'), join(dir, 'main.c'), '../build/libfoo.so'], { cwd: join(dir, 'app') });
    const info = parseElf(readFileSync(join(dir, 'app', 'main')));
    expect(info.needed).toContain('../build/libfoo.so');
    const deps = await resolveDeps(info, {
      sysroot: '/',
      originDir: '/usr/local/bin',
      fs: nodeDepsFs,
      parse: parseElf,
    });
    expect(deps.missing).toEqual([
      expect.objectContaining({ soname: '../build/libfoo.so', reason: expect.stringContaining('relative path') }),
    ]);
    expect(deps.files.every((f) => !f.path.split('/').includes('..'))).toBe(true);
    expect(() =>
      writeTar([{ path: 'usr/lib/../build/libfoo.so', type: 'file', mode: 0o644, data: new Uint8Array(1) }], 0),
    ).toThrow('is not a clean relative path');
    expect(() => writeTar([{ path: '/etc/x', type: 'file', mode: 0o644, data: new Uint8Array(1) }], 0)).toThrow(
      'is not a clean relative path',
    );
  });
});

test('a sysroot whose lib is a link to the host /lib gathers nothing from the host', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-escape-'));
  writeFileSync(join(dir, 'main.c'), 'int main(void) { return 0; }\n');
  sh('gcc', ['-o', join(dir, 'main'), join(dir, 'main.c')]);
  const sysroot = join(dir, 'sysroot');
  mkdirSync(join(sysroot, 'usr'), { recursive: true });
  symlinkSync('/lib', join(sysroot, 'lib'));
  symlinkSync('/lib64', join(sysroot, 'lib64'));
  symlinkSync('/usr/lib', join(sysroot, 'usr', 'lib'));
  const info = parseElf(readFileSync(join(dir, 'main')));
  const deps = await resolveDeps(info, {
    sysroot,
    multiarch: 'x86_64-linux-gnu',
    originDir: '/usr/local/bin',
    fs: nodeDepsFs,
    parse: parseElf,
  });
  // Absolute links name the sysroot's own directories, which lead back to themselves: nothing is found.
  expect(deps.interpreter).toBeNull();
  expect(deps.missingInterpreter).toBe('/lib64/ld-linux-x86-64.so.2');
  expect(deps.missing.map((m) => m.soname)).toEqual(['libc.so.6']);
  expect(deps.files).toEqual([]);
  // The host's own sysroot still resolves the same binary, through the host's usrmerge links.
  const host = await resolveDeps(info, {
    sysroot: '/',
    multiarch: 'x86_64-linux-gnu',
    originDir: '/usr/local/bin',
    fs: nodeDepsFs,
    parse: parseElf,
  });
  expect(host.missing).toEqual([]);
  expect(host.interpreter?.path).toBe('/lib64/ld-linux-x86-64.so.2');
});

describe('every registry request is bounded in time and size', () => {
  const quick = { ...DEFAULT_RETRY, delaysMs: [10], timeoutMs: 2000, deadlineMs: 400 };

  async function serve(handler: (res: ServerResponse) => void) {
    const server = createServer((_req, res) => handler(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/acme/app/manifests/1`;
    return { url, stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
  }

  test('a server that trickles a byte at a time, never idle, is given up at the deadline', async () => {
    const trickle = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    });
    try {
      const transport = new Transport(nodeFetch, quick, () => undefined);
      await expect(transport.send({ method: 'GET', url: trickle.url }, 'trickle', 'GET manifest')).rejects.toThrow(
        /registry trickle: GET manifest failed \(ETIMEDOUT\): no complete answer within 400 ms \(after 2 attempts\)/,
      );
    } finally {
      await trickle.stop();
    }
  });

  test('a 12 MiB manifest response is an error that says so, not a truncated 200', async () => {
    const big = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      res.end(Buffer.alloc(12 << 20, 0x20));
    });
    try {
      const transport = new Transport(nodeFetch, quick, () => undefined);
      await expect(transport.send({ method: 'GET', url: big.url }, 'big', 'GET manifest')).rejects.toThrow(
        'registry big: GET manifest failed (ETOOBIG): the answer is larger than 8388608 bytes',
      );
    } finally {
      await big.stop();
    }
  });

  test('the deadline of an upload grows with its size', () => {
    expect(deadlineMs(DEFAULT_RETRY, 0)).toBe(120_000);
    expect(deadlineMs(DEFAULT_RETRY, 300 << 20)).toBe(120_000 + 1_200_000);
  });
});

test('a prune that lists a blob as old keeps it when a lookup hands it out before the removal', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-race-'));
  const store = diskLayerStore(join(dir, 'layers'), { maxBytes: 0, minAgeMs: 60 * 60 * 1000 });
  const io = { open: openFileReader, hash: (f: { path: string }) => hashFile(f.path), compress: inlineGzip, store };
  const layer = await buildLayer([{ path: 'a', type: 'file', mode: 0o644, data: new Uint8Array(4096) }], 0, io);
  const [recipe] = readdirSync(join(dir, 'layers', 'recipes'));
  const key = `sha256:${recipe.replace(/\.json$/, '')}`;
  const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
  utimesSync(layer.path, old, old);
  let handedOut: { path: string } | undefined;
  // Another job's lookup lands after this prune listed the blob as unused for two hours, before it removes it.
  const result = await store.prune(Date.now(), { listed: async () => void (handedOut = await store.lookup(key)) });
  expect(handedOut?.path).toBe(layer.path);
  expect(existsSync(layer.path)).toBe(true);
  expect(result).toMatchObject({ removed: 0, kept: 1 });
  expect(readdirSync(join(dir, 'layers')).filter((n) => n.startsWith('tmp-'))).toEqual([]);
  // With no lookup in between, the same old blob goes.
  const marker = join(dir, 'layers', 'used', layer.digest.slice(7));
  utimesSync(marker, old, old);
  utimesSync(layer.path, old, old);
  expect(await store.prune()).toMatchObject({ removed: 1 });
  expect(existsSync(layer.path)).toBe(false);
});

import { describe, expect, test } from '@jest/globals';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  lstatSync,
  readlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeTar } from '../src/layer/tar.js';
import type { TarEntry } from '../src/kernel/tar-entry.js';
import { buildLayer, MEMBER_SIZE, type LayerIO } from '../src/layer/layer.js';
import { hashFile, openFileReader } from '../src/util/fs.js';
import { describePrune, diskLayerStore } from '../src/layer/store.js';
import { workerGzipPool } from '../src/layer/gzip-pool.js';
import { inlineGzip } from './helpers/gzip.js';
import { buildImage, buildIndex } from '../src/image/image.js';
import { rootfsEntries } from '../src/plan/rootfs.js';
import { sha256Digest } from '../src/kernel/digest.js';
import { sh } from './helpers/action.js';
import { EXAMPLE, goBuild } from './helpers/fixtures.js';

const enc = new TextEncoder();
const longDir = 'usr/share/' + 'a-very-long-directory-name/'.repeat(6);
const entries: TarEntry[] = [
  { path: 'usr/local/bin/app', type: 'file', mode: 0o755, data: enc.encode('#!binary\n') },
  { path: 'etc/passwd', type: 'file', mode: 0o644, data: enc.encode('root:x:0:0::/root:/sbin/nologin\n') },
  { path: 'tmp', type: 'dir', mode: 0o1777 },
  { path: 'lib/ld.so', type: 'symlink', mode: 0o777, linkname: 'x86_64-linux-gnu/ld-2.36.so' },
  { path: `${longDir}file-with-a-long-name.txt`, type: 'file', mode: 0o644, data: enc.encode('long\n') },
  { path: `${'b'.repeat(120)}/${'c'.repeat(120)}`, type: 'file', mode: 0o600, data: enc.encode('pax\n') },
];

function extract(tar: Uint8Array): { dir: string; listing: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-tar-'));
  const file = join(dir, 'layer.tar');
  writeFileSync(file, tar);
  const listing = sh('tar', ['--numeric-owner', '-tvf', file]);
  sh('tar', ['--same-permissions', '--numeric-owner', '-xf', file, '-C', dir]);
  return { dir, listing };
}

describe('tar writer', () => {
  test('GNU tar reads every entry with our modes, owners, mtime, links and long names', () => {
    const tar = Buffer.concat(writeTar(entries, 1700000000));
    expect(tar.length % 512).toBe(0);
    const { dir, listing } = extract(tar);
    const lines = listing.trim().split('\n');
    expect(lines[0]).toMatch(/^drwxr-xr-x 0\/0\s+0 2023-11-14 \d\d:\d\d b{120}\/$/);
    expect(listing).toMatch(/drwxrwxrwt 0\/0 .* tmp\//);
    expect(listing).toMatch(/lrwxrwxrwx 0\/0 .* lib\/ld\.so -> x86_64-linux-gnu\/ld-2\.36\.so/);
    expect(listing).toMatch(/-rwxr-xr-x 0\/0 .* usr\/local\/bin\/app/);
    expect(lstatSync(join(dir, 'tmp')).mode & 0o7777).toBe(0o1777);
    expect(readlinkSync(join(dir, 'lib/ld.so'))).toBe('x86_64-linux-gnu/ld-2.36.so');
    expect(readFileSync(join(dir, longDir, 'file-with-a-long-name.txt'), 'utf8')).toBe('long\n');
    expect(readFileSync(join(dir, 'b'.repeat(120), 'c'.repeat(120)), 'utf8')).toBe('pax\n');
    expect(lstatSync(join(dir, 'usr/local/bin/app')).mtimeMs).toBe(1700000000 * 1000);
    // every parent directory has its own entry, before its children, in byte order
    const names = lines.map((l) =>
      l
        .split(/\s+/)
        .slice(5)
        .join(' ')
        .replace(/ -> .*/, ''),
    );
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    for (const n of names) {
      const parent = n.replace(/\/$/, '').split('/').slice(0, -1).join('/');
      if (parent) expect(names.indexOf(`${parent}/`)).toBeGreaterThanOrEqual(0);
      if (parent) expect(names.indexOf(`${parent}/`)).toBeLessThan(names.indexOf(n));
    }
  });

  test('input order and time do not change the bytes; the epoch does', () => {
    const a = Buffer.concat(writeTar(entries, 0));
    const b = Buffer.concat(writeTar([...entries].reverse(), 0));
    expect(sha256Digest(a)).toBe(sha256Digest(b));
    expect(sha256Digest(Buffer.concat(writeTar(entries, 1)))).not.toBe(sha256Digest(a));
  });

  test('duplicate paths are refused', () => {
    expect(() => writeTar([entries[0], { ...entries[0] }], 0)).toThrow('the image would hold /usr/local/bin/app twice');
  });
});

/** The layer's effects on the real file system, with libdeflate in this thread or in the bundle's workers. */
function layerIO(compress: LayerIO['compress'] = inlineGzip): LayerIO & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-layers-'));
  return { dir, open: openFileReader, hash: (f) => hashFile(f.path), compress, store: diskLayerStore(dir) };
}

/** GNU gzip's view of a file: the decompressed sha256 (so members concatenate as RFC 1952 says). */
function gunzipDigest(file: string): string {
  return 'sha256:' + sh('sh', ['-c', `gzip -dc < "${file}" | sha256sum`]).split(' ')[0];
}

describe('layer, image, index', () => {
  test('layer digest covers the gzip bytes, diff_id the tar; both are stable', async () => {
    const l1 = await buildLayer(entries, 5, layerIO());
    const l2 = await buildLayer([...entries].reverse(), 5, layerIO());
    expect(l1.digest).toBe(l2.digest);
    const gz = readFileSync(l1.path);
    expect(l1.digest).toBe(sha256Digest(gz));
    expect(l1.size).toBe(gz.length);
    expect(l1.diffId).toBe(sha256Digest(gunzipSync(gz)));
    expect(l1.diffId).toBe(sha256Digest(Buffer.concat(writeTar(entries, 5))));
    // MTIME 0, no name, OS "unknown": nothing about the machine or the moment leaks in; XFL 4, "fastest algorithm"
    // (RFC 1952 §2.3.1), as libdeflate marks level 1.
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 0xff]);
  });

  test('a large file streams from disk into several gzip members that GNU gzip and tar read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-big-'));
    const big = join(dir, 'big');
    const data = Buffer.alloc(MEMBER_SIZE * 2 + 12345);
    for (let i = 0; i < data.length; i += 4096) data.write(`block ${i} of a file that compresses\n`, i);
    writeFileSync(big, data);
    const list: TarEntry[] = [
      ...entries,
      { path: 'usr/local/bin/big', type: 'file', mode: 0o755, file: { path: big, size: data.length } },
    ];
    const pool = workerGzipPool(2);
    try {
      const inline = await buildLayer(list, 9, layerIO());
      const workers = await buildLayer(
        list,
        9,
        layerIO((c) => pool.compress(c, 'gzip')),
      );
      expect(workers.digest).toBe(inline.digest);
      const gz = readFileSync(inline.path);
      let members = 0;
      for (let i = 0; i + 3 < gz.length; i++)
        if (gz[i] === 0x1f && gz[i + 1] === 0x8b && gz[i + 2] === 8 && gz[i + 3] === 0) members++;
      expect(members).toBeGreaterThanOrEqual(3);
      expect(gunzipDigest(inline.path)).toBe(inline.diffId);
      expect(sh('tar', ['-xzOf', inline.path, 'usr/local/bin/big'], {}).length).toBe(data.length);
    } finally {
      await pool.close();
    }
  });

  test("the workers' gzip members are libdeflate's own, byte for byte, on a real ELF (header, CRC-32, ISIZE)", async () => {
    // gofmt: a real static Go binary of a few MB, so members of code, data and nearly incompressible tables.
    const gofmt = join(sh('go', ['env', 'GOROOT'], {}).trim(), 'bin', 'gofmt');
    const data = readFileSync(gofmt);
    const pool = workerGzipPool(2);
    try {
      for (let at = 0; at < data.length; at += MEMBER_SIZE) {
        const chunk = data.subarray(at, at + MEMBER_SIZE);
        const member = await pool.compress(chunk, 'gzip');
        try {
          expect(Buffer.from(member.bytes).equals(Buffer.from((await inlineGzip(chunk)).bytes))).toBe(true);
        } finally {
          member.release();
        }
      }
    } finally {
      await pool.close();
    }
    expect(data.length).toBeGreaterThan(2 * MEMBER_SIZE);
  });

  test('a file that shrinks while the layer is written fails and leaves nothing in the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-shrink-'));
    writeFileSync(join(dir, 'f'), 'short');
    const io = layerIO();
    await expect(
      buildLayer([{ path: 'f', type: 'file', mode: 0o644, file: { path: join(dir, 'f'), size: 100 } }], 0, io),
    ).rejects.toThrow('shorter than the 100 bytes');
    expect(sh('find', [io.dir, '-type', 'f']).trim()).toBe('');
  });

  test('the layer store returns the same blob without recompressing, and rebuilds a damaged one', async () => {
    const io = layerIO();
    let calls = 0;
    const counting: LayerIO = { ...io, compress: (c) => (calls++, inlineGzip(c)) };
    const first = await buildLayer(entries, 7, counting);
    const second = await buildLayer(entries, 7, counting);
    expect([first.cached, second.cached, calls]).toEqual([false, true, 1]);
    expect(second.digest).toBe(first.digest);
    writeFileSync(first.path, Buffer.from('not gzip'));
    const third = await buildLayer(entries, 7, counting);
    expect([third.cached, calls]).toEqual([false, 2]);
    expect(third.digest).toBe(first.digest);
    expect(sha256Digest(readFileSync(third.path))).toBe(first.digest);
    // A hit's hash is remembered once the blob has settled; bytes changed in place (same size) are still caught.
    utimesSync(third.path, (Date.now() - 60_000) / 1000, (Date.now() - 60_000) / 1000);
    expect((await buildLayer(entries, 7, counting)).cached).toBe(true);
    expect(readdirSync(join(io.dir, 'hashes')).length).toBeGreaterThan(0);
    const bytes = readFileSync(third.path);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(third.path, bytes);
    const fourth = await buildLayer(entries, 7, counting);
    expect([fourth.cached, calls, fourth.digest]).toEqual([false, 3, first.digest]);
  });

  test('a file whose digest is known is not read on a hit; new content is a miss; content that differs from its digest fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-recipe-'));
    const path = join(dir, 'app');
    writeFileSync(path, 'version one of the binary');
    const io = layerIO();
    let opened = 0;
    let compressed = 0;
    const counting: LayerIO = {
      ...io,
      open: (f) => (opened++, openFileReader(f)),
      compress: (c) => (compressed++, inlineGzip(c)),
    };
    const spec = async (): Promise<TarEntry[]> => [
      {
        path: 'app',
        type: 'file',
        mode: 0o755,
        file: { path, size: lstatSync(path).size, sha256: await hashFile(path) },
      },
    ];
    const first = await buildLayer(await spec(), 0, counting);
    const again = await buildLayer(await spec(), 0, counting);
    expect([first.cached, again.cached, opened, compressed]).toEqual([false, true, 1, 1]);
    expect([again.digest, again.diffId, again.uncompressedSize]).toEqual([
      first.digest,
      first.diffId,
      first.uncompressedSize,
    ]);
    writeFileSync(path, 'version two of the binary');
    const second = await buildLayer(await spec(), 0, counting);
    expect([second.cached, opened, compressed]).toEqual([false, 2, 2]);
    expect(second.diffId).not.toBe(first.diffId);
    expect(gunzipDigest(second.path)).toBe(second.diffId);
    // A digest taken before the file changed (same size): the layer fails instead of storing the new bytes under it.
    const stale = (await spec())[0];
    writeFileSync(path, 'version three of the bin.');
    const fresh = layerIO();
    await expect(buildLayer([stale], 0, fresh)).rejects.toThrow('changed while its layer was being written');
    expect(sh('find', [fresh.dir, '-type', 'f']).trim()).toBe('');
  });

  test('the store prunes least recently used layers above its limit, never one used within minAgeMs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-prune-'));
    const store = diskLayerStore(dir, { maxBytes: 1, minAgeMs: 60_000 });
    const io: LayerIO = { open: openFileReader, hash: (f) => hashFile(f.path), compress: inlineGzip, store };
    const layerOf = (text: string) =>
      buildLayer([{ path: 'f', type: 'file', mode: 0o644, data: new TextEncoder().encode(text) }], 0, io);
    expect(store.grew).toBe(false);
    const [a, b, c] = [await layerOf('a'), await layerOf('bb'), await layerOf('ccc')];
    // main.ts prunes only after a run that stored a layer; a run of hits leaves `grew` false (asserted below).
    expect(store.grew).toBe(true);
    const now = Date.now();
    utimesSync(a.path, (now - 3_600_000) / 1000, (now - 3_600_000) / 1000); // oldest
    utimesSync(b.path, (now - 120_000) / 1000, (now - 120_000) / 1000);
    // c was used just now: over the limit, but kept. a goes first, then b.
    const pruned = await store.prune(now);
    expect(pruned).toEqual({
      removed: 2,
      freed: a.size + b.size,
      kept: 1,
      keptBytes: c.size,
      strays: 0,
      strayBytes: 0,
    });
    // The log line states the limits this store was given, not a fixed policy.
    expect(describePrune(pruned, store.limits)).toBe(
      `layer store: removed 2 least recently used layers (${a.size + b.size} B) to stay under 1 B; kept 1 (${c.size} B); nothing used in the last 1 min is removed`,
    );
    expect(describePrune(pruned, { maxBytes: 2 * 1024 ** 3, minAgeMs: 3_600_000 })).toContain('to stay under 2.0 GiB;');
    expect(readdirSync(join(dir, 'blobs'))).toEqual([c.digest.slice(7)]);
    expect(readdirSync(join(dir, 'recipes'))).toHaveLength(1);
    // An index entry carrying extra fields yields only the layer facts, with the path of the store's own blob.
    const [recipe] = readdirSync(join(dir, 'recipes'));
    const entry = JSON.parse(readFileSync(join(dir, 'recipes', recipe), 'utf8'));
    writeFileSync(
      join(dir, 'recipes', recipe),
      JSON.stringify({ ...entry, path: '/etc/passwd', cached: false, extra: 1 }),
    );
    const hit = await store.lookup(`sha256:${recipe.replace('.json', '')}`);
    expect(hit).toEqual({
      digest: c.digest,
      size: c.size,
      diffId: c.diffId,
      uncompressedSize: entry.uncompressedSize,
      path: c.path,
      proven: true,
    });
    utimesSync(c.path, (now - 3_600_000) / 1000, (now - 3_600_000) / 1000);
    // a was pruned, so it is compressed again; c is a hit, which marks it as used, so it survives the next prune.
    expect([(await layerOf('a')).cached, (await layerOf('ccc')).cached]).toEqual([false, true]);
    const rerun = diskLayerStore(dir, { maxBytes: 1, minAgeMs: 60_000 });
    expect(
      (
        await buildLayer([{ path: 'f', type: 'file', mode: 0o644, data: new TextEncoder().encode('ccc') }], 0, {
          ...io,
          store: rerun,
        })
      ).cached,
    ).toBe(true);
    expect(rerun.grew).toBe(false);
    const quiet = await store.prune();
    expect(quiet).toMatchObject({ removed: 0, kept: 2 });
    expect(describePrune(quiet, store.limits)).toBe(''); // nothing removed, nothing logged
  });

  test('prune removes the partial files of writes that never finished, once they are older than minAgeMs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-strays-'));
    const store = diskLayerStore(dir, { maxBytes: 2 ** 40, minAgeMs: 60_000 });
    const io: LayerIO = { open: openFileReader, hash: (f) => hashFile(f.path), compress: inlineGzip, store };
    const keptLayer = () =>
      buildLayer([{ path: 'f', type: 'file', mode: 0o644, data: new TextEncoder().encode('kept') }], 0, io);
    const kept = await keptLayer();
    const now = Date.now();
    const old = (now - 7_200_000) / 1000;
    // A job killed mid-layer, and one killed between writing an index entry and renaming it: both hours ago.
    writeFileSync(join(dir, 'tmp-4242-0123456789ab'), Buffer.alloc(3000));
    utimesSync(join(dir, 'tmp-4242-0123456789ab'), old, old);
    writeFileSync(join(dir, 'recipes', `${'e'.repeat(64)}.json.4242.tmp`), '{"digest":');
    utimesSync(join(dir, 'recipes', `${'e'.repeat(64)}.json.4242.tmp`), old, old);
    // Another job still writing its layer right now.
    writeFileSync(join(dir, 'tmp-4343-0123456789ab'), Buffer.alloc(100));
    // Hash memos, hours old: one of a file that is gone (a moved binaries dir), one of the kept blob.
    mkdirSync(join(dir, 'hashes'));
    writeFileSync(
      join(dir, 'hashes', 'gone.json'),
      JSON.stringify({ path: join(dir, 'no-such-binary'), stamp: 'x', sha256: 'a'.repeat(64) }),
    );
    writeFileSync(
      join(dir, 'hashes', 'alive.json'),
      JSON.stringify({ path: kept.path, stamp: 'x', sha256: 'a'.repeat(64) }),
    );
    for (const name of ['gone.json', 'alive.json']) utimesSync(join(dir, 'hashes', name), old, old);
    const pruned = await store.prune(now);
    expect(pruned).toEqual({ removed: 0, freed: 0, kept: 1, keptBytes: kept.size, strays: 2, strayBytes: 3010 });
    expect(readdirSync(join(dir, 'hashes'))).toEqual(['alive.json']);
    expect(readdirSync(dir).sort()).toEqual(['blobs', 'hashes', 'proofs', 'recipes', 'tmp-4343-0123456789ab']);
    expect(readdirSync(join(dir, 'recipes'))).toHaveLength(1);
    expect(describePrune(pruned, store.limits)).toBe(
      'layer store: removed 2 unfinished writes left by stopped jobs (2.9 KiB), untouched for over 1 min',
    );
    expect((await keptLayer()).cached).toBe(true);
  });

  test("a Go binary's layer is no larger than ko's: Go's gzip at BestSpeed, go-containerregistry's default", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-size-'));
    const bin = goBuild(EXAMPLE, join(dir, 'app'), { GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '0' });
    const spec = rootfsEntries({
      binaryPath: '/usr/local/bin/app',
      binary: { path: bin, size: lstatSync(bin).size },
      extraFiles: [],
    });
    const layer = await buildLayer(spec, 0, layerIO());
    // ko's layers: go-containerregistry's tarball.LayerFromOpener compresses at gzip.BestSpeed unless told otherwise
    // (pkg/v1/tarball/layer.go); the binary alone, so the 2 KiB are our passwd, group and directories.
    mkdirSync(join(dir, 'gz'));
    writeFileSync(join(dir, 'gz', 'go.mod'), 'module gz\n\ngo 1.22\n');
    writeFileSync(
      join(dir, 'gz', 'main.go'),
      'package main\n\nimport (\n\t"compress/gzip"\n\t"fmt"\n\t"io"\n\t"os"\n)\n\ntype counter int\n\n' +
        'func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }\n\n' +
        'func main() {\n\tvar n counter\n\tw, _ := gzip.NewWriterLevel(&n, gzip.BestSpeed)\n' +
        '\tf, _ := os.Open(os.Args[1])\n\tio.Copy(w, f)\n\tw.Close()\n\tfmt.Println(int(n))\n}\n',
    );
    const koSize = Number(sh('go', ['run', '.', bin], { cwd: join(dir, 'gz'), env: { GOFLAGS: '' } }).trim());
    expect(layer.size).toBeLessThanOrEqual(koSize + 2048);
  });

  test('config, manifest and index follow the spec and the given platform order', async () => {
    const layer = await buildLayer(entries, 0, layerIO());
    const base = {
      created: '1970-01-01T00:00:00Z',
      user: '65532:65532',
      entrypoint: ['/app'],
      cmd: ['--serve'],
      env: ['PATH=/bin'],
      labels: { a: 'b' },
      createdBy: 'test',
      manifestAnnotations: { x: 'y' },
    };
    const arm = buildImage([layer], { ...base, platform: { architecture: 'arm', os: 'linux', variant: 'v7' } });
    const amd = buildImage([layer], { ...base, platform: { architecture: 'amd64', os: 'linux' } });
    const config = JSON.parse(Buffer.from(arm.config.data).toString());
    expect(config).toMatchObject({
      architecture: 'arm',
      os: 'linux',
      variant: 'v7',
      config: { User: '65532:65532', Entrypoint: ['/app'], Cmd: ['--serve'], Labels: { a: 'b' } },
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
    });
    expect(config.history).toHaveLength(1);
    const manifest = JSON.parse(Buffer.from(arm.manifest.data).toString());
    expect(manifest).toMatchObject({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { digest: arm.config.digest },
      layers: [{ digest: layer.digest, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }],
      annotations: { x: 'y' },
    });
    const index = JSON.parse(Buffer.from(buildIndex([amd, arm], { i: 'j' }).data).toString());
    expect(index.manifests.map((m: { platform: object }) => m.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm', os: 'linux', variant: 'v7' },
    ]);
    expect(index.annotations).toEqual({ i: 'j' });
    const reversed = JSON.parse(Buffer.from(buildIndex([arm, amd], {}).data).toString());
    expect(reversed.manifests[0].platform.architecture).toBe('arm');
  });
});

describe('rootfs', () => {
  const spec = { binaryPath: '/usr/local/bin/app', binary: { path: '/nonexistent/app', size: 3 }, extraFiles: [] };
  test('non-root accounts, home, sticky /tmp', () => {
    const list = rootfsEntries(spec);
    const byPath = Object.fromEntries(list.map((e) => [e.path, e]));
    expect(Buffer.from(byPath['etc/passwd'].data as Uint8Array).toString()).toContain(
      'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin',
    );
    expect(Buffer.from(byPath['etc/group'].data as Uint8Array).toString()).toContain('nonroot:x:65532:');
    expect(byPath['home/nonroot']).toMatchObject({ type: 'dir', uid: 65532, gid: 65532 });
    expect(byPath.tmp.mode).toBe(0o1777);
    expect(byPath['usr/local/bin/app'].mode).toBe(0o755);
  });
  test('user files replace generated files but never the binary or a directory', () => {
    const mine = enc.encode('me:x:1:1::/:/x\n');
    const list = rootfsEntries({
      ...spec,
      extraFiles: [{ dest: '/etc/passwd', source: 'mine', data: mine, mode: 0o644 }],
    });
    expect(list.find((e) => e.path === 'etc/passwd')?.data).toBe(mine);
    expect(() =>
      rootfsEntries({ ...spec, extraFiles: [{ dest: '/usr/local/bin/app', source: 'mine', data: mine, mode: 0o644 }] }),
    ).toThrow('replace the binary');
    expect(() =>
      rootfsEntries({ ...spec, extraFiles: [{ dest: '/tmp', source: 'mine', data: mine, mode: 0o644 }] }),
    ).toThrow('replace a directory');
    expect(() =>
      rootfsEntries({
        ...spec,
        extraFiles: [{ dest: '/usr/local/bin/app/x', source: 'mine', data: mine, mode: 0o644 }],
      }),
    ).toThrow('under the file');
  });
});

// Issue #28: `compression: zstd`, opt-in. Pushed to a real registry, read back by skopeo, unpacked by zstd and tar,
// run; the same digests on every run and on Node 20 and 24.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE24, runActionAsync, sh } from './helpers/action.js';
import { startRegistry, type Registry } from './helpers/registry.js';

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry.stop();
});

const inputs = {
  'working-directory': 'example',
  platforms: 'linux/amd64,linux/arm64',
  compression: 'zstd',
  'source-date-epoch': '1700000000',
  'ca-certificates': 'false',
};

describe('compression: zstd', () => {
  test('pushed, tested before it ships, copied by skopeo, unpacked by zstd and run', async () => {
    const tag = `${registry.host}/zstd/app:1`;
    const r = await runActionAsync({ ...inputs, push: 'true', tags: tag, 'test-args': '-check' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hello from linux/arm64');
    const copy = mkdtempSync(join(tmpdir(), 'scratchpack-zstd-copy-'));
    sh('skopeo', ['copy', '--all', '--src-tls-verify=false', `docker://${tag}`, `oci:${copy}:app`]);
    // And from that layout into a registry again: skopeo keeps the zstd layers as they are.
    sh('skopeo', [
      'copy',
      '--all',
      '--dest-tls-verify=false',
      `oci:${copy}:app`,
      `docker://${registry.host}/zstd/copied:1`,
    ]);
    const blob = (d: string) => readFileSync(join(copy, 'blobs', 'sha256', d.slice(7)));
    const index = JSON.parse(
      blob(JSON.parse(readFileSync(join(copy, 'index.json'), 'utf8')).manifests[0].digest).toString(),
    );
    const amd64 = index.manifests.find(
      (m: { platform?: { architecture: string } }) => m.platform?.architecture === 'amd64',
    );
    const manifest = JSON.parse(blob(amd64.digest).toString());
    expect(manifest.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar+zstd',
    ]);
    const root = mkdtempSync(join(tmpdir(), 'scratchpack-zstd-root-'));
    const layer = join(copy, 'blobs', 'sha256', manifest.layers[0].digest.slice(7));
    sh('sh', ['-c', `zstd -dc "${layer}" | tar -x -C "${root}"`]);
    expect(sh(join(root, 'usr', 'local', 'bin', 'hello'), ['-check'])).toMatch(/^hello from linux\/amd64/);
  }, 180_000);

  test('the same digests on every run and on Node 20 and 24, and other than gzip', async () => {
    const layout = (name: string) => {
      const dir = join(mkdtempSync(join(tmpdir(), 'scratchpack-zstd-')), name);
      mkdirSync(dir);
      return dir;
    };
    const a = await runActionAsync({ ...inputs, 'oci-layout': layout('a') });
    const b = await runActionAsync({ ...inputs, 'oci-layout': layout('b') });
    const on24 = await runActionAsync({ ...inputs, 'oci-layout': layout('c') }, { node: NODE24 });
    const gzip = await runActionAsync({ ...inputs, compression: 'gzip', 'oci-layout': layout('d') });
    expect(a.outputs.digest).toMatch(/^sha256:/);
    expect([b.outputs.digest, on24.outputs.digest]).toEqual([a.outputs.digest, a.outputs.digest]);
    expect(gzip.outputs.digest).not.toBe(a.outputs.digest);
  }, 180_000);

  test('with media-types: docker, one error that says to use oci or gzip', async () => {
    const r = await runActionAsync({ ...inputs, 'media-types': 'docker' });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      '::error::input "compression": Docker media types have no zstd layer type; use media-types: oci with zstd, or compression: gzip',
    ]);
  });
});

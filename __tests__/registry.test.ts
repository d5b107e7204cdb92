import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionAsync, sh, type ActionRun } from './helpers/action.js';
import {
  referrersRegistry,
  startProxy,
  startRegistry,
  uploads,
  type Proxy,
  type Registry,
} from './helpers/registry.js';
import { Readable } from 'node:stream';
import { parseTag } from '../src/inputs/reference.js';
import { jsonBlob } from '../src/kernel/digest.js';
import { MediaType } from '../src/kernel/oci.js';
import { RegistryPublisher } from '../src/publish/registry/publisher.js';
import { clientFactory } from '../src/publish/registry/connect.js';
import { nodeFetch } from '../src/util/http.js';
import { DEFAULT_RETRY } from '../src/publish/registry/retry.js';
import { Transport } from '../src/publish/registry/transport.js';

const PLATFORMS = 'linux/amd64,linux/arm64,linux/arm/v7';
const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/hello', GITHUB_SHA: 'b'.repeat(40) };
// The push mechanics and their counts; the attachments' place in the order has its own test below.
const common = {
  sbom: 'false',
  provenance: 'false',
  'working-directory': 'example',
  'source-date-epoch': '1700000000',
  labels: 'org.opencontainers.image.title=hello',
};

let registry: Registry;
let proxy: Proxy;
let first: ActionRun;
let tags: string;

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startProxy(registry.host);
  tags = [`${proxy.host}/acme/hello:1.0`, `${proxy.host}/acme/hello:latest`, `${proxy.host}/acme/mirror:1.0`].join(
    '\n',
  );
  first = await runActionAsync({ ...common, platforms: PLATFORMS, push: 'true', tags }, { env });
});

afterAll(async () => {
  await proxy.close();
  await registry.stop();
});

describe('push to a plain-HTTP registry on loopback', () => {
  test('pushes, and says so in outputs, notice and summary', () => {
    expect(first.stderr).toBe('');
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.outputs.image).toBe(`${proxy.host}/acme/hello@${first.outputs.digest}`);
    expect(Object.keys(JSON.parse(first.outputs.digests))).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    expect(first.notices.join('\n')).toContain(`Pushed ${proxy.host}/acme/hello@${first.outputs.digest}`);
    expect(first.summary).toMatch(
      referrersRegistry()
        ? /\*\*Blobs:\*\* 12 uploaded, 0 already present, 0 mounted/
        : /\*\*Blobs:\*\* 6 uploaded, 0 already present, 6 mounted/,
    );
    expect(first.summary).toMatch(
      /\*\*Time:\*\* prepare [0-9.]+ s · build, check, assemble, upload blobs \(3 targets, pipelined\) [0-9.]+ s · publish [0-9.]+ s/,
    );
  });

  test("each image's blobs go before its manifest, every manifest before the index by digest, and the tags last", () => {
    const at = (i: number) => ({ repo: proxy.seen[i].path.split('/')[3], ...proxy.seen[i] });
    const manifestPuts = proxy.seen.flatMap((s, i) =>
      s.method === 'PUT' && s.path.includes('/manifests/')
        ? [{ i, repo: at(i).repo, ref: s.path.split('/manifests/')[1] }]
        : [],
    );
    const digests: string[] = Object.values(JSON.parse(first.outputs.digests));
    const children = manifestPuts.filter((m) => digests.includes(m.ref));
    const indexPuts = manifestPuts.filter((m) => m.ref === first.outputs.digest);
    const tagPuts = manifestPuts.filter((m) => !m.ref.startsWith('sha256:'));
    // Each repository gets every child manifest once; they go up as each image is ready, so in any order.
    for (const repo of ['hello', 'mirror'])
      expect(
        children
          .filter((m) => m.repo === repo)
          .map((m) => m.ref)
          .sort(),
      ).toEqual([...digests].sort());
    expect(manifestPuts.length).toBe(children.length + indexPuts.length + tagPuts.length);
    expect(Math.max(...children.map((m) => m.i))).toBeLessThan(Math.min(...indexPuts.map((m) => m.i)));
    expect(indexPuts.map((m) => m.repo)).toEqual(['hello', 'mirror']);
    expect(tagPuts.map((m) => `${m.repo}:${m.ref}`)).toEqual(['hello:1.0', 'hello:latest', 'mirror:1.0']);
    expect(Math.max(...indexPuts.map((m) => m.i))).toBeLessThan(Math.min(...tagPuts.map((m) => m.i)));
    // A manifest goes up only after its layer and config are in that repository (uploaded or mounted).
    const blobsAt = (repo: string, digest: string) =>
      proxy.seen.findIndex(
        (s, i) =>
          at(i).repo === repo &&
          ((s.method === 'PUT' &&
            s.path.includes('/blobs/uploads/') &&
            decodeURIComponent(s.query).includes(`digest=${digest}`)) ||
            (s.method === 'POST' && decodeURIComponent(s.query).includes(`mount=${digest}`))),
      );
    const layout = first.outputs['oci-layout'];
    for (const m of children) {
      const manifest = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', m.ref.slice(7)), 'utf8'));
      for (const b of [manifest.config, ...manifest.layers]) {
        const put = blobsAt(m.repo, b.digest);
        expect(put).toBeGreaterThanOrEqual(0);
        expect(put).toBeLessThan(m.i);
      }
    }
  });

  test('the second repository gets its blobs by cross-repository mount', () => {
    const mounts = proxy.seen.filter(
      (s) => s.method === 'POST' && s.query.includes('mount=') && s.query.includes('from=acme%2Fhello'),
    );
    expect(mounts.length).toBe(6);
    // go-containerregistry's registry declines mounts (202, an upload session), and each blob is then uploaded.
    const status = referrersRegistry() ? 202 : 201;
    expect(mounts.every((m) => m.status === status && m.path === '/v2/acme/mirror/blobs/uploads/')).toBe(true);
  });

  test('skopeo reads the index back and the arm64 image runs under qemu', () => {
    const raw = JSON.parse(
      sh('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/acme/hello:latest`]),
    );
    expect(raw.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(raw.manifests.map((m: { digest: string }) => m.digest)).toEqual(
      Object.values(JSON.parse(first.outputs.digests)),
    );
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-pulled-'));
    sh('skopeo', [
      '--override-arch',
      'arm64',
      'copy',
      '--src-tls-verify=false',
      `docker://${registry.host}/acme/mirror:1.0`,
      `oci:${dir}:pulled`,
    ]);
    const view = join(mkdtempSync(join(tmpdir(), 'scratchpack-bundle-')), 'b');
    sh('umoci', ['unpack', '--rootless', '--image', `${dir}:pulled`, view]);
    expect(sh('qemu-aarch64-static', [join(view, 'rootfs/usr/local/bin/hello'), '-check'])).toMatch(
      /^hello from linux\/arm64/,
    );
  });

  test('when one target fails to build, nothing is written to the registry, not even for the target that built', async () => {
    const before = proxy.seen.length;
    const run = await runActionAsync(
      {
        ...common,
        'working-directory': '__tests__/fixtures/halfbroken',
        platforms: 'linux/amd64,linux/arm64',
        push: 'true',
        tags: `${proxy.host}/acme/half:1.0`,
      },
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('undefinedOnArm64');
    expect(run.errors).toHaveLength(1);
    expect(run.stdout).toContain('linux/arm64 (build failed)');
    // The target that built may ask (GET /v2/, HEAD) what the registry holds; it writes nothing, and no tag exists.
    const seen = proxy.seen.slice(before);
    expect(seen.filter((s) => s.method !== 'GET' && s.method !== 'HEAD')).toEqual([]);
    expect(
      seen
        .filter((s) => s.method === 'HEAD')
        .map((s) => s.path.split('/').slice(-2, -1)[0])
        .sort(),
    ).toEqual(['blobs', 'blobs', 'manifests']);
    expect(seen.filter((s) => s.path.startsWith('/v2/acme/half/manifests/1.0'))).toEqual([]);
    expect(
      sh('sh', ['-c', `skopeo inspect --tls-verify=false docker://${registry.host}/acme/half:1.0 2>&1 || true`]),
    ).toMatch(/manifest unknown|name unknown|not found/i);
  });

  test('a cancelled push starts no queued upload and lets the one in flight finish', async () => {
    const transport = new Transport(nodeFetch, DEFAULT_RETRY, () => undefined);
    const client = clientFactory({
      transport,
      credentials: { username: '', password: '', githubToken: '' },
      insecureRegistries: [],
      env: {},
      exec: async () => ({ exitCode: 127, stdout: '', stderr: '' }),
      mask: () => undefined,
      info: () => undefined,
    });
    const publisher = new RegistryPublisher({
      tags: [parseTag(`${proxy.host}/acme/cancel:1`)],
      pushByDigest: false,
      client,
      uploadsAtOnce: 1,
      open: (b) => Readable.from([Buffer.from('data' in b ? b.data : [])], { objectMode: false }),
      retries: () => 0,
    });
    const images = ['one', 'two', 'three'].map((n) => {
      const config = jsonBlob(MediaType.config, { n });
      const manifest = jsonBlob(MediaType.manifest, { schemaVersion: 2, config: { digest: config.digest } });
      return { platform: { architecture: 'amd64', os: 'linux' }, layers: [], config, manifest };
    });
    const before = proxy.seen.length;
    proxy.fault = (req) => {
      if (req.method === 'POST' && req.path === '/v2/acme/cancel/blobs/uploads/')
        void publisher.abandon(new Error('the step failed elsewhere'));
      return 'pass';
    };
    try {
      for (const img of images) publisher.stage(img);
      const index = jsonBlob(MediaType.index, { images: images.length });
      await expect(publisher.write({ images, index })).rejects.toThrow('the step failed elsewhere');
    } finally {
      proxy.fault = () => 'pass';
    }
    const seen = proxy.seen.slice(before).filter((r) => r.path.startsWith('/v2/acme/cancel/'));
    expect(seen.map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 404', 'POST 202', 'PUT 201']);
    expect(publisher.stats.uploaded).toBe(1);
  });

  test('a second run uploads no blob and gives the same digest', async () => {
    const before = proxy.seen.length;
    const again = await runActionAsync({ ...common, platforms: PLATFORMS, push: 'true', tags }, { env });
    expect(again.code).toBe(0);
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(uploads(proxy.seen.slice(before))).toEqual({ posts: 0, puts: 0 });
    expect(again.summary).toMatch(/\*\*Blobs:\*\* 0 uploaded, 12 already present, 0 mounted · 0 B sent/);
    // Every manifest is already there (3 children and the index in 2 repositories, 3 tags): a HEAD each, no PUT.
    const manifestRequests = proxy.seen.slice(before).filter((r) => r.path.includes('/manifests/'));
    expect(manifestRequests.map((r) => `${r.method} ${r.status}`)).toEqual(Array(3 * 2 + 2 + 3).fill('HEAD 200'));
    expect(again.summary).toContain('· 0 manifests put, 11 already there ·');
  });

  test('a layout that cannot be written fails the step and moves no tag, though the push runs beside it', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'scratchpack-blocked-')), 'a-file');
    writeFileSync(blocker, 'in the way');
    const before = proxy.seen.length;
    const run = await runActionAsync(
      {
        ...common,
        platforms: PLATFORMS,
        push: 'true',
        tags: `${proxy.host}/acme/nolayout:1`,
        'oci-layout': join(blocker, 'oci'),
      },
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining(
        `could not write the OCI layout at ${join(blocker, 'oci')} (input "oci-layout"): ENOTDIR`,
      ),
    ]);
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const tagRequests = proxy.seen.slice(before).filter((r) => r.path === '/v2/acme/nolayout/manifests/1');
    expect(tagRequests).toEqual([]);
    expect(run.outputs['oci-layout']).toBe('');
  });

  test('a changed image moves every tag: the HEAD shows another digest, so each tag is PUT', async () => {
    const before = proxy.seen.length;
    const changed = await runActionAsync(
      { ...common, labels: 'org.opencontainers.image.title=hello, changed', platforms: PLATFORMS, push: 'true', tags },
      { env },
    );
    expect(changed.code).toBe(0);
    expect(changed.outputs.digest).not.toBe(first.outputs.digest);
    const tagPuts = proxy.seen
      .slice(before)
      .filter((r) => r.method === 'PUT' && r.path.includes('/manifests/') && !r.path.includes('sha256:'));
    expect(tagPuts.map((r) => `${r.path.split('/manifests/')[1]} ${r.status}`)).toEqual([
      '1.0 201',
      'latest 201',
      '1.0 201',
    ]);
    for (const ref of ['acme/hello:1.0', 'acme/hello:latest', 'acme/mirror:1.0']) {
      expect(
        sh('skopeo', [
          'inspect',
          '--tls-verify=false',
          '--format',
          '{{.Digest}}',
          `docker://${registry.host}/${ref}`,
        ]).trim(),
      ).toBe(changed.outputs.digest);
    }
  });

  test('attachments go up after their subject manifests, and before any tag moves', async () => {
    const before = proxy.seen.length;
    const run = await runActionAsync(
      {
        ...common,
        sbom: 'true',
        provenance: 'true',
        platforms: PLATFORMS,
        push: 'true',
        tags: `${proxy.host}/acme/attached:1`,
      },
      { env },
    );
    expect(run.errors).toEqual([]);
    const puts = proxy.seen
      .slice(before)
      .flatMap((s, i) =>
        s.method === 'PUT' && s.path.includes('/manifests/') ? [{ i, ref: s.path.split('/manifests/')[1] }] : [],
      );
    const children = JSON.parse(run.outputs.digests) as Record<string, string>;
    const docs = JSON.parse(run.outputs.attachments) as Record<string, { digest: string }[]>;
    const at = (ref: string) => puts.filter((p) => p.ref === ref).map((p) => p.i);
    const fallback = puts.filter((p) => p.ref.startsWith('sha256-')).map((p) => p.i);
    const tag = Math.min(...at('1'));
    // A registry that answers OCI-Subject keeps the referrers itself: no fallback index then.
    expect(fallback).toHaveLength(referrersRegistry() ? 0 : 3);
    for (const [platform, subject] of Object.entries(children)) {
      const mine = docs[platform].flatMap((d) => at(d.digest));
      expect(mine).toHaveLength(2);
      // Each document after its own subject, and the fallback index of that subject after both.
      expect(Math.min(...mine)).toBeGreaterThan(Math.max(...at(subject)));
      if (!referrersRegistry())
        expect(Math.max(...at(`sha256-${subject.slice(7)}`))).toBeGreaterThan(Math.max(...mine));
    }
    expect(
      Math.max(
        ...fallback,
        ...Object.values(docs)
          .flat()
          .flatMap((d) => at(d.digest)),
      ),
    ).toBeLessThan(tag);
  });
});

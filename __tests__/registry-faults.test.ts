import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runActionAsync, sh } from './helpers/action.js';
import { deadAddress, startProxy, startRegistry, type Fault, type Proxy, type Registry } from './helpers/registry.js';

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7'];
const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/hello', GITHUB_SHA: 'c'.repeat(40) };
// The push mechanics alone: attachments have their own tests (attach.test.ts, and the ordering in registry.test.ts).
const common = {
  'working-directory': 'example',
  'source-date-epoch': '1700000000',
  sbom: 'false',
  provenance: 'false',
};

let registry: Registry;
let proxy: Proxy;

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startProxy(registry.host);
});

afterAll(async () => {
  await proxy.close();
  await registry.stop();
});

const tagExists = (ref: string) =>
  spawnSync('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${ref}`]).status === 0;

describe('transient failures are retried; permanent ones fail cleanly and move no tag', () => {
  test('every distinct request fails once (503, 429 + Retry-After, dropped connection, 500, 502) and the push still completes', async () => {
    const rotation: Fault[] = [
      { status: 503 },
      { status: 429, headers: { 'retry-after': '1' } },
      'drop',
      { status: 500 },
      { status: 502 },
    ];
    const failed = new Set<string>();
    let n = 0;
    proxy.fault = (req) => {
      const key = `${req.method} ${req.path}`;
      if (failed.has(key)) return 'pass';
      failed.add(key);
      return rotation[n++ % rotation.length];
    };
    const run = await runActionAsync(
      { ...common, platforms: PLATFORMS.join(','), push: 'true', tags: `${proxy.host}/acme/faulty:1.0` },
      { env },
    );
    proxy.fault = () => 'pass';
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const injected = proxy.seen.filter((s) => s.injected);
    expect(new Set(injected.map((s) => s.injected))).toEqual(new Set(['503', '429', 'drop', '500', '502']));
    expect(run.warnings.length).toBe(injected.length);
    expect(run.warnings[0]).toMatch(/retry 1\/3 in \d+ ms/);
    expect(run.summary).toMatch(new RegExp(`${injected.length} retries`));
    const raw = JSON.parse(
      sh('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/acme/faulty:1.0`]),
    );
    expect(raw.manifests).toHaveLength(3);
    for (const arch of ['amd64', 'arm64']) {
      expect(
        JSON.parse(
          sh('skopeo', [
            '--override-arch',
            arch,
            'inspect',
            '--tls-verify=false',
            '--config',
            `docker://${registry.host}/acme/faulty:1.0`,
          ]),
        ).architecture,
      ).toBe(arch);
    }
  });

  test('an index PUT that always fails leaves no tag behind and fails with the registry, operation and status', async () => {
    proxy.fault = (req, body) =>
      req.method === 'PUT' && body.includes('"application/vnd.oci.image.index.v1+json"') ? { status: 500 } : 'pass';
    const run = await runActionAsync(
      { ...common, platforms: 'linux/amd64', push: 'true', tags: `${proxy.host}/acme/untagged:1.0` },
      { env },
    );
    proxy.fault = () => 'pass';
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(`registry ${proxy.host}: PUT manifest acme/untagged:sha256:\\S+ failed \\(500\\)`),
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(tagExists(`${registry.host}/acme/untagged:1.0`)).toBe(false);
  });

  test('a dead registry fails the step with one ::error naming it, after bounded retries', async () => {
    const dead = await deadAddress();
    const run = await runActionAsync(
      { ...common, platforms: 'linux/amd64', push: 'true', tags: `${dead}/acme/app:1` },
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(new RegExp(`registry ${dead}: ping failed \\(ECONNREFUSED\\).*after 4 attempts`)),
    ]);
    expect(run.warnings.filter((w) => w.includes('retry'))).toHaveLength(3);
  });
});

describe('distributed matrix: push by digest per platform, then merge', () => {
  test('three push-by-digest runs and one merge give exactly the single-job digest', async () => {
    const single = await runActionAsync({ ...common, platforms: PLATFORMS.join(',') }, { env });
    expect(single.code).toBe(0);
    const digestsDir = mkdtempSync(join(tmpdir(), 'scratchpack-digests-'));
    const perPlatform: string[] = [];
    for (const p of PLATFORMS) {
      const run = await runActionAsync(
        {
          ...common,
          platforms: p,
          push: 'true',
          'push-by-digest': 'true',
          'digests-dir': digestsDir,
          tags: `${registry.host}/acme/matrix:1.0`,
        },
        { env },
      );
      expect(run.errors).toEqual([]);
      expect(run.outputs.digest).toBe(JSON.parse(run.outputs.digests)[p]);
      perPlatform.push(run.outputs.digest);
    }
    expect(tagExists(`${registry.host}/acme/matrix:1.0`)).toBe(false);
    expect(readdirSync(digestsDir).sort()).toEqual(perPlatform.map((d) => d.slice(7)).sort());
    const merge = await runActionAsync(
      {
        ...common,
        platforms: PLATFORMS.join('\n'),
        push: 'true',
        'merge-digests': digestsDir,
        tags: `${registry.host}/acme/matrix:1.0\n${registry.host}/acme/matrix:latest`,
      },
      { env },
    );
    expect(merge.errors).toEqual([]);
    expect(merge.outputs.digest).toBe(single.outputs.digest);
    expect(JSON.parse(merge.outputs.digests)).toEqual(Object.fromEntries(PLATFORMS.map((p, i) => [p, perPlatform[i]])));
    const raw = sh('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--raw',
      `docker://${registry.host}/acme/matrix:latest`,
    ]);
    expect(`sha256:${sh('sh', ['-c', 'sha256sum | cut -d" " -f1'], { input: raw }).trim()}`).toBe(
      single.outputs.digest,
    );
  });

  test('merge refuses digests that do not cover the platforms', async () => {
    const run = await runActionAsync(
      {
        ...common,
        platforms: 'linux/amd64,linux/s390x',
        push: 'true',
        'merge-digests': `sha256:${'0'.repeat(64)}`,
        tags: `${registry.host}/acme/matrix:bad`,
      },
      { env },
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringContaining('GET manifest acme/matrix@sha256:0000')]);
  });
});

describe('media-types: docker', () => {
  test('pushes a Docker manifest list with v2 schema 2 children, no annotations, that skopeo reads', async () => {
    const run = await runActionAsync(
      {
        ...common,
        platforms: 'linux/amd64,linux/arm64',
        push: 'true',
        'media-types': 'docker',
        tags: `${registry.host}/acme/dockerish:1.0`,
      },
      { env },
    );
    expect(run.errors).toEqual([]);
    const raw = JSON.parse(
      sh('skopeo', ['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/acme/dockerish:1.0`]),
    );
    expect(raw.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
    expect(raw.annotations).toBeUndefined();
    expect(
      raw.manifests.every(
        (m: { mediaType: string; platform: object }) =>
          m.mediaType === 'application/vnd.docker.distribution.manifest.v2+json' && m.platform,
      ),
    ).toBe(true);
    const arm = JSON.parse(
      sh('skopeo', [
        'inspect',
        '--tls-verify=false',
        '--raw',
        `docker://${registry.host}/acme/dockerish@${raw.manifests[1].digest}`,
      ]),
    );
    expect(arm).toMatchObject({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json' },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' }],
    });
    expect(arm.annotations).toBeUndefined();
    expect(
      JSON.parse(
        sh('skopeo', [
          '--override-arch',
          'arm64',
          'inspect',
          '--tls-verify=false',
          '--config',
          `docker://${registry.host}/acme/dockerish:1.0`,
        ]),
      ).architecture,
    ).toBe('arm64');
  });
});

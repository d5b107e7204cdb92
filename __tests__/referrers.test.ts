// Issue #29: registries as they are. The referrers API path against a real implementation (go-containerregistry's
// registry, corrected to the spec: fixtures/referrers-registry), support decided by OCI-Subject, every document found
// back, and the registries that refuse what we send each given an error with a way out.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushByDigestJob, runActionAsync, sh } from './helpers/action.js';
import { startProxy, startReferrersRegistry, startRegistry, type Proxy, type Registry } from './helpers/registry.js';

const ORAS = join(process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'), 'bin', 'oras');
const SPDX = 'application/spdx+json';
const IN_TOTO = 'application/vnd.in-toto+json';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** An answer to GET /referrers that lists nothing, whatever the registry holds. */
const EMPTY_REFERRERS = {
  status: 200,
  headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
  body: JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }),
};
const env = { GITHUB_REPOSITORY: 'acme/hello', GITHUB_SHA: 'a'.repeat(40), GITHUB_RUN_ID: '42' };

let api: Registry;
let plain: Registry;
beforeAll(async () => {
  [api, plain] = await Promise.all([startReferrersRegistry(), startRegistry()]);
});
afterAll(async () => {
  await Promise.all([api.stop(), plain.stop()]);
});

const push = (host: string, repo: string, more: Record<string, string> = {}, runEnv: Record<string, string> = env) =>
  runActionAsync(
    {
      'working-directory': 'example',
      platforms: PLATFORMS.join(','),
      push: 'true',
      tags: `${host}/${repo}:1`,
      'source-date-epoch': '1700000000',
      ...more,
    },
    { env: runEnv },
  );

async function tagsOf(host: string, repo: string): Promise<string[]> {
  const res = await fetch(`http://${host}/v2/${repo}/tags/list`);
  return ((await res.json()) as { tags: string[] | null }).tags ?? [];
}

/** What `oras discover` lists for each platform of a tag, by artifactType. */
function discovered(ref: string): string[][] {
  return PLATFORMS.map((platform) => {
    const found = JSON.parse(sh(ORAS, ['discover', '--plain-http', '--format', 'json', '--platform', platform, ref]));
    return (found.referrers as Array<{ artifactType: string }>).map((r) => r.artifactType).sort();
  });
}

describe('a registry with the referrers API', () => {
  test('keeps both documents itself: no fallback tag, oras discover lists them, the summary says how', async () => {
    const r = await push(api.host, 'acme/api');
    expect(r.errors).toEqual([]);
    expect((await tagsOf(api.host, 'acme/api')).filter((t) => t.startsWith('sha256-'))).toEqual([]);
    expect(discovered(`${api.host}/acme/api:1`)).toEqual([
      [SPDX, IN_TOTO],
      [SPDX, IN_TOTO],
    ]);
    for (const p of PLATFORMS)
      expect(r.summary).toMatch(new RegExp(`- \`${p}\`: SBOM .*; found back by the referrers API`));
  }, 180_000);

  test('a rerun puts nothing, and finds them back', async () => {
    const proxy = await startProxy(api.host);
    try {
      const first = await push(proxy.host, 'acme/again');
      expect(first.errors).toEqual([]);
      proxy.seen.length = 0;
      const again = await push(proxy.host, 'acme/again');
      expect(again.errors).toEqual([]);
      expect(again.outputs.digest).toBe(first.outputs.digest);
      expect(proxy.seen.filter((s) => s.method === 'PUT' || s.method === 'POST')).toEqual([]);
      expect(again.summary).toContain('found back by the referrers API');
    } finally {
      await proxy.close();
    }
  }, 180_000);

  test('a matrix with a merge keeps them reachable, with no fallback tag', async () => {
    const tags = `${api.host}/acme/matrix:1`;
    const dir = join(mkdtempSync(join(tmpdir(), 'scratchpack-referrers-')), 'digests');
    const job = (platform: string) => pushByDigestJob(platform, tags, dir, env);
    for (const j of await Promise.all(PLATFORMS.map(job))) expect(j.errors).toEqual([]);
    const merge = await runActionAsync(
      { 'working-directory': 'example', platforms: PLATFORMS.join(','), push: 'true', 'merge-digests': dir, tags },
      { env },
    );
    expect(merge.errors).toEqual([]);
    expect(discovered(tags)).toEqual([
      [SPDX, IN_TOTO],
      [SPDX, IN_TOTO],
    ]);
    expect((await tagsOf(api.host, 'acme/matrix')).filter((t) => t.startsWith('sha256-'))).toEqual([]);
  }, 300_000);
});

describe('support is decided by OCI-Subject on the PUT, never by a GET', () => {
  test('a proxy that strips OCI-Subject makes the action keep the fallback tag, and find them by it', async () => {
    const proxy = await startProxy(api.host);
    proxy.rewrite = (_req, headers) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'oci-subject'));
    try {
      const r = await push(proxy.host, 'acme/stripped');
      expect(r.errors).toEqual([]);
      expect((await tagsOf(api.host, 'acme/stripped')).filter((t) => t.startsWith('sha256-'))).toHaveLength(2);
      expect(r.summary).toMatch(/found back by the fallback tag `sha256-[0-9a-f]{64}`/);
    } finally {
      await proxy.close();
    }
  }, 180_000);

  test('a registry that answers 200 with an empty list to GET /referrers, storing nothing, does not fool it', async () => {
    const proxy = await startProxy(plain.host);
    proxy.fault = (req) => (req.method === 'GET' && req.path.includes('/referrers/') ? EMPTY_REFERRERS : 'pass');
    try {
      const r = await push(proxy.host, 'acme/liar');
      expect(r.errors).toEqual([]);
      expect((await tagsOf(plain.host, 'acme/liar')).filter((t) => t.startsWith('sha256-'))).toHaveLength(2);
      expect(r.summary).toMatch(/found back by the fallback tag `sha256-/);
    } finally {
      await proxy.close();
    }
  }, 180_000);
});

describe('registries that refuse what we send: one error with the way out, and no tag moved', () => {
  const refuse = (proxy: Proxy, when: (path: string, body: Buffer) => boolean, code: string, status = 400) => {
    proxy.fault = (req, body) =>
      req.method === 'PUT' && req.path.includes('/manifests/') && when(req.path, body)
        ? { status, body: JSON.stringify({ errors: [{ code, message: `refused by the test (${code})` }] }) }
        : 'pass';
  };
  let proxy: Proxy;
  beforeAll(async () => {
    proxy = await startProxy(plain.host);
  });
  afterAll(async () => {
    await proxy.close();
  });

  test('immutable tags: the fallback tag cannot be overwritten', async () => {
    const first = await push(proxy.host, 'acme/immutable');
    expect(first.errors).toEqual([]);
    // Another run of the same image, with a provenance of its own: its fallback tags must change, and may not.
    refuse(proxy, (path) => /\/manifests\/sha256-/.test(path), 'TAG_INVALID');
    const r = await push(
      proxy.host,
      'acme/immutable',
      { tags: `${proxy.host}/acme/immutable:2` },
      {
        ...env,
        GITHUB_RUN_ID: '43',
      },
    );
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('refused to overwrite the referrers fallback tag sha256-');
    expect(r.errors[0]).toContain('IMMUTABLE_WITH_EXCLUSION');
    expect(r.errors[0]).toContain('sbom: false and provenance: false');
    expect(await tagsOf(plain.host, 'acme/immutable')).not.toContain('2');
  }, 180_000);

  test.each([
    {
      what: 'no OCI artifacts: the empty config is refused',
      refusedIf: 'application/vnd.oci.empty.v1+json',
      more: {},
      says: ['takes no OCI artifacts', 'Set sbom: false and provenance: false for this registry'],
    },
    {
      what: 'an OCI-only registry given media-types: docker says to use oci',
      refusedIf: 'application/vnd.docker.',
      more: { 'media-types': 'docker' },
      says: ['it may take OCI media types only', 'Use media-types: oci'],
    },
  ])(
    '$what',
    async ({ refusedIf, more, says }) => {
      const repo = `acme/refused-${refusedIf.length}`;
      refuse(proxy, (_p, body) => body.includes(refusedIf), 'MANIFEST_INVALID');
      const r = await push(proxy.host, repo, more);
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(1);
      for (const text of says) expect(r.errors[0]).toContain(text);
      expect(await tagsOf(plain.host, repo)).not.toContain('1');
    },
    180_000,
  );
});

describe("GHCR's package page: the index carries the description, source and licenses", () => {
  test('from labels as docker/metadata-action gives them, unless annotations say otherwise', async () => {
    const labels = [
      'org.opencontainers.image.description=A tiny server',
      'org.opencontainers.image.licenses=MIT',
      'org.opencontainers.image.source=https://github.com/acme/hello',
      'org.opencontainers.image.vendor=Acme',
    ].join('\n');
    const indexOf = async (more: Record<string, string>) => {
      const r = await runActionAsync({ 'working-directory': 'example', platforms: 'linux/amd64', labels, ...more });
      expect(r.errors).toEqual([]);
      return JSON.parse(sh('skopeo', ['inspect', '--raw', `oci:${r.outputs['oci-layout']}:latest`])).annotations;
    };
    expect(await indexOf({})).toMatchObject({
      'org.opencontainers.image.description': 'A tiny server',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.source': 'https://github.com/acme/hello',
    });
    expect(await indexOf({})).not.toHaveProperty(['org.opencontainers.image.vendor']);
    const said = await indexOf({ annotations: 'index:org.opencontainers.image.description=Said otherwise' });
    expect(said['org.opencontainers.image.description']).toBe('Said otherwise');
  }, 120_000);
});

describe('a document that cannot be found back fails the step, naming the registry', () => {
  test('a registry that says OCI-Subject, lists nothing and loses every fallback tag', async () => {
    const proxy = await startProxy(api.host);
    proxy.fault = (req) =>
      req.method === 'GET' && req.path.includes('/referrers/')
        ? EMPTY_REFERRERS
        : req.method === 'GET' && /\/manifests\/sha256-/.test(req.path)
          ? { status: 404, body: JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'lost' }] }) }
          : 'pass';
    try {
      const r = await push(proxy.host, 'acme/forgetful');
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toContain(`registry ${proxy.host}`);
      expect(r.errors[0]).toContain('or the registry does not keep what it is sent');
      expect(await tagsOf(api.host, 'acme/forgetful')).not.toContain('1');
    } finally {
      await proxy.close();
    }
  }, 180_000);
});

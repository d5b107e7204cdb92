import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withReferrers } from '../src/publish/referrers.js';
import { pushByDigestJob, runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { referrersRegistry, startRegistry, type Registry } from './helpers/registry.js';

const CACHE = process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack');
const ORAS = join(CACHE, 'bin', 'oras');
const PYSPDXTOOLS = join(CACHE, 'spdx-venv', 'bin', 'pyspdxtools');
const SPDX = 'application/spdx+json';
const IN_TOTO = 'application/vnd.in-toto+json';
const env = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/hello',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_WORKFLOW_REF: 'acme/hello/.github/workflows/image.yml@refs/heads/main',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
};

interface Doc {
  platform: string;
  mediaType: string;
  manifest: { subject: { digest: string }; artifactType: string };
  body: Record<string, unknown>;
}

/** The documents a run attached, read back from its layout through the `attachments` output. */
function documents(run: ActionRun): Doc[] {
  const blobs = join(run.runnerTemp, 'scratchpack', 'oci', 'blobs', 'sha256');
  const read = (d: string) => JSON.parse(readFileSync(join(blobs, d.slice(7)), 'utf8'));
  const out: Doc[] = [];
  for (const [platform, docs] of Object.entries(
    JSON.parse(run.outputs.attachments) as Record<string, { digest: string; mediaType: string }[]>,
  )) {
    for (const d of docs) {
      const manifest = read(d.digest);
      out.push({ platform, mediaType: d.mediaType, manifest, body: read(manifest.layers[0].digest) });
    }
  }
  return out;
}

interface SpdxPackage {
  name: string;
  versionInfo?: string;
  externalRefs?: { referenceLocator: string }[];
  annotations?: { comment: string }[];
}

/** Builds into a layout and returns the run, its first SBOM and that SBOM's packages. */
async function sbomOf(inputs: Record<string, string>) {
  const run = await runActionAsync({ platforms: 'linux/amd64', 'source-date-epoch': '1', ...inputs });
  expect(run.errors).toEqual([]);
  const [sbom] = documents(run).filter((d) => d.mediaType === SPDX);
  return { run, sbom, packages: sbom.body.packages as SpdxPackage[] };
}

/** Runs the SPDX project's validator on a document; it exits non-zero on any finding. */
function validate(run: ActionRun, name: string, body: unknown) {
  const file = join(run.runnerTemp, `${name}.spdx.json`);
  writeFileSync(file, JSON.stringify(body));
  sh(PYSPDXTOOLS, ['-i', file]);
}

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(() => registry.stop());

describe('the example app, pushed with an SBOM and a provenance per platform', () => {
  let first: ActionRun;
  let second: ActionRun;
  let bare: ActionRun;
  const inputs = { 'working-directory': 'example', platforms: 'linux/amd64,linux/arm64', 'source-date-epoch': '1' };
  beforeAll(async () => {
    const tags = `${registry.host}/acme/hello:1`;
    first = await runActionAsync({ ...inputs, push: 'true', tags }, { env });
    second = await runActionAsync({ ...inputs, push: 'true', tags }, { env });
    bare = await runActionAsync({ ...inputs, tags, sbom: 'false', provenance: 'false' }, { env });
  }, 300_000);

  test('the image is untouched: the index digest is the same without attachments', () => {
    expect(first.errors).toEqual([]);
    expect(bare.outputs.digest).toBe(first.outputs.digest);
    expect(JSON.parse(bare.outputs.attachments)).toEqual({});
  });

  test('every SBOM passes the SPDX validator, pyspdxtools', () => {
    const sboms = documents(first).filter((d) => d.mediaType === SPDX);
    expect(sboms.map((d) => d.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const d of sboms) validate(first, d.platform.replace(/\//g, '_'), d.body);
  });

  test('every provenance is an in-toto Statement v1 with a SLSA v1 predicate, naming the image and no secret', () => {
    const provs = documents(first).filter((d) => d.mediaType === IN_TOTO);
    expect(provs).toHaveLength(2);
    for (const d of provs) {
      const s = d.body as {
        _type: string;
        subject: { name: string; digest: { sha256: string } }[];
        predicateType: string;
        predicate: {
          buildDefinition: {
            buildType: string;
            externalParameters: Record<string, unknown>;
            resolvedDependencies: { uri: string; digest?: Record<string, string> }[];
          };
          runDetails: { builder: { id: string }; metadata?: { invocationId?: string } };
        };
      };
      expect(s._type).toBe('https://in-toto.io/Statement/v1');
      expect(s.subject).toEqual([
        { name: `${registry.host}/acme/hello`, digest: { sha256: d.manifest.subject.digest.slice(7) } },
      ]);
      expect(s.predicateType).toBe('https://slsa.dev/provenance/v1');
      const def = s.predicate.buildDefinition;
      expect(def.buildType).toMatch(/^https:\/\//);
      expect(def.externalParameters.platform).toBe(d.platform);
      expect(Object.keys(def.externalParameters)).not.toEqual(expect.arrayContaining(['password']));
      expect(def.resolvedDependencies[0]).toEqual({
        uri: 'git+https://github.com/acme/hello@refs/heads/main',
        digest: { gitCommit: 'a'.repeat(40) },
      });
      expect(def.resolvedDependencies[1].uri).toMatch(/^pkg:golang\/stdlib@go1\.\d+/);
      expect(s.predicate.runDetails.builder.id).toBe(
        'https://github.com/acme/hello/.github/workflows/image.yml@refs/heads/main',
      );
      expect(s.predicate.runDetails.metadata?.invocationId).toBe(
        'https://github.com/acme/hello/actions/runs/42/attempts/1',
      );
    }
  });

  test('the SBOM lists the modules go version -m reads from the binary, and the standard library', () => {
    const [sbom] = documents(first).filter((d) => d.mediaType === SPDX);
    const packages = sbom.body.packages as {
      name: string;
      versionInfo?: string;
      externalRefs?: { referenceLocator: string }[];
    }[];
    const binary = join(first.outputs.binaries, 'linux_amd64', 'hello');
    const go = sh('go', ['version', '-m', binary]);
    const mods = [...go.matchAll(/^\t(mod|dep)\t(\S+)\t(\S+)/gm)].map((m) => `${m[2]}@${m[3]}`);
    expect(
      packages
        .filter((p) => p.externalRefs?.[0].referenceLocator.startsWith('pkg:golang/') && p.name !== 'stdlib')
        .map((p) => `${p.name}@${p.versionInfo}`),
    ).toEqual(mods);
    expect(packages.find((p) => p.name === 'stdlib')?.versionInfo).toBe(go.split('\n')[0].split(': ')[1]);
  });

  test('oras discover lists one SBOM and one provenance for each platform manifest, in the registry and the layout', () => {
    const digests = JSON.parse(first.outputs.digests) as Record<string, string>;
    for (const [platform, digest] of Object.entries(digests)) {
      const remote = JSON.parse(
        sh(ORAS, ['discover', '--plain-http', '--format', 'json', `${registry.host}/acme/hello@${digest}`]),
      );
      const types = (remote.referrers as { artifactType: string }[]).map((r) => r.artifactType).sort();
      expect([platform, types]).toEqual([platform, [SPDX, IN_TOTO]]);
      const layout = join(first.runnerTemp, 'scratchpack', 'oci');
      const local = JSON.parse(
        sh(ORAS, ['discover', '--format', 'json', '--oci-layout', `${layout}:1`, '--platform', platform]),
      );
      expect((local.referrers as { artifactType: string }[]).map((r) => r.artifactType).sort()).toEqual([
        SPDX,
        IN_TOTO,
      ]);
    }
  });

  test('oras pull writes each document to a named file (org.opencontainers.image.title on its layer)', () => {
    const docs = JSON.parse(first.outputs.attachments) as Record<string, Array<{ digest: string; mediaType: string }>>;
    for (const [platform, list] of Object.entries(docs)) {
      const out = mkdtempSync(join(tmpdir(), 'scratchpack-pull-'));
      for (const d of list) sh(ORAS, ['pull', '--plain-http', '-o', out, `${registry.host}/acme/hello@${d.digest}`]);
      expect([platform, readdirSync(out).sort()]).toEqual([platform, ['provenance.intoto.json', 'sbom.spdx.json']]);
      expect(JSON.parse(readFileSync(join(out, 'sbom.spdx.json'), 'utf8')).spdxVersion).toBe('SPDX-2.3');
      expect(JSON.parse(readFileSync(join(out, 'provenance.intoto.json'), 'utf8'))._type).toBe(
        'https://in-toto.io/Statement/v1',
      );
    }
  });

  test('pushing twice adds nothing: the referrers (API or fallback index) list no duplicate descriptors', async () => {
    expect(second.errors).toEqual([]);
    expect(second.outputs.attachments).toBe(first.outputs.attachments);
    const digests = JSON.parse(first.outputs.digests) as Record<string, string>;
    for (const digest of Object.values(digests)) {
      const url = referrersRegistry()
        ? `http://${registry.host}/v2/acme/hello/referrers/${digest}`
        : `http://${registry.host}/v2/acme/hello/manifests/sha256-${digest.slice(7)}`;
      const res = await fetch(url, { headers: { accept: 'application/vnd.oci.image.index.v1+json' } });
      const raw = (await res.json()) as { manifests: { digest: string }[] };
      expect(raw.manifests).toHaveLength(2);
      expect(new Set(raw.manifests.map((m) => m.digest)).size).toBe(2);
    }
  });

  test('the predicate for actions/attest is written beside the layout, without a platform', () => {
    const predicate = JSON.parse(readFileSync(join(first.runnerTemp, 'scratchpack', 'provenance.json'), 'utf8'));
    expect(predicate.buildDefinition.buildType).toMatch(/^https:\/\//);
    expect(predicate.buildDefinition.externalParameters.platform).toBeUndefined();
    expect(predicate.buildDefinition.externalParameters.platforms).toEqual(['linux/amd64', 'linux/arm64']);
  });

  test('the summary gives each SBOM its package count and each referrer its digest', () => {
    expect(first.summary).toMatch(
      /- `linux\/amd64`: SBOM \(\d+ packages\) `sha256:[0-9a-f]{64}`, provenance `sha256:[0-9a-f]{64}`/,
    );
  });
});

test('a module with real dependencies: the SBOM has each one, with its purl and its go.sum hash as a hash', async () => {
  const { run, sbom, packages } = await sbomOf({ 'working-directory': '__tests__/fixtures/withdeps' });
  const go = sh('go', ['version', '-m', join(run.outputs.binaries, 'linux_amd64', 'withdeps')]);
  const deps = [...go.matchAll(/^\tdep\t(\S+)\t(\S+)\t(h1:\S+)/gm)];
  expect(deps.length).toBe(3);
  for (const [, path, version, sum] of deps) {
    const p = packages.find((x) => x.name === path);
    expect(p?.versionInfo).toBe(version);
    expect(p?.externalRefs?.[0].referenceLocator).toBe(`pkg:golang/${path}@${version}`);
    expect(p?.annotations?.[0].comment).toBe(`go.sum module hash ${sum} (dirhash h1, not a file checksum)`);
  }
  validate(run, 'withdeps', sbom.body);
});

test("the referrers fallback index keeps other tools' entries and adds only what is new", () => {
  const other = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: 'sha256:' + '1'.repeat(64),
    size: 9,
    artifactType: 'application/vnd.dev.cosign',
  };
  const mine = {
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: 'sha256:' + '2'.repeat(64),
    size: 9,
    artifactType: SPDX,
  };
  const existing = new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [other] }),
  );
  const next = withReferrers(existing, [mine]) as Uint8Array;
  expect(JSON.parse(new TextDecoder().decode(next)).manifests).toEqual([other, mine]);
  expect(withReferrers(next, [mine])).toBeUndefined();
  expect(JSON.parse(new TextDecoder().decode(withReferrers(undefined, [mine]) as Uint8Array)).manifests).toEqual([
    mine,
  ]);
});

test('a gathered arm64 cgo binary: its libc comes with the Debian package dpkg-query names, and tzdata too', async () => {
  const { run, sbom, packages } = await sbomOf({
    'working-directory': '__tests__/fixtures/cgo',
    platforms: 'linux/arm64',
    cgo: 'true',
    linkage: 'gather',
    tzdata: 'true',
  });
  const owner = sh('dpkg-query', ['-S', '/usr/aarch64-linux-gnu/lib/libc.so.6']).split(':')[0];
  const [version, arch] = sh('dpkg-query', ['-W', '-f', '${Version} ${Architecture}', owner]).split(' ');
  const libc = packages.find((p) => p.name === owner);
  expect(libc?.versionInfo).toBe(version);
  expect(libc?.externalRefs?.[0].referenceLocator).toBe(
    `pkg:deb/debian/${owner}@${encodeURIComponent(version)}?arch=${arch}`,
  );
  const tz = sh('dpkg-query', ['-W', '-f', '${Version}', 'tzdata']);
  expect(packages.find((p) => p.name === 'tzdata')?.versionInfo).toBe(tz);
  const rel = sbom.body.relationships as {
    spdxElementId: string;
    relationshipType: string;
    relatedSpdxElement: string;
  }[];
  const files = sbom.body.files as { SPDXID: string; fileName: string }[];
  const libcFile = files.find((f) => f.fileName.endsWith('/libc.so.6'));
  expect(rel).toContainEqual(
    expect.objectContaining({ spdxElementId: libcFile?.SPDXID, relationshipType: 'EXPANDED_FROM_ARCHIVE' }),
  );
  validate(run, 'cgo', sbom.body);
});

test('a matrix: each push-by-digest job attaches its platform; the merged index keeps them reachable', async () => {
  const tags = `${registry.host}/acme/matrix:1`;
  const dir = join(registry.dir, '..', `digests-${Date.now()}`);
  const job = (platform: string) => pushByDigestJob(platform, tags, dir, env);
  const jobs = await Promise.all([job('linux/amd64'), job('linux/arm64')]);
  for (const j of jobs) expect(j.errors).toEqual([]);
  const merge = await runActionAsync(
    {
      'working-directory': 'example',
      platforms: 'linux/amd64,linux/arm64',
      push: 'true',
      'merge-digests': dir,
      tags,
      'source-date-epoch': '1',
    },
    { env },
  );
  expect(merge.errors).toEqual([]);
  for (const platform of ['linux/amd64', 'linux/arm64']) {
    const found = JSON.parse(sh(ORAS, ['discover', '--plain-http', '--format', 'json', '--platform', platform, tags]));
    expect((found.referrers as { artifactType: string }[]).map((r) => r.artifactType).sort()).toEqual([SPDX, IN_TOTO]);
  }
}, 300_000);

test('with media-types: docker nothing is attached, and a warning says why', async () => {
  const run = await runActionAsync({
    'working-directory': 'example',
    platforms: 'linux/amd64',
    'media-types': 'docker',
    'source-date-epoch': '1',
  });
  expect(run.errors).toEqual([]);
  expect(run.warnings.join('\n')).toContain('media-types: docker: SBOM and provenance are not attached');
  expect(JSON.parse(run.outputs.attachments)).toEqual({});
});

import { createHash } from 'node:crypto';
import type { BinaryFacts } from '../check/inspect.js';
import type { ImageArtifact } from '../kernel/oci.js';
import type { Inputs } from '../inputs/inputs.js';
import { hasElfMagic } from '../kernel/elf/parse.js';
import { CA_BUNDLE_PATH } from '../plan/rootfs.js';
import { hashFileAs } from '../util/fs.js';
import { dpkgFor, type DebPackage } from './dpkg.js';
import { attachment, type Attachment } from './artifact.js';
import { IN_TOTO_MEDIA_TYPE, provenanceStatement } from './provenance.js';
import { SPDX_MEDIA_TYPE, spdxDocument, type SbomFile } from './spdx.js';

/** One image and what the checks found in it: what its documents describe. */
export interface AttachTarget {
  platform: string;
  image: ImageArtifact;
  binary: BinaryFacts;
  /** Where the binary came from: go build, or the path the binaries input gave. */
  from: string;
}

/** The run-wide facts the documents share. */
export interface AttachContext {
  inputs: Pick<Inputs, 'sbom' | 'provenance' | 'tags' | 'platforms'>;
  created: string;
  binaryName: string;
  caBundle?: Uint8Array | undefined;
  zoneinfo: boolean;
  extraFiles: { dest: string; data: Uint8Array }[];
  /** The non-secret inputs, for the provenance's externalParameters. */
  parameters: Record<string, unknown>;
  env: Record<string, string | undefined>;
  goVersion?: string | undefined;
}

/** A file every tzdata installs, to learn which package the runner's zoneinfo came from. */
const ZONEINFO_PROBE = '/usr/share/zoneinfo/UTC';

const digests = (data: Uint8Array) => ({
  sha1: createHash('sha1').update(data).digest('hex'),
  sha256: createHash('sha256').update(data).digest('hex'),
});

/** The files an image holds besides its binary: gathered libraries, the CA bundle, the files input. */
async function filesOf(t: AttachTarget, ctx: AttachContext): Promise<SbomFile[]> {
  const out: SbomFile[] = [];
  const dpkg = t.binary.sysroot ? dpkgFor(t.binary.sysroot) : undefined;
  for (const g of t.binary.gathered ?? []) {
    if (g.type !== 'file') continue;
    const [[sha1, sha256], owner] = await Promise.all([
      hashFileAs(g.source, ['sha1', 'sha256']),
      dpkg?.owner(g.source),
    ]);
    out.push({ path: g.path, sha1, sha256, kind: 'library', ...(owner ? { package: owner } : {}) });
  }
  if (ctx.caBundle) out.push({ path: CA_BUNDLE_PATH, ...digests(ctx.caBundle), kind: 'ca-bundle' });
  for (const f of ctx.extraFiles)
    out.push({ path: f.dest, ...digests(f.data), kind: hasElfMagic(f.data) ? 'binary' : 'file' });
  return out;
}

/** The provenance document of one image: what built it, from which sources, in which run. */
function provenanceOf(
  t: AttachTarget,
  ctx: AttachContext,
  at: { repository: string | undefined; name: string },
): Attachment {
  const env = ctx.env;
  const source =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
      ? {
          serverUrl: env.GITHUB_SERVER_URL,
          repository: env.GITHUB_REPOSITORY,
          sha: env.GITHUB_SHA,
          ref: env.GITHUB_REF,
        }
      : undefined;
  const run =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`
      : undefined;
  const statement = provenanceStatement({
    subject: { name: at.repository ?? at.name, digest: t.image.manifest.digest },
    parameters: { ...ctx.parameters, platform: t.platform },
    source,
    goVersion: t.binary.go?.version ?? ctx.goVersion,
    workflowRef:
      env.GITHUB_WORKFLOW_REF && env.GITHUB_SERVER_URL
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_WORKFLOW_REF}`
        : undefined,
    runUrl: run,
  });
  return attachment(t.image.manifest, {
    platform: t.platform,
    mediaType: IN_TOTO_MEDIA_TYPE,
    document: statement,
    created: ctx.created,
    title: 'provenance.intoto.json',
  });
}

/**
 * The documents for every image, as the sbom and provenance inputs ask: an SPDX SBOM and an in-toto SLSA provenance
 * each, as OCI artifacts whose subject is the image's manifest. The images and their index do not change.
 */
export async function attachments(targets: AttachTarget[], ctx: AttachContext): Promise<Attachment[]> {
  const first = ctx.inputs.tags.at(0);
  const repository = first ? `${first.registry}/${first.repository}` : undefined;
  const name = repository?.split('/').pop() ?? ctx.binaryName;
  const out: Attachment[] = [];
  let tzdata: Promise<DebPackage | undefined> | undefined;
  for (const t of targets) {
    const manifest = t.image.manifest;
    if (ctx.inputs.sbom) {
      const doc = spdxDocument({
        created: ctx.created,
        image: { repository, name, digest: manifest.digest, arch: t.image.platform.architecture },
        binary: { path: t.binary.path, sha256: t.binary.sha256, go: t.binary.go, source: t.from },
        files: await filesOf(t, ctx),
        zoneinfo: ctx.zoneinfo ? ((await (tzdata ??= dpkgFor('/').owner(ZONEINFO_PROBE))) ?? true) : undefined,
      });
      out.push(
        attachment(manifest, {
          platform: t.platform,
          mediaType: SPDX_MEDIA_TYPE,
          document: doc,
          created: ctx.created,
          title: 'sbom.spdx.json',
        }),
      );
    }
    if (ctx.inputs.provenance) out.push(provenanceOf(t, ctx, { repository, name }));
  }
  return out;
}

/** The inputs a provenance may record: every one that shapes the image, none that is a credential. */
export function provenanceParameters(i: Inputs): Record<string, unknown> {
  return {
    'working-directory': i.workingDirectory,
    ...(i.binaries ? { binaries: i.binaries } : { package: i.package, ldflags: i.ldflags, 'build-tags': i.buildTags }),
    ...(i.binaries ? {} : { 'go-flags': i.goFlags, cgo: i.cgo, 'go-version': i.goVersion }),
    // env values may carry tokens (GOPRIVATE hosts, GOFLAGS); their names are enough to rebuild.
    'env-names': Object.keys(i.env),
    platforms: i.platforms.map((p) => p.id),
    'binary-name': i.binaryName ?? null,
    'binary-path': i.binaryPath ?? null,
    args: i.args,
    linkage: i.linkage,
    user: i.user,
    'ca-certificates': i.caCertificates,
    tzdata: i.tzdata,
    files: i.files.map((f) => `${f.source}:${f.dest}`),
    labels: i.labels,
    'source-date-epoch': i.sourceDateEpoch ?? null,
    tags: i.tags.map((t) => t.full),
    'media-types': i.mediaTypes,
  };
}

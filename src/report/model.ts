import type { BinaryFacts, OtherElf } from '../check/inspect.js';
import type { ImageArtifact } from '../kernel/oci.js';
import type { PushStats } from '../publish/registry/publisher.js';
import { vulnOutputOf, type VulnReport } from '../check/vuln/verdict.js';

/**
 * What became of a platform, from one place (statusOf): the summary's row, the `images` output and the failure's
 * annotation all say it. `not built` is a run that stopped before any build (an input error).
 */
export type PlatformStatus =
  | 'built'
  | 'rejected (check)'
  | 'rejected (vulnerability)'
  | 'build failed'
  | 'test failed'
  | 'not tested (another failed)'
  | 'not pushed (another failed)'
  | 'push failed'
  | 'pushed'
  | 'written'
  | 'not built';

/** The statuses of a platform that shipped: anything else fails the step. */
export const SHIPPED: readonly PlatformStatus[] = ['pushed', 'written'];

/** One platform's outcome, whether or not it produced an image. */
export interface PlatformReport {
  platform: string;
  status: PlatformStatus;
  /** Where the binary came from: `go build`, or the path the binaries input gave. */
  source?: string | undefined;
  binary?: BinaryFacts | undefined;
  /** The other ELFs the image holds (`files` sources), checked as the binary is. */
  others?: OtherElf[] | undefined;
  layer?: { digest: string; size: number };
  manifest?: { digest: string; size: number };
}

/** What a target went through, as the stages left it: the report's one source for a platform's row. */
export interface TargetOutcome {
  platform: string;
  /** False when the binary source gave no binary. */
  obtained: boolean;
  /** Where the binary came from. */
  from: string;
  others?: OtherElf[] | undefined;
  /** What the check stage read from the binary, whether or not it passed. */
  binary?: BinaryFacts | undefined;
  /** True when a check found something wrong. */
  rejected: boolean;
  image?: ImageArtifact | undefined;
  /** Its own pre-ship test failed (or could not run). */
  testFailed?: boolean | undefined;
  /** The vulnerability check, in fail mode, found something or could not prove anything. */
  vulnerable?: boolean | undefined;
}

/** How far the run got, which decides what a target that did nothing wrong itself is. */
export interface RunEnd {
  /** Where it stopped: a build or check failed, a test failed, the publish failed, or it published. */
  at: 'checks' | 'tests' | 'publish failed' | 'published';
  testing: boolean;
  pushing: boolean;
}

/** The one status of a platform, from what it went through and how far the run got. */
export function statusOf(t: TargetOutcome, end: RunEnd): PlatformStatus {
  if (!t.obtained) return 'build failed';
  if (t.rejected) return 'rejected (check)';
  if (t.vulnerable) return 'rejected (vulnerability)';
  if (t.testFailed) return 'test failed';
  if (end.at === 'published') return end.pushing ? 'pushed' : 'written';
  if (end.at === 'publish failed') return end.pushing ? 'push failed' : 'built';
  if (end.at === 'checks' && end.testing) return 'not tested (another failed)';
  return end.pushing ? 'not pushed (another failed)' : 'built';
}

/** A platform's row: its status, what its binary is, and, once published, its layer and manifest. */
export function platformRow(t: TargetOutcome, end: RunEnd): PlatformReport {
  const status = statusOf(t, end);
  const row: PlatformReport = {
    platform: t.platform,
    status,
    source: t.from,
    ...(t.binary ? { binary: t.binary } : {}),
    ...(t.others?.length ? { others: t.others } : {}),
  };
  if (SHIPPED.includes(status) && t.image) {
    const [layer] = t.image.layers;
    row.layer = { digest: layer.digest, size: layer.size };
    row.manifest = { digest: t.image.manifest.digest, size: t.image.manifest.size };
  }
  return row;
}

/** A report with a row per platform and nothing done yet: what a run that stops at its inputs shows. */
export function emptyReport(platforms: string[]): Report {
  return {
    platforms: platforms.map((platform) => ({ platform, status: 'not built' })),
    refs: [],
    phases: [],
    errors: [],
    warnings: [],
  };
}

/** A toolchain the run built with (Go, zig) and where it came from. */
export interface ToolReport {
  name: string;
  version: string;
  source: 'PATH' | 'tool cache' | 'downloaded' | 'built';
  /** What asked for this version, e.g. `go.mod:3: go 1.22`. */
  requirement?: string | undefined;
  /** A download's size and the time to fetch, verify and install it. */
  bytes?: number | undefined;
  ms?: number | undefined;
  /** What a download was verified against, when it is worth saying (zig: pinned, or the index's word). */
  verifiedBy?: string | undefined;
}

/** One image's pre-ship test: the verdict, how long it took, how it ran, and what it printed. */
export interface TestReport {
  platform: string;
  status: 'passed' | 'failed';
  /** `exited 0`, `ready: GET /healthz → 200 after 0.4 s`, `exit 3`, `not ready after 10 s`. */
  detail: string;
  ms: number;
  via: string;
  output: string;
  /** A ready HTTP server's status line and the first bytes of its body. */
  answer?: string | undefined;
}

/** The shared contents of the images, with their sizes. */
export interface ImageContents {
  caBundle?: { path: string; bytes: number } | undefined;
  zoneinfo?: { files: number; bytes: number } | undefined;
  files: Array<{ dest: string; source: string; bytes: number }>;
}

/** Everything the step reports, in one value, so outputs and summary cannot disagree. */
export interface Report {
  platforms: PlatformReport[];
  indexDigest?: string | undefined;
  ociLayout?: string | undefined;
  refs: string[];
  binariesDir?: string | undefined;
  /** What every image holds besides its binary and libraries: the CA bundle, zoneinfo, the files input. */
  contents?: ImageContents | undefined;
  phases: Array<{ name: string; ms: number }>;
  errors: string[];
  warnings: string[];
  epoch?: { value: number; source: string };
  tools?: ToolReport[] | undefined;
  /** Each image's test run, when test-args or test-expect asked for one. */
  tests?: TestReport[] | undefined;
  /** The documents attached to each image: their artifact manifests, and an SBOM's package count. */
  attachments?:
    | Array<{
        platform: string;
        artifactType: string;
        digest: string;
        packages?: number;
        /** How the pushed document was found back: `referrers API` or `fallback tag sha256-…`. */
        foundBy?: string;
      }>
    | undefined;
  push?: { refs: string[]; stats: PushStats; foundBack?: Record<string, string> } | undefined;
  /** `repo@digest` of the first tag: the index, or the one manifest when pushing by digest. */
  image?: string | undefined;
  /** Platform → manifest digest. */
  digests?: Record<string, string> | undefined;
  digestsDir?: string | undefined;
  /** Images whose layer came from the layer cache (nothing recompressed). */
  layersFromCache?: number | undefined;
  /** Matrix job: the `digest` output is the one platform manifest, not the index. */
  pushByDigest?: boolean | undefined;
  /** What the vulnerability check found, when it ran. */
  vulnerabilities?: VulnReport | undefined;
}

/** The `images` output entry for a platform: the public JSON contract. */
export function imageOutput(p: PlatformReport, r?: Report) {
  const test = r?.tests?.find((t) => t.platform === p.platform);
  return {
    platform: p.platform,
    status: p.status,
    digest: p.manifest?.digest ?? null,
    size: p.manifest?.size ?? null,
    source: p.source ?? null,
    binary: p.binary
      ? {
          path: p.binary.path,
          size: p.binary.size,
          sha256: p.binary.sha256,
          linkage: p.binary.linkage,
          interpreter: p.binary.interpreter,
          needed: p.binary.needed,
          ...(p.binary.libraries
            ? { sysroot: p.binary.sysroot, libraries: p.binary.libraries, gathered: p.binary.gathered }
            : {}),
        }
      : null,
    layer: p.layer ?? null,
    test: test ? { status: test.status, detail: test.detail, ms: Math.round(test.ms), via: test.via } : null,
    files: (p.others ?? []).map((o) => ({
      path: o.path,
      source: o.source,
      linkage: o.linkage,
      interpreter: o.interpreter,
      needed: o.needed,
    })),
  };
}

/** The `attachments` output: per platform, each document's artifact manifest digest and media type. */
function attachmentsOutput(r: Report): Record<string, Array<{ digest: string; mediaType: string }>> {
  const out: Record<string, Array<{ digest: string; mediaType: string }>> = {};
  for (const a of r.attachments ?? []) (out[a.platform] ??= []).push({ digest: a.digest, mediaType: a.artifactType });
  return out;
}

/** All step outputs as strings, computed from the report alone. */
export function outputs(r: Report): Record<string, string> {
  const images = r.platforms.map((p) => imageOutput(p, r));
  const digest = r.pushByDigest && r.digests ? Object.values(r.digests)[0] : r.indexDigest;
  const metadata = {
    digest: digest ?? null,
    images,
    'oci-layout': r.ociLayout ?? null,
    binaries: r.binariesDir ?? null,
    refs: r.refs,
    image: r.image ?? null,
    digests: r.digests ?? null,
    push: r.push ?? null,
  };
  return {
    digest: digest ?? '',
    images: JSON.stringify(images),
    'oci-layout': r.ociLayout ?? '',
    binaries: r.binariesDir ?? '',
    metadata: JSON.stringify(metadata),
    image: r.image ?? '',
    digests: r.digests ? JSON.stringify(r.digests) : '',
    attachments: JSON.stringify(attachmentsOutput(r)),
    vulnerabilities: r.vulnerabilities ? JSON.stringify(vulnOutputOf(r.vulnerabilities)) : '',
  };
}

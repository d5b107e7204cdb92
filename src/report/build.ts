import { SPDX_MEDIA_TYPE } from '../attach/spdx.js';
import type { GoToolchain } from '../build/toolchain/go.js';
import type { Zig } from '../build/toolchain/zig.js';
import type { AttachedDocument } from '../kernel/oci.js';
import type { PushOutcome } from '../publish/outcome.js';
import type { PublishResult } from '../publish/publisher.js';
import type { PushStats } from '../publish/registry/publisher.js';
import {
  emptyReport,
  platformRow,
  type PlatformReport,
  type ImageContents,
  type Report,
  type RunEnd,
  type TargetOutcome,
  type ToolReport,
} from './model.js';
import { withImage, type Target } from './target.js';
import { blockedIn, type VulnReport } from '../check/vuln/verdict.js';

/** Everything a run learned, as the stages left it: what the report is built from, and nothing else. */
export interface RunRecord {
  platforms: string[];
  phases: Report['phases'];
  warnings: string[];
  /** Errors that stop the run before publishing: failed checks or tests, as the run page lists them. */
  errors?: string[] | undefined;
  targets?: Target[] | undefined;
  /** Rows made elsewhere (the merge job's, read back from the registry), instead of targets'. */
  rows?: PlatformReport[] | undefined;
  go?: GoToolchain | undefined;
  zig?: Zig | undefined;
  binariesDir?: string | undefined;
  contents?: ImageContents | undefined;
  epoch?: Report['epoch'] | undefined;
  documents?: AttachedDocument[] | undefined;
  /** The layout's and, when pushing, the registries' results, once everything was written. */
  published?: PublishResult[] | undefined;
  /** What was committed all the same when a push failed: the layout. */
  kept?: PublishResult[] | undefined;
  pushed?: PushOutcome | undefined;
  /** How far the run got, for each platform's status; absent for the merge job, whose rows are made apart. */
  end?: RunEnd | undefined;
  /** The registry publisher's counts, when pushing (whether or not the push got through). */
  push?: { refs: string[]; stats: PushStats; foundBack?: Record<string, string> } | undefined;
  indexDigest?: string | undefined;
  /** The vulnerability check's verdict, when it ran. */
  vulns?: VulnReport | undefined;
}

/** The report, in one pure step from what the run recorded; outputs and summary are both read from it. */
export function buildReport(r: RunRecord): Report {
  const layout = r.published?.at(0) ?? r.kept?.at(0);
  const tool = r.vulns?.tool;
  const tools = [
    ...(r.go ? [goReport(r.go)] : []),
    ...(r.zig ? [zigReport(r.zig)] : []),
    ...(tool ? [{ name: 'govulncheck', ...tool }] : []),
  ];
  const targets = r.targets ?? [];
  const tested = targets.flatMap((t) => (t.state === 'tested' ? [t.test] : []));
  return {
    ...emptyReport(r.platforms),
    ...(r.rows ? { platforms: r.rows } : {}),
    ...(r.targets && r.end
      ? { platforms: r.targets.map((t) => platformRow(outcomeOf(t, r.vulns), r.end as RunEnd)) }
      : {}),
    phases: r.phases,
    warnings: r.warnings,
    errors: r.errors ?? [],
    ...(r.go || r.zig || r.targets ? { tools } : {}),
    ...(r.binariesDir !== undefined ? { binariesDir: r.binariesDir } : {}),
    ...(r.contents ? { contents: r.contents } : {}),
    ...(r.epoch ? { epoch: r.epoch } : {}),
    ...(tested.length > 0
      ? {
          tests: tested.map(({ platform, status, detail, ms, via, output, answer }) => ({
            platform,
            status,
            detail,
            ms,
            via,
            output,
            ...(answer ? { answer } : {}),
          })),
        }
      : {}),
    ...(r.documents ? { attachments: attachmentsReport(r.documents, targets, r.push?.foundBack) } : {}),
    ...(r.documents ? { layersFromCache: cachedImages(targets) } : {}),
    ...(layout ? { indexDigest: r.indexDigest, ociLayout: layout.location, refs: layout.refs } : {}),
    ...(r.rows && r.indexDigest ? { indexDigest: r.indexDigest } : {}),
    ...r.pushed,
    ...(r.push ? { push: r.push } : {}),
    ...(r.vulns ? { vulnerabilities: r.vulns } : {}),
  };
}

/** The report's view of a target. */
function outcomeOf(t: Target, vulns: VulnReport | undefined): TargetOutcome {
  const checked = t.state === 'unbuilt' ? undefined : t.checked;
  return {
    platform: t.platform.id,
    obtained: t.obtained.ok,
    from: t.obtained.from,
    others: checked?.others,
    binary: checked?.binary,
    rejected: t.state === 'rejected' && t.checked.diagnostics.length > 0,
    testFailed: testFailed(t),
    vulnerable: vulns !== undefined && blockedIn(vulns, t.platform.id),
    image: t.state === 'assembled' || t.state === 'tested' ? t.image : undefined,
  };
}

/** Its own pre-ship test failed: it ran and failed, or it could not run (a test that did run left it assembled). */
const testFailed = (t: Target): boolean =>
  t.state === 'tested' ? t.test.status === 'failed' : t.state === 'assembled' && t.untested !== undefined;

/** Images whose layers all came from the layer cache. */
const cachedImages = (targets: Target[]) =>
  withImage(targets).filter((t) => t.image.layers.every((l) => l.cached)).length;

/** The report's view of the documents: each artifact manifest, and an SBOM's package count. */
function attachmentsReport(
  docs: AttachedDocument[],
  targets: Target[],
  foundBack: Record<string, string> = {},
): Report['attachments'] {
  return docs.map((d) => ({
    ...(foundBack[d.subject.digest] ? { foundBy: foundBack[d.subject.digest] } : {}),
    platform: withImage(targets).find((t) => t.image.manifest.digest === d.subject.digest)?.platform.id ?? '',
    artifactType: d.artifactType,
    digest: d.manifest.digest,
    ...(d.artifactType === SPDX_MEDIA_TYPE
      ? { packages: (JSON.parse(new TextDecoder().decode(d.document.data)) as { packages: unknown[] }).packages.length }
      : {}),
  }));
}

const goReport = (g: GoToolchain): ToolReport => ({
  name: 'Go',
  version: g.version,
  source: g.source,
  requirement: g.requirement,
  bytes: g.bytes,
  ms: g.ms,
});

const zigReport = (z: Zig): ToolReport => ({
  name: 'zig',
  version: z.version,
  source: z.source,
  bytes: z.bytes,
  ms: z.ms,
  ...(z.verifiedBy ? { verifiedBy: z.verifiedBy } : {}),
});

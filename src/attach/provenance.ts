import { hexOf } from '../kernel/digest.js';

/** What one image's provenance states. */
export interface ProvenanceFacts {
  subject: { name: string; digest: string };
  /** The inputs that shaped the build, never a secret: see externalParameters. */
  parameters: Record<string, unknown>;
  /** GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, when set. */
  source?: { serverUrl: string; repository: string; sha?: string | undefined; ref?: string | undefined } | undefined;
  /** The Go toolchain that built the binary (go1.26.8), when go built it. */
  goVersion?: string | undefined;
  /** GITHUB_WORKFLOW_REF and the run's URL, when set. */
  workflowRef?: string | undefined;
  runUrl?: string | undefined;
}

export const IN_TOTO_MEDIA_TYPE = 'application/vnd.in-toto+json';
/** The build type: how to read externalParameters (https://slsa.dev/spec/v1.0/provenance#buildType). */
export const BUILD_TYPE = 'https://github.com/scratchpack/scratchpack/buildtypes/image/v1';

/**
 * An in-toto Statement v1 (https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md) with a SLSA
 * Provenance v1 predicate (https://slsa.dev/spec/v1.0/provenance), unsigned, as BuildKit's mode=min; signing is
 * actions/attest's.
 */
export function provenanceStatement(f: ProvenanceFacts): Record<string, unknown> {
  const resolved: Record<string, unknown>[] = [];
  if (f.source)
    resolved.push({
      uri: `git+${f.source.serverUrl}/${f.source.repository}${f.source.ref ? `@${f.source.ref}` : ''}`,
      ...(f.source.sha ? { digest: { gitCommit: f.source.sha } } : {}),
    });
  if (f.goVersion) resolved.push({ uri: `pkg:golang/stdlib@${f.goVersion}`, name: 'go toolchain' });
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: f.subject.name, digest: { sha256: hexOf(f.subject.digest) } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: BUILD_TYPE,
        externalParameters: f.parameters,
        resolvedDependencies: resolved,
      },
      runDetails: {
        builder: { id: f.workflowRef ?? 'https://github.com/scratchpack/scratchpack' },
        ...(f.runUrl ? { metadata: { invocationId: f.runUrl } } : {}),
      },
    },
  };
}

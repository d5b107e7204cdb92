import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BinaryFacts } from '../check/inspect.js';
import type { Inputs } from '../inputs/inputs.js';
import { attachmentsOf, type AttachedDocument, type ImageArtifact, type IndexArtifact } from '../kernel/oci.js';
import type { Plan } from '../plan/plan.js';
import type { Setup } from '../plan/workspace.js';
import { writeFileAtomic } from '../util/fs.js';
import { attachments, provenanceParameters } from './attach.js';
import { IN_TOTO_MEDIA_TYPE } from './provenance.js';

/** What the attach stage knows of the run: the plan, the files every image holds, and the Go that built it. */
export interface AttachRun {
  plan: Plan;
  setup: Setup;
  env: Record<string, string | undefined>;
  goVersion?: string | undefined;
}

/** One image to document: its platform, the binary's facts, and where the binary came from. */
export interface AttachImage {
  platform: string;
  image: ImageArtifact;
  binary: BinaryFacts;
  from: string;
}

/**
 * The attach stage, per image as soon as it is assembled (so that the registry is asked about the documents early):
 * an SBOM and a provenance, as the inputs ask. Docker media types have no subject field, so they get none.
 */
export async function attachStage(inputs: Inputs, run: AttachRun, target: AttachImage): Promise<AttachedDocument[]> {
  if ((!inputs.sbom && !inputs.provenance) || inputs.mediaTypes === 'docker') return [];
  return attachments([target], {
    inputs,
    created: run.plan.created,
    binaryName: run.plan.binaryName,
    caBundle: run.setup.caBundle,
    zoneinfo: run.setup.zoneinfo !== undefined,
    extraFiles: run.setup.extraFiles,
    parameters: provenanceParameters(inputs),
    env: run.env,
    goVersion: run.goVersion,
  });
}

/** The warning for documents that Docker media types cannot carry, or undefined. */
export function attachWarning(inputs: Pick<Inputs, 'sbom' | 'provenance' | 'mediaTypes'>): string | undefined {
  if ((inputs.sbom || inputs.provenance) && inputs.mediaTypes === 'docker')
    return 'media-types: docker: SBOM and provenance are not attached, because Docker manifests cannot refer to an image; use media-types: oci, or set sbom and provenance to false';
  return undefined;
}

/** The predicate for actions/attest to sign (README): the first provenance's, without its platform, for the index. */
export async function writeAttestPredicate(artifact: IndexArtifact, tempRoot: string): Promise<void> {
  const doc = attachmentsOf(artifact).find((d) => d.artifactType === IN_TOTO_MEDIA_TYPE);
  if (!doc) return;
  const statement = JSON.parse(new TextDecoder().decode(doc.document.data)) as {
    predicate: { buildDefinition: { externalParameters: Record<string, unknown> } };
  };
  delete statement.predicate.buildDefinition.externalParameters.platform;
  await mkdir(tempRoot, { recursive: true });
  await writeFileAtomic(join(tempRoot, 'provenance.json'), JSON.stringify(statement.predicate));
}

import { join, resolve } from 'node:path';
import type { Inputs } from '../inputs/inputs.js';
import type { ImageArtifact } from '../kernel/oci.js';
import { writeDigestFiles } from './digest-files.js';
import type { ImageRef } from '../inputs/reference.js';
import { ActionError } from '../kernel/errors.js';
import { RegistryError } from './registry/errors.js';

/** Where push-by-digest writes its files. */
export const digestsDirOf = (inputs: Pick<Inputs, 'digestsDir'>, tempRoot: string) =>
  resolve(inputs.digestsDir || join(tempRoot, 'digests'));

/** What a push leaves for the outputs: each platform's manifest digest, the image reference, the digest files. */
export interface PushOutcome {
  digests: Record<string, string>;
  image: string;
  digestsDir?: string | undefined;
  pushByDigest?: boolean | undefined;
}

/** The push's outputs; a matrix job (push-by-digest) also writes its digest files here. */
export async function pushOutcome(
  inputs: Pick<Inputs, 'tags' | 'platforms' | 'pushByDigest' | 'digestsDir'>,
  images: ImageArtifact[],
  indexDigest: string,
  tempRoot: string,
): Promise<PushOutcome> {
  const first = inputs.tags[0];
  const digests = Object.fromEntries(images.map((img, i) => [inputs.platforms[i].id, img.manifest.digest]));
  if (!inputs.pushByDigest) return { digests, image: `${first.registry}/${first.repository}@${indexDigest}` };
  const dir = digestsDirOf(inputs, tempRoot);
  return {
    digests,
    digestsDir: await writeDigestFiles(
      dir,
      images.map((img) => img.manifest.digest),
    ),
    pushByDigest: true,
    image: `${first.registry}/${first.repository}@${images[0].manifest.digest}`,
  };
}

/**
 * A push failure at Docker Hub for tags that named no registry says which tags those were: `myapp:latest` with
 * `push: true` otherwise fails with a DNS or auth error for docker.io that never mentions the tag.
 */
export function withTagOrigin(error: unknown, tags: ImageRef[]): unknown {
  const implied = tags.filter((t) => t.given !== undefined);
  if (!(error instanceof RegistryError) || error.registry !== 'docker.io' || implied.length === 0) return error;
  const list = implied.map((t) => `"${t.given ?? ''}"`).join(', ');
  return new ActionError(
    `${error.message}; docker.io is the registry of the tags ${list}, which name no registry host (Docker Hub, as docker reads them): write the host, e.g. ghcr.io/owner/app:1.0, to push elsewhere`,
    { cause: error },
  );
}

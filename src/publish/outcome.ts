import { join, resolve } from 'node:path';
import type { Inputs } from '../inputs/inputs.js';
import type { ImageArtifact } from '../kernel/oci.js';
import { writeDigestFiles } from './digest-files.js';

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

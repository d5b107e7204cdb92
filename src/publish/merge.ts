import type { Inputs } from '../inputs/inputs.js';
import { InputError } from '../kernel/errors.js';
import { buildIndex } from '../image/image.js';
import { sha256Digest } from '../kernel/digest.js';
import { MEDIA, type Blob, type IndexEntry, type OciPlatform } from '../kernel/oci.js';
import { ociPlatform } from '../kernel/platform.js';
import type { RegistryClient } from './registry/client.js';
import { RegistryError } from './registry/errors.js';

const samePlatform = (a: OciPlatform, b: OciPlatform) =>
  a.architecture === b.architecture && a.os === b.os && (a.variant ?? '') === (b.variant ?? '');

/**
 * Reads each pushed manifest and its config back, learns its platform, and builds the index in `platforms` order:
 * the same bytes a single job would have pushed, so the digest is the same.
 */
export async function mergeIndex(
  inputs: Pick<Inputs, 'mediaTypes' | 'platforms'>,
  digests: string[],
  { client, repo }: { client: RegistryClient; repo: string },
  annotations: { index: Record<string, string>; descriptor: Record<string, string> },
): Promise<{ index: Blob; entries: Array<IndexEntry & { platformId: string }> }> {
  const family = inputs.mediaTypes;
  const found: IndexEntry[] = [];
  for (const digest of digests) {
    const { data } = await client.getManifest(repo, digest, [MEDIA.oci.manifest, MEDIA.docker.manifest]);
    if (sha256Digest(data) !== digest)
      throw new RegistryError(
        client.registry,
        `GET manifest ${digest}`,
        'digest mismatch',
        `the registry returned other bytes (${sha256Digest(data)})`,
      );
    const manifest = JSON.parse(data.toString('utf8')) as {
      mediaType?: string;
      config?: { digest?: string; size?: number };
    };
    if (manifest.mediaType !== MEDIA[family].manifest) {
      throw new InputError(
        `input "merge-digests": ${digest} is ${manifest.mediaType ?? 'a manifest without mediaType'}, but media-types is ${family} (${MEDIA[family].manifest}); the families never mix`,
      );
    }
    const config = JSON.parse(
      (await client.getBlob(repo, manifest.config?.digest ?? '', manifest.config?.size ?? -1)).toString('utf8'),
    ) as OciPlatform;
    const platform: OciPlatform = {
      architecture: config.architecture,
      os: config.os,
      ...(config.variant ? { variant: config.variant } : {}),
    };
    found.push({ manifest: { mediaType: manifest.mediaType, digest, size: data.length }, platform });
  }
  const entries = inputs.platforms.map((p) => {
    const want = ociPlatform(p);
    const hits = found.filter((f) => samePlatform(f.platform, want));
    if (hits.length !== 1) {
      throw new InputError(
        `input "merge-digests": ${hits.length === 0 ? 'no' : 'more than one'} manifest for platform ${p.id} among ${digests.length} digests; expected exactly one per entry of platforms`,
      );
    }
    return { ...hits[0], platformId: p.id };
  });
  const extra = found.find((f) => !entries.some((e) => e.manifest.digest === f.manifest.digest));
  if (extra)
    throw new InputError(
      `input "merge-digests": ${extra.manifest.digest} is for ${[extra.platform.os, extra.platform.architecture, extra.platform.variant].filter(Boolean).join('/')}, which is not in platforms`,
    );
  return { index: buildIndex(entries, annotations.index, annotations.descriptor, family), entries };
}

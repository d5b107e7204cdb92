import { ActionError } from '../kernel/errors.js';
import { hexOf } from '../kernel/digest.js';
import { MediaType } from '../kernel/oci.js';

/** The fallback tag of a subject, for registries without the referrers API (distribution-spec, "Referrers Tag Schema"). */
export const fallbackTag = (subject: string): string => `sha256-${hexOf(subject)}`;

/**
 * The fallback index with `add` in it, keeping every descriptor already there (other tools' too); undefined when it
 * already lists them all, so pushing twice writes nothing. Throws when the tag holds something that is not an index.
 */
export function withReferrers(
  existing: Uint8Array | undefined,
  add: Record<string, unknown>[],
): Uint8Array | undefined {
  let index: { schemaVersion: number; mediaType: string; manifests: { digest?: string }[] } = {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: [],
  };
  if (existing) {
    const parsed = JSON.parse(new TextDecoder().decode(existing)) as typeof index;
    if (!Array.isArray(parsed.manifests))
      throw new ActionError(
        'the referrers fallback tag (sha256-<digest>) holds no image index; delete that tag, or set sbom and provenance to false',
      );
    index = parsed;
  }
  const have = new Set(index.manifests.map((m) => m.digest));
  const fresh = add.filter((d) => !have.has(d.digest as string));
  if (existing && fresh.length === 0) return undefined;
  return new TextEncoder().encode(JSON.stringify({ ...index, manifests: [...index.manifests, ...fresh] }));
}

import { jsonBlob } from '../kernel/digest.js';
import { MediaType, type AttachedDocument, type Blob, type BlobRef } from '../kernel/oci.js';

/** The empty JSON config of an artifact manifest (image-spec manifest.md, "Guidance for an Empty Descriptor"). */
export const EMPTY_CONFIG: Blob = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
  data: new TextEncoder().encode('{}'),
};

/** A document attached to a platform manifest, with the platform it is for. */
export interface Attachment extends AttachedDocument {
  platform: string;
}

/**
 * An OCI 1.1 artifact manifest for one document (image-spec manifest.md, artifactType and subject): the empty
 * config, the document as the one layer, and the subject, so registries and layouts list it as a referrer.
 */
export function attachment(
  subject: BlobRef,
  {
    platform,
    mediaType,
    document,
    created,
    title,
  }: { platform: string; mediaType: string; document: unknown; created: string; title: string },
): Attachment {
  const doc = jsonBlob(mediaType, document);
  const manifest = jsonBlob(MediaType.manifest, {
    schemaVersion: 2,
    mediaType: MediaType.manifest,
    artifactType: mediaType,
    config: { mediaType: EMPTY_CONFIG.mediaType, digest: EMPTY_CONFIG.digest, size: EMPTY_CONFIG.size },
    // A title, so that `oras pull` writes the document to a named file (ORAS's file store reads this annotation).
    layers: [
      { mediaType, digest: doc.digest, size: doc.size, annotations: { 'org.opencontainers.image.title': title } },
    ],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: { 'org.opencontainers.image.created': created },
  });
  const descriptor = {
    mediaType: manifest.mediaType,
    digest: manifest.digest,
    size: manifest.size,
    artifactType: mediaType,
    annotations: { 'org.opencontainers.image.created': created },
  };
  return { subject, platform, artifactType: mediaType, document: doc, manifest, descriptor };
}

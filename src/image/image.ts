import { jsonBlob } from '../kernel/digest.js';
import {
  MEDIA,
  type Blob,
  type BlobRef,
  type Descriptor,
  type ImageArtifact,
  type IndexEntry,
  type LayerBlob,
  type MediaFamily,
  type ImageSettings,
} from '../kernel/oci.js';

function descriptor(b: BlobRef, mediaType = b.mediaType): Descriptor {
  return { mediaType, digest: b.digest, size: b.size };
}

function nonEmpty<T extends object>(o: T): T | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

/** Builds the config and manifest for one platform; key order is fixed by construction so digests are stable. */
export function buildImage(layers: LayerBlob[], s: ImageSettings): ImageArtifact {
  const family = s.family ?? 'oci';
  const media = MEDIA[family];
  const config = jsonBlob(media.config, {
    created: s.created,
    architecture: s.platform.architecture,
    os: s.platform.os,
    ...(s.platform.variant ? { variant: s.platform.variant } : {}),
    // The image-spec's order (config.md, "Properties"); a key only when it is set, so older digests stay.
    config: {
      User: s.user,
      ...(s.exposedPorts?.length ? { ExposedPorts: Object.fromEntries(s.exposedPorts.map((p) => [p, {}])) } : {}),
      Env: s.env,
      Entrypoint: s.entrypoint,
      ...(s.cmd.length > 0 ? { Cmd: s.cmd } : {}),
      WorkingDir: s.workingDir || '/',
      ...(nonEmpty(s.labels) ? { Labels: s.labels } : {}),
      ...(s.stopSignal ? { StopSignal: s.stopSignal } : {}),
    },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: layers.map(() => ({ created: s.created, created_by: s.createdBy, comment: 'scratchpack' })),
  });
  const manifest = jsonBlob(media.manifest, {
    schemaVersion: 2,
    mediaType: media.manifest,
    config: descriptor(config),
    // Docker's family has a gzip layer type only (inputs refuse zstd with media-types: docker).
    layers: layers.map((l) => descriptor(l, family === 'docker' ? media.layerGzip : l.mediaType)),
    ...(family === 'oci' && nonEmpty(s.manifestAnnotations) ? { annotations: s.manifestAnnotations } : {}),
  });
  return { platform: s.platform, layers, config, manifest };
}

/**
 * Builds the image index with entries in the caller's order (the `platforms` input), never completion order: from
 * freshly built images, or from what the merge job read back.
 */
export function buildIndex(
  entries: IndexEntry[],
  annotations: Record<string, string>,
  descriptorAnnotations: Record<string, string> = {},
  family: MediaFamily = 'oci',
): Blob {
  const oci = family === 'oci';
  return jsonBlob(MEDIA[family].index, {
    schemaVersion: 2,
    mediaType: MEDIA[family].index,
    manifests: entries.map((e) => ({
      ...descriptor(e.manifest),
      platform: e.platform,
      ...(oci && nonEmpty(descriptorAnnotations) ? { annotations: descriptorAnnotations } : {}),
    })),
    ...(oci && nonEmpty(annotations) ? { annotations } : {}),
  });
}

import { jsonBlob } from './digest.js';
import { MediaType, type Blob, type Descriptor, type ImageArtifact, type IndexArtifact, type LayerBlob, type OciPlatform } from './types.js';

/** The parts of an image config that come from the user's inputs. */
export interface ImageSettings {
  platform: OciPlatform;
  created: string;
  user: string;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  labels: Record<string, string>;
  /** Shown in `history[].created_by`, e.g. `scratchpack: go build ./cmd/app`. */
  createdBy: string;
  manifestAnnotations: Record<string, string>;
}

function descriptor(b: Blob): Descriptor {
  return { mediaType: b.mediaType, digest: b.digest, size: b.size };
}

function nonEmpty<T extends object>(o: T): T | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

/** Builds the config and manifest for one platform; key order is fixed by construction so digests are stable. */
export function buildImage(layers: LayerBlob[], s: ImageSettings): ImageArtifact {
  const config = jsonBlob(MediaType.config, {
    created: s.created,
    architecture: s.platform.architecture,
    os: s.platform.os,
    ...(s.platform.variant ? { variant: s.platform.variant } : {}),
    config: {
      User: s.user,
      Env: s.env,
      Entrypoint: s.entrypoint,
      ...(s.cmd.length > 0 ? { Cmd: s.cmd } : {}),
      WorkingDir: '/',
      ...(nonEmpty(s.labels) ? { Labels: s.labels } : {}),
    },
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    history: layers.map(() => ({ created: s.created, created_by: s.createdBy, comment: 'scratchpack' })),
  });
  const manifest = jsonBlob(MediaType.manifest, {
    schemaVersion: 2,
    mediaType: MediaType.manifest,
    config: descriptor(config),
    layers: layers.map(descriptor),
    ...(nonEmpty(s.manifestAnnotations) ? { annotations: s.manifestAnnotations } : {}),
  });
  return { platform: s.platform, layers, config, manifest };
}

/** Builds the image index with entries in the caller's order (the `platforms` input), never completion order. */
export function buildIndex(
  images: ImageArtifact[],
  annotations: Record<string, string>,
  descriptorAnnotations: Record<string, string> = {},
): IndexArtifact {
  const index = jsonBlob(MediaType.index, {
    schemaVersion: 2,
    mediaType: MediaType.index,
    manifests: images.map((img) => ({
      ...descriptor(img.manifest),
      platform: img.platform,
      ...(nonEmpty(descriptorAnnotations) ? { annotations: descriptorAnnotations } : {}),
    })),
    ...(nonEmpty(annotations) ? { annotations } : {}),
  });
  return { images, index };
}

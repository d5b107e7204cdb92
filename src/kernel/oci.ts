/** OCI media types we emit (https://github.com/opencontainers/image-spec/blob/main/media-types.md). */
export const MediaType = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  layerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
} as const;

/** Which family of media types a tree uses; the two never mix (ko's buildOne: some registries reject mixed trees). */
export type MediaFamily = 'oci' | 'docker';

/** Media types per family: Docker's manifest list and v2 schema 2 for registries that reject OCI indexes. */
export const MEDIA: Record<MediaFamily, { index: string; manifest: string; config: string; layerGzip: string }> = {
  oci: {
    index: MediaType.index,
    manifest: MediaType.manifest,
    config: MediaType.config,
    layerGzip: MediaType.layerGzip,
  },
  docker: {
    index: 'application/vnd.docker.distribution.manifest.list.v2+json',
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  },
};

/** OCI platform object, as it appears in an index entry and mirrored in the config. */
export interface OciPlatform {
  architecture: string;
  os: string;
  variant?: string;
}

/** A content descriptor (https://github.com/opencontainers/image-spec/blob/main/descriptor.md). */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: OciPlatform;
  annotations?: Record<string, string>;
}

/** What every published blob has: enough to write a descriptor. */
export interface BlobRef {
  mediaType: string;
  digest: string;
  size: number;
}

/** A small blob (config, manifest, index) held in memory: the bytes we write to `blobs/sha256` or upload. */
export interface Blob extends BlobRef {
  data: Uint8Array;
}

/** A compressed layer, which lives on disk (it may be hundreds of MB), plus the diff_id the config lists. */
export interface LayerBlob extends BlobRef {
  /** The compressed bytes, whose sha256 is `digest`. */
  path: string;
  diffId: string;
  uncompressedSize: number;
  /** True when the compressed bytes came from the layer store rather than being compressed now. */
  cached?: boolean;
}

/** One platform's image, ready to publish: blobs in push order (layers, config) and its manifest. */
export interface ImageArtifact {
  platform: OciPlatform;
  layers: LayerBlob[];
  config: Blob;
  manifest: Blob;
  /** Documents that refer to this manifest (an SBOM, a provenance); none of them is in the index. */
  attachments?: AttachedDocument[];
}

/** What an index entry needs to know about an image: its manifest descriptor and its platform. */
export interface IndexEntry {
  manifest: BlobRef;
  platform: OciPlatform;
}

/** A document attached to one image manifest (an SBOM, a provenance): its blob and its artifact manifest. */
export interface AttachedDocument {
  subject: BlobRef;
  artifactType: string;
  document: Blob;
  manifest: Blob;
  /** The descriptor an index of referrers lists it by (with artifactType and annotations). */
  descriptor: Record<string, unknown>;
}

/** The multi-platform result: the images in `platforms` order and the index that lists them. */
export interface IndexArtifact {
  images: ImageArtifact[];
  index: Blob;
}

/** Every image's attached documents, in image order. */
export const attachmentsOf = (a: IndexArtifact): AttachedDocument[] => a.images.flatMap((i) => i.attachments ?? []);

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
  /** ExposedPorts keys (`8080/tcp`), WorkingDir (default /) and StopSignal, when the inputs set them. */
  exposedPorts?: string[] | undefined;
  workingDir?: string | undefined;
  stopSignal?: string | undefined;
  /** `oci` (default) or `docker`; Docker types carry no annotations anywhere. */
  family?: MediaFamily;
}

import type { ImageArtifact, IndexArtifact } from '../kernel/oci.js';

/** What a publisher made visible, for the report. */
export interface PublishResult {
  /** A layout path or the registry repositories. */
  location: string;
  /** References that now point at the index (or, pushing by digest, at each manifest). */
  refs: string[];
}

/** Moves a publisher's references once every publisher holds the content (see Publisher). */
export type Commit<R = PublishResult> = () => Promise<R>;

/**
 * One sink for the built artifacts, as ko's publish.Interface: an OCI layout and a registry are two of them, driven
 * the same way, and MultiPublisher tees one run to several. The pipeline calls, in this order:
 *
 * - probe(image): as soon as an image is assembled, before every target has passed its checks. Read-only: a sink may
 *   ask what it already holds (a registry's HEADs), so that the round trips overlap the remaining builds.
 * - stage(image): once every target has passed its checks. The sink may write the image's content (blobs, the
 *   manifest by digest) while later images are still being assembled. It moves no reference, and a failure surfaces
 *   from write(), never from here.
 * - write(artifact): everything of the artifact not written yet, including the index by digest. Still no reference
 *   moves; the promise resolves to the commit that moves them (tags, the layout's index.json).
 * - commit(): called only once every publisher's write() has succeeded, so a failure anywhere moves no reference.
 * - abandon(reason): the run failed before commit. Nothing new starts; the promise waits for writes in flight and
 *   removes what only this run would have used (a staged layout).
 *
 * Content that refers to an image (an SBOM, a provenance record) belongs to write(), before the commit.
 */
export interface Publisher<R = PublishResult> {
  probe(image: ImageArtifact): void;
  stage(image: ImageArtifact): void;
  write(artifact: IndexArtifact): Promise<Commit<R>>;
  abandon(reason: unknown): Promise<void>;
}

import type { IndexArtifact } from '../image/types.js';

/** What a publisher made visible, for the report. */
export interface PublishResult {
  /** A layout path or a registry repository. */
  location: string;
  /** References that now point at the index (or, pushing by digest, at each manifest). */
  refs: string[];
}

/** What a registry push did, for the summary: proof that a rerun uploads nothing. */
export interface PushStats {
  uploaded: number;
  present: number;
  mounted: number;
  bytes: number;
  /** Manifests PUT, by digest or tag. */
  manifests: number;
  /** Manifests the registry already held at that digest or tag, so not PUT again (go-containerregistry does the same). */
  manifestsPresent: number;
  retries: number;
}

/** How one publish call is made; each publisher uses what applies to it. */
export interface PublishOptions {
  /** Annotations on the layout's index.json descriptor (a registry has no such place). */
  annotations?: Record<string, string>;
  /** Must succeed before any reference moves: a registry push run beside the layout waits for it before the tags. */
  ready?: Promise<unknown>;
}

/** One sink for the same built artifacts: an OCI layout or a registry, as ko's Publisher. */
export interface Publisher {
  publish(artifact: IndexArtifact, opts?: PublishOptions): Promise<PublishResult>;
}

import type { IndexArtifact } from '../oci/types.js';

/** What a publisher made visible, for the report. */
export interface PublishResult {
  /** A layout path or a registry repository. */
  location: string;
  /** References that now point at the index. */
  refs: string[];
}

/** One sink for the same built artifacts: an OCI layout today, a registry with issue #3 (after ko's Publisher). */
export interface Publisher {
  publish(artifact: IndexArtifact, annotations: Record<string, string>): Promise<PublishResult>;
}

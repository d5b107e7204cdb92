import type { Obtained } from '../build/source.js';
import type { BinaryFacts, Checked, Inspected } from '../check/inspect.js';
import type { ImageArtifact } from '../kernel/oci.js';
import type { Platform } from '../kernel/platform.js';
import type { TestOutcome } from '../test/run.js';
import type { VulnOutcome } from '../check/vuln/verdict.js';

/** A target whose binary source gave no binary (the build failed, or the file was not there). */
export interface Unbuilt {
  state: 'unbuilt';
  platform: Platform;
  obtained: Obtained;
}

/** A target whose binary a check refused. */
export interface Rejected {
  state: 'rejected';
  platform: Platform;
  obtained: Obtained;
  checked: Checked;
}

/** A target whose checks passed, with its image. */
export interface Assembled {
  state: 'assembled';
  platform: Platform;
  obtained: Obtained;
  checked: Checked & { passed: Inspected; binary: BinaryFacts };
  image: ImageArtifact;
  /** What the vulnerability check found, when it ran. */
  vulns?: VulnOutcome | undefined;
  /** Why its pre-ship test could not run, when it could not (no qemu for its architecture, no root). */
  untested?: string | undefined;
}

/** An assembled target that was run before shipping, and how that went. */
export interface Tested extends Omit<Assembled, 'state'> {
  state: 'tested';
  test: TestOutcome;
}

/** What became of one target, as the stages left it: each state has one meaning, so nothing needs a cast. */
export type Target = Unbuilt | Rejected | Assembled | Tested;

/** The targets that produced an image. */
export const withImage = (targets: Target[]): Array<Assembled | Tested> =>
  targets.filter((t): t is Assembled | Tested => t.state === 'assembled' || t.state === 'tested');

import type { Platform } from '../kernel/platform.js';
import type { Diagnostic } from '../kernel/diagnostic.js';

/** One platform's binary as a source gave it: where it is on the runner, or why there is none. */
export interface Obtained {
  platform: Platform;
  ok: boolean;
  /** The binary's path on the runner (for a build, where go wrote it, whatever the package is called). */
  binary: string;
  /** What went wrong, as the tool printed it. */
  stderr: string;
  /** Where the binary came from, for the report: `go build`, or the path the binaries input gave. */
  from: string;
  /** How messages name the binary, when not by its path on the runner: the path the binaries input gave. */
  shown?: string;
  ms: number;
}

/** What a binary's image says about where it came from. */
export interface Provenance {
  /** The binary's name when the binary-name input is empty. */
  defaultName: string;
  /** The config's history[].created_by. */
  createdBy: string;
}

/**
 * Where binaries come from: `go build` here (build/go), and beside it any other source, e.g. binaries the user
 * built. The pipeline asks for every platform at once; a source bounds its own concurrency.
 */
export interface BinarySource {
  obtain(platform: Platform): Promise<Obtained>;
  /** Read from the first binary obtained, so that no build waits for a question answered before it. */
  describe(binary: string): Promise<Provenance>;
  /**
   * Once every platform was tried: the diagnostics of those that failed (deduplicated). Throws the InputError that a
   * failure of them all deserves (no go, a package that does not exist), so the user sees one error, not one per platform.
   */
  explain(results: Obtained[]): Promise<Diagnostic[]>;
}

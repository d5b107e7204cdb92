/**
 * The runner's tool cache, as @actions/tool-cache keeps it (RUNNER_TOOL_CACHE/<tool>/<version>/<arch>): the action's
 * entry wires it to that library, whose extractors run through @actions/exec.
 */
export interface ToolCache {
  /** The cached directory, or '' when that version is not cached. */
  find(tool: string, version: string, arch: string): Promise<string>;
  /** Downloads a URL into a new file under RUNNER_TEMP and returns its path. */
  download(url: string): Promise<string>;
  /** Extracts a zip into a new directory and returns it. */
  extractZip(file: string): Promise<string>;
  /** Copies a directory into the cache and marks it complete; returns the cached directory. */
  cacheDir(dir: string, tool: string, version: string, arch: string): Promise<string>;
}

/** A Go or zig version as setup-go and the tool cache spell it: 1.22rc1 → 1.22.0-rc.1; 1.22.3 stays. */
export function cacheVersion(v: string): string {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?(?:([a-z]+)(\d*))?$/.exec(v);
  if (!m) return v;
  const [major, minor, patch, kind, n] = [1, 2, 3, 4, 5].map((i) => m.at(i));
  return `${major}.${minor}.${patch ?? '0'}${kind ? `-${kind}${n ? `.${n}` : ''}` : ''}`;
}

import { join } from 'node:path';
import type { Platform } from '../config/platform.js';
import type { Exec } from '../runtime/exec.js';
import { mapLimit } from '../util/pool.js';
import { buildArgs, buildEnv, type GoBuildOptions } from './argv.js';
import { dedupeAnnotations, parseGoDiagnostics, type Annotation } from './diagnostics.js';

/** The result of `go build` for one platform. */
export interface BuildResult {
  platform: Platform;
  ok: boolean;
  /** Where the binary was written: `<binariesDir>/<slug>/<binaryName>`. */
  binary: string;
  stderr: string;
  ms: number;
}

/** What the build stage needs besides the options: where to run, where to write, and how to show paths. */
export interface BuildContext {
  exec: Exec;
  cwd: string;
  baseEnv: Record<string, string>;
  binariesDir: string;
  binaryName: string;
  concurrency: number;
  /** The C compiler for a target when cgo is on. */
  ccFor?: (platform: Platform) => string | undefined;
  /** Maps a path as go printed it (relative to cwd) to the repository-relative form annotations use. */
  toRepoPath: (file: string) => string;
}

/** Builds every platform concurrently (bounded by cores), sharing one GOCACHE; never throws on a compile error. */
export async function buildAll(platforms: Platform[], opts: GoBuildOptions, ctx: BuildContext): Promise<{ results: BuildResult[]; annotations: Annotation[] }> {
  const results = await mapLimit(platforms, ctx.concurrency, async (platform) => {
    const binary = join(ctx.binariesDir, platform.slug, ctx.binaryName);
    const start = performance.now();
    const cc = ctx.ccFor?.(platform);
    const env = { ...ctx.baseEnv, ...buildEnv(opts, platform), ...(cc ? { CC: cc } : {}) };
    const r = await ctx.exec('go', buildArgs(opts, binary), { cwd: ctx.cwd, env });
    return { platform, ok: r.exitCode === 0, binary, stderr: r.stderr, ms: performance.now() - start };
  });
  const annotations: Annotation[] = [];
  for (const r of results.filter((x) => !x.ok)) {
    const found = parseGoDiagnostics(r.stderr, ctx.toRepoPath, `go build (${r.platform.id})`);
    annotations.push(...(found.length > 0 ? found : [{ level: 'error' as const, title: `go build (${r.platform.id})`, message: r.stderr.trim() || 'go build failed with no output' }]));
  }
  return { results, annotations: dedupeAnnotations(annotations) };
}

import { join } from 'node:path';
import type { Platform } from '../../kernel/platform.js';
import type { Exec } from '../../util/exec.js';
import { buildArgs, buildEnv, type GoBuildOptions } from './argv.js';
import { dedupeDiagnostics, type Diagnostic } from '../../kernel/diagnostic.js';
import { parseGoDiagnostics } from './diagnostics.js';
import type { Obtained } from '../source.js';

/** The result of `go build` for one platform; the binary is `<outDir>/<slug>/binary`, whatever the package is called. */
export type BuildResult = Obtained;

/** What the build stage needs besides the options: where to run, where to write, and how to show paths. */
export interface BuildContext {
  exec: Exec;
  cwd: string;
  baseEnv: Record<string, string>;
  /** go's own output directory, kept between runs so that go skips an up-to-date link. */
  outDir: string;
  /** CC (and for zig CXX and its cache) for a target when cgo is on. */
  ccEnvFor?: (platform: Platform) => Record<string, string> | undefined;
  /** Linker flags a target's compiler needs, appended to the user's. */
  ldflagsFor?: (platform: Platform) => string[] | undefined;
}

/** Builds one platform into `<outDir>/<slug>/binary`; never throws on a compile error. */
export async function buildOne(platform: Platform, opts: GoBuildOptions, ctx: BuildContext): Promise<BuildResult> {
  const binary = join(ctx.outDir, platform.slug, 'binary');
  const start = performance.now();
  const env = { ...ctx.baseEnv, ...buildEnv(opts, platform), ...ctx.ccEnvFor?.(platform) };
  const ldflags = [opts.ldflags, ...(ctx.ldflagsFor?.(platform) ?? [])].filter((f) => f !== '').join(' ');
  const r = await ctx.exec('go', buildArgs({ ...opts, ldflags }, binary), { cwd: ctx.cwd, env });
  return { platform, ok: r.exitCode === 0, binary, stderr: r.stderr, ms: performance.now() - start, from: 'go build' };
}

/** The last `n` lines of go's output (a failed download or link ends it), saying how many came before. */
export function lastLines(text: string, n: number): string {
  const lines = text.trim().split('\n');
  if (lines.length <= n) return lines.join('\n').trim();
  return [`(${lines.length - n} earlier lines of go's output left out)`, ...lines.slice(-n)].join('\n');
}

/**
 * One annotation per compiler message across all failed targets, deduplicated (the same error on six targets is one);
 * `toRepoPath` maps a path as go printed it (relative to cwd) to the repository-relative form annotations use.
 */
export function buildDiagnostics(results: BuildResult[], toRepoPath: (file: string) => string): Diagnostic[] {
  const annotations: Diagnostic[] = [];
  for (const r of results.filter((x) => !x.ok)) {
    const found = parseGoDiagnostics(r.stderr, toRepoPath, `go build (${r.platform.id})`);
    annotations.push(
      ...(found.length > 0
        ? found
        : [
            {
              level: 'error' as const,
              title: `go build (${r.platform.id})`,
              message: lastLines(r.stderr, 30) || 'go build failed with no output',
            },
          ]),
    );
  }
  return dedupeDiagnostics(annotations);
}

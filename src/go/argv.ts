import type { Platform } from '../config/platform.js';

/** The `go build` options shared by every target. */
export interface GoBuildOptions {
  pkg: string;
  ldflags: string;
  tags: string[];
  goFlags: string[];
  cgo: boolean;
  /** User `env` lines; platform variables are applied after them and win. */
  env: Record<string, string>;
  /** GOMAXPROCS for each `go build`, set when several run at once and nobody chose one (see buildProcs). */
  procs?: number;
}

/**
 * GOMAXPROCS per `go build` when `concurrent` of them share `cores`: each gets its share, as `make -j` splits jobs,
 * so parallel links do not oversubscribe the cores the gzip workers also need. Undefined when one build has them all.
 */
export function buildProcs(cores: number, targets: number): number | undefined {
  const concurrent = Math.min(cores, targets);
  return concurrent > 1 ? Math.max(1, Math.floor(cores / concurrent)) : undefined;
}

/** argv for one target: `-trimpath` always, because paths in the binary must not depend on the runner. */
export function buildArgs(opts: GoBuildOptions, out: string): string[] {
  return [
    'build',
    '-trimpath',
    ...(opts.tags.length > 0 ? ['-tags', opts.tags.join(',')] : []),
    '-ldflags',
    opts.ldflags,
    ...opts.goFlags,
    '-o',
    out,
    opts.pkg,
  ];
}

/** Environment for one target; the platform's GOOS/GOARCH/GOARM/GOAMD64 always win over user `env`. */
export function buildEnv(opts: GoBuildOptions, platform: Platform): Record<string, string> {
  return {
    ...opts.env,
    CGO_ENABLED: opts.cgo ? '1' : '0',
    ...(opts.procs && opts.env.GOMAXPROCS === undefined ? { GOMAXPROCS: String(opts.procs) } : {}),
    ...platform.goEnv,
  };
}

import type { Platform } from '../../kernel/platform.js';

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
  procs?: number | undefined;
  /** GOGC and GOMEMLIMIT for every go process, unless the user chose either (see gcTuning). */
  gc?: GcTuning | undefined;
}

/** The garbage collector settings the go command passes on to the compiler and the linker. */
export interface GcTuning {
  GOGC: string;
  GOMEMLIMIT: string;
}

/** Share of memory that all go processes together may grow to before GOMEMLIMIT makes them collect as often as needed. */
const MEMORY_SHARE = 0.75;

/**
 * GOGC=400, capped by GOMEMLIMIT at each process's share of memory: the go command, compiler and linker make mostly
 * short-lived garbage, so collecting a quarter as often saves time on every build, while the cap
 * keeps a large project's link from growing past its share. Up to `cores` tools run at once (see buildProcs).
 */
export function gcTuning(memoryBytes: number, cores: number): GcTuning {
  const mib = Math.max(64, Math.floor((memoryBytes * MEMORY_SHARE) / Math.max(1, cores) / 2 ** 20));
  return { GOGC: '400', GOMEMLIMIT: `${mib}MiB` };
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
    ...(opts.procs && !('GOMAXPROCS' in opts.env) ? { GOMAXPROCS: String(opts.procs) } : {}),
    ...(opts.gc && !('GOGC' in opts.env) && !('GOMEMLIMIT' in opts.env) ? opts.gc : {}),
    ...platform.goEnv,
  };
}

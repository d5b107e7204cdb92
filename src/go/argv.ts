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
  gocache?: string;
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
    ...(opts.gocache ? { GOCACHE: opts.gocache } : {}),
    ...platform.goEnv,
  };
}

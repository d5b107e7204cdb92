import type { OciPlatform } from './oci.js';

/** A build target: what Go is told, and what the OCI index says about it. */
export interface Platform {
  /** Normalised `os/arch[/variant]`, e.g. `linux/arm/v7`, `linux/amd64`. */
  id: string;
  os: 'linux';
  /** GOARCH, which OCI uses as `architecture` too. */
  arch: string;
  /** OCI variant, omitted where containerd normalises it away (amd64/v1, arm64/v8). */
  variant?: string | undefined;
  /** GOOS/GOARCH and the arch-level setting (GOARM, GOAMD64, ...). */
  goEnv: Record<string, string>;
  /** Directory-safe name: `linux_arm_v7`. */
  slug: string;
}

/** The OCI platform object for a target. */
export function ociPlatform(p: Platform): OciPlatform {
  return { architecture: p.arch, os: p.os, ...(p.variant ? { variant: p.variant } : {}) };
}

import type { Platform } from '../../inputs/platform.js';

/** zig's target and CPU for a Go platform, so that cgo links against musl, statically. */
export interface ZigTarget {
  target: string;
  /** -mcpu, where the platform's variant narrows the CPU (GOARM). */
  mcpu?: string;
}

/**
 * Go platform → zig `-target` (https://ziglang.org/documentation/master/#Targets). musl, because zig links it
 * statically by default; arm/v6 and v7 are hard-float as GOARM=6 and 7 are, arm/v5 soft-float.
 */
const TABLE: Record<string, ZigTarget> = {
  'linux/amd64': { target: 'x86_64-linux-musl' },
  'linux/386': { target: 'x86-linux-musl' },
  'linux/arm64': { target: 'aarch64-linux-musl' },
  'linux/arm/v7': { target: 'arm-linux-musleabihf', mcpu: 'generic+v7a' },
  'linux/arm/v6': { target: 'arm-linux-musleabihf', mcpu: 'arm1176jzf_s' },
  'linux/arm/v5': { target: 'arm-linux-musleabi', mcpu: 'arm926ej_s' },
  'linux/ppc64le': { target: 'powerpc64le-linux-musl' },
  'linux/s390x': { target: 's390x-linux-musl' },
  'linux/riscv64': { target: 'riscv64-linux-musl' },
  'linux/loong64': { target: 'loongarch64-linux-musl' },
};

/** The zig target of a platform (its amd64 level aside: C code built for the baseline runs on every level). */
export function zigTargetOf(p: Platform): ZigTarget | undefined {
  return TABLE[p.arch === 'amd64' ? 'linux/amd64' : p.id];
}

/** The platforms `cc: zig` can build, for messages. */
export const ZIG_PLATFORMS = Object.keys(TABLE);

/** A word for CC that Go's quoted.Split reads back as one argument. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./+=:-]+$/.test(s) ? s : `'${s.replace(/'/g, '')}'`;
}

/** CC and CXX for a target: `zig cc -target … [-mcpu=…]`. */
export function zigCompilers(zig: string, t: ZigTarget): { CC: string; CXX: string } {
  const flags = `-target ${t.target}${t.mcpu ? ` -mcpu=${t.mcpu}` : ''}`;
  return { CC: `${shellWord(zig)} cc ${flags}`, CXX: `${shellWord(zig)} c++ ${flags}` };
}

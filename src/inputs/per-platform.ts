import { ParseError } from '../util/errors.js';
import { parsePlatform, type Platform } from './platform.js';

/** Debian names for a target: the GNU triplet its cross gcc is called by, its multiarch directory and its package suffix. */
export interface DebianTarget {
  /** `aarch64-linux-gnu`: the compiler is `<gnu>-gcc`, the cross sysroot `/usr/<gnu>`. */
  gnu: string;
  /** `aarch64-linux-gnu`: the directory under lib/ and usr/lib/ (differs for i386). */
  multiarch: string;
  /** Debian architecture, e.g. `arm64`, for `gcc-<gnu>` and `libc6-dev-<deb>-cross`. */
  deb: string;
}

/** Per-platform Debian names (https://wiki.debian.org/Multiarch/Tuples). */
export function debianTarget(p: Platform): DebianTarget | undefined {
  const table: Record<string, DebianTarget> = {
    amd64: { gnu: 'x86_64-linux-gnu', multiarch: 'x86_64-linux-gnu', deb: 'amd64' },
    arm64: { gnu: 'aarch64-linux-gnu', multiarch: 'aarch64-linux-gnu', deb: 'arm64' },
    '386': { gnu: 'i686-linux-gnu', multiarch: 'i386-linux-gnu', deb: 'i386' },
    ppc64le: { gnu: 'powerpc64le-linux-gnu', multiarch: 'powerpc64le-linux-gnu', deb: 'ppc64el' },
    s390x: { gnu: 's390x-linux-gnu', multiarch: 's390x-linux-gnu', deb: 's390x' },
    riscv64: { gnu: 'riscv64-linux-gnu', multiarch: 'riscv64-linux-gnu', deb: 'riscv64' },
    mips64le: { gnu: 'mips64el-linux-gnuabi64', multiarch: 'mips64el-linux-gnuabi64', deb: 'mips64el' },
    loong64: { gnu: 'loongarch64-linux-gnu', multiarch: 'loongarch64-linux-gnu', deb: 'loong64' },
  };
  if (p.arch === 'arm') {
    return p.goEnv.GOARM === '7'
      ? { gnu: 'arm-linux-gnueabihf', multiarch: 'arm-linux-gnueabihf', deb: 'armhf' }
      : { gnu: 'arm-linux-gnueabi', multiarch: 'arm-linux-gnueabi', deb: 'armel' };
  }
  return table[p.arch];
}

/** A per-platform setting (`cc`, `sysroot`): one value for all, or `platform=value` lines. */
export interface PerPlatform {
  all?: string;
  byPlatform: Record<string, string>;
}

/** Parses `cc`/`sysroot` lines: a single value, or `os/arch[/variant]=value` lines naming listed platforms. */
export function parsePerPlatform(items: string[], platforms: Platform[]): PerPlatform {
  const out: PerPlatform = { byPlatform: {} };
  for (const item of items) {
    const eq = item.indexOf('=');
    const head = eq > 0 ? item.slice(0, eq) : '';
    if (eq > 0 && head.includes('/') && !head.startsWith('/')) {
      const p = parsePlatform(head);
      if (!platforms.some((x) => x.id === p.id))
        throw new ParseError(`"${item}" names ${p.id}, which is not in platforms`);
      if (out.byPlatform[p.id] !== undefined) throw new ParseError(`"${item}": ${p.id} is given twice`);
      out.byPlatform[p.id] = item.slice(eq + 1).trim();
    } else {
      if (out.all !== undefined)
        throw new ParseError(`"${item}": give one value for all platforms, or platform=value lines`);
      out.all = item;
    }
  }
  return out;
}

/** The value for a platform, or undefined for "auto". */
export function forPlatform(pp: PerPlatform, p: Platform): string | undefined {
  return pp.byPlatform[p.id] ?? pp.all;
}

import { factsOf, present, type Debian } from '../kernel/arch.js';
import { ParseError } from '../kernel/errors.js';
import { parsePlatform } from './platform.js';
import type { Platform } from '../kernel/platform.js';

/** Debian names for a target (https://wiki.debian.org/Multiarch/Tuples), from the architecture table. */
export function debianTarget(p: Platform): Debian | undefined {
  return present(factsOf(p).debian);
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
      if (p.id in out.byPlatform) throw new ParseError(`"${item}": ${p.id} is given twice`);
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

import { factsOf, present } from '../kernel/arch.js';
import { ParseError } from '../kernel/errors.js';
import { debianTarget } from './per-platform.js';
import { parsePlatform } from './platform.js';
import type { Platform } from '../kernel/platform.js';

/** The `binaries` input: a path per platform, or one path template with placeholders for the platform's parts. */
export type BinariesSpec =
  { form: 'lines'; byPlatform: Record<string, string> } | { form: 'template'; template: string };

/** The Rust target triple of a platform, glibc or musl. */
export function rustTriple(p: Platform, libc: 'gnu' | 'musl'): string | undefined {
  const gnu = present(factsOf(p).rust);
  return gnu && (libc === 'gnu' ? gnu : gnu.replace(/-gnu(abi64|eabihf|eabi)?$/, (_, abi) => `-musl${abi ?? ''}`));
}

/** What each placeholder of a template expands to, for a platform; README lists them. */
export const PLACEHOLDERS: Record<string, (p: Platform) => string | undefined> = {
  os: (p) => p.os,
  arch: (p) => p.arch,
  variant: (p) => p.variant ?? '',
  platform: (p) => p.slug,
  triple: (p) => rustTriple(p, 'gnu'),
  'musl-triple': (p) => rustTriple(p, 'musl'),
  gnu: (p) => debianTarget(p)?.gnu,
};

/**
 * Parses `binaries`: `platform=path` lines, one per platform in `platforms` and no other; or one template such as
 * `dist/app_{os}_{arch}{variant}`. Empty means go build.
 */
export function parseBinaries(items: string[], platforms: Platform[]): BinariesSpec | undefined {
  if (items.length === 0) return undefined;
  const lines = items.filter((i) => /^[a-z0-9]+\/[a-z0-9]+(\/[a-z0-9]+)?\s*=/i.test(i));
  if (lines.length === 0) {
    if (items.length > 1)
      throw new ParseError(`give platform=path lines, or one path template such as dist/app_{os}_{arch}{variant}`);
    const template = items[0];
    for (const [, name] of template.matchAll(/\{([^}]*)\}/g)) {
      if (!(name in PLACEHOLDERS))
        throw new ParseError(
          `"{${name}}" in "${template}" is not a placeholder; expected ${Object.keys(PLACEHOLDERS)
            .map((k) => `{${k}}`)
            .join(', ')}`,
        );
    }
    return { form: 'template', template };
  }
  if (lines.length !== items.length)
    throw new ParseError(`"${items.find((i) => !lines.includes(i))}" is not platform=path`);
  const byPlatform: Record<string, string> = {};
  for (const line of lines) {
    const eq = line.indexOf('=');
    const p = parsePlatform(line.slice(0, eq));
    const path = line.slice(eq + 1).trim();
    if (!platforms.some((x) => x.id === p.id))
      throw new ParseError(`"${line}" names ${p.id}, which is not in platforms`);
    if (p.id in byPlatform) throw new ParseError(`"${line}": ${p.id} is given twice`);
    if (path === '') throw new ParseError(`"${line}" gives no path`);
    byPlatform[p.id] = path;
  }
  const missing = platforms.filter((p) => !(p.id in byPlatform)).map((p) => p.id);
  if (missing.length > 0)
    throw new ParseError(`no file for ${missing.join(', ')}; every platform needs one line, e.g. ${missing[0]}=<path>`);
  return { form: 'lines', byPlatform };
}

/** The path a spec gives for a platform, placeholders expanded; throws when a placeholder means nothing for it. */
export function binaryFor(spec: BinariesSpec, p: Platform): string {
  if (spec.form === 'lines') return spec.byPlatform[p.id];
  return spec.template.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const v = PLACEHOLDERS[name](p);
    if (v === undefined) throw new ParseError(`{${name}} has no value for ${p.id}`);
    return v;
  });
}

import { archOf, GOARCHES, present } from '../kernel/arch.js';
import { ParseError } from '../kernel/errors.js';
import type { Platform } from '../kernel/platform.js';
import { ARCH_ALIASES } from './spelling.js';

/** `; did you mean linux/arm64?` for another spelling of an architecture (aarch64, x86_64, armhf, ...), or the example. */
function didYouMean(arch: string, bare: boolean): string {
  const a = arch.toLowerCase();
  const canonical = ARCH_ALIASES[a] ?? (bare && archOf(a) ? a : undefined);
  if (canonical) return `; did you mean linux/${canonical}?`;
  return bare ? ', e.g. linux/arm64 or linux/arm/v7' : '';
}

/** Parses one `os/arch[/variant]` entry into a target; the message quotes the entry and the expected form. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw new ParseError(`platform "${text}": expected os/arch[/variant]${didYouMean(text.trim(), true)}`);
  }
  const [os = '', arch = '', written] = [0, 1, 2].map((i) => parts.at(i)?.toLowerCase());
  if (os !== 'linux') {
    throw new ParseError(`platform "${text}": os must be linux, because scratch images run on a Linux kernel`);
  }
  const facts = archOf(arch);
  if (!facts) {
    const hint = didYouMean(arch, false);
    throw new ParseError(
      `platform "${text}": unknown architecture "${arch}"${hint || `; expected one of ${GOARCHES.join(', ')}`}`,
    );
  }
  const rule = facts.variants;
  if (written !== undefined && !rule.allowed.includes(written)) {
    throw new ParseError(`platform "${text}": variant must be ${rule.expected}`);
  }
  const chosen = written ?? rule.allowed.at(0);
  const variant = chosen !== undefined && !rule.implicit.includes(chosen) ? chosen : undefined;
  const goEnv: Record<string, string> = { GOOS: os, GOARCH: arch };
  const goVar = present(rule.goVar);
  if (goVar && chosen !== undefined) goEnv[goVar.name] = goVar.value(chosen);
  const id = [os, arch, variant].filter(Boolean).join('/');
  return { id, os: 'linux', arch, variant, goEnv, slug: id.replaceAll('/', '_') };
}

/** Parses the whole `platforms` list, keeping its order (it becomes the index order) and refusing duplicates. */
export function parsePlatforms(items: string[]): Platform[] {
  if (items.length === 0) throw new ParseError('no platform given; expected e.g. linux/amd64,linux/arm64');
  const seen = new Map<string, string>();
  return items.map((item) => {
    const p = parsePlatform(item);
    const first = seen.get(p.id);
    if (first !== undefined) {
      throw new ParseError(`platform "${item}" duplicates "${first}" (both mean ${p.id}); list each platform once`);
    }
    seen.set(p.id, item);
    return p;
  });
}

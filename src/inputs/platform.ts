import { ParseError } from '../util/errors.js';

/** A build target: what Go is told, and what the OCI index says about it. */
export interface Platform {
  /** Normalised `os/arch[/variant]`, e.g. `linux/arm/v7`, `linux/amd64`. */
  id: string;
  os: 'linux';
  /** GOARCH, which OCI uses as `architecture` too. */
  arch: string;
  /** OCI variant, omitted where containerd normalises it away (amd64/v1, arm64/v8). */
  variant?: string;
  /** GOOS/GOARCH and the arch-level setting (GOARM, GOAMD64, ...). */
  goEnv: Record<string, string>;
  /** Directory-safe name: `linux_arm_v7`. */
  slug: string;
}

interface ArchRule {
  /** Allowed variants, the first being the default when none is written. */
  variants?: readonly string[];
  /** Variants that mean "the default" and are dropped from the OCI platform. */
  implicit?: readonly string[];
  /** Go environment variable the variant maps to, and how. */
  goVar?: string;
  toGo?: (variant: string) => string;
  expected: string;
}

/**
 * Per-GOARCH rules, after the image-spec's platform variants (image-index.md, "Platform Variants"), containerd's
 * normalizeArch (github.com/containerd/platforms, database.go) and ko's buildEnv (pkg/build/gobuild.go).
 */
const ARCHES: Record<string, ArchRule> = {
  amd64: { variants: ['v1', 'v2', 'v3', 'v4'], implicit: ['v1'], goVar: 'GOAMD64', toGo: (v) => v, expected: 'v1..v4' },
  arm64: { variants: ['v8'], implicit: ['v8'], expected: 'v8 (or none)' },
  arm: { variants: ['v7', 'v6', 'v5'], goVar: 'GOARM', toGo: (v) => v.slice(1), expected: 'v5, v6 or v7' },
  '386': { expected: 'none' },
  ppc64le: { expected: 'none' },
  ppc64: { expected: 'none' },
  s390x: { expected: 'none' },
  riscv64: { expected: 'none' },
  mips64le: { expected: 'none' },
  mips64: { expected: 'none' },
  mipsle: { expected: 'none' },
  mips: { expected: 'none' },
  loong64: { expected: 'none' },
};

/** The architectures we can build, for error messages and docs. */
export const SUPPORTED_ARCHES = Object.keys(ARCHES);

/** Parses one `os/arch[/variant]` entry into a target; the message quotes the entry and the expected form. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw new ParseError(`platform "${text}": expected os/arch[/variant], e.g. linux/arm64 or linux/arm/v7`);
  }
  const [os, arch, written] = parts.map((p) => p.toLowerCase());
  if (os !== 'linux') {
    throw new ParseError(`platform "${text}": os must be linux, because scratch images run on a Linux kernel`);
  }
  const rule = ARCHES[arch];
  if (!rule) {
    throw new ParseError(
      `platform "${text}": unknown architecture "${arch}"; expected one of ${SUPPORTED_ARCHES.join(', ')}`,
    );
  }
  if (written !== undefined && !rule.variants?.includes(written)) {
    throw new ParseError(`platform "${text}": variant must be ${rule.expected}`);
  }
  const chosen = written ?? rule.variants?.[0];
  const variant = chosen !== undefined && !rule.implicit?.includes(chosen) ? chosen : undefined;
  const goEnv: Record<string, string> = { GOOS: os, GOARCH: arch };
  if (rule.goVar && rule.toGo && chosen !== undefined) goEnv[rule.goVar] = rule.toGo(chosen);
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

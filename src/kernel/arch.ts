/**
 * One row per GOARCH: every name an architecture goes by, in one place. Sources: the image-spec's platform variants
 * (https://github.com/opencontainers/image-spec/blob/main/image-index.md, "Platform Variants"), containerd's
 * normalizeArch (github.com/containerd/platforms, database.go), Go's debug/elf, Debian's multiarch tuples
 * (https://wiki.debian.org/Multiarch/Tuples), zig's targets (https://ziglang.org/documentation/master/#Targets),
 * Rust's platform support list, qemu-user's binary names, PyPI wheel platform tags (PEP 600) and Node's process.arch.
 */

/** A field an architecture does not have, with the reason, so that a missing row is never a silent gap. */
export interface None {
  readonly none: string;
}
export type Maybe<T> = T | None;
const none = (reason: string): None => ({ none: reason });

/** The value of a field, or undefined when the architecture has none. */
export function present<T extends object | string>(v: Maybe<T>): T | undefined {
  return typeof v === 'object' && 'none' in v ? undefined : v;
}

/** What an ELF built for the architecture must say in its header (the "exec format error" check). */
export interface ElfIdentity {
  bits: 32 | 64;
  endian: 'little' | 'big';
  machine: number;
}

/** The newest Tag_CPU_arch an ARM variant's CPU runs, and its float calling convention (Debian armel, armhf). */
export interface ArmLimits {
  maxArch: number;
  floatAbi: 'hard' | 'soft';
  cpu: string;
}

/** Debian's names: the GNU triplet the cross gcc is called by, the multiarch directory, the architecture. */
export interface Debian {
  gnu: string;
  multiarch: string;
  deb: string;
}

/** zig's `-target` and, where the variant narrows the CPU, `-mcpu`. */
export interface ZigTarget {
  target: string;
  mcpu?: string;
}

/** The OCI variants: allowed ones (the first is the default), those containerd drops, and the Go variable. */
export interface Variants {
  allowed: readonly string[];
  implicit: readonly string[];
  /** GOARM, GOAMD64, ..., and how a variant is written in it. */
  goVar: Maybe<{ name: string; value: (variant: string) => string }>;
  /** How messages describe the allowed variants. */
  expected: string;
}

/** Everything known about one platform's architecture: the row, with its variant's fields applied. */
export interface ArchFacts {
  goarch: string;
  variants: Variants;
  elf: ElfIdentity;
  arm: Maybe<ArmLimits>;
  debian: Maybe<Debian>;
  zig: Maybe<ZigTarget>;
  /** Rust's glibc target triple (https://doc.rust-lang.org/rustc/platform-support.html). */
  rust: Maybe<string>;
  qemu: Maybe<string>;
  wheel: Maybe<string>;
  node: Maybe<string>;
}

type Row = Omit<ArchFacts, 'goarch'> & {
  /** Fields that differ by variant (ARM's CPU, float ABI, Debian port and zig target). */
  byVariant?: Partial<Record<string, Partial<Pick<ArchFacts, 'arm' | 'debian' | 'zig' | 'rust'>>>>;
};

const NO_VARIANT: Variants = { allowed: [], implicit: [], goVar: none('no variant'), expected: 'none' };
const NOT_ARM = none('not ARM');
const deb = (gnu: string, debArch: string, multiarch = gnu): Debian => ({ gnu, multiarch, deb: debArch });
const NO_ZIG = none('zig has no musl target for it here');
const NO_WHEEL = none('PyPI has no ziglang wheel for it');

const ROWS: Record<string, Row> = {
  amd64: {
    variants: {
      allowed: ['v1', 'v2', 'v3', 'v4'],
      implicit: ['v1'],
      goVar: { name: 'GOAMD64', value: (v) => v },
      expected: 'v1..v4',
    },
    elf: { bits: 64, endian: 'little', machine: 62 },
    arm: NOT_ARM,
    debian: deb('x86_64-linux-gnu', 'amd64'),
    // C built for the baseline runs on every level.
    zig: { target: 'x86_64-linux-musl' },
    rust: 'x86_64-unknown-linux-gnu',
    qemu: 'x86_64',
    wheel: 'x86_64',
    node: 'x64',
  },
  arm64: {
    variants: {
      allowed: ['v8'],
      implicit: ['v8'],
      goVar: none('Go has no arm64 level variable'),
      expected: 'v8 (or none)',
    },
    elf: { bits: 64, endian: 'little', machine: 183 },
    arm: none('AArch64 has no ARM build attributes to check'),
    debian: deb('aarch64-linux-gnu', 'arm64'),
    zig: { target: 'aarch64-linux-musl' },
    rust: 'aarch64-unknown-linux-gnu',
    qemu: 'aarch64',
    wheel: 'aarch64',
    node: 'arm64',
  },
  arm: {
    variants: {
      allowed: ['v7', 'v6', 'v5'],
      implicit: [],
      goVar: { name: 'GOARM', value: (v) => v.slice(1) },
      expected: 'v5, v6 or v7',
    },
    elf: { bits: 32, endian: 'little', machine: 40 },
    arm: NOT_ARM,
    debian: none('set by the variant'),
    zig: none('set by the variant'),
    rust: none('set by the variant'),
    qemu: 'arm',
    wheel: 'armv7l',
    node: 'arm',
    // v6 and v7 are hard-float as GOARM=6 and 7 are, v5 soft-float.
    byVariant: {
      v7: {
        arm: { maxArch: 10, floatAbi: 'hard', cpu: 'ARMv7' },
        debian: deb('arm-linux-gnueabihf', 'armhf'),
        rust: 'armv7-unknown-linux-gnueabihf',
        zig: { target: 'arm-linux-musleabihf', mcpu: 'generic+v7a' },
      },
      v6: {
        arm: { maxArch: 9, floatAbi: 'hard', cpu: 'ARMv6K' },
        debian: deb('arm-linux-gnueabihf', 'armhf'),
        rust: 'arm-unknown-linux-gnueabihf',
        zig: { target: 'arm-linux-musleabihf', mcpu: 'arm1176jzf_s' },
      },
      v5: {
        arm: { maxArch: 5, floatAbi: 'soft', cpu: 'ARMv5TEJ' },
        debian: deb('arm-linux-gnueabi', 'armel'),
        rust: 'armv5te-unknown-linux-gnueabi',
        zig: { target: 'arm-linux-musleabi', mcpu: 'arm926ej_s' },
      },
    },
  },
  '386': {
    variants: NO_VARIANT,
    elf: { bits: 32, endian: 'little', machine: 3 },
    arm: NOT_ARM,
    debian: deb('i686-linux-gnu', 'i386', 'i386-linux-gnu'),
    zig: { target: 'x86-linux-musl' },
    rust: 'i686-unknown-linux-gnu',
    qemu: 'i386',
    wheel: 'i686',
    node: 'ia32',
  },
  ppc64le: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'little', machine: 21 },
    arm: NOT_ARM,
    debian: deb('powerpc64le-linux-gnu', 'ppc64el'),
    zig: { target: 'powerpc64le-linux-musl' },
    rust: 'powerpc64le-unknown-linux-gnu',
    qemu: 'ppc64le',
    wheel: 'ppc64le',
    // Node names little-endian POWER ppc64; it has no big-endian build.
    node: 'ppc64',
  },
  ppc64: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'big', machine: 21 },
    arm: NOT_ARM,
    debian: none('Debian has no ppc64 cross toolchain package in its main archive'),
    zig: NO_ZIG,
    rust: 'powerpc64-unknown-linux-gnu',
    qemu: 'ppc64',
    wheel: NO_WHEEL,
    node: none('Node has no big-endian POWER build'),
  },
  s390x: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'big', machine: 22 },
    arm: NOT_ARM,
    debian: deb('s390x-linux-gnu', 's390x'),
    zig: { target: 's390x-linux-musl' },
    rust: 's390x-unknown-linux-gnu',
    qemu: 's390x',
    wheel: 's390x',
    node: 's390x',
  },
  riscv64: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'little', machine: 243 },
    arm: NOT_ARM,
    debian: deb('riscv64-linux-gnu', 'riscv64'),
    zig: { target: 'riscv64-linux-musl' },
    rust: 'riscv64gc-unknown-linux-gnu',
    qemu: 'riscv64',
    wheel: 'riscv64',
    node: 'riscv64',
  },
  mips64le: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'little', machine: 8 },
    arm: NOT_ARM,
    debian: deb('mips64el-linux-gnuabi64', 'mips64el'),
    zig: NO_ZIG,
    rust: 'mips64el-unknown-linux-gnuabi64',
    qemu: 'mips64el',
    wheel: NO_WHEEL,
    node: none('Node has no mips64el build'),
  },
  mips64: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'big', machine: 8 },
    arm: NOT_ARM,
    debian: none('Debian has no mips64 port'),
    zig: NO_ZIG,
    rust: 'mips64-unknown-linux-gnuabi64',
    qemu: 'mips64',
    wheel: NO_WHEEL,
    node: none('Node has no mips64 build'),
  },
  mipsle: {
    variants: NO_VARIANT,
    elf: { bits: 32, endian: 'little', machine: 8 },
    arm: NOT_ARM,
    debian: none('Debian dropped mipsel after bookworm'),
    zig: NO_ZIG,
    rust: 'mipsel-unknown-linux-gnu',
    qemu: 'mipsel',
    wheel: NO_WHEEL,
    node: 'mipsel',
  },
  mips: {
    variants: NO_VARIANT,
    elf: { bits: 32, endian: 'big', machine: 8 },
    arm: NOT_ARM,
    debian: none('Debian has no big-endian mips port'),
    zig: NO_ZIG,
    rust: 'mips-unknown-linux-gnu',
    qemu: 'mips',
    wheel: NO_WHEEL,
    node: 'mips',
  },
  loong64: {
    variants: NO_VARIANT,
    elf: { bits: 64, endian: 'little', machine: 258 },
    arm: NOT_ARM,
    debian: deb('loongarch64-linux-gnu', 'loong64'),
    zig: { target: 'loongarch64-linux-musl' },
    rust: 'loongarch64-unknown-linux-gnu',
    qemu: 'loongarch64',
    wheel: NO_WHEEL,
    node: 'loong64',
  },
};

/** Every GOARCH the action builds, in the table's order (for messages and docs). */
export const GOARCHES: readonly string[] = Object.keys(ROWS);

/** The facts of a GOARCH, with a variant's own fields applied; undefined for an unknown GOARCH. */
export function archOf(goarch: string, variant?: string): ArchFacts | undefined {
  const row = Object.hasOwn(ROWS, goarch) ? ROWS[goarch] : undefined;
  if (!row) return undefined;
  const { byVariant, ...base } = row;
  const chosen = variant ?? row.variants.allowed.at(0);
  const own = chosen !== undefined ? byVariant?.[chosen] : undefined;
  return { goarch, ...base, ...own };
}

/** The facts of a platform's architecture (its variant applied); a Platform's arch is always in the table. */
export function factsOf(p: { arch: string; variant?: string | undefined }): ArchFacts {
  const facts = archOf(p.arch, p.variant);
  if (!facts) throw new Error(`no row for GOARCH ${p.arch}`);
  return facts;
}

/** GOARCH for an ELF header, since e_machine alone cannot tell ppc64 from ppc64le or mips from mips64le. */
export function goarchOfElf(id: ElfIdentity): string | null {
  for (const [arch, row] of Object.entries(ROWS))
    if (row.elf.machine === id.machine && row.elf.bits === id.bits && row.elf.endian === id.endian) return arch;
  return null;
}

/** GOARCH for a Node process.arch, for the runner itself. */
export function goarchOfNode(nodeArch: string): string | undefined {
  return Object.entries(ROWS).find(([, row]) => present(row.node) === nodeArch)?.[0];
}

/** Every platform id the table has a value of `field` for (e.g. the platforms zig can build), for messages. */
export function platformsWith(field: 'zig' | 'debian' | 'qemu' | 'wheel'): string[] {
  return everyArch()
    .filter((a) => present(a.facts[field]) !== undefined)
    .map((a) => a.id);
}

/** The facts of every GOARCH and, where fields differ by variant, of each variant, with its platform id. */
export function everyArch(): Array<{ id: string; facts: ArchFacts }> {
  return GOARCHES.flatMap((goarch) => {
    const variants = ROWS[goarch].byVariant;
    if (!variants) return [{ id: `linux/${goarch}`, facts: archOf(goarch) as ArchFacts }];
    return Object.keys(variants).map((v) => ({ id: `linux/${goarch}/${v}`, facts: archOf(goarch, v) as ArchFacts }));
  });
}

/** The fields every row has: a value, or a None with its reason. */
export const ARCH_FIELDS = ['variants', 'elf', 'arm', 'debian', 'zig', 'rust', 'qemu', 'wheel', 'node'] as const;

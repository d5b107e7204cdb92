/** e_machine names for the architectures Go and Debian build for (glibc elf.h; Go debug/elf/elf.go). */
export const MACHINE_NAMES: Record<number, string> = {
  2: 'EM_SPARC',
  3: 'EM_386',
  8: 'EM_MIPS',
  20: 'EM_PPC',
  21: 'EM_PPC64',
  22: 'EM_S390',
  40: 'EM_ARM',
  43: 'EM_SPARCV9',
  62: 'EM_X86_64',
  183: 'EM_AARCH64',
  243: 'EM_RISCV',
  258: 'EM_LOONGARCH',
};

/** What an ELF built for one GOARCH must say in its header; the "exec format error" check compares these. */
export interface ElfIdentity {
  bits: 32 | 64;
  endian: 'little' | 'big';
  machine: number;
}

const GOARCH_ELF: Record<string, ElfIdentity> = {
  amd64: { bits: 64, endian: 'little', machine: 62 },
  '386': { bits: 32, endian: 'little', machine: 3 },
  arm64: { bits: 64, endian: 'little', machine: 183 },
  arm: { bits: 32, endian: 'little', machine: 40 },
  ppc64le: { bits: 64, endian: 'little', machine: 21 },
  ppc64: { bits: 64, endian: 'big', machine: 21 },
  s390x: { bits: 64, endian: 'big', machine: 22 },
  riscv64: { bits: 64, endian: 'little', machine: 243 },
  mips64le: { bits: 64, endian: 'little', machine: 8 },
  mips64: { bits: 64, endian: 'big', machine: 8 },
  mipsle: { bits: 32, endian: 'little', machine: 8 },
  mips: { bits: 32, endian: 'big', machine: 8 },
  loong64: { bits: 64, endian: 'little', machine: 258 },
};

/** The ELF header a binary for `goarch` must carry, or undefined for an arch we do not know. */
export function expectedIdentity(goarch: string): ElfIdentity | undefined {
  return GOARCH_ELF[goarch];
}

/** GOARCH for a header, since e_machine alone cannot tell ppc64 from ppc64le or mips from mips64le. */
export function goarchOf(id: ElfIdentity): string | null {
  for (const [arch, want] of Object.entries(GOARCH_ELF)) {
    if (want.machine === id.machine && want.bits === id.bits && want.endian === id.endian) return arch;
  }
  return null;
}

/** Human name of a header, e.g. "ELF64 little-endian EM_AARCH64 (arm64)". */
export function describeIdentity(id: ElfIdentity): string {
  const name = MACHINE_NAMES[id.machine] ?? `machine ${id.machine}`;
  const arch = goarchOf(id);
  return `ELF${id.bits} ${id.endian}-endian ${name}` + (arch ? ` (${arch})` : '');
}

/** Explains why a binary cannot run on a platform's architecture, or returns undefined when it fits. */
export function identityMismatch(goarch: string, actual: ElfIdentity): string | undefined {
  const want = expectedIdentity(goarch);
  if (!want) return `no ELF identity is known for GOARCH ${goarch}`;
  if (want.machine === actual.machine && want.bits === actual.bits && want.endian === actual.endian) return undefined;
  return `the binary is ${describeIdentity(actual)} but ${goarch} needs ${describeIdentity(want)}; it would fail with "exec format error"`;
}

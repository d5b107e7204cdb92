import { archOf, goarchOfElf, type ElfIdentity } from '../arch.js';

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

/** The ELF header a binary for `goarch` must carry, or undefined for an arch we do not know. */
export function expectedIdentity(goarch: string): ElfIdentity | undefined {
  return archOf(goarch)?.elf;
}

/** Human name of a header, e.g. "ELF64 little-endian EM_AARCH64 (arm64)". */
export function describeIdentity(id: ElfIdentity): string {
  const name = MACHINE_NAMES[id.machine] ?? `machine ${id.machine}`;
  const arch = goarchOfElf(id);
  return `ELF${id.bits} ${id.endian}-endian ${name}` + (arch ? ` (${arch})` : '');
}

/** Explains why a binary cannot run on a platform's architecture, or returns undefined when it fits. */
export function identityMismatch(goarch: string, actual: ElfIdentity): string | undefined {
  const want = expectedIdentity(goarch);
  if (!want) return `no ELF identity is known for GOARCH ${goarch}`;
  if (want.machine === actual.machine && want.bits === actual.bits && want.endian === actual.endian) return undefined;
  return `the binary is ${describeIdentity(actual)} but ${goarch} needs ${describeIdentity(want)}; it would fail with "exec format error"`;
}

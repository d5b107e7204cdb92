import { factsOf, present } from '../kernel/arch.js';
import type { Platform } from '../kernel/platform.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import { identityMismatch } from '../kernel/elf/machine.js';
import type { ElfInfo } from '../kernel/elf/parse.js';
import { CPU_ARCH_NAMES } from '../kernel/elf/arm.js';

/** What the ARM build attributes say against the platform's variant: too new an architecture, or the wrong float ABI. */
function armMismatch(info: ElfInfo, platform: Platform): string | undefined {
  const want = present(factsOf(platform).arm);
  if (!info.arm || !want) return undefined;
  const { cpuArch, floatAbi } = info.arm;
  if (cpuArch !== undefined && cpuArch > want.maxArch) {
    const name = CPU_ARCH_NAMES[cpuArch] ?? `Tag_CPU_arch ${cpuArch}`;
    return `built for ARM ${name} (Tag_CPU_arch in .ARM.attributes), which a ${platform.id} CPU (${want.cpu}) cannot run; build it for ${platform.variant ?? 'v7'}, e.g. with -march=armv${(platform.variant ?? 'v7').slice(1)}`;
  }
  if (floatAbi && floatAbi !== want.floatAbi) {
    const fix =
      want.floatAbi === 'hard' ? 'arm-linux-gnueabihf, -mfloat-abi=hard' : 'arm-linux-gnueabi, -mfloat-abi=soft';
    return `uses the ${floatAbi}-float calling convention (Tag_ABI_VFP_args), but ${platform.id} is ${want.floatAbi}-float; build it with ${fix}`;
  }
  return undefined;
}

/** Settings the binary's Go build info must agree with, per platform variable. */
const ARCH_SETTING: Record<string, string> = { GOARM: 'GOARM', GOAMD64: 'GOAMD64' };

/** NEEDED libraries named in a diagnostic; the rest are counted, so a run page stays readable. */
const SHOWN_NEEDED = 20;

/** How an ELF reached the image: built here, brought with `binaries`, or added with `files`. */
export type Origin = 'go build' | 'binaries' | 'files';

/** The fix for a dynamic ELF under `linkage: static`, for the path the user took to bring it. */
function staticFix(origin: Origin, isGo: boolean): string {
  const gather = 'or set linkage: gather (with sysroot for a foreign platform) to copy the loader and libraries in.';
  if (origin === 'go build')
    return (
      "build with cgo: false (CGO_ENABLED=0) and without -buildmode=pie, or add -ldflags '-extldflags=-static' for " +
      'cgo, or cc: zig for a static cgo build, ' +
      gather
    );
  const where = origin === 'files' ? 'replace the file with a static build' : 'link it statically where you build it';
  const how = isGo
    ? 'CGO_ENABLED=0 go build'
    : 'gcc or g++ -static; Rust: RUSTFLAGS="-C target-feature=+crt-static", or a *-linux-musl target';
  return `${where} (${how}), ${gather}`;
}

/**
 * Decides whether a built ELF may go into the image for `platform`: machine, class and endianness must fit
 * (the "exec format error" check), the recorded GOARM/GOAMD64 must match, and under `static` it must need no loader.
 */
export function checkBinary(
  info: ElfInfo,
  platform: Platform,
  /** `origin`: how the ELF reached the image; a `files` ELF may be a shared library (a plugin), not an executable. */
  { linkage, file, origin = 'go build' }: { linkage: 'static' | 'gather'; file: string; origin?: Origin },
): Diagnostic[] {
  const library = origin === 'files';
  const title = `scratchpack (${platform.id})`;
  const out: Diagnostic[] = [];
  const mismatch = identityMismatch(platform.arch, info);
  if (mismatch) out.push({ level: 'error', title, message: `${file}: ${mismatch}` });
  for (const [envKey, setting] of Object.entries(ARCH_SETTING)) {
    const want = Object.hasOwn(platform.goEnv, envKey) ? platform.goEnv[envKey] : undefined;
    const got = info.go?.settings[setting]?.split(',')[0];
    if (want !== undefined && got !== undefined && got !== want) {
      out.push({
        level: 'error',
        title,
        message: `${file}: built with ${setting}=${got} but platform ${platform.id} needs ${setting}=${want}`,
      });
    }
  }
  const arm = armMismatch(info, platform);
  if (arm) out.push({ level: 'error', title, message: `${file}: ${arm}` });
  if (linkage === 'static' && info.interpreter !== null) {
    const named = info.needed.slice(0, SHOWN_NEEDED).join(', ');
    const more = info.needed.length > SHOWN_NEEDED ? ` and ${info.needed.length - SHOWN_NEEDED} more` : '';
    const libs = info.needed.length > 0 ? `needs ${named}${more}` : 'needs no library but still needs the loader (PIE)';
    out.push({
      level: 'error',
      title,
      message:
        `${file} is dynamically linked: interpreter ${info.interpreter}; ${libs}. A scratch image has no loader or libc, ` +
        `so it would fail with "no such file or directory". Fix: ${staticFix(origin, info.go !== null)}`,
    });
  }
  const executable = info.linkage !== 'shared-library' && info.linkage !== 'not-executable';
  if (!executable && !(library && info.linkage === 'shared-library')) {
    out.push({ level: 'error', title, message: `${file} is a ${info.type} ELF (${info.linkage}), not an executable` });
  }
  return out;
}

import { stat } from 'node:fs/promises';
import { goarchOfNode } from '../../kernel/arch.js';
import type { Zig } from './zig.js';
import { ZIG_PLATFORMS, zigCompilers, zigTargetOf } from './zig-targets.js';
import type { Inputs } from '../../inputs/inputs.js';
import type { Platform } from '../../kernel/platform.js';
import { debianTarget, forPlatform } from '../../inputs/per-platform.js';
import { InputError } from '../../kernel/errors.js';
import { which } from '../../util/which.js';

/** What one target needs beyond Go: its C compilers (cgo) and its sysroot (linkage: gather). */
export interface Toolchain {
  /** CC, and for zig CXX and zig's cache directories, for the target's `go build`. */
  ccEnv?: Record<string, string> | undefined;
  /** Linker flags the compiler needs, after the user's ldflags. */
  ldflags?: string[] | undefined;
  sysroot?: string | undefined;
  multiarch?: string | undefined;
}

/** How `cc: zig` gets its zig (provisioned once, on first use), and where zig keeps its cache. */
export interface ZigSupply {
  zig: () => Promise<Zig>;
  cacheDir: string;
}

/** The runner as the toolchain downloads name it: GOOS, GOARCH, and the tool cache's arch (os.arch(), as setup-go). */
export function hostFacts(): { goos: string; goarch: string; cacheArch: string } {
  return { goos: process.platform, goarch: hostArch(), cacheArch: process.arch };
}

/** GOARCH of the machine running the action. */
export function hostArch(): string {
  return goarchOfNode(process.arch) ?? process.arch;
}

async function zigCc(p: Platform, supply: ZigSupply): Promise<Record<string, string>> {
  const target = zigTargetOf(p);
  if (!target)
    throw new InputError(`input "cc": zig cannot build cgo for ${p.id} here; it builds ${ZIG_PLATFORMS.join(', ')}`);
  const zig = await supply.zig();
  // zig keeps its cache under HOME by default; the runner's cache keeps it out of the workspace and across steps.
  return {
    ...zigCompilers(zig.path, target),
    ZIG_GLOBAL_CACHE_DIR: supply.cacheDir,
    ZIG_LOCAL_CACHE_DIR: supply.cacheDir,
  };
}

async function chooseCc(
  inputs: Pick<Inputs, 'cc'>,
  p: Platform,
  env: NodeJS.ProcessEnv,
  supply: ZigSupply,
): Promise<Record<string, string>> {
  const given = forPlatform(inputs.cc, p);
  if (given === 'zig') return zigCc(p, supply);
  const deb = debianTarget(p);
  const native = p.arch === hostArch();
  const candidate = given ?? (native ? 'gcc' : deb ? `${deb.gnu}-gcc` : undefined);
  if (candidate && (await which(candidate.split(/\s+/)[0], env.PATH))) return { CC: candidate };
  const pkg = native ? 'gcc' : deb ? `gcc-${deb.gnu}` : undefined;
  throw new InputError(
    `input "cc": no C compiler for ${p.id} (cgo: true)` +
      (candidate ? `: ${candidate.split(/\s+/)[0]} is not on PATH` : '') +
      (pkg ? `; install the Debian/Ubuntu package ${pkg}` : '') +
      `, or set cc: ${p.id}=<compiler>, or cc: zig`,
  );
}

async function chooseSysroot(inputs: Pick<Inputs, 'sysroot'>, p: Platform): Promise<string> {
  const given = forPlatform(inputs.sysroot, p);
  const deb = debianTarget(p);
  const sysroot = given ?? (p.arch === hostArch() ? '/' : deb ? `/usr/${deb.gnu}` : undefined);
  const ok =
    sysroot !== undefined &&
    (await stat(sysroot).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  if (ok) return sysroot;
  throw new InputError(
    `input "sysroot": no sysroot for ${p.id} (linkage: gather)` +
      (sysroot ? `: ${sysroot} does not exist` : '') +
      (deb && !given ? `; install the Debian/Ubuntu package libc6-dev-${deb.deb}-cross` : '') +
      `, or set sysroot: ${p.id}=<dir>`,
  );
}

/** Picks each target's compiler and sysroot before any build, failing with the package to install when one is missing. */
export async function resolveToolchains(
  inputs: Pick<Inputs, 'platforms' | 'cgo' | 'linkage' | 'cc' | 'sysroot'>,
  env: NodeJS.ProcessEnv,
  supply: ZigSupply,
): Promise<Map<string, Toolchain>> {
  const out = new Map<string, Toolchain>();
  for (const p of inputs.platforms) {
    const t: Toolchain = { multiarch: debianTarget(p)?.multiarch };
    if (inputs.cgo) t.ccEnv = await chooseCc(inputs, p, env, supply);
    // Go links std-only cgo (net, os/user) internally, and its linker cannot take zig's static musl: it leaves libc's
    // symbols undefined (golang/go#52690, golang/go#56386). zig links instead.
    if (inputs.cgo && forPlatform(inputs.cc, p) === 'zig') t.ldflags = ['-linkmode=external'];
    if (inputs.linkage === 'gather') t.sysroot = await chooseSysroot(inputs, p);
    out.set(p.id, t);
  }
  return out;
}

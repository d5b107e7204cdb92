import { stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Inputs } from '../inputs/inputs.js';
import type { Platform } from '../inputs/platform.js';
import { debianTarget, forPlatform } from '../inputs/per-platform.js';
import { InputError } from '../util/errors.js';

/** What one target needs beyond Go: its C compiler (cgo) and its sysroot (linkage: gather). */
export interface Toolchain {
  cc?: string;
  sysroot?: string;
  multiarch?: string;
}

const NODE_TO_GOARCH: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
};

/** GOARCH of the machine running the action. */
export function hostArch(): string {
  return NODE_TO_GOARCH[process.arch] ?? process.arch;
}

/** Finds an executable on PATH (or checks a path), as `command -v` would. */
export async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const isExe = (p: string) =>
    stat(p).then(
      (s) => s.isFile() && (s.mode & 0o111) !== 0,
      () => false,
    );
  if (name.includes('/')) return isExe(name);
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && (await isExe(join(dir, name)))) return true;
  return false;
}

async function chooseCc(inputs: Pick<Inputs, 'cc'>, p: Platform, env: NodeJS.ProcessEnv): Promise<string> {
  const given = forPlatform(inputs.cc, p);
  const deb = debianTarget(p);
  const native = p.arch === hostArch();
  const candidate = given ?? (native ? 'gcc' : deb ? `${deb.gnu}-gcc` : undefined);
  if (candidate && (await onPath(candidate.split(/\s+/)[0], env))) return candidate;
  const pkg = native ? 'gcc' : deb ? `gcc-${deb.gnu}` : undefined;
  throw new InputError(
    `input "cc": no C compiler for ${p.id} (cgo: true)` +
      (candidate ? `: ${candidate.split(/\s+/)[0]} is not on PATH` : '') +
      (pkg ? `; install the Debian/Ubuntu package ${pkg}` : '') +
      `, or set cc: ${p.id}=<compiler>`,
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
): Promise<Map<string, Toolchain>> {
  const out = new Map<string, Toolchain>();
  for (const p of inputs.platforms) {
    const t: Toolchain = { multiarch: debianTarget(p)?.multiarch };
    if (inputs.cgo) t.cc = await chooseCc(inputs, p, env);
    if (inputs.linkage === 'gather') t.sysroot = await chooseSysroot(inputs, p);
    out.set(p.id, t);
  }
  return out;
}

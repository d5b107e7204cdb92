import { dirname } from 'node:path';
import { checkBinary } from './policy.js';
import type { GoBuildInfo } from '../kernel/elf/buildinfo.js';
import { resolveDeps, type DepsResult } from './deps.js';
import { ElfError, hasElfMagic, parseElf, type ElfInfo } from '../kernel/elf/parse.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import type { FileRef, TarEntry } from '../kernel/tar-entry.js';
import type { ExtraFile } from '../plan/rootfs.js';
import { nodeDepsFs, withFileSource } from '../util/fs.js';
import type { Platform } from '../kernel/platform.js';
import { debianTarget } from '../inputs/per-platform.js';
import type { Toolchain } from '../build/toolchain/cc.js';

/** What the report says about a binary: read from it, whether or not it passed. */
export interface BinaryFacts {
  /** Path in the image. */
  path: string;
  /** Path on the runner (in the `binaries` output directory). */
  file: string;
  size: number;
  sha256: string;
  linkage: ElfInfo['linkage'];
  interpreter: string | null;
  needed: string[];
  go: GoBuildInfo | null;
  /** Bytes `strip` would remove (symbols and debug info); 0 for a stripped binary. */
  symbolBytes: number;
  /** linkage: gather — the sysroot, the loader and libraries (with sizes and sources), and every file added. */
  sysroot?: string | undefined;
  libraries?: Array<{ soname: string; path: string; source: string; size: number }>;
  gathered?: Array<{ path: string; type: string; linkname?: string | undefined; source: string; size: number }>;
}

/** Another ELF the image holds (a `files` source): where it goes, and what the checks read from it. */
export interface OtherElf {
  path: string;
  source: string;
  linkage: ElfInfo['linkage'];
  interpreter: string | null;
  needed: string[];
}

/** A binary that passed its checks, with whatever it needs at run time. */
export interface Inspected {
  /** The built binary on disk; the layer streams it from there. */
  binary: FileRef;
  libraries: TarEntry[];
}

/** How to fill a sysroot for a platform: Debian's cross packages, or a root unpacked from the target's packages. */
function sysrootHelp(platform: Platform, sysroot: string): string {
  const deb = debianTarget(platform);
  const pkg = deb
    ? `the Debian/Ubuntu cross package that has it (e.g. libc6-dev-${deb.deb}-cross, libstdc++6-${deb.deb}-cross)`
    : "the target's packages";
  return (
    `the sysroot is ${sysroot} (input "sysroot"); install ${pkg}, or set sysroot: ${platform.id}=<dir> to a root ` +
    `holding the target's libraries, e.g. made with dpkg -x <package>_${deb?.deb ?? '<arch>'}.deb <dir> for each package`
  );
}

/** Explains what gathering could not find: the loader, or each soname with the directories searched. */
export function gatherErrors(deps: DepsResult, file: string, title: string, platform: Platform): Diagnostic[] {
  const out: Diagnostic[] = [];
  const help = sysrootHelp(platform, deps.sysroot);
  if (deps.missingInterpreter) {
    out.push({
      level: 'error',
      title,
      message: `${file}: its loader ${deps.missingInterpreter} is not in the sysroot; ${help}`,
    });
  }
  for (const m of deps.missing) {
    out.push({
      level: 'error',
      title,
      message: m.reason
        ? `${file}: NEEDED ${m.soname} (of ${m.neededBy}) ${m.reason}`
        : `${file}: ${m.soname} (needed by ${m.neededBy}) was not found in the sysroot; searched ${m.searched.join(', ')} inside it; ${help}`,
    });
  }
  return out;
}

function layerEntries(deps: DepsResult): TarEntry[] {
  const out: TarEntry[] = [];
  for (const f of deps.files) {
    const path = f.path.replace(/^\/+/, '');
    if (f.type === 'symlink') out.push({ path, type: 'symlink', mode: 0o777, linkname: f.linkname });
    else out.push({ path, type: 'file', mode: f.mode, file: { path: f.source, size: f.size } });
  }
  return out;
}

/** What checking one binary needs to know: only the parts of the inputs and the plan it decides on. */
export interface CheckContext {
  linkage: 'static' | 'gather';
  /** Where the binary goes in the image (the report's path, and $ORIGIN for gathering). */
  binaryPath: string;
  /** How a runner path is shown in messages (relative to the workspace where it lies inside). */
  show: (file: string) => string;
  /** The target's sysroot and multiarch name, for linkage: gather. */
  toolchain?: Toolchain | undefined;
  /** sha256 of the binary: the layer store's memo, so an unchanged binary is not read again. */
  hash: (file: FileRef) => Promise<string>;
  /** The `files` entries: each one that is an ELF is checked as the binary is. */
  extraFiles: ExtraFile[];
  /** The binary came from the binaries input (built elsewhere), not from go build here: advice differs. */
  prebuilt?: boolean | undefined;
}

/** The check stage's result: the facts for the report, the diagnostics, and `passed` only when nothing is wrong. */
export interface Checked {
  binary?: BinaryFacts | undefined;
  /** The other ELFs checked for this platform. */
  others: OtherElf[];
  diagnostics: Diagnostic[];
  passed?: Inspected | undefined;
}

/**
 * Reads a binary a page at a time, checks it against its platform and linkage, and under `gather` collects its
 * loader and libraries.
 */
export async function checkStage(file: string, platform: Platform, ctx: CheckContext): Promise<Checked> {
  const [main, others] = await Promise.all([checkMain(file, platform, ctx), checkOthers(platform, ctx)]);
  const diagnostics = [...main.diagnostics, ...others.diagnostics];
  const passed =
    main.passed && diagnostics.length === 0
      ? { ...main.passed, libraries: mergeEntries(main.passed.libraries, others.libraries) }
      : undefined;
  return { binary: main.binary, others: others.facts, diagnostics, passed };
}

/** Library entries from the binary and from the other ELFs, once each by path (both may need libc). */
function mergeEntries(a: TarEntry[], b: TarEntry[]): TarEntry[] {
  const seen = new Set(a.map((e) => e.path));
  return [...a, ...b.filter((e) => !seen.has(e.path) && seen.add(e.path))];
}

/**
 * The `files` sources that are ELFs, checked for the platform as the binary is: machine, class, byte order, ARM
 * attributes, and linkage. A shared library may be one; under `static` none may need a loader or a library, and under
 * `gather` what they need is gathered, with $ORIGIN their own directory in the image.
 */
async function checkOthers(
  platform: Platform,
  ctx: CheckContext,
): Promise<{ facts: OtherElf[]; diagnostics: Diagnostic[]; libraries: TarEntry[] }> {
  const title = `scratchpack (${platform.id})`;
  const facts: OtherElf[] = [];
  const diagnostics: Diagnostic[] = [];
  const libraries: TarEntry[] = [];
  for (const extra of ctx.extraFiles) {
    const d = extra.data;
    if (!hasElfMagic(d)) continue;
    const shown = `${extra.source} (files → ${extra.dest})`;
    let info: ElfInfo;
    try {
      info = parseElf(d);
    } catch (e) {
      if (!(e instanceof ElfError)) throw e;
      diagnostics.push({ level: 'error', title, message: `${shown}: ${e.message}` });
      continue;
    }
    facts.push({
      path: extra.dest,
      source: extra.source,
      linkage: info.linkage,
      interpreter: info.interpreter,
      needed: info.needed,
    });
    const found = checkBinary(info, platform, { linkage: ctx.linkage, file: shown, origin: 'files' });
    if (ctx.linkage === 'static' && info.interpreter === null && info.needed.length > 0)
      found.push({
        level: 'error',
        title,
        message: `${shown} needs ${info.needed.join(', ')}, which a scratch image has no loader to load; set linkage: gather, or link it statically`,
      });
    diagnostics.push(...found);
    const sysroot = ctx.toolchain?.sysroot;
    if (found.length > 0 || ctx.linkage !== 'gather' || !sysroot || (!info.interpreter && info.needed.length === 0))
      continue;
    const deps = await gather(info, sysroot, extra.dest, ctx);
    diagnostics.push(...gatherErrors(deps, shown, title, platform));
    libraries.push(...layerEntries(deps));
  }
  return { facts, diagnostics, libraries };
}

/** The loader and libraries an ELF at `path` in the image needs, from the sysroot; $ORIGIN is its directory. */
function gather(info: ElfInfo, sysroot: string, path: string, ctx: CheckContext): Promise<DepsResult> {
  return resolveDeps(info, {
    sysroot,
    multiarch: ctx.toolchain?.multiarch,
    originDir: dirname(path),
    fs: nodeDepsFs,
    parse: parseElf,
  });
}

/** The entrypoint binary: read a page at a time, checked, and under `gather` its loader and libraries collected. */
async function checkMain(file: string, platform: Platform, ctx: CheckContext): Promise<Omit<Checked, 'others'>> {
  const shown = ctx.show(file);
  const title = `scratchpack (${platform.id})`;
  try {
    const [info, size] = withFileSource(file, (src) => [parseElf(src), src.size] as const);
    const sha256 = await ctx.hash({ path: file, size, identity: info.goBuildId ?? undefined });
    const binary: BinaryFacts = {
      path: ctx.binaryPath,
      file,
      size,
      sha256,
      linkage: info.linkage,
      interpreter: info.interpreter,
      needed: info.needed,
      go: info.go,
      symbolBytes: info.symbolBytes,
    };
    const found = checkBinary(info, platform, {
      linkage: ctx.linkage,
      file: shown,
      origin: ctx.prebuilt ? 'binaries' : 'go build',
    });
    const sysroot = ctx.toolchain?.sysroot;
    if (found.length > 0 || ctx.linkage !== 'gather' || !info.interpreter || !sysroot) {
      return {
        binary,
        diagnostics: found,
        passed: found.length > 0 ? undefined : { binary: { path: file, size, sha256 }, libraries: [] },
      };
    }
    const deps = await gather(info, sysroot, ctx.binaryPath, ctx);
    Object.assign(binary, gatheredFacts(deps));
    const missing = gatherErrors(deps, shown, title, platform);
    if (missing.length > 0) return { binary, diagnostics: missing };
    return { binary, diagnostics: [], passed: { binary: { path: file, size, sha256 }, libraries: layerEntries(deps) } };
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    return { diagnostics: [{ level: 'error', title, message: `${shown}: ${e.message}` }] };
  }
}

/** The report's view of what gathering found: the loader and each library, and every file it adds. */
function gatheredFacts(deps: DepsResult): Pick<BinaryFacts, 'sysroot' | 'libraries' | 'gathered'> {
  const loader = deps.interpreter
    ? [
        {
          soname: '(loader)',
          path: deps.interpreter.path,
          source: deps.interpreter.source,
          size: deps.interpreter.size,
        },
      ]
    : [];
  return {
    sysroot: deps.sysroot,
    libraries: [
      ...loader,
      ...deps.libraries.map((l) => ({ soname: l.soname, path: l.path, source: l.source, size: l.size })),
    ],
    gathered: deps.files.map((f) => ({
      path: f.path,
      type: f.type,
      ...(f.linkname ? { linkname: f.linkname } : {}),
      source: f.source,
      size: f.size,
    })),
  };
}

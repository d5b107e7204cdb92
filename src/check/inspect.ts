import { dirname } from 'node:path';
import { checkBinary } from './policy.js';
import type { Inputs } from '../inputs/inputs.js';
import type { GoBuildInfo } from './elf/buildinfo.js';
import { resolveDeps, type DepsResult } from './elf/deps.js';
import { ElfError, parseElf } from './elf/parse.js';
import type { BuildResult } from '../build/go/build.js';
import type { Annotation } from '../build/go/diagnostics.js';
import type { FileRef, TarEntry } from '../layer/tar.js';
import type { PlatformReport } from '../report/model.js';
import { nodeDepsFs, withFileSource } from '../util/fs.js';
import type { Toolchain } from '../plan/toolchains.js';

/** A binary that passed its checks, with whatever it needs at run time. */
export interface Inspected {
  /** The built binary on disk; the layer streams it from there. */
  binary: FileRef;
  libraries: TarEntry[];
}

/** Explains what gathering could not find: the loader, or each soname with the directories searched. */
export function gatherErrors(deps: DepsResult, file: string, title: string): Annotation[] {
  const out: Annotation[] = [];
  if (deps.missingInterpreter) {
    out.push({
      level: 'error',
      title,
      message: `${file}: its loader ${deps.missingInterpreter} is not in the sysroot ${deps.sysroot}; install the target's libc (e.g. libc6-dev-<arch>-cross) or set sysroot`,
    });
  }
  for (const m of deps.missing) {
    out.push({
      level: 'error',
      title,
      message: `${file}: ${m.soname} (needed by ${m.neededBy}) was not found in the sysroot ${deps.sysroot}; searched ${m.searched.join(', ')}`,
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

/** The Go build info of a binary, or null when it has none or is not an ELF file (go wrote a library's archive). */
export function goBuildInfoOf(path: string): GoBuildInfo | null {
  try {
    return withFileSource(path, (src) => parseElf(src).go);
  } catch (e) {
    if (e instanceof ElfError) return null;
    throw e;
  }
}

/** What inspecting one binary needs to know. */
export interface InspectContext {
  inputs: Inputs;
  binaryPath: string;
  show: (file: string) => string;
  toolchains: Map<string, Toolchain>;
  /** sha256 of the binary: the layer store's memo, so an unchanged binary is not read again. */
  hash: (file: FileRef) => Promise<string>;
}

/**
 * Reads a built binary a page at a time, checks it against its platform and linkage, and under `gather` collects
 * its loader and libraries; `passed` is set only when nothing is wrong.
 */
export async function inspectOne(
  r: BuildResult,
  row: PlatformReport,
  ctx: InspectContext,
): Promise<{ annotations: Annotation[]; passed?: Inspected }> {
  const shown = ctx.show(r.binary);
  const title = `scratchpack (${r.platform.id})`;
  let found: Annotation[];
  let libraries: TarEntry[] = [];
  let size = 0;
  let sha256 = '';
  try {
    const [info, bytes] = withFileSource(r.binary, (src) => [parseElf(src), src.size] as const);
    size = bytes;
    sha256 = await ctx.hash({ path: r.binary, size, identity: info.goBuildId ?? undefined });
    row.binary = {
      path: ctx.binaryPath,
      file: r.binary,
      size,
      sha256,
      linkage: info.linkage,
      interpreter: info.interpreter,
      needed: info.needed,
      go: info.go ? { version: info.go.version, settings: info.go.settings } : null,
    };
    found = checkBinary(info, r.platform, ctx.inputs.linkage, shown);
    const tc = ctx.toolchains.get(r.platform.id);
    if (found.length === 0 && ctx.inputs.linkage === 'gather' && info.interpreter && tc?.sysroot) {
      const deps = await resolveDeps(info, {
        sysroot: tc.sysroot,
        multiarch: tc.multiarch,
        originDir: dirname(ctx.binaryPath),
        fs: nodeDepsFs,
        parse: parseElf,
      });
      found = gatherErrors(deps, shown, title);
      row.binary.sysroot = tc.sysroot;
      row.binary.libraries = [
        ...(deps.interpreter
          ? [
              {
                soname: '(loader)',
                path: deps.interpreter.path,
                source: deps.interpreter.source,
                size: deps.interpreter.size,
              },
            ]
          : []),
        ...deps.libraries.map((l) => ({ soname: l.soname, path: l.path, source: l.source, size: l.size })),
      ];
      row.binary.gathered = deps.files.map((f) => ({
        path: f.path,
        type: f.type,
        ...(f.linkname ? { linkname: f.linkname } : {}),
        source: f.source,
        size: f.size,
      }));
      if (found.length === 0) libraries = layerEntries(deps);
    }
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
    found = [{ level: 'error', title, message: `${shown}: ${e.message}` }];
  }
  if (found.length > 0) {
    row.status = 'check failed';
    return { annotations: found };
  }
  return { annotations: [], passed: { binary: { path: r.binary, size, sha256 }, libraries } };
}

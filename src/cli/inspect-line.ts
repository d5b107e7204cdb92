import { parseElf, ElfError, type ElfInfo } from '../kernel/elf/parse.js';

/** The JSON shape `scratchpack inspect` prints, one object per file; stable field names for scripts. */
export interface InspectLine {
  file: string;
  class: ElfInfo['class'];
  endian: ElfInfo['endian'];
  machine: string;
  arch: string | null;
  type: string;
  linkage: ElfInfo['linkage'];
  interpreter: string | null;
  needed: string[];
  runpath: string[];
  rpath: string[];
  soname: string | null;
  go: { version: string; path: string | null; settings: Record<string, string> } | null;
}

/** Projects a parsed ELF onto the CLI's line format. */
export function toInspectLine(file: string, info: ElfInfo): InspectLine {
  return {
    file,
    class: info.class,
    endian: info.endian,
    machine: info.machineName,
    arch: info.arch,
    type: info.type,
    linkage: info.linkage,
    interpreter: info.interpreter,
    needed: info.needed,
    runpath: info.runpath,
    rpath: info.rpath,
    soname: info.soname,
    go: info.go ? { version: info.go.version, path: info.go.path, settings: info.go.settings } : null,
  };
}

/** Inspects bytes and returns either a line or an error line, so one bad file never stops the others. */
export function inspectBytes(file: string, bytes: Uint8Array): InspectLine | { file: string; error: string } {
  try {
    return toInspectLine(file, parseElf(bytes));
  } catch (e) {
    if (e instanceof ElfError) return { file, error: e.message };
    throw e;
  }
}

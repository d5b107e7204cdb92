import { ByteReader, bytesSource, ElfError, type ByteSource } from './reader.js';
import { goarchOfElf } from '../arch.js';
import { MACHINE_NAMES } from './machine.js';
import { readGoBuildId, readGoBuildInfo, type GoBuildInfo } from './buildinfo.js';
import {
  PT_DYNAMIC,
  PT_INTERP,
  SHT_DYNAMIC,
  SHT_NOBITS,
  vaddrToOffset,
  type Section,
  type Segment,
} from './headers.js';

export { bytesSource, ElfError, type ByteSource } from './reader.js';
import { readArmAttributes, type ArmAttributes } from './arm.js';

/** How the kernel will start the file: decided by PT_INTERP and DF_1_PIE, never by "has NEEDED" (glibc elf.h; Go debug/elf). */
export type Linkage = 'static' | 'static-pie' | 'dynamic' | 'shared-library' | 'not-executable';

/** Everything the action decides on about one ELF file. */
export interface ElfInfo {
  class: 'ELF32' | 'ELF64';
  bits: 32 | 64;
  endian: 'little' | 'big';
  osabi: number;
  machine: number;
  machineName: string;
  /** GOARCH name for this header, or null for a machine Go does not target. */
  arch: string | null;
  /** e_type: NONE, REL, EXEC, DYN or CORE, else the number. */
  type: string;
  flags: number;
  linkage: Linkage;
  interpreter: string | null;
  needed: string[];
  runpath: string[];
  rpath: string[];
  soname: string | null;
  go: GoBuildInfo | null;
  /** The go command's build ID (`go tool buildid`), or null for a file without one. */
  goBuildId: string | null;
  /** Bytes of symbol tables and debug info (`.symtab`, `.strtab`, `.debug_*`, `.zdebug_*`): 0 when stripped. */
  symbolBytes: number;
  /** For 32-bit ARM, what its build attributes and header flags say; Go's own linker records neither. */
  arm?: ArmAttributes & { floatAbi?: 'hard' | 'soft' };
}

const DT_NEEDED = 1,
  DT_STRTAB = 5,
  DT_STRSZ = 10,
  DT_SONAME = 14,
  DT_RPATH = 15,
  DT_RUNPATH = 29,
  DT_FLAGS_1 = 0x6ffffffb;
const DF_1_PIE = 0x08000000;
const TYPES = ['NONE', 'REL', 'EXEC', 'DYN', 'CORE'];
/**
 * Bounds on what the dynamic section may make us read and report: real programs have tens of entries and names far
 * shorter than PATH_MAX, while a crafted file could point hundreds of NEEDED entries at one huge string.
 */
const MAX_DYNAMIC = 4096;
const MAX_DYNAMIC_STRING = 4096;
const MAX_NEEDED_BYTES = 64 * 1024;
/** Upper bound on header tables, so a corrupt count cannot make us loop for long. */
const MAX_ENTRIES = 65536;

/** The program and section headers, each bounds-checked. */
export function readHeaderTables(r: ByteReader) {
  const b = r.is64;
  const phoff = r.word(b ? 32 : 28, 'e_phoff');
  const shoff = r.word(b ? 40 : 32, 'e_shoff');
  const phentsize = r.u16(b ? 54 : 42, 'e_phentsize');
  const phnum = r.u16(b ? 56 : 44, 'e_phnum');
  const shentsize = r.u16(b ? 58 : 46, 'e_shentsize');
  let shnum = r.u16(b ? 60 : 48, 'e_shnum');
  let shstrndx = r.u16(b ? 62 : 50, 'e_shstrndx');
  const minPh = b ? 56 : 32,
    minSh = b ? 64 : 40;
  // Where each field sits in a program and a section header: Elf64_Phdr/Elf64_Shdr and their 32-bit forms (elf.h).
  const ph = b ? { flags: 4, offset: 8, vaddr: 16, filesz: 32 } : { flags: 24, offset: 4, vaddr: 8, filesz: 16 };
  const sh = b ? { addr: 16, offset: 24, size: 32, link: 40 } : { addr: 12, offset: 16, size: 20, link: 24 };
  const segments: Segment[] = [];
  if (phnum > 0) {
    if (phentsize < minPh) throw new ElfError(`corrupt: e_phentsize ${phentsize} is smaller than ${minPh}`);
    r.check(phoff, phnum * phentsize, 'program header table');
    for (let i = 0; i < phnum; i++) {
      const o = phoff + i * phentsize;
      segments.push({
        type: r.u32(o, 'p_type'),
        flags: r.u32(o + ph.flags, 'p_flags'),
        offset: r.word(o + ph.offset, 'p_offset'),
        vaddr: r.addr(o + ph.vaddr, 'p_vaddr'),
        filesz: r.word(o + ph.filesz, 'p_filesz'),
      });
    }
  }
  const sections: Section[] = [];
  if (shoff !== 0) {
    if (shentsize < minSh) throw new ElfError(`corrupt: e_shentsize ${shentsize} is smaller than ${minSh}`);
    const s0 = (field: number, what: string) => (b ? r.u64(shoff + field, what) : r.u32(shoff + field, what));
    if (shnum === 0) shnum = s0(b ? 32 : 20, 'extended section count');
    if (shstrndx === 0xffff) shstrndx = r.u32(shoff + (b ? 40 : 24), 'extended shstrndx');
    if (shnum > MAX_ENTRIES) throw new ElfError(`corrupt: ${shnum} section headers`);
    r.check(shoff, shnum * shentsize, 'section header table');
    const raw = [];
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * shentsize;
      raw.push({
        nameOff: r.u32(o, 'sh_name'),
        type: r.u32(o + 4, 'sh_type'),
        addr: r.addr(o + sh.addr, 'sh_addr'),
        offset: r.word(o + sh.offset, 'sh_offset'),
        size: r.word(o + sh.size, 'sh_size'),
        link: r.u32(o + sh.link, 'sh_link'),
      });
    }
    const strtab = raw.at(shstrndx);
    for (const s of raw) {
      let name = '';
      if (strtab && strtab.type !== SHT_NOBITS && s.nameOff < strtab.size) {
        name = r.cstring(strtab.offset + s.nameOff, strtab.offset + strtab.size, 'section name');
      }
      sections.push({ name, type: s.type, addr: s.addr, offset: s.offset, size: s.size, link: s.link });
    }
  }
  return { segments, sections };
}

/** Where the dynamic string table is: the section the dynamic section links, else DT_STRTAB and DT_STRSZ. */
function dynamicStrings(
  entries: Array<[number, number]>,
  segments: Segment[],
  linked: Section | undefined,
): { strOff?: number; strEnd?: number } {
  if (linked && linked.type !== SHT_NOBITS) return { strOff: linked.offset, strEnd: linked.offset + linked.size };
  const strtab = entries.find(([t]) => t === DT_STRTAB);
  const strsz = entries.find(([t]) => t === DT_STRSZ)?.[1] ?? 0;
  const strOff = strtab ? vaddrToOffset(segments, strtab[1]) : undefined;
  return strOff === undefined ? {} : { strOff, strEnd: strOff + strsz };
}

function readDynamic(r: ByteReader, segments: Segment[], sections: Section[]) {
  const out = {
    needed: [] as string[],
    runpath: [] as string[],
    rpath: [] as string[],
    soname: null as string | null,
    flags1: 0,
  };
  const dynSeg = segments.find((s) => s.type === PT_DYNAMIC);
  const dynSec = sections.find((s) => s.type === SHT_DYNAMIC);
  const start = dynSeg?.offset ?? dynSec?.offset;
  const size = dynSeg?.filesz ?? dynSec?.size ?? 0;
  if (start === undefined) return out;
  r.check(start, size, 'dynamic section');
  const ent = r.is64 ? 16 : 8;
  const entries: Array<[number, number]> = [];
  for (let o = start; o + ent <= start + size; o += ent) {
    const tag = r.addr(o, 'd_tag');
    if (tag === 0) break;
    if (entries.length >= MAX_DYNAMIC) throw new ElfError(`corrupt: more than ${MAX_DYNAMIC} dynamic entries`);
    entries.push([tag, r.addr(o + (r.is64 ? 8 : 4), 'd_val')]);
  }
  const { strOff, strEnd } = dynamicStrings(entries, segments, dynSec ? sections[dynSec.link] : undefined);
  const str = (v: number, what: string): string => {
    if (strOff === undefined || strEnd === undefined)
      throw new ElfError(`corrupt: ${what} present but no dynamic string table`);
    const end = Math.min(strEnd, strOff + v + MAX_DYNAMIC_STRING + 1);
    try {
      return r.cstring(strOff + v, end, what);
    } catch (e) {
      if (end < strEnd)
        throw new ElfError(`corrupt: ${what} at offset ${strOff + v} is longer than ${MAX_DYNAMIC_STRING} bytes`);
      throw e;
    }
  };
  const list = (v: number, what: string) =>
    str(v, what)
      .split(':')
      .filter((p) => p !== '');
  let neededBytes = 0;
  for (const [tag, val] of entries) {
    if (tag === DT_NEEDED) {
      const name = str(val, 'DT_NEEDED');
      neededBytes += name.length;
      if (neededBytes > MAX_NEEDED_BYTES)
        throw new ElfError(`corrupt: DT_NEEDED names exceed ${MAX_NEEDED_BYTES} bytes`);
      out.needed.push(name);
    } else if (tag === DT_SONAME) out.soname = str(val, 'DT_SONAME');
    else if (tag === DT_RPATH) out.rpath.push(...list(val, 'DT_RPATH'));
    else if (tag === DT_RUNPATH) out.runpath.push(...list(val, 'DT_RUNPATH'));
    else if (tag === DT_FLAGS_1) out.flags1 = val;
  }
  return out;
}

function decideLinkage(type: number, interpreter: string | null, flags1: number): Linkage {
  if (interpreter !== null) return 'dynamic';
  if (type === 2) return 'static';
  if (type === 3) return flags1 & DF_1_PIE ? 'static-pie' : 'shared-library';
  return 'not-executable';
}

/** What `strip` would remove: the symbol table, its strings and DWARF, as section sizes in the file. */
function symbolBytes(sections: Section[]): number {
  return sections
    .filter((s) => s.type !== SHT_NOBITS && /^(\.symtab|\.strtab|\.z?debug_.*)$/.test(s.name))
    .reduce((n, s) => n + s.size, 0);
}

/** Whether bytes start with the ELF magic, \x7fELF. */
export const hasElfMagic = (b: Uint8Array): boolean =>
  b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;

/** Reads an ELF file's header, linkage, dynamic section and Go build info without running anything. */
export function parseElf(input: Uint8Array | ByteSource): ElfInfo {
  const src = input instanceof Uint8Array ? bytesSource(input) : input;
  const ident = src.read(0, Math.min(16, src.size));
  if (src.size < 16 || !hasElfMagic(ident)) {
    throw new ElfError(`not an ELF file: ${whatFileIs(src.read(0, Math.min(128, src.size)))}`);
  }
  const cls = ident[4],
    data = ident[5];
  if (cls !== 1 && cls !== 2) throw new ElfError(`corrupt: EI_CLASS ${cls} is neither 1 (32-bit) nor 2 (64-bit)`);
  if (data !== 1 && data !== 2) throw new ElfError(`corrupt: EI_DATA ${data} is neither 1 (LSB) nor 2 (MSB)`);
  const r = new ByteReader(src, data === 1, cls === 2);
  r.check(0, cls === 2 ? 64 : 52, 'ELF header');
  const type = r.u16(16, 'e_type');
  const machine = r.u16(18, 'e_machine');
  const flags = r.u32(cls === 2 ? 48 : 36, 'e_flags');
  const { segments, sections } = readHeaderTables(r);
  const interpSeg = segments.find((s) => s.type === PT_INTERP);
  const interpreter = interpSeg ? r.cstring(interpSeg.offset, interpSeg.offset + interpSeg.filesz, 'PT_INTERP') : null;
  const dyn = readDynamic(r, segments, sections);
  const bits = cls === 2 ? 64 : 32;
  const endian = data === 1 ? 'little' : 'big';
  return {
    class: cls === 2 ? 'ELF64' : 'ELF32',
    bits,
    endian,
    osabi: ident[7],
    machine,
    machineName: MACHINE_NAMES[machine] ?? `EM_${machine}`,
    arch: goarchOfElf({ bits, endian, machine }),
    type: TYPES[type] ?? `0x${type.toString(16)}`,
    flags,
    linkage: decideLinkage(type, interpreter, dyn.flags1),
    interpreter,
    needed: dyn.needed,
    runpath: dyn.runpath,
    rpath: dyn.rpath,
    soname: dyn.soname,
    go: readGoBuildInfo(r, segments, sections),
    goBuildId: readGoBuildId(r, sections),
    symbolBytes: symbolBytes(sections),
    ...(machine === EM_ARM ? { arm: armFacts(r, sections, flags, data === 1) } : {}),
  };
}

/** What a file that is not an ELF is, from its first bytes: the magic numbers of file(1)'s database. */
export function whatFileIs(head: Uint8Array): string {
  const b = Buffer.from(head);
  if (b.length === 0) return 'it is empty';
  if (b.subarray(0, 2).toString('latin1') === '#!') {
    const line = b.toString('latin1').split('\n')[0].slice(0, 80);
    return `it is a script (${line})`;
  }
  const be = b.length >= 4 ? b.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(be)) return 'it is a Mach-O binary (macOS)';
  if (be === 0xcafebabe) return 'it is a Mach-O universal binary (macOS) or a Java class file';
  if (b.subarray(0, 2).toString('latin1') === 'MZ') return 'it is a PE executable (Windows)';
  if (b.subarray(0, 8).toString('latin1') === '!<arch>\n') return 'it is an ar archive (a static library)';
  if (b.subarray(0, 4).toString('latin1') === '\0asm') return 'it is a WebAssembly module';
  return 'no \\x7fELF magic';
}

const EM_ARM = 40;
/** e_flags of an EABI5 object: which float calling convention it was built for (ARM ELF ABI, section 5.2). */
const EF_ARM_ABI_FLOAT_SOFT = 0x200;
const EF_ARM_ABI_FLOAT_HARD = 0x400;

function armFacts(r: ByteReader, sections: Section[], flags: number, little: boolean) {
  const attrs = readArmAttributes(r, sections, little);
  const fromFlags = flags & EF_ARM_ABI_FLOAT_HARD ? 'hard' : flags & EF_ARM_ABI_FLOAT_SOFT ? 'soft' : undefined;
  const floatAbi = attrs.vfpArgs === 1 ? 'hard' : attrs.vfpArgs === 0 ? 'soft' : fromFlags;
  return { ...attrs, ...(floatAbi ? { floatAbi } : {}) } as ArmAttributes & { floatAbi?: 'hard' | 'soft' };
}

// The ELF header tables and constants the reader and the Go build info share, as the System V ABI defines them:
// https://refspecs.linuxfoundation.org/elf/gabi4+/ch5.pheader.html and ch4.sheader.html.

/** A section header, as far as we need it. */
export interface Section {
  name: string;
  type: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
}

/** A program header, as far as we need it. */
export interface Segment {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

/** Program header types (p_type). */
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;

/** Segment permission bits (p_flags). */
export const PF_X = 1;
export const PF_W = 2;

/** Section types (sh_type). */
export const SHT_DYNAMIC = 6;
export const SHT_NOBITS = 8;

/** Maps a virtual address to a file offset through the PT_LOAD segment that covers it. */
export function vaddrToOffset(segments: Segment[], vaddr: number): number | undefined {
  const seg = segments.find((s) => s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz);
  return seg ? seg.offset + (vaddr - seg.vaddr) : undefined;
}

import type { ByteReader } from './reader.js';
import type { Section } from './headers.js';

/** What the ARM build attributes say about the code: its architecture and its float calling convention. */
export interface ArmAttributes {
  /** Tag_CPU_arch: 6 = v6, 9 = v6K, 10 = v7, 14 = v8; undefined when not recorded. */
  cpuArch?: number;
  /** Tag_ABI_VFP_args: 0 = base (soft-float), 1 = VFP registers (hard-float). */
  vfpArgs?: number;
}

const SHT_ARM_ATTRIBUTES = 0x70000003;
const TAG_FILE = 1;
const TAG_CPU_ARCH = 6;
const TAG_ABI_VFP_ARGS = 28;
/** Attribute sections are a few hundred bytes; a bound keeps a corrupt size from making us read much. */
const MAX_SIZE = 64 * 1024;

/** Tag_CPU_arch values, as the ARM ABI addenda name them. */
export const CPU_ARCH_NAMES = [
  'pre-v4',
  'v4',
  'v4T',
  'v5T',
  'v5TE',
  'v5TEJ',
  'v6',
  'v6KZ',
  'v6T2',
  'v6K',
  'v7',
  'v6-M',
  'v6S-M',
  'v7E-M',
  'v8',
];

function uleb(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  let shift = 0;
  for (let i = at; i < b.length && shift < 35; i++, shift += 7) {
    v += (b[i] & 0x7f) * 2 ** shift;
    if ((b[i] & 0x80) === 0) return [v, i + 1];
  }
  return [v, b.length];
}

/**
 * Reads the "aeabi" File attributes of `.ARM.attributes` (ARM IHI 0045, "Addenda to, and Errata in, the ABI for the
 * ARM Architecture", section 2): format byte 'A', then vendor subsections of tagged ULEB128 and NUL-terminated values.
 */
export function readArmAttributes(r: ByteReader, sections: Section[], little: boolean): ArmAttributes {
  const s = sections.find((x) => x.type === SHT_ARM_ATTRIBUTES || x.name === '.ARM.attributes');
  if (!s || s.size < 1 || s.size > MAX_SIZE) return {};
  const b = r.slice(s.offset, s.size, '.ARM.attributes');
  if (b[0] !== 0x41) return {};
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out: ArmAttributes = {};
  for (let at = 1; at + 4 <= b.length;) {
    const len = view.getUint32(at, little);
    if (len < 5 || at + len > b.length) break;
    const end = at + len;
    const nameEnd = b.indexOf(0, at + 4);
    const vendor = Buffer.from(b.subarray(at + 4, nameEnd < 0 ? end : nameEnd)).toString('latin1');
    if (vendor === 'aeabi' && nameEnd > 0) {
      for (let p = nameEnd + 1; p + 5 <= end;) {
        const tag = b[p];
        const size = view.getUint32(p + 1, little);
        if (size < 5 || p + size > end) break;
        if (tag === TAG_FILE) readTags(b.subarray(p + 5, p + size), out);
        p += size;
      }
    }
    at = end;
  }
  return out;
}

function readTags(b: Uint8Array, out: ArmAttributes): void {
  for (let p = 0; p < b.length;) {
    const [tag, next] = uleb(b, p);
    p = next;
    // Tags 4, 5, 67 and odd tags from 32 up hold a NUL-terminated string; 32 a ULEB128 then a string; the rest ULEB128.
    const isString = tag === 4 || tag === 5 || tag === 67 || (tag > 32 && tag % 2 === 1);
    if (isString || tag === 32) {
      if (tag === 32) p = uleb(b, p)[1];
      const nul = b.indexOf(0, p);
      p = nul < 0 ? b.length : nul + 1;
      continue;
    }
    const [value, after] = uleb(b, p);
    p = after;
    if (tag === TAG_CPU_ARCH) out.cpuArch = value;
    if (tag === TAG_ABI_VFP_ARGS) out.vfpArgs = value;
  }
}

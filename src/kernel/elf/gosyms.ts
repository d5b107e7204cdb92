import { vaddrToOffset, type Section, type Segment } from './headers.js';
import { readHeaderTables } from './parse.js';
import { ByteReader, bytesSource, ElfError, type ByteSource } from './reader.js';

/** A function a Go binary holds, named as govulncheck names it: its package path and `Func` or `Type.Method`. */
export interface GoSymbol {
  pkg: string;
  name: string;
}

/** pcHeader.magic of Go 1.20 and later (runtime/symtab.go); older tables are left to govulncheck. */
const GO120_MAGIC = 0xfffffff1;
/** _func's fixed part in Go 1.20+: entryOff, then ten 4-byte fields, the last holding nfuncdata in its top byte. */
const FUNC_FIXED = 44;
const NPCDATA_AT = 28;
const NFUNCDATA_AT = 43;
/** runtime.PCDATA_InlTreeIndex and runtime.FUNCDATA_InlTree (internal/abi/symtab.go). */
const PCDATA_INL_TREE_INDEX = 2;
const FUNCDATA_INL_TREE = 3;
/** runtime.inlinedCall in Go 1.20+: funcID, 3 pad bytes, nameOff int32, parentPc int32, startLine int32. */
const INLINED_CALL_SIZE = 16;
/** moduledata.gofunc's index in pointer-sized words, Go 1.20 through 1.26 (runtime/symtab.go). */
const GOFUNC_WORD = 40;
/** Bounds against a corrupt table: more functions or inlined calls than any real program has. */
const MAX_FUNCS = 4_000_000;
const MAX_INLINED = 100_000;

/**
 * .gopclntab in memory (https://go.dev/src/runtime/symtab.go, pcHeader), read once: its tables are walked tens of
 * thousands of times. Offsets below are into `bytes`.
 */
interface PclnTab {
  bytes: Uint8Array;
  view: DataView;
  little: boolean;
  addr: number;
  quantum: number;
  nfunc: number;
  funcnametab: number;
  pctab: number;
  functab: number;
  names: Map<number, string>;
}

/** A 4-byte field of the table, bounds-checked. */
function u32(t: PclnTab, off: number, what: string): number {
  if (off < 0 || off + 4 > t.bytes.length) throw new ElfError(`corrupt: ${what} outside .gopclntab`);
  return t.view.getUint32(off, t.little);
}

function pclnTab(r: ByteReader, pcln: Section): PclnTab | undefined {
  if (pcln.size < 8 + 8 * 8 || r.u32(pcln.offset, 'pcHeader.magic') !== GO120_MAGIC) return undefined;
  const ptr = r.u8(pcln.offset + 7, 'pcHeader.ptrSize');
  if (ptr !== (r.is64 ? 8 : 4)) throw new ElfError(`corrupt: .gopclntab pointer size ${ptr}`);
  const word = (i: number) => r.word(pcln.offset + 8 + i * ptr, 'pcHeader');
  const nfunc = word(0);
  if (nfunc > MAX_FUNCS) throw new ElfError(`corrupt: .gopclntab lists ${nfunc} functions`);
  const bytes = r.slice(pcln.offset, pcln.size, '.gopclntab').slice();
  return {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    little: r.little,
    addr: pcln.addr,
    quantum: bytes[6],
    nfunc,
    funcnametab: word(3),
    pctab: word(6),
    functab: word(7),
    names: new Map(),
  };
}

/** A name in funcnametab, by its offset; each decoded once. */
function nameAt(t: PclnTab, off: number): string {
  let name = t.names.get(off);
  if (name !== undefined) return name;
  const start = t.funcnametab + off;
  if (off < 0 || start >= t.bytes.length) throw new ElfError(`corrupt: function name offset ${off}`);
  const end = t.bytes.indexOf(0, start);
  name = new TextDecoder().decode(t.bytes.subarray(start, end < 0 ? t.bytes.length : end));
  t.names.set(off, name);
  return name;
}

function varint(t: PclnTab, at: { p: number }): number {
  let v = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (at.p >= t.bytes.length) throw new ElfError('corrupt: pcvalue table outside .gopclntab');
    const b = t.bytes[at.p++];
    v |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return v >>> 0;
  }
  throw new ElfError('corrupt: pcvalue varint');
}

/** The largest value of a pc-value table: the inline tree's last index, as the runtime's pcvalue decodes it. */
function maxValue(t: PclnTab, off: number): number {
  const at = { p: t.pctab + off };
  let [val, max, pc] = [-1, -1, 0];
  for (let first = true; ; first = pc === 0) {
    const u = varint(t, at);
    if (u === 0 && !first) return max;
    val = (val + (u & 1 ? ~(u >>> 1) : u >>> 1)) | 0;
    pc += varint(t, at) * t.quantum;
    if (val > max) max = val;
  }
}

/** The moduledata of a stripped binary: its own section since Go 1.26, else the word that points at .gopclntab. */
function gofuncOf(r: ByteReader, sections: Section[], pcln: Section): number | undefined {
  const ptr = r.is64 ? 8 : 4;
  const own = sections.find((s) => s.name === '.go.module');
  const at = (off: number) => r.word(off + GOFUNC_WORD * ptr, 'moduledata.gofunc');
  if (own && r.word(own.offset, 'moduledata.pcHeader') === pcln.addr) return at(own.offset);
  for (const s of sections.filter((x) => x.name === '.noptrdata' || x.name === '.data')) {
    for (let off = s.offset; off + (GOFUNC_WORD + 1) * ptr <= s.offset + s.size; off += ptr)
      if (r.word(off, 'moduledata') === pcln.addr) return at(off);
  }
  return undefined;
}

/** The functions inlined into one function: its inline tree, read through moduledata.gofunc. */
function inlined(t: PclnTab, f: number, npcdata: number, gofunc: GoFunc): string[] {
  const treeOff = u32(t, f + FUNC_FIXED + npcdata * 4 + FUNCDATA_INL_TREE * 4, 'FUNCDATA_InlTree');
  if (treeOff === 0xffffffff) return [];
  const count = 1 + maxValue(t, u32(t, f + FUNC_FIXED + PCDATA_INL_TREE_INDEX * 4, 'PCDATA_InlTreeIndex'));
  if (count > MAX_INLINED) throw new ElfError(`corrupt: ${count} inlined calls in one function`);
  const vaddr = gofunc.vaddr + treeOff;
  // go:func.* lies inside .gopclntab since Go 1.26 (else in .rodata, read through the file).
  const inTab = vaddr - t.addr;
  const at =
    inTab >= 0 && inTab + count * INLINED_CALL_SIZE <= t.bytes.length
      ? (k: number) => u32(t, inTab + k * INLINED_CALL_SIZE + 4, 'inlinedCall.nameOff')
      : fileReads(gofunc, vaddr);
  return Array.from({ length: count }, (_, k) => nameAt(t, at(k) | 0));
}

/** Where moduledata.gofunc points, and how to read the file there. */
interface GoFunc {
  vaddr: number;
  r: ByteReader;
  segments: Segment[];
}

/** nameOff of the k-th inlinedCall at `vaddr`, read from the file (an inline tree outside .gopclntab). */
function fileReads(gofunc: GoFunc, vaddr: number): (k: number) => number {
  const start = vaddrToOffset(gofunc.segments, vaddr);
  if (start === undefined) throw new ElfError('corrupt: an inline tree outside the file');
  return (k) => gofunc.r.u32(start + k * INLINED_CALL_SIZE + 4, 'inlinedCall.nameOff');
}

/** A symbol's name without the type arguments of an instantiation (`F[go.shape.int]` → `F`), as x/vuln's gosym. */
function withoutInst(name: string): string {
  const start = name.indexOf('[');
  const end = name.lastIndexOf(']');
  return start < 0 || end < 0 ? name : name.slice(0, start) + name.slice(end + 1);
}

/** Package path: up to the first dot after the last slash; none for compiler-made `go:` and `type:` symbols. */
function packageName(bare: string): string {
  if (bare.startsWith('go:') || bare.startsWith('type:')) return '';
  const pathEnd = Math.max(0, bare.lastIndexOf('/'));
  const dot = bare.indexOf('.', pathEnd);
  return dot < 0 ? '' : bare.slice(0, dot);
}

/** The receiver between the package's dot and the last dot (`(*T)`), or '' for a plain function. */
function receiverName(full: string, bare: string): string {
  const pathEnd = Math.max(0, bare.lastIndexOf('/'));
  const l = bare.indexOf('.', pathEnd);
  const r = bare.lastIndexOf('.');
  if (l < 0 || r < 0 || l === r) return '';
  return full.slice(l + 1, full.lastIndexOf('.'));
}

/** After the last dot; for a method of an instantiated type, the last dot after the type arguments. */
function baseName(full: string, bare: string): string {
  let i = bare.lastIndexOf('.');
  if (i < 0) return full;
  if (full !== bare && i > full.indexOf('[')) i = full.lastIndexOf('.');
  return full.slice(i + 1);
}

/**
 * `pkg/path.(*T).M` → package `pkg/path`, name `T.M`: govulncheck's parseName (golang.org/x/vuln
 * internal/buildinfo/additions_scan.go with internal/gosym/symtab.go), so our symbols match its own extract. One
 * difference, on purpose: govulncheck v1.10.0 parses inlined calls' names with no Go version, so an inlined function
 * of a module whose path starts with `go.` (go.yaml.in/yaml) loses its package there and can never match an advisory;
 * here it keeps it.
 */
export function splitGoSymbol(full: string): GoSymbol {
  const bare = withoutInst(full);
  let name = baseName(full, bare);
  let receiver = receiverName(full, bare);
  if (receiver.startsWith('(*')) receiver = receiver.replace(/^[(*)]+|[(*)]+$/g, '');
  if (receiver) name = `${receiver}.${name}`;
  let pkg = packageName(bare);
  try {
    pkg = decodeURIComponent(pkg);
  } catch {
    /* as go's url.PathUnescape would refuse it: kept as written */
  }
  return { pkg, name };
}

/**
 * Every function of a Go 1.20+ ELF binary, with those inlined into others, read from .gopclntab and the inline trees
 * whether or not the binary is stripped: what govulncheck's `-mode=extract` lists from an unstripped binary. Undefined
 * when the binary is not Go 1.20+ or its moduledata cannot be found; then only module precision is possible.
 */
export function readGoSymbols(input: Uint8Array | ByteSource): GoSymbol[] | undefined {
  const src = input instanceof Uint8Array ? bytesSource(input) : input;
  const ident = src.read(0, Math.min(16, src.size));
  if (ident.length < 16) throw new ElfError('not an ELF file');
  const r = new ByteReader(src, ident[5] === 1, ident[4] === 2);
  const { segments, sections } = readHeaderTables(r);
  const pcln = sections.find((s) => s.name === '.gopclntab');
  if (!pcln) return undefined;
  const t = pclnTab(r, pcln);
  const vaddr = t && gofuncOf(r, sections, pcln);
  if (!t || vaddr === undefined) return undefined;
  const names = new Set<string>();
  for (let i = 0; i < t.nfunc; i++) {
    const f = t.functab + u32(t, t.functab + (2 * i + 1) * 4, 'functab.funcoff');
    names.add(nameAt(t, u32(t, f + 4, '_func.nameOff') | 0));
    const npcdata = u32(t, f + NPCDATA_AT, '_func.npcdata');
    if (f + NFUNCDATA_AT >= t.bytes.length) throw new ElfError('corrupt: _func outside .gopclntab');
    if (npcdata > PCDATA_INL_TREE_INDEX && t.bytes[f + NFUNCDATA_AT] > FUNCDATA_INL_TREE)
      for (const n of inlined(t, f, npcdata, { vaddr, r, segments })) names.add(n);
  }
  const out = new Map<string, GoSymbol>();
  for (const n of names) {
    const s = splitGoSymbol(n);
    out.set(`${s.pkg}\0${s.name}`, s);
  }
  return [...out.values()];
}

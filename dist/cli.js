#!/usr/bin/env node
import { createRequire as __scratchpackRequire } from 'node:module';
const require = __scratchpackRequire(import.meta.url);

// src/cli/main.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/util/errors.ts
var ActionError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var ParseError = class extends ActionError {
};

// src/inputs/platform.ts
var ARCHES = {
  amd64: { variants: ["v1", "v2", "v3", "v4"], implicit: ["v1"], goVar: "GOAMD64", toGo: (v) => v, expected: "v1..v4" },
  arm64: { variants: ["v8"], implicit: ["v8"], expected: "v8 (or none)" },
  arm: { variants: ["v7", "v6", "v5"], goVar: "GOARM", toGo: (v) => v.slice(1), expected: "v5, v6 or v7" },
  "386": { expected: "none" },
  ppc64le: { expected: "none" },
  ppc64: { expected: "none" },
  s390x: { expected: "none" },
  riscv64: { expected: "none" },
  mips64le: { expected: "none" },
  mips64: { expected: "none" },
  mipsle: { expected: "none" },
  mips: { expected: "none" },
  loong64: { expected: "none" }
};
var SUPPORTED_ARCHES = Object.keys(ARCHES);
function parsePlatform(text) {
  const parts = text.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === "")) {
    throw new ParseError(`platform "${text}": expected os/arch[/variant], e.g. linux/arm64 or linux/arm/v7`);
  }
  const [os, arch, written] = parts.map((p) => p.toLowerCase());
  if (os !== "linux") {
    throw new ParseError(`platform "${text}": os must be linux, because scratch images run on a Linux kernel`);
  }
  const rule = ARCHES[arch];
  if (!rule) {
    throw new ParseError(
      `platform "${text}": unknown architecture "${arch}"; expected one of ${SUPPORTED_ARCHES.join(", ")}`
    );
  }
  if (written !== void 0 && !rule.variants?.includes(written)) {
    throw new ParseError(`platform "${text}": variant must be ${rule.expected}`);
  }
  const chosen = written ?? rule.variants?.[0];
  const variant = chosen !== void 0 && !rule.implicit?.includes(chosen) ? chosen : void 0;
  const goEnv = { GOOS: os, GOARCH: arch };
  if (rule.goVar && rule.toGo && chosen !== void 0) goEnv[rule.goVar] = rule.toGo(chosen);
  const id = [os, arch, variant].filter(Boolean).join("/");
  return { id, os: "linux", arch, variant, goEnv, slug: id.replaceAll("/", "_") };
}

// src/inputs/per-platform.ts
function debianTarget(p) {
  const table = {
    amd64: { gnu: "x86_64-linux-gnu", multiarch: "x86_64-linux-gnu", deb: "amd64" },
    arm64: { gnu: "aarch64-linux-gnu", multiarch: "aarch64-linux-gnu", deb: "arm64" },
    "386": { gnu: "i686-linux-gnu", multiarch: "i386-linux-gnu", deb: "i386" },
    ppc64le: { gnu: "powerpc64le-linux-gnu", multiarch: "powerpc64le-linux-gnu", deb: "ppc64el" },
    s390x: { gnu: "s390x-linux-gnu", multiarch: "s390x-linux-gnu", deb: "s390x" },
    riscv64: { gnu: "riscv64-linux-gnu", multiarch: "riscv64-linux-gnu", deb: "riscv64" },
    mips64le: { gnu: "mips64el-linux-gnuabi64", multiarch: "mips64el-linux-gnuabi64", deb: "mips64el" },
    loong64: { gnu: "loongarch64-linux-gnu", multiarch: "loongarch64-linux-gnu", deb: "loong64" }
  };
  if (p.arch === "arm") {
    return p.goEnv.GOARM === "7" ? { gnu: "arm-linux-gnueabihf", multiarch: "arm-linux-gnueabihf", deb: "armhf" } : { gnu: "arm-linux-gnueabi", multiarch: "arm-linux-gnueabi", deb: "armel" };
  }
  return table[p.arch];
}

// src/check/elf/deps.ts
function normalizePath(p) {
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}
var dirOf = (p) => normalizePath(p + "/..");
var osabiClass = (n) => n === 0 || n === 3 ? 0 : n;
function compatible(want, got) {
  return want.bits === got.bits && want.endian === got.endian && want.machine === got.machine && osabiClass(want.osabi) === osabiClass(got.osabi);
}
function defaultDirs(multiarch) {
  return [
    ...multiarch ? [`/lib/${multiarch}`, `/usr/lib/${multiarch}`] : [],
    "/lib64",
    "/usr/lib64",
    "/lib",
    "/usr/lib"
  ];
}
var Resolver = class {
  constructor(o) {
    this.o = o;
  }
  o;
  host = (p) => this.o.sysroot === "/" ? p : this.o.sysroot.replace(/\/+$/, "") + p;
  files = /* @__PURE__ */ new Map();
  /** Follows a leaf symlink chain inside the sysroot; returns the chain's entries, or undefined if it ends nowhere. */
  async chain(path) {
    const out = [];
    let p = normalizePath(path);
    for (let hops = 0; hops < 40; hops++) {
      const st = await this.o.fs.lstat(this.host(p));
      if (!st) return void 0;
      if (st.kind === "symlink") {
        const link = await this.o.fs.readlink(this.host(p));
        out.push({ path: p, type: "symlink", linkname: link, source: this.host(p), mode: 511, size: 0 });
        p = normalizePath(link.startsWith("/") ? link : `${dirOf(p)}/${link}`);
        continue;
      }
      if (st.kind !== "file") return void 0;
      out.push({ path: p, type: "file", source: this.host(p), mode: st.mode & 73 ? 493 : 420, size: st.size });
      return out;
    }
    return void 0;
  }
  /** ld.so.conf and its includes (sorted globs, `#` comments), as lddtree reads them. */
  async ldSoConf(file = "/etc/ld.so.conf", depth = 0) {
    if (depth > 8) return [];
    const text = await this.o.fs.readFile(this.host(file)).then(
      (b) => Buffer.from(b).toString("utf8"),
      () => ""
    );
    const dirs = [];
    for (const raw of text.split("\n")) {
      const line = raw.replace(/#.*/, "").trim();
      if (!line) continue;
      const inc = /^include\s+(.+)$/.exec(line);
      if (!inc) {
        dirs.push(
          ...line.split(/[\s:,]+/).filter(Boolean).map(normalizePath)
        );
        continue;
      }
      const pattern = inc[1].startsWith("/") ? inc[1] : `${dirOf(file)}/${inc[1]}`;
      const dir = dirOf(pattern);
      const re = new RegExp(
        "^" + pattern.slice(dir.length + 1).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$"
      );
      const names = (await this.o.fs.readdir(this.host(dir)).catch(() => [])).filter((n) => re.test(n)).sort();
      for (const n of names) dirs.push(...await this.ldSoConf(`${dir === "/" ? "" : dir}/${n}`, depth + 1));
    }
    return dirs;
  }
  add(entries) {
    for (const e of entries) if (!this.files.has(e.path)) this.files.set(e.path, e);
  }
  result() {
    return [...this.files.values()];
  }
};
function rpathDirs(info, origin) {
  const list = info.runpath.length > 0 ? info.runpath : info.rpath;
  return list.map((d) => normalizePath(d.replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin))).filter((d) => d.startsWith("/"));
}
async function resolveDeps(main, o) {
  const r = new Resolver(o);
  const result = { sysroot: o.sysroot, interpreter: null, libraries: [], missing: [], files: [] };
  const seen = /* @__PURE__ */ new Set();
  if (main.interpreter) {
    const chain = await r.chain(main.interpreter);
    if (!chain) result.missingInterpreter = main.interpreter;
    else {
      const real = chain[chain.length - 1];
      result.interpreter = { path: main.interpreter, source: real.source, size: real.size };
      r.add(chain);
      seen.add(main.interpreter.split("/").pop());
    }
  }
  const defaults = defaultDirs(o.multiarch);
  const conf = await r.ldSoConf();
  const interpDir = main.interpreter ? [dirOf(main.interpreter)] : [];
  const mainRpath = main.runpath.length === 0 ? rpathDirs(main, o.originDir) : [];
  const queue = [
    { info: main, name: "the binary", origin: o.originDir }
  ];
  while (queue.length > 0) {
    const { info, name, origin } = queue.shift();
    const own = rpathDirs(info, origin);
    const inherited = info === main || info.runpath.length > 0 ? [] : mainRpath;
    const search = [.../* @__PURE__ */ new Set([...own, ...inherited, ...conf, ...defaults, ...interpDir])];
    for (const soname of info.needed) {
      if (seen.has(soname)) continue;
      seen.add(soname);
      let found;
      for (const dir of soname.includes("/") ? [dirOf(normalizePath(soname))] : search) {
        const chain = await r.chain(`${dir}/${soname.split("/").pop()}`);
        if (!chain) continue;
        const real2 = chain[chain.length - 1];
        let lib;
        try {
          lib = o.parse(await o.fs.readFile(real2.source));
        } catch {
          continue;
        }
        if (compatible(main, lib)) {
          found = { dir, chain, info: lib };
          break;
        }
      }
      if (!found) {
        result.missing.push({ soname, neededBy: name, searched: search });
        continue;
      }
      const real = found.chain[found.chain.length - 1];
      const keep = defaults.includes(found.dir) || own.includes(found.dir) || inherited.includes(found.dir) || interpDir.includes(found.dir);
      const placed = keep ? found.chain : [{ ...real, path: `/usr/lib/${soname}` }];
      r.add(placed);
      const where = placed[0].path;
      result.libraries.push({
        soname,
        path: where,
        source: real.source,
        size: real.size,
        neededBy: name,
        via: found.dir
      });
      queue.push({ info: found.info, name: soname, origin: dirOf(where) });
    }
  }
  result.files = r.result();
  return result;
}

// src/check/elf/reader.ts
var ElfError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ElfError";
  }
};
function bytesSource(bytes) {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}
var PAGE = 64 * 1024;
var ByteReader = class {
  constructor(source, little, is64) {
    this.source = source;
    this.little = little;
    this.is64 = is64;
  }
  source;
  little;
  is64;
  pageStart = -1;
  page = new Uint8Array(0);
  pageView = new DataView(this.page.buffer);
  get size() {
    return this.source.size;
  }
  /** Throws unless [offset, offset+size) lies inside the file. */
  check(offset, size, what) {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0 || offset + size > this.size) {
      throw new ElfError(
        `truncated or corrupt: ${what} at offset ${offset} (+${size}) lies outside the ${this.size}-byte file`
      );
    }
  }
  /** Loads the page holding [off, off+n) if needed and returns where `off` sits in it; small reads share one page. */
  at(off, n) {
    if (off < this.pageStart || off + n > this.pageStart + this.page.length) {
      this.pageStart = off - off % PAGE;
      this.page = this.source.read(
        this.pageStart,
        Math.min(Math.max(PAGE, off + n - this.pageStart), this.size - this.pageStart)
      );
      this.pageView = new DataView(this.page.buffer, this.page.byteOffset, this.page.byteLength);
    }
    return off - this.pageStart;
  }
  u8(off, what) {
    this.check(off, 1, what);
    const i = this.at(off, 1);
    return this.page[i];
  }
  u16(off, what) {
    this.check(off, 2, what);
    const i = this.at(off, 2);
    return this.pageView.getUint16(i, this.little);
  }
  u32(off, what) {
    this.check(off, 4, what);
    const i = this.at(off, 4);
    return this.pageView.getUint32(i, this.little);
  }
  u64(off, what) {
    this.check(off, 8, what);
    const i = this.at(off, 8);
    const v = this.pageView.getBigUint64(i, this.little);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
      throw new ElfError(`corrupt: ${what} at offset ${off} is too large (${v})`);
    return Number(v);
  }
  /** A 64-bit address or tag value; precision beyond 2^53 is lost, which only matters for kernel-style addresses. */
  addr64(off, what) {
    this.check(off, 8, what);
    const i = this.at(off, 8);
    return Number(this.pageView.getBigUint64(i, this.little));
  }
  /** A pointer-sized address (lossy above 2^53, see addr64). */
  addr(off, what) {
    return this.is64 ? this.addr64(off, what) : this.u32(off, what);
  }
  /** A pointer-sized word: 4 bytes in ELFCLASS32, 8 in ELFCLASS64. */
  word(off, what) {
    return this.is64 ? this.u64(off, what) : this.u32(off, what);
  }
  /** A NUL-terminated string starting at `off` and ending before `limit`, read a piece at a time. */
  cstring(off, limit, what) {
    this.check(off, 0, what);
    const end = Math.min(limit, this.size);
    const parts = [];
    for (let at = off; at < end; ) {
      const n = Math.min(4096, end - at);
      const piece = this.slice(at, n, what);
      const nul = piece.indexOf(0);
      if (nul >= 0) {
        parts.push(piece.subarray(0, nul));
        const all = parts.length === 1 ? parts[0] : concat(parts);
        return new TextDecoder("utf-8", { fatal: false }).decode(all);
      }
      parts.push(piece.slice());
      at += n;
    }
    throw new ElfError(`corrupt: ${what} at offset ${off} is not NUL-terminated`);
  }
  slice(off, size, what) {
    this.check(off, size, what);
    if (size <= PAGE) {
      const i = this.at(off, size);
      return this.page.subarray(i, i + size);
    }
    return this.source.read(off, size);
  }
};
function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// src/check/elf/machine.ts
var MACHINE_NAMES = {
  2: "EM_SPARC",
  3: "EM_386",
  8: "EM_MIPS",
  20: "EM_PPC",
  21: "EM_PPC64",
  22: "EM_S390",
  40: "EM_ARM",
  43: "EM_SPARCV9",
  62: "EM_X86_64",
  183: "EM_AARCH64",
  243: "EM_RISCV",
  258: "EM_LOONGARCH"
};
var GOARCH_ELF = {
  amd64: { bits: 64, endian: "little", machine: 62 },
  "386": { bits: 32, endian: "little", machine: 3 },
  arm64: { bits: 64, endian: "little", machine: 183 },
  arm: { bits: 32, endian: "little", machine: 40 },
  ppc64le: { bits: 64, endian: "little", machine: 21 },
  ppc64: { bits: 64, endian: "big", machine: 21 },
  s390x: { bits: 64, endian: "big", machine: 22 },
  riscv64: { bits: 64, endian: "little", machine: 243 },
  mips64le: { bits: 64, endian: "little", machine: 8 },
  mips64: { bits: 64, endian: "big", machine: 8 },
  mipsle: { bits: 32, endian: "little", machine: 8 },
  mips: { bits: 32, endian: "big", machine: 8 },
  loong64: { bits: 64, endian: "little", machine: 258 }
};
function goarchOf(id) {
  for (const [arch, want] of Object.entries(GOARCH_ELF)) {
    if (want.machine === id.machine && want.bits === id.bits && want.endian === id.endian) return arch;
  }
  return null;
}

// src/check/elf/headers.ts
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP = 3;
var PF_X = 1;
var PF_W = 2;
var SHT_DYNAMIC = 6;
var SHT_NOBITS = 8;
function vaddrToOffset(segments, vaddr) {
  const seg = segments.find((s) => s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + s.filesz);
  return seg ? seg.offset + (vaddr - seg.vaddr) : void 0;
}

// src/check/elf/buildinfo.ts
var MAGIC = Uint8Array.from([255, ...new TextEncoder().encode(" Go buildinf:")]);
var ALIGN = 16;
var HEADER = 32;
var SEARCH = 64 * 1024;
function findMagic(data) {
  outer: for (let i = 0; i + HEADER <= data.length; i += ALIGN) {
    for (let j = 0; j < MAGIC.length; j++) if (data[i + j] !== MAGIC[j]) continue outer;
    return i;
  }
  return -1;
}
function uvarint(data, pos) {
  let value = 0, shift = 0;
  for (let i = pos; i < data.length && i < pos + 10; i++) {
    value += (data[i] & 127) * 2 ** shift;
    if ((data[i] & 128) === 0) return [value, i + 1];
    shift += 7;
  }
  return void 0;
}
function unquote(s) {
  if (!s.startsWith('"')) return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
function parseModinfo(version, text) {
  const info = { version, path: null, main: null, deps: [], settings: {} };
  for (const line of text.split("\n")) {
    const f = line.split("	");
    if (f[0] === "path" && f[1] !== void 0) info.path = f[1];
    else if (f[0] === "mod" && f.length >= 3) info.main = { path: f[1], version: f[2] };
    else if (f[0] === "dep" && f.length >= 3) info.deps.push({ path: f[1], version: f[2] });
    else if (f[0] === "=>" && f.length >= 3 && info.deps.length > 0)
      info.deps[info.deps.length - 1] = { path: f[1], version: f[2] };
    else if (f[0] === "build" && f[1] !== void 0) {
      const kv = f.slice(1).join("	");
      const eq = kv.startsWith('"') ? kv.indexOf("=", kv.indexOf('"', 1)) : kv.indexOf("=");
      if (eq < 0) info.settings[unquote(kv)] = "";
      else info.settings[unquote(kv.slice(0, eq))] = unquote(kv.slice(eq + 1));
    }
  }
  return info;
}
function stripSentinels(mod) {
  return mod.length >= 33 && mod[mod.length - 17] === "\n" ? mod.slice(16, -16) : "";
}
function readGoString(r, ptr, ptrSize, toOffset) {
  const hdr = toOffset(ptr);
  if (hdr === void 0) return void 0;
  const dataPtr = ptrSize === 8 ? r.addr64(hdr, "Go string pointer") : r.u32(hdr, "Go string pointer");
  const len = ptrSize === 8 ? r.u64(hdr + 8, "Go string length") : r.u32(hdr + 4, "Go string length");
  const off = toOffset(dataPtr);
  if (off === void 0) return void 0;
  return new TextDecoder().decode(r.slice(off, len, "Go string data"));
}
function readGoBuildInfo(r, segments, sections) {
  let start, size = 0;
  const sec = sections.find((s) => s.name === ".go.buildinfo");
  if (sec) {
    start = sec.offset;
    size = sec.size;
  } else {
    const seg = segments.find((s) => s.type === PT_LOAD && (s.flags & (PF_X | PF_W)) === PF_W);
    if (seg) {
      start = seg.offset;
      size = seg.filesz;
    }
  }
  if (start === void 0) return null;
  const data = r.slice(start, Math.min(size, SEARCH, r.size - Math.min(start, r.size)), ".go.buildinfo");
  const at = findMagic(data);
  if (at < 0) return null;
  const ptrSize = data[at + 14];
  const flags = data[at + 15];
  let version, mod;
  if (flags & 2) {
    const dec = new TextDecoder();
    const v = uvarint(data, at + HEADER);
    if (!v || v[1] + v[0] > data.length) return null;
    version = dec.decode(data.subarray(v[1], v[1] + v[0]));
    const m = uvarint(data, v[1] + v[0]);
    if (!m || m[1] + m[0] > data.length) return null;
    mod = dec.decode(data.subarray(m[1], m[1] + m[0]));
  } else if (ptrSize === 4 || ptrSize === 8) {
    const pr = new ByteReader(r.source, (flags & 1) === 0, ptrSize === 8);
    const toOffset = (v) => vaddrToOffset(segments, v);
    const base = start + at + 16;
    const vp = ptrSize === 8 ? pr.addr64(base, "buildinfo pointer") : pr.u32(base, "buildinfo pointer");
    const mp = ptrSize === 8 ? pr.addr64(base + 8, "buildinfo pointer") : pr.u32(base + 4, "buildinfo pointer");
    version = readGoString(pr, vp, ptrSize, toOffset);
    mod = readGoString(pr, mp, ptrSize, toOffset);
  }
  if (version === void 0) return null;
  return parseModinfo(version, stripSentinels(mod ?? ""));
}
var NOTE_GO_BUILDID = 4;
function readGoBuildId(r, sections) {
  const sec = sections.find((s) => s.name === ".note.go.buildid");
  if (!sec || sec.size < 16 || sec.size > 4096) return null;
  const namesz = r.u32(sec.offset, "build ID note");
  const descsz = r.u32(sec.offset + 4, "build ID note");
  const type = r.u32(sec.offset + 8, "build ID note");
  if (namesz !== 4 || type !== NOTE_GO_BUILDID || descsz === 0 || 16 + descsz > sec.size) return null;
  const name = r.slice(sec.offset + 12, 4, "build ID note");
  if (name[0] !== 71 || name[1] !== 111 || name[2] !== 0 || name[3] !== 0) return null;
  const id = new TextDecoder().decode(r.slice(sec.offset + 16, descsz, "build ID"));
  return /^[\x21-\x7e]+$/.test(id) ? id : null;
}

// src/check/elf/parse.ts
var DT_NEEDED = 1;
var DT_STRTAB = 5;
var DT_STRSZ = 10;
var DT_SONAME = 14;
var DT_RPATH = 15;
var DT_RUNPATH = 29;
var DT_FLAGS_1 = 1879048187;
var DF_1_PIE = 134217728;
var TYPES = ["NONE", "REL", "EXEC", "DYN", "CORE"];
var MAX_ENTRIES = 65536;
function readHeaderTables(r) {
  const b = r.is64;
  const phoff = r.word(b ? 32 : 28, "e_phoff");
  const shoff = r.word(b ? 40 : 32, "e_shoff");
  const phentsize = r.u16(b ? 54 : 42, "e_phentsize");
  const phnum = r.u16(b ? 56 : 44, "e_phnum");
  const shentsize = r.u16(b ? 58 : 46, "e_shentsize");
  let shnum = r.u16(b ? 60 : 48, "e_shnum");
  let shstrndx = r.u16(b ? 62 : 50, "e_shstrndx");
  const minPh = b ? 56 : 32, minSh = b ? 64 : 40;
  const segments = [];
  if (phnum > 0) {
    if (phentsize < minPh) throw new ElfError(`corrupt: e_phentsize ${phentsize} is smaller than ${minPh}`);
    r.check(phoff, phnum * phentsize, "program header table");
    for (let i = 0; i < phnum; i++) {
      const o = phoff + i * phentsize;
      segments.push(
        b ? {
          type: r.u32(o, "p_type"),
          flags: r.u32(o + 4, "p_flags"),
          offset: r.u64(o + 8, "p_offset"),
          vaddr: r.addr64(o + 16, "p_vaddr"),
          filesz: r.u64(o + 32, "p_filesz")
        } : {
          type: r.u32(o, "p_type"),
          offset: r.u32(o + 4, "p_offset"),
          vaddr: r.u32(o + 8, "p_vaddr"),
          filesz: r.u32(o + 16, "p_filesz"),
          flags: r.u32(o + 24, "p_flags")
        }
      );
    }
  }
  const sections = [];
  if (shoff !== 0) {
    if (shentsize < minSh) throw new ElfError(`corrupt: e_shentsize ${shentsize} is smaller than ${minSh}`);
    const s0 = (field, what) => b ? r.u64(shoff + field, what) : r.u32(shoff + field, what);
    if (shnum === 0) shnum = s0(b ? 32 : 20, "extended section count");
    if (shstrndx === 65535) shstrndx = r.u32(shoff + (b ? 40 : 24), "extended shstrndx");
    if (shnum > MAX_ENTRIES) throw new ElfError(`corrupt: ${shnum} section headers`);
    r.check(shoff, shnum * shentsize, "section header table");
    const raw = [];
    for (let i = 0; i < shnum; i++) {
      const o = shoff + i * shentsize;
      raw.push(
        b ? {
          nameOff: r.u32(o, "sh_name"),
          type: r.u32(o + 4, "sh_type"),
          addr: r.addr64(o + 16, "sh_addr"),
          offset: r.u64(o + 24, "sh_offset"),
          size: r.u64(o + 32, "sh_size"),
          link: r.u32(o + 40, "sh_link")
        } : {
          nameOff: r.u32(o, "sh_name"),
          type: r.u32(o + 4, "sh_type"),
          addr: r.u32(o + 12, "sh_addr"),
          offset: r.u32(o + 16, "sh_offset"),
          size: r.u32(o + 20, "sh_size"),
          link: r.u32(o + 24, "sh_link")
        }
      );
    }
    const strtab = raw[shstrndx];
    for (const s of raw) {
      let name = "";
      if (strtab && strtab.type !== SHT_NOBITS && s.nameOff < strtab.size) {
        name = r.cstring(strtab.offset + s.nameOff, strtab.offset + strtab.size, "section name");
      }
      sections.push({ name, type: s.type, addr: s.addr, offset: s.offset, size: s.size, link: s.link });
    }
  }
  return { segments, sections };
}
function readDynamic(r, segments, sections) {
  const out = {
    needed: [],
    runpath: [],
    rpath: [],
    soname: null,
    flags1: 0
  };
  const dynSeg = segments.find((s) => s.type === PT_DYNAMIC);
  const dynSec = sections.find((s) => s.type === SHT_DYNAMIC);
  const start = dynSeg?.offset ?? dynSec?.offset;
  const size = dynSeg?.filesz ?? dynSec?.size ?? 0;
  if (start === void 0) return out;
  r.check(start, size, "dynamic section");
  const ent = r.is64 ? 16 : 8;
  const entries = [];
  for (let o = start; o + ent <= start + size; o += ent) {
    const tag = r.addr(o, "d_tag");
    if (tag === 0) break;
    entries.push([tag, r.addr(o + (r.is64 ? 8 : 4), "d_val")]);
  }
  let strOff, strEnd;
  const linked = dynSec ? sections[dynSec.link] : void 0;
  if (linked && linked.type !== SHT_NOBITS) {
    strOff = linked.offset;
    strEnd = linked.offset + linked.size;
  } else {
    const strtab = entries.find(([t]) => t === DT_STRTAB);
    const strsz = entries.find(([t]) => t === DT_STRSZ)?.[1] ?? 0;
    strOff = strtab ? vaddrToOffset(segments, strtab[1]) : void 0;
    if (strOff !== void 0) strEnd = strOff + strsz;
  }
  const str = (v, what) => {
    if (strOff === void 0 || strEnd === void 0)
      throw new ElfError(`corrupt: ${what} present but no dynamic string table`);
    return r.cstring(strOff + v, strEnd, what);
  };
  const list = (v, what) => str(v, what).split(":").filter((p) => p !== "");
  for (const [tag, val] of entries) {
    if (tag === DT_NEEDED) out.needed.push(str(val, "DT_NEEDED"));
    else if (tag === DT_SONAME) out.soname = str(val, "DT_SONAME");
    else if (tag === DT_RPATH) out.rpath.push(...list(val, "DT_RPATH"));
    else if (tag === DT_RUNPATH) out.runpath.push(...list(val, "DT_RUNPATH"));
    else if (tag === DT_FLAGS_1) out.flags1 = val;
  }
  return out;
}
function decideLinkage(type, interpreter, flags1) {
  if (interpreter !== null) return "dynamic";
  if (type === 2) return "static";
  if (type === 3) return flags1 & DF_1_PIE ? "static-pie" : "shared-library";
  return "not-executable";
}
function parseElf(input) {
  const src = input instanceof Uint8Array ? bytesSource(input) : input;
  const ident = src.read(0, Math.min(16, src.size));
  if (src.size < 16 || ident[0] !== 127 || ident[1] !== 69 || ident[2] !== 76 || ident[3] !== 70) {
    throw new ElfError("not an ELF file (no \\x7fELF magic)");
  }
  const cls = ident[4], data = ident[5];
  if (cls !== 1 && cls !== 2) throw new ElfError(`corrupt: EI_CLASS ${cls} is neither 1 (32-bit) nor 2 (64-bit)`);
  if (data !== 1 && data !== 2) throw new ElfError(`corrupt: EI_DATA ${data} is neither 1 (LSB) nor 2 (MSB)`);
  const r = new ByteReader(src, data === 1, cls === 2);
  r.check(0, cls === 2 ? 64 : 52, "ELF header");
  const type = r.u16(16, "e_type");
  const machine = r.u16(18, "e_machine");
  const flags = r.u32(cls === 2 ? 48 : 36, "e_flags");
  const { segments, sections } = readHeaderTables(r);
  const interpSeg = segments.find((s) => s.type === PT_INTERP);
  const interpreter = interpSeg ? r.cstring(interpSeg.offset, interpSeg.offset + interpSeg.filesz, "PT_INTERP") : null;
  const dyn = readDynamic(r, segments, sections);
  const bits = cls === 2 ? 64 : 32;
  const endian = data === 1 ? "little" : "big";
  return {
    class: cls === 2 ? "ELF64" : "ELF32",
    bits,
    endian,
    osabi: ident[7],
    machine,
    machineName: MACHINE_NAMES[machine] ?? `EM_${machine}`,
    arch: goarchOf({ bits, endian, machine }),
    type: TYPES[type] ?? `0x${type.toString(16)}`,
    flags,
    linkage: decideLinkage(type, interpreter, dyn.flags1),
    interpreter,
    needed: dyn.needed,
    runpath: dyn.runpath,
    rpath: dyn.rpath,
    soname: dyn.soname,
    go: readGoBuildInfo(r, segments, sections),
    goBuildId: readGoBuildId(r, sections)
  };
}

// src/cli/inspect-line.ts
function toInspectLine(file, info) {
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
    go: info.go ? { version: info.go.version, path: info.go.path, settings: info.go.settings } : null
  };
}
function inspectBytes(file, bytes) {
  try {
    return toInspectLine(file, parseElf(bytes));
  } catch (e) {
    if (e instanceof ElfError) return { file, error: e.message };
    throw e;
  }
}

// src/util/fs.ts
import { lstat, open, readFile, readdir, readlink, rename, rm, writeFile } from "node:fs/promises";
var nodeDepsFs = {
  async lstat(path) {
    const st = await lstat(path).catch(() => void 0);
    if (!st) return void 0;
    const kind = st.isSymbolicLink() ? "symlink" : st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
    return { kind, mode: st.mode, size: st.size };
  },
  readlink: (path) => readlink(path),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path)
};

// src/cli/main.ts
var USAGE = "usage: scratchpack inspect [--deps --sysroot DIR] FILE...";
function multiarchOf(arch, flags) {
  if (!arch) return void 0;
  const p = parsePlatform(arch === "arm" ? flags & 1024 ? "linux/arm/v7" : "linux/arm/v6" : `linux/${arch}`);
  return debianTarget(p)?.multiarch;
}
async function deps(file, bytes, sysroot) {
  const info = parseElf(bytes);
  const tree = await resolveDeps(info, {
    sysroot,
    multiarch: multiarchOf(info.arch, info.flags),
    originDir: "/",
    fs: nodeDepsFs,
    parse: parseElf
  });
  return { file, arch: info.arch, linkage: info.linkage, ...tree };
}
async function cli(argv, out, err) {
  const [command, ...rest] = argv;
  let withDeps = false, sysroot = "/";
  const files = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--deps") withDeps = true;
    else if (rest[i] === "--sysroot" && i + 1 < rest.length) sysroot = rest[++i];
    else files.push(rest[i]);
  }
  if (command !== "inspect" || files.length === 0) {
    err(USAGE);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      const bytes = await readFile2(file);
      const line = withDeps ? await deps(file, bytes, sysroot) : inspectBytes(file, bytes);
      if ("error" in line || "missing" in line && line.missing.length > 0) status = 1;
      out(JSON.stringify(line));
    } catch (e) {
      if (!(e instanceof ElfError) && !e.code) throw e;
      out(JSON.stringify({ file, error: e.message }));
      status = 1;
    }
  }
  return status;
}
cli(
  process.argv.slice(2),
  (l) => process.stdout.write(l + "\n"),
  (l) => process.stderr.write(l + "\n")
).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`scratchpack: ${e instanceof Error ? e.message : String(e)}
`);
    process.exitCode = 1;
  }
);
export {
  cli
};

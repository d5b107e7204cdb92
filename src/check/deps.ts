import type { DepsFs } from '../kernel/fs-ports.js';
import type { ElfInfo } from '../kernel/elf/parse.js';

/** One file or symlink to put in the image, and where it comes from. */
export interface GatheredFile {
  /** Absolute path in the image. */
  path: string;
  type: 'file' | 'symlink';
  linkname?: string;
  /** Host path it is read from. */
  source: string;
  mode: number;
  size: number;
}

/** A resolved library: the soname, where the loader will find it in the image, and the file behind it. */
export interface GatheredLibrary {
  soname: string;
  path: string;
  source: string;
  size: number;
  neededBy: string;
  via: string;
}

/** A NEEDED entry that no search directory had, with every directory searched. */
export interface MissingLibrary {
  soname: string;
  neededBy: string;
  searched: string[];
  /** Why it was not searched for at all, when it was not. */
  reason?: string;
}

const RELATIVE_NEEDED =
  'is a relative path, which the loader resolves against the working directory; relink the library by its soname';

/** The dependency tree of one binary in a sysroot, lddtree-style. */
export interface DepsResult {
  sysroot: string;
  interpreter: { path: string; source: string; size: number } | null;
  missingInterpreter?: string;
  libraries: GatheredLibrary[];
  missing: MissingLibrary[];
  /** Everything to add to the layer: the loader and each library with its symlink chain. */
  files: GatheredFile[];
}

/** What the resolver needs to know besides the binary. */
export interface DepsOptions {
  sysroot: string;
  /** Debian multiarch directory name, e.g. aarch64-linux-gnu. */
  multiarch?: string | undefined;
  /** Directory of the binary in the image, for $ORIGIN. */
  originDir: string;
  fs: DepsFs;
  parse: (bytes: Uint8Array) => ElfInfo;
}

/** Normalises an absolute image path: no `.`, `..` or double slashes, never above `/`. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const dirOf = (p: string) => normalizePath(p + '/..');
/** Most ld.so.conf files read for one sysroot: Debian has a handful. */
const MAX_CONF_FILES = 256;
const osabiClass = (n: number) => (n === 0 || n === 3 ? 0 : n);

/** An ELF that can satisfy a dependency of `want`: same class, byte order, machine and OS ABI (lddtree's CompatibleELFs). */
export function compatible(want: ElfInfo, got: ElfInfo): boolean {
  return (
    want.bits === got.bits &&
    want.endian === got.endian &&
    want.machine === got.machine &&
    osabiClass(want.osabi) === osabiClass(got.osabi)
  );
}

/** The directories a glibc or musl loader searches with no cache and no environment, for a layout. */
export function defaultDirs(multiarch?: string): string[] {
  return [
    ...(multiarch ? [`/lib/${multiarch}`, `/usr/lib/${multiarch}`] : []),
    '/lib64',
    '/usr/lib64',
    '/lib',
    '/usr/lib',
  ];
}

class Resolver {
  private readonly files = new Map<string, GatheredFile>();
  private readonly root: string;
  private readonly dirs = new Map<string, Promise<string | undefined>>();
  constructor(private readonly o: DepsOptions) {
    this.root = o.sysroot.replace(/\/+$/, '');
  }

  /**
   * The host path of a directory of the image, with every symlink on the way resolved inside the sysroot, as
   * `lddtree --root` does: an absolute link (lib -> /lib) names the sysroot's /lib, never the host's. Undefined when
   * the path ends nowhere (or loops).
   */
  private hostDir(dir: string): Promise<string | undefined> {
    if (this.o.sysroot === '/') return Promise.resolve(dir);
    let found = this.dirs.get(dir);
    if (!found) {
      found = this.resolveDir(dir);
      this.dirs.set(dir, found);
    }
    return found;
  }

  private async resolveDir(dir: string): Promise<string | undefined> {
    let done = '';
    const todo = normalizePath(dir).split('/').filter(Boolean);
    for (let hops = 0; todo.length > 0;) {
      const next = `${done}/${todo.shift()}`;
      const st = await this.o.fs.lstat(this.root + next);
      if (!st) return undefined;
      if (st.kind === 'symlink') {
        if (++hops > 40) return undefined;
        const link = await this.o.fs.readlink(this.root + next);
        todo.unshift(
          ...normalizePath(link.startsWith('/') ? link : `${done}/${link}`)
            .split('/')
            .filter(Boolean),
        );
        done = '';
        continue;
      }
      if (st.kind !== 'dir') return undefined;
      done = next;
    }
    return this.root + done || '/';
  }

  /** The host path of a file of the image: its directory resolved inside the sysroot, its own name as it is. */
  private async host(p: string): Promise<string | undefined> {
    const dir = await this.hostDir(dirOf(p));
    return dir === undefined ? undefined : `${dir.replace(/\/$/, '')}/${p.split('/').pop()}`;
  }

  /** Follows a leaf symlink chain inside the sysroot; returns the chain's entries, or undefined if it ends nowhere. */
  async chain(path: string): Promise<GatheredFile[] | undefined> {
    const out: GatheredFile[] = [];
    let p = normalizePath(path);
    for (let hops = 0; hops < 40; hops++) {
      const source = await this.host(p);
      const st = source === undefined ? undefined : await this.o.fs.lstat(source);
      if (!source || !st) return undefined;
      if (st.kind === 'symlink') {
        const link = await this.o.fs.readlink(source);
        out.push({ path: p, type: 'symlink', linkname: link, source, mode: 0o777, size: 0 });
        p = normalizePath(link.startsWith('/') ? link : `${dirOf(p)}/${link}`);
        continue;
      }
      if (st.kind !== 'file') return undefined;
      out.push({ path: p, type: 'file', source, mode: st.mode & 0o111 ? 0o755 : 0o644, size: st.size });
      return out;
    }
    return undefined;
  }

  /**
   * ld.so.conf and its includes (sorted globs, `#` comments), as lddtree reads them. Each file is read once, however
   * often it is included (a file that includes its own directory would otherwise cost k^depth reads), and at most
   * MAX_CONF_FILES in all.
   */
  async ldSoConf(file = '/etc/ld.so.conf', seen = new Set<string>()): Promise<string[]> {
    if (seen.has(file) || seen.size >= MAX_CONF_FILES) return [];
    seen.add(file);
    const source = await this.host(file);
    const text = await (
      source === undefined ? Promise.reject(new Error('no such file')) : this.o.fs.readFile(source)
    ).then(
      (b) => Buffer.from(b).toString('utf8'),
      () => '',
    );
    const dirs: string[] = [];
    for (const raw of text.split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      if (!line) continue;
      const inc = /^include\s+(.+)$/.exec(line);
      if (!inc) {
        dirs.push(
          ...line
            .split(/[\s:,]+/)
            .filter(Boolean)
            .map(normalizePath),
        );
        continue;
      }
      const pattern = inc[1].startsWith('/') ? inc[1] : `${dirOf(file)}/${inc[1]}`;
      const dir = dirOf(pattern);
      const re = new RegExp(
        '^' +
          pattern
            .slice(dir.length + 1)
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.') +
          '$',
      );
      const hostDir = await this.hostDir(dir);
      const names = (
        await (hostDir === undefined ? Promise.resolve([] as string[]) : this.o.fs.readdir(hostDir)).catch(
          () => [] as string[],
        )
      )
        .filter((n) => re.test(n))
        .sort();
      for (const n of names) dirs.push(...(await this.ldSoConf(normalizePath(`${dir}/${n}`), seen)));
    }
    return dirs;
  }

  add(entries: GatheredFile[]): void {
    for (const e of entries) if (!this.files.has(e.path)) this.files.set(e.path, e);
  }

  result(): GatheredFile[] {
    return [...this.files.values()];
  }
}

function rpathDirs(info: ElfInfo, origin: string): string[] {
  const list = info.runpath.length > 0 ? info.runpath : info.rpath;
  return list.map((d) => normalizePath(d.replace(/\$\{ORIGIN\}|\$ORIGIN/g, origin))).filter((d) => d.startsWith('/'));
}

/** The loader, with the links that lead to it; a loader the sysroot lacks is recorded as missing. */
async function addInterpreter(r: Resolver, interpreter: string, result: DepsResult, seen: Set<string>): Promise<void> {
  const chain = await r.chain(interpreter);
  if (!chain) {
    result.missingInterpreter = interpreter;
    return;
  }
  const real = chain[chain.length - 1];
  result.interpreter = { path: interpreter, source: real.source, size: real.size };
  r.add(chain);
  seen.add(interpreter.split('/').pop() as string);
}

/** The first directory of `search` (or a NEEDED path's own) holding a library the binary can load. */
async function locate(
  r: Resolver,
  o: DepsOptions,
  main: ElfInfo,
  { soname, search }: { soname: string; search: string[] },
): Promise<{ dir: string; chain: GatheredFile[]; info: ElfInfo } | undefined> {
  for (const dir of soname.startsWith('/') ? [dirOf(normalizePath(soname))] : search) {
    const chain = await r.chain(`${dir}/${soname.split('/').pop() ?? soname}`);
    if (!chain) continue;
    const real = chain[chain.length - 1];
    let lib: ElfInfo;
    try {
      lib = o.parse(await o.fs.readFile(real.source));
    } catch {
      continue;
    }
    if (compatible(main, lib)) return { dir, chain, info: lib };
  }
  return undefined;
}

/**
 * Resolves PT_INTERP and NEEDED recursively in a sysroot, in ld.so(8)'s order (https://man7.org/linux/man-pages/man8/ld.so.8.html): the object's RUNPATH or RPATH with $ORIGIN,
 * then ld.so.conf, multiarch, lib64 and lib directories, then the loader's own directory. Only compatible ELFs count.
 * Libraries found through ld.so.conf outside the default directories move to /usr/lib, since the image has no ld.so.cache.
 */
export async function resolveDeps(main: ElfInfo, o: DepsOptions): Promise<DepsResult> {
  const r = new Resolver(o);
  const result: DepsResult = { sysroot: o.sysroot, interpreter: null, libraries: [], missing: [], files: [] };
  const seen = new Set<string>();
  if (main.interpreter) await addInterpreter(r, main.interpreter, result, seen);
  const defaults = defaultDirs(o.multiarch);
  const conf = await r.ldSoConf();
  const interpDir = main.interpreter ? [dirOf(main.interpreter)] : [];
  const mainRpath = main.runpath.length === 0 ? rpathDirs(main, o.originDir) : [];
  const queue: Array<{ info: ElfInfo; name: string; origin: string }> = [
    { info: main, name: 'the binary', origin: o.originDir },
  ];
  while (queue.length > 0) {
    const { info, name, origin } = queue.shift() as (typeof queue)[number];
    const own = rpathDirs(info, origin);
    const inherited = info === main || info.runpath.length > 0 ? [] : mainRpath;
    const search = [...new Set([...own, ...inherited, ...conf, ...defaults, ...interpDir])];
    for (const soname of info.needed) {
      if (seen.has(soname)) continue;
      seen.add(soname);
      if (soname.includes('/') && !soname.startsWith('/')) {
        // ld.so(8): a name with a slash is used as a path, so a relative one depends on the working directory.
        result.missing.push({ soname, neededBy: name, searched: [], reason: RELATIVE_NEEDED });
        continue;
      }
      const found = await locate(r, o, main, { soname, search });
      if (!found) {
        result.missing.push({ soname, neededBy: name, searched: search });
        continue;
      }
      const real = found.chain[found.chain.length - 1];
      const keep =
        soname.startsWith('/') ||
        defaults.includes(found.dir) ||
        own.includes(found.dir) ||
        inherited.includes(found.dir) ||
        interpDir.includes(found.dir);
      const placed = keep ? found.chain : [{ ...real, path: `/usr/lib/${soname.split('/').pop()}` }];
      r.add(placed);
      const where = placed[0].path;
      result.libraries.push({
        soname,
        path: where,
        source: real.source,
        size: real.size,
        neededBy: name,
        via: found.dir,
      });
      queue.push({ info: found.info, name: soname, origin: dirOf(where) });
    }
  }
  result.files = r.result();
  return result;
}

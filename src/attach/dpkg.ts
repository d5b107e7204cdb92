import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A Debian package, as dpkg's database records it. */
export interface DebPackage {
  name: string;
  version: string;
  arch: string;
}

/** Which package owns a file, from a dpkg database (var/lib/dpkg: info/*.list and status), read once. */
export interface Dpkg {
  owner(path: string): Promise<DebPackage | undefined>;
}

/** Parses dpkg's status file into the installed packages, by name and by name:arch. */
export function parseDpkgStatus(text: string): Map<string, DebPackage> {
  const out = new Map<string, DebPackage>();
  for (const stanza of text.split(/\n\n+/)) {
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(stanza)?.[1]?.trim();
    const [name, version, arch, status] = [field('Package'), field('Version'), field('Architecture'), field('Status')];
    if (!name || !version || !arch || !status?.endsWith(' installed')) continue;
    const p = { name, version, arch };
    out.set(`${name}:${arch}`, p);
    if (!out.has(name) || arch !== 'all') out.set(name, p);
  }
  return out;
}

/**
 * The dpkg database for files under `sysroot`: the sysroot's own var/lib/dpkg when it has one (a debootstrapped
 * root), else the runner's, which owns Debian's cross packages under /usr/<triplet>. Paths are tried as given and in
 * their merged-/usr twin, since dpkg records /lib/... where the file is reached at /usr/lib/... (Debian 12).
 */
export function dpkgFor(sysroot: string): Dpkg {
  let loaded: Promise<{ root: string; owners: Map<string, DebPackage> }> | undefined;
  const load = async () => {
    const own = join(sysroot, 'var', 'lib', 'dpkg');
    const root = (await stat(join(own, 'status')).then(
      () => true,
      () => false,
    ))
      ? sysroot
      : '/';
    const db = join(root, 'var', 'lib', 'dpkg');
    const packages = parseDpkgStatus(await readFile(join(db, 'status'), 'utf8').catch(() => ''));
    const owners = new Map<string, DebPackage>();
    const lists = (await readdir(join(db, 'info')).catch(() => [] as string[])).filter((f) => f.endsWith('.list'));
    await Promise.all(
      lists.map(async (f) => {
        const p = packages.get(f.slice(0, -'.list'.length));
        if (!p) return;
        for (const line of (await readFile(join(db, 'info', f), 'utf8')).split('\n')) if (line) owners.set(line, p);
      }),
    );
    return { root, owners };
  };
  return {
    async owner(path) {
      const { root, owners } = await (loaded ??= load());
      const inRoot = root === '/' ? path : `/${relative(root, path)}`;
      const twin = inRoot.startsWith('/usr/') ? inRoot.slice(4) : `/usr${inRoot}`;
      return owners.get(inRoot) ?? owners.get(twin);
    },
  };
}

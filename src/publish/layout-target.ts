import { readdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../kernel/errors.js';

/** A directory the layout may neither be nor contain (nor, for `inside: true`, lie within). */
export interface Protected {
  path: string;
  what: string;
  /** Refuse a layout inside it too (the binaries and the layer store, which the run reads from). */
  inside: boolean;
}

/** The path with every existing ancestor's symlinks resolved, so `a/../b` or a link cannot slip past a check. */
async function real(path: string): Promise<string> {
  const p = resolve(path);
  const got = await realpath(p).catch(() => undefined);
  return got ?? join(await real(dirname(p)), basename(p));
}

/** Whether `inner` is `outer` or lies below it. */
const within = (outer: string, inner: string) => {
  const r = relative(outer, inner);
  return r === '' || (r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r));
};

/**
 * Refuses an `oci-layout` path whose replacement would destroy something: the workspace (or a directory holding
 * it), the binaries or the layer store (or a directory inside them), or an existing path that is neither an OCI
 * image layout (it holds an `oci-layout` file) nor an empty directory. Checked before anything is built; `given` is
 * the input as written, for the message.
 */
export async function checkLayoutTarget(dir: string, given: string, keep: Protected[]): Promise<void> {
  const target = await real(dir);
  const refuse = (why: string) => {
    throw new InputError(
      `input "oci-layout": "${given}" (${target}) ${why}; the layout is written there as a whole, so choose another path`,
    );
  };
  for (const k of keep) {
    const p = await real(k.path);
    if (within(target, p)) refuse(`is or contains ${k.what} (${p})`);
    if (k.inside && within(p, target)) refuse(`lies inside ${k.what} (${p})`);
  }
  const st = await stat(target).catch(() => undefined);
  if (!st) return;
  if (!st.isDirectory()) refuse('exists and is not a directory');
  const names = await readdir(target);
  if (names.length > 0 && !names.includes('oci-layout')) {
    refuse('exists and is neither an OCI image layout (it has no oci-layout file) nor an empty directory');
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes `<dir>.partial-<pid>` and `<dir>.old-<pid>` that jobs killed mid-write left beside the layout. */
export async function removeLeftovers(dir: string): Promise<void> {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.`;
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const n of names) {
    const m = /^(?:partial|old)-(\d+)$/.exec(n.slice(prefix.length));
    if (!n.startsWith(prefix) || !m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    await rm(join(parent, n), { recursive: true, force: true });
  }
}

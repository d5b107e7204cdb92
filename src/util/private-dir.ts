import { chmodSync, lstatSync, mkdirSync, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { Exec } from './exec.js';
import { codeOf, messageOf } from '../kernel/errors.js';
import { join } from 'node:path';

// Caches shared between runs (the layer store, the V8 code cache, toolchains) are trusted only when no other OS user
// of the runner could have written them: a planted entry would otherwise run, or be pushed, as if this run made it.

const uid = () => process.getuid?.() ?? -1;

/** Why this user cannot trust what a file or directory holds, or undefined: owned by this user or root, and not group- or world-writable. */
export function distrust(path: string, st: Stats): string | undefined {
  if (st.uid !== uid() && st.uid !== 0) return `${path} is owned by uid ${st.uid}, not this step's user (${uid()})`;
  if (!st.isSymbolicLink() && (st.mode & 0o022) !== 0)
    return `${path} is writable by ${st.mode & 0o002 ? 'every user' : 'its group'} (mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')})`;
  return undefined;
}

/**
 * Makes `dir` (and each missing parent below `base`) a directory private to this user, mode 0700, and returns
 * undefined; or says why it cannot be trusted (another owner, a symlink, or one that others could write to), in
 * which case it is left alone. A directory of ours that others could only read is closed to 0700. With `create`
 * false, a missing directory is fine as it is: its user creates it, mode 0700, when it first writes there.
 */
export function ensurePrivateDir(base: string, parts: string[], create = true): string | undefined {
  let dir = base;
  for (const part of parts) {
    dir = join(dir, part);
    try {
      if (create) mkdirSync(dir, { mode: 0o700 });
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') return `${dir} cannot be created (${codeOf(e) ?? messageOf(e)})`;
    }
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (!st.isDirectory()) return `${dir} is not a directory`;
    if (st.uid !== uid()) return `${dir} is owned by uid ${st.uid}, not this step's user (${uid()})`;
    const why = distrust(dir, st);
    if (why) return why;
    if ((st.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  }
  return undefined;
}

/**
 * The first entry of a tree (the root included) that this user cannot trust (see distrust), or undefined. find(1)
 * walks a Go toolchain's 10,000 files in about 40 ms, where lstat from here takes ten times that.
 */
export async function distrustTree(root: string, exec: Exec): Promise<string | undefined> {
  const me = String(uid());
  const r = await exec('find', [
    root,
    '(',
    '!',
    '-uid',
    me,
    '!',
    '-uid',
    '0',
    '-o',
    '-perm',
    '/022',
    '!',
    '-type',
    'l',
    ')',
    '-print',
    '-quit',
  ]);
  if (r.exitCode !== 0) return `find could not read it: ${r.stderr.trim().split('\n')[0]}`;
  const first = r.stdout.split('\n')[0];
  if (!first) return undefined;
  return distrust(first, await lstat(first)) ?? `${first} changed while it was checked`;
}

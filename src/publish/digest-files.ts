import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { digestOf, hexOf } from '../kernel/digest.js';
import type { Inputs } from '../inputs/inputs.js';
import { InputError } from '../kernel/errors.js';

// Matrix jobs hand their manifest digests to the merge job as empty files named after each digest's hex, the
// recipe of Docker's multi-platform guide (https://docs.docker.com/build/ci/github-actions/multi-platform/).

const refuse = (why: string) =>
  new InputError(`input "digests-dir": ${why}; a symlink there could make the push write elsewhere, so remove it`);

/**
 * Refuses a digests-dir that is a symlink or holds one, before anything is pushed: its file names are digests, which
 * are reproducible, so a pull request could commit a link at the very name the push is about to write.
 */
export async function checkDigestsDir(dir: string): Promise<void> {
  const st = await lstat(dir).catch(() => undefined);
  if (!st) return;
  if (st.isSymbolicLink()) throw refuse(`${dir} is a symlink`);
  if (!st.isDirectory()) throw new InputError(`input "digests-dir": ${dir} is not a directory`);
  for (const name of await readdir(dir)) {
    if ((await lstat(join(dir, name))).isSymbolicLink()) throw refuse(`${join(dir, name)} is a symlink`);
  }
}

/**
 * Writes one empty file per digest into `dir`, each created new and never through a link (O_EXCL, O_NOFOLLOW); an
 * empty regular file already there (an earlier run) is kept. Returns the directory.
 */
export async function writeDigestFiles(dir: string, digests: string[]): Promise<string> {
  await checkDigestsDir(dir);
  await mkdir(dir, { recursive: true });
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  for (const d of digests) {
    const file = join(dir, hexOf(d));
    const st = await lstat(file).catch(() => undefined);
    if (st?.isFile() && st.size === 0) continue;
    if (st) throw new InputError(`input "digests-dir": ${file} already exists and is not an empty file; remove it`);
    await (await open(file, flags, 0o644)).close();
  }
  return dir;
}

/** The digests the merge job was given: listed, or one empty file per digest in a directory, in name order. */
export async function readDigestFiles(spec: NonNullable<Inputs['mergeDigests']>): Promise<string[]> {
  if ('digests' in spec) return spec.digests;
  const names = await readdir(spec.dir).catch(() => {
    throw new InputError(`input "merge-digests": directory "${spec.dir}" does not exist`);
  });
  const digests = names
    .filter((n) => /^[a-f0-9]{64}$/.test(n))
    .sort()
    .map(digestOf);
  if (digests.length === 0) {
    throw new InputError(`input "merge-digests": directory "${spec.dir}" holds no files named after a sha256 digest`);
  }
  return digests;
}

import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { digestOf, hexOf } from '../image/digest.js';
import type { Inputs } from '../inputs/inputs.js';
import { InputError } from '../util/errors.js';

// Matrix jobs hand their manifest digests to the merge job as empty files named after each digest's hex, the
// recipe of Docker's multi-platform guide (https://docs.docker.com/build/ci/github-actions/multi-platform/).

/** Writes one empty file per digest into `dir`; returns the directory. */
export async function writeDigestFiles(dir: string, digests: string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const d of digests) await writeFile(join(dir, hexOf(d)), '');
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

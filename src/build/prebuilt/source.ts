import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve, sep } from 'node:path';
import { binaryFor, type BinariesSpec } from '../../inputs/binaries.js';
import type { Platform } from '../../kernel/platform.js';
import { InputError, ParseError } from '../../kernel/errors.js';
import type { BinarySource } from '../source.js';
import { humanSize } from '../../util/format.js';

/** A pre-built binary for one platform: where it is on the runner, and its path as the input gave it. */
export interface Prebuilt {
  file: string;
  given: string;
}

/**
 * The largest binary `binaries` takes: the largest layer GHCR accepts (10 GB, docs.github.com "Working with the
 * Container registry"), in GiB. Refused from its size alone, before a byte is read.
 */
export const MAX_BINARY_BYTES = 10 * 1024 ** 3;

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Finds every platform's file before anything runs: relative to the workspace, inside it after symlinks, a regular
 * file. One InputError names each platform whose file is wrong, with its expanded path.
 */
export async function findPrebuilt(
  spec: BinariesSpec,
  platforms: Platform[],
  workspace: string,
): Promise<Map<string, Prebuilt>> {
  const root = await realpath(workspace);
  const out = new Map<string, Prebuilt>();
  const problems: string[] = [];
  for (const p of platforms) {
    let given: string;
    try {
      given = binaryFor(spec, p);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      problems.push(`${p.id}: ${e.message}`);
      continue;
    }
    if (isAbsolute(given) || given.split('/').includes('..')) {
      problems.push(`${p.id}: "${given}" must be a path inside the workspace, relative to it, without ..`);
      continue;
    }
    const real = await realpath(resolve(workspace, given)).catch(() => undefined);
    if (real === undefined) problems.push(`${p.id}: ${given} does not exist`);
    else if (!inside(root, real)) problems.push(`${p.id}: ${given} resolves to ${real}, outside the workspace`);
    else {
      const st = await stat(real);
      if (!st.isFile()) problems.push(`${p.id}: ${given} is not a regular file`);
      else if (st.size > MAX_BINARY_BYTES)
        problems.push(
          `${p.id}: ${given} has ${humanSize(st.size)}, over the ${humanSize(MAX_BINARY_BYTES)} a registry layer may hold; strip it or split it`,
        );
      else out.set(p.id, { file: real, given });
    }
  }
  if (problems.length > 0) throw new InputError(`input "binaries": ${problems.join('; ')}`);
  return out;
}

/** The name the binaries share, which binary-name defaults to; throws when they differ and binary-name is empty. */
export function commonName(files: Map<string, Prebuilt>, binaryName: string | undefined): string {
  const names = [...new Set([...files.values()].map((f) => basename(f.given)))];
  if (names.length > 1 && binaryName === undefined)
    throw new InputError(
      `input "binary-name": the binaries are named ${names.join(', ')}; set binary-name to the name they take in the image`,
    );
  return binaryName ?? names[0];
}

/** The binaries the user built, behind the same interface as go build: each platform's file as it is. */
export function prebuiltSource(files: Map<string, Prebuilt>, name: string, spec: BinariesSpec): BinarySource {
  const from = spec.form === 'template' ? spec.template : 'one file per platform';
  return {
    obtain: (platform) => {
      // findPrebuilt found a file for every platform before anything ran.
      const f = files.get(platform.id) as Prebuilt;
      return Promise.resolve({ platform, ok: true, binary: f.file, stderr: '', ms: 0, from: f.given, shown: f.given });
    },
    describe: () => Promise.resolve({ defaultName: name, createdBy: `scratchpack: COPY ${from} (binaries)` }),
    explain: () => Promise.resolve([]),
  };
}

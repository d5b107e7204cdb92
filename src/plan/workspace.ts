import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { Inputs } from '../inputs/inputs.js';
import { InputError } from '../kernel/errors.js';
import type { ExtraFile } from './rootfs.js';
import { rootfsEntries } from './rootfs.js';
import type { TarEntry } from '../kernel/tar-entry.js';
import { binaryPathOf } from './plan.js';

/**
 * What the runner and the workspace hold, gathered before any build. Nothing here starts a process, so the builds
 * start at once; what only go can tell (the package's import path, Go's version) is read from the binaries it builds.
 */
export interface Setup {
  workspace: string;
  workDir: string;
  caBundle?: Uint8Array;
  caBundlePath?: string;
  zoneinfo?: TarEntry[];
  extraFiles: ExtraFile[];
  /** The workdir input, a directory of the image. */
  workdir?: string | undefined;
  warnings: string[];
}

/** Where runners keep a PEM bundle, in Go's crypto/x509 search order (src/crypto/x509/root_linux.go, certFiles). */
export const CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
const ZONEINFO = '/usr/share/zoneinfo';

const isDir = (p: string) =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
const within = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

async function walkZoneinfo(dir: string, prefix: string, out: TarEntry[]): Promise<void> {
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    const full = join(dir, name);
    const path = `${prefix}/${name}`;
    const st = await lstat(full);
    if (st.isSymbolicLink()) out.push({ path, type: 'symlink', mode: 0o777, linkname: await readlink(full) });
    else if (st.isDirectory()) {
      out.push({ path, type: 'dir', mode: 0o755 });
      await walkZoneinfo(full, path, out);
    } else if (st.isFile()) out.push({ path, type: 'file', mode: 0o644, data: await readFile(full) });
  }
}

async function readExtraFiles(inputs: Pick<Inputs, 'files'>, workspace: string): Promise<ExtraFile[]> {
  const root = await realpath(workspace);
  const out: ExtraFile[] = [];
  for (const spec of inputs.files) {
    const abs = isAbsolute(spec.source) ? spec.source : resolve(workspace, spec.source);
    const real = await realpath(abs).catch(() => undefined);
    if (real === undefined)
      throw new InputError(`input "files": source "${spec.source}" does not exist (looked at ${abs})`);
    if (!within(root, real)) {
      throw new InputError(
        `input "files": source "${spec.source}" resolves to ${real}, outside the workspace ${root}; only workspace files may go into the image`,
      );
    }
    const st = await stat(real);
    if (!st.isFile()) throw new InputError(`input "files": source "${spec.source}" is not a regular file`);
    out.push({
      dest: spec.dest,
      source: spec.source,
      data: await readFile(real),
      mode: spec.mode ?? (st.mode & 0o111 ? 0o755 : 0o644),
    });
  }
  return out;
}

/** The workspace root: GITHUB_WORKSPACE, else the working directory, as the runner sets both. */
export function workspaceOf(env: NodeJS.ProcessEnv): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd());
}

/** The inputs the workspace stage reads. */
export type WorkspaceSettings = Pick<
  Inputs,
  'workingDirectory' | 'caCertificates' | 'tzdata' | 'files' | 'binaryName' | 'binaryPath' | 'workdir'
>;

/** Checks paths and reads the files the image takes from the runner; throws InputError on bad input. */
export async function prepare(inputs: WorkspaceSettings, env: NodeJS.ProcessEnv): Promise<Setup> {
  const warnings: string[] = [];
  const workspace = workspaceOf(env);
  const workDir = resolve(workspace, inputs.workingDirectory);
  if (!(await isDir(workDir)))
    throw new InputError(
      `input "working-directory": directory "${inputs.workingDirectory}" does not exist (resolved to ${workDir})`,
    );
  const setup: Setup = { workspace, workDir, extraFiles: [], warnings, workdir: inputs.workdir };
  if (inputs.caCertificates) {
    for (const p of CA_BUNDLES) {
      const data = await readFile(p).catch(() => undefined);
      if (data && data.length > 0) {
        setup.caBundle = data;
        setup.caBundlePath = p;
        break;
      }
    }
    if (!setup.caBundle)
      warnings.push(
        `ca-certificates: no CA bundle found on the runner (looked in ${CA_BUNDLES.join(', ')}); the image has none, so TLS clients in it will fail`,
      );
  }
  if (inputs.tzdata) {
    if (!(await isDir(ZONEINFO)))
      throw new InputError(
        `input "tzdata": true, but the runner has no ${ZONEINFO}; install tzdata or set tzdata: false and import time/tzdata in Go`,
      );
    setup.zoneinfo = [];
    await walkZoneinfo(ZONEINFO, 'usr/share/zoneinfo', setup.zoneinfo);
  }
  setup.extraFiles = await readExtraFiles(inputs, workspace);
  // With neither input the binary's name comes from its package, so this check waits for the first build.
  if (inputs.binaryPath || inputs.binaryName) checkPlacement(setup, binaryPathOf(inputs, inputs.binaryName ?? ''));
  return setup;
}

/** Refuses `files` that would replace the binary or clash with it; checked once the binary's path is known. */
export function checkPlacement(setup: Setup, binaryPath: string): void {
  rootfsEntries({
    binaryPath,
    binary: { path: '', size: 0 },
    caBundle: setup.caBundle,
    zoneinfo: setup.zoneinfo,
    extraFiles: setup.extraFiles,
    workdir: setup.workdir,
  });
}

import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseEpoch } from './config/epoch.js';
import type { Inputs } from './config/inputs.js';
import { InputError, ParseError } from './errors.js';
import type { ExtraFile } from './oci/rootfs.js';
import { rootfsEntries } from './oci/rootfs.js';
import type { TarEntry } from './oci/tar.js';
import type { Exec } from './runtime/exec.js';

/** Facts about the runner and the module, gathered once before planning so the plan itself stays pure. */
export interface Facts {
  workspace: string;
  workDir: string;
  importPath: string;
  binaryName: string;
  epoch: number;
  epochSource: 'input' | 'SOURCE_DATE_EPOCH' | 'git' | 'default';
  goVersion: string;
  caBundle?: Uint8Array;
  caBundlePath?: string;
  zoneinfo?: TarEntry[];
  extraFiles: ExtraFile[];
  warnings: string[];
}

/** Where runners keep a PEM bundle, in Go's crypto/x509 search order (reference §4.3). */
export const CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
const ZONEINFO = '/usr/share/zoneinfo';

const isDir = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);
const within = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/** The name `go build` would give the binary: the import path's last element, skipping a /vN suffix. */
export function defaultBinaryName(importPath: string): string {
  const parts = importPath.split('/');
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
}

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

/** The epoch, in order: the input, SOURCE_DATE_EPOCH, the commit time of HEAD, then 0. */
export async function resolveEpoch(inputs: Inputs, env: NodeJS.ProcessEnv, exec: Exec, workDir: string): Promise<[number, Facts['epochSource']]> {
  if (inputs.sourceDateEpoch !== undefined) return [inputs.sourceDateEpoch, 'input'];
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (fromEnv) {
    try {
      return [parseEpoch(fromEnv), 'SOURCE_DATE_EPOCH'];
    } catch (e) {
      throw new InputError(`environment variable SOURCE_DATE_EPOCH: ${(e as ParseError).message}`);
    }
  }
  const git = await exec('git', ['log', '-1', '--format=%ct'], { cwd: workDir, env: env as Record<string, string> });
  const t = git.stdout.trim();
  if (git.exitCode === 0 && /^\d+$/.test(t)) return [Number(t), 'git'];
  return [0, 'default'];
}

async function readExtraFiles(inputs: Inputs, workspace: string): Promise<ExtraFile[]> {
  const root = await realpath(workspace);
  const out: ExtraFile[] = [];
  for (const spec of inputs.files) {
    const abs = isAbsolute(spec.source) ? spec.source : resolve(workspace, spec.source);
    const real = await realpath(abs).catch(() => undefined);
    if (real === undefined) throw new InputError(`input "files": source "${spec.source}" does not exist (looked at ${abs})`);
    if (!within(root, real)) {
      throw new InputError(`input "files": source "${spec.source}" resolves to ${real}, outside the workspace ${root}; only workspace files may go into the image`);
    }
    const st = await stat(real);
    if (!st.isFile()) throw new InputError(`input "files": source "${spec.source}" is not a regular file`);
    out.push({ dest: spec.dest, data: await readFile(real), mode: spec.mode ?? (st.mode & 0o111 ? 0o755 : 0o644) });
  }
  return out;
}

/** Checks paths, the package and the runner, and reads everything the plan needs; throws InputError on bad input. */
export async function prepare(inputs: Inputs, env: NodeJS.ProcessEnv, exec: Exec): Promise<Facts> {
  const warnings: string[] = [];
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workDir = resolve(workspace, inputs.workingDirectory);
  if (!(await isDir(workDir))) throw new InputError(`input "working-directory": directory "${inputs.workingDirectory}" does not exist (resolved to ${workDir})`);
  const baseEnv = env as Record<string, string>;
  const first = inputs.platforms[0];
  // Independent questions, asked at once: each is a process start on the critical path before any build.
  const [goEnv, list, [epoch, epochSource]] = await Promise.all([
    exec('go', ['env', 'GOVERSION'], { cwd: workDir, env: baseEnv }),
    exec('go', ['list', '-f', '{{.Name}} {{.ImportPath}}', inputs.package], {
      cwd: workDir,
      env: { ...baseEnv, ...inputs.env, ...first.goEnv, CGO_ENABLED: inputs.cgo ? '1' : '0' },
    }),
    resolveEpoch(inputs, env, exec, workDir),
  ]);
  if (goEnv.exitCode !== 0) {
    throw new InputError(`go is not usable (${goEnv.stderr.trim() || `exit ${goEnv.exitCode}`}); add actions/setup-go before this step`);
  }
  const goVersion = goEnv.stdout.trim();
  if (list.exitCode !== 0) {
    throw new InputError(`input "package": "${inputs.package}" is not a buildable package in ${relative(workspace, workDir) || '.'}: ${list.stderr.trim().split('\n')[0]}`);
  }
  const [name, importPath] = list.stdout.trim().split(' ');
  if (name !== 'main') throw new InputError(`input "package": "${inputs.package}" is package ${name}, not package main; expected a command, e.g. ./cmd/server`);
  const binaryName = inputs.binaryName ?? defaultBinaryName(importPath);
  const facts: Facts = { workspace, workDir, importPath, binaryName, epoch, epochSource, goVersion, extraFiles: [], warnings };
  if (inputs.caCertificates) {
    for (const p of CA_BUNDLES) {
      const data = await readFile(p).catch(() => undefined);
      if (data && data.length > 0) {
        facts.caBundle = data;
        facts.caBundlePath = p;
        break;
      }
    }
    if (!facts.caBundle) warnings.push(`ca-certificates: no CA bundle found on the runner (looked in ${CA_BUNDLES.join(', ')}); the image has none, so TLS clients in it will fail`);
  }
  if (inputs.tzdata) {
    if (!(await isDir(ZONEINFO))) throw new InputError(`input "tzdata": true, but the runner has no ${ZONEINFO}; install tzdata or set tzdata: false and import time/tzdata in Go`);
    facts.zoneinfo = [];
    await walkZoneinfo(ZONEINFO, 'usr/share/zoneinfo', facts.zoneinfo);
  }
  facts.extraFiles = await readExtraFiles(inputs, workspace);
  try {
    rootfsEntries({ binaryPath: inputs.binaryPath ?? `/usr/local/bin/${binaryName}`, binary: { path: '', size: 0 }, caBundle: facts.caBundle, extraFiles: facts.extraFiles });
  } catch (e) {
    throw new InputError(`input "files": ${(e as Error).message}`);
  }
  return facts;
}

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node 24 as scripts/setup-test-env.sh installs it: the runtime GitHub runs `node24` actions on. */
export const NODE24 = join(
  process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'),
  'node24',
  'bin',
  'node',
);

/** What a run of the committed bundle left behind, parsed as GitHub would read it. */
export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
  warnings: string[];
  notices: string[];
  runnerTemp: string;
}

/** Parses a GITHUB_OUTPUT file written with heredoc delimiters. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

/** Options for one run of the bundle. */
export interface RunOptions {
  env?: Record<string, string>;
  runnerTemp?: string;
  bundle?: string;
  node?: string;
  /** The action's working directory; the repository root unless a test gives its own workspace. */
  cwd?: string;
}

/** The runner files and environment for one run, and how to read back what it left. */
export function prepareRun(inputs: Record<string, string>, opts: RunOptions) {
  const runnerTemp = opts.runnerTemp ?? mkdtempSync(join(tmpdir(), 'scratchpack-run-'));
  const outFile = join(runnerTemp, 'github_output');
  const summaryFile = join(runnerTemp, 'step_summary');
  writeFileSync(outFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GOCACHE: process.env.GOCACHE ?? join(process.env.HOME ?? '/root', '.cache', 'go-build'),
    GOPATH: process.env.GOPATH ?? join(process.env.HOME ?? '/root', 'go'),
    GOFLAGS: '-mod=mod',
    GOTOOLCHAIN: 'local',
    // The machine's CA bundle, where its HTTPS goes through a proxy of its own (toolchain downloads).
    ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    // An empty Docker config unless a test gives one, so the machine's own logins never leak in.
    DOCKER_CONFIG: join(runnerTemp, 'no-docker-config'),
    ...opts.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const args = [opts.bundle ?? join(ROOT, 'dist', 'index.cjs')];
  const finish = (code: number | null, stdout: string, stderr: string): ActionRun => {
    const pick = (cmd: string) => stdout.split('\n').filter((l) => l.startsWith(`::${cmd}`));
    return {
      code: code ?? -1,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      errors: pick('error'),
      warnings: pick('warning'),
      notices: pick('notice'),
      runnerTemp,
    };
  };
  return { env, args, finish };
}

/** Runs dist/index.cjs with INPUT_* variables and runner files, exactly as the runner does. */
export function runAction(inputs: Record<string, string>, opts: RunOptions = {}): ActionRun {
  const { env, args, finish } = prepareRun(inputs, opts);
  const r = spawnSync(opts.node ?? process.execPath, args, {
    env,
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return finish(r.status, r.stdout, r.stderr);
}

/** The same, without blocking: servers in the test process (proxies, token servers) keep answering meanwhile. */
export function runActionAsync(inputs: Record<string, string>, opts: RunOptions = {}): Promise<ActionRun> {
  const { env, args, finish } = prepareRun(inputs, opts);
  return new Promise((resolve, reject) => {
    const child = spawn(opts.node ?? process.execPath, args, { env, cwd: opts.cwd ?? ROOT });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve(finish(code, stdout, stderr)));
  });
}

/** Runs a command and returns stdout, failing the test with stderr when it exits non-zero. */
export function sh(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string } = {},
): string {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}

/** One job of a matrix: the example for one platform, pushed by digest, its digest file written into `dir`. */
export function pushByDigestJob(platform: string, tags: string, dir: string, env: Record<string, string>) {
  return runActionAsync(
    {
      'working-directory': 'example',
      platforms: platform,
      push: 'true',
      'push-by-digest': 'true',
      'digests-dir': dir,
      tags,
      'source-date-epoch': '1',
    },
    { env },
  );
}

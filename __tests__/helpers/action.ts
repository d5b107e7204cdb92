import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Node 24 as scripts/setup-test-env.sh installs it: the runtime GitHub runs `node24` actions on. */
export const NODE24 = join(process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'), 'node24', 'bin', 'node');

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

/** Runs dist/index.js with INPUT_* variables and runner files, exactly as the runner does. */
export function runAction(inputs: Record<string, string>, opts: { env?: Record<string, string>; runnerTemp?: string; bundle?: string; node?: string } = {}): ActionRun {
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
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...opts.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(opts.node ?? process.execPath, [opts.bundle ?? join(ROOT, 'dist', 'index.js')], { env, cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  const stdout = r.stdout ?? '';
  const pick = (cmd: string) => stdout.split('\n').filter((l) => l.startsWith(`::${cmd}`));
  return {
    code: r.status ?? -1,
    stdout,
    stderr: r.stderr ?? '',
    outputs: parseOutputFile(readFileSync(outFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    errors: pick('error'),
    warnings: pick('warning'),
    notices: pick('notice'),
    runnerTemp,
  };
}

/** Runs a command and returns stdout, failing the test with stderr when it exits non-zero. */
export function sh(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}

// Helpers shared by the benchmark scripts: a real docker-registry on loopback, running the committed
// action bundle as the runner does, timing, medians. Benchmarks print ratios; nothing here asserts a time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

// Every temp dir a bench makes (action runs, registries, buildah roots, Go's work dirs) goes under one root (TMPDIR),
// removed when the script exits, so repeated runs do not fill /tmp.
const TMP_ROOT = mkdtempSync(join(tmpdir(), 'scratchpack-bench-'));
process.env.TMPDIR = TMP_ROOT;
process.on('exit', () => rmSync(TMP_ROOT, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
export const SERVICE = join(ROOT, 'bench', 'service');
export const SIX = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'];

/** The inputs of a six-platform push of `dir` to `host/repo:latest`, at a fixed epoch. */
export const pushSix = (dir, host, repo) => ({
  'working-directory': dir,
  platforms: SIX.join(','),
  push: 'true',
  tags: `${host}/${repo}:latest`,
  'source-date-epoch': '1700000000',
});

/** Runs a command; throws with its stderr when it fails. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Seconds a function takes. */
export async function seconds(fn) {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

/** The middle value; for an even count, the mean of the two middle ones (not the upper one, which leans high). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The tests' docker-registry helper (loopback, filesystem storage in a temp dir), so both start it the same way. */
export async function startRegistry() {
  return (await importTs('__tests__/helpers/registry.ts')).startRegistry();
}

/**
 * A registry behind a slower link, for `LINK=<Mbit/s>,<ms>`: a child process runs the tests' proxy with that
 * uplink and latency in front of a loopback docker-registry. Without `spec`, the registry itself.
 */
export async function startLinkedRegistry(spec) {
  const registry = await startRegistry();
  if (!spec) return { ...registry, link: 'loopback' };
  const [mbit, ms] = spec.split(',').map(Number);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bench', 'link-proxy.mjs'), registry.host, String(ms), String((mbit * 1e6) / 8)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const host = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim().split('\n')[0]));
    child.once('exit', (code) => reject(new Error(`link proxy exited ${code}`)));
  });
  return {
    host,
    link: `${mbit} Mbit/s uplink, ${ms} ms latency`,
    stop: async () => {
      child.kill();
      await registry.stop();
    },
  };
}

/** The runner's variables for one run in `runnerTemp` (empty output and summary files), `env`, and the inputs as INPUT_*. */
export function actionEnv(inputs, runnerTemp, env) {
  const out = join(runnerTemp, 'github_output');
  const summary = join(runnerTemp, 'step_summary');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  const e = {
    ...process.env,
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: summary,
    ...env,
  };
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  return { e, out, summary };
}

function collect(r, out, summary, runnerTemp) {
  if (r.status !== 0) throw new Error(`action failed:\n${r.stdout}\n${r.stderr}`);
  const outputs = {};
  const lines = readFileSync(out, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const v = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) v.push(lines[i]);
    outputs[m[1]] = v.join('\n');
  }
  return { outputs, summary: readFileSync(summary, 'utf8'), stdout: r.stdout, stderr: r.stderr, runnerTemp };
}

/** A fresh RUNNER_TEMP for one action run. */
export const tempRun = () => mkdtempSync(join(tmpdir(), 'scratchpack-bench-run-'));

/**
 * The Node that runs the action: ACTION_NODE (e.g. the Node 24 that scripts/setup-test-env.sh fetches, the runtime
 * action.yml names), else this script's own.
 */
export const ACTION_NODE = process.env.ACTION_NODE || process.execPath;

/** Runs dist/index.cjs with INPUT_* variables, as the runner does; returns outputs and the summary. */
export function runAction(inputs, { env = {}, runnerTemp = tempRun(), bundle = join(ROOT, 'dist', 'index.cjs') } = {}) {
  const { e, out, summary } = actionEnv(inputs, runnerTemp, env);
  const r = spawnSync(ACTION_NODE, [bundle], { env: e, encoding: 'utf8', maxBuffer: 64 << 20 });
  return collect(r, out, summary, runnerTemp);
}

/** Starts the action without blocking this process (the fault proxy is served in-process); `child` is for sampling. */
export function spawnAction(inputs, { env = {}, runnerTemp = tempRun() } = {}) {
  const { e, out, summary } = actionEnv(inputs, runnerTemp, env);
  const child = spawn(ACTION_NODE, [join(ROOT, 'dist', 'index.cjs')], { env: e });
  let stdout = '',
    stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise((resolve, reject) => {
    child.on('close', (status) => {
      try {
        resolve(collect({ status, stdout, stderr }, out, summary, runnerTemp));
      } catch (err) {
        reject(err);
      }
    });
  });
  return { child, done };
}

/** runAction without blocking this process. */
export function runActionAsync(inputs, opts) {
  return spawnAction(inputs, opts).done;
}

/**
 * The peer's buildah command line: daemonless, as the issue asks (vfs storage and chroot isolation, under `root`).
 * With `wrap` (e.g. GNU time) in front; returns the finished process.
 */
export function buildah(root, args, wrap = []) {
  const [cmd, ...rest] = [
    ...wrap,
    'buildah',
    '--root',
    join(root, 'root'),
    '--runroot',
    join(root, 'runroot'),
    '--storage-driver',
    'vfs',
    ...args,
  ];
  const r = spawnSync(cmd, rest, {
    env: { ...process.env, BUILDAH_ISOLATION: 'chroot' },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`buildah ${args[0]} exited ${r.status}: ${r.stderr}`);
  return r;
}

/** The Go environment for a platform string, the way a shell loop would set it. */
export function goEnv(platform) {
  const [os, arch, variant] = platform.split('/');
  return { GOOS: os, GOARCH: arch, CGO_ENABLED: '0', ...(arch === 'arm' ? { GOARM: (variant ?? 'v7').slice(1) } : {}) };
}

/** A sequential `go build` loop over the platforms: the bare cost every method pays; `env` adds variables (e.g. GOGC). */
export function goBuildLoop(platforms, outDir, name = 'app', env = {}) {
  for (const p of platforms) {
    const [, arch, variant] = p.split('/');
    sh('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', join(outDir, `${arch}${variant ?? ''}`, name), '.'], {
      cwd: SERVICE,
      env: { ...env, ...goEnv(p) },
    });
  }
}

/** Machine facts for BENCHMARKS.md. */
export function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown cpu';
  const node = sh(ACTION_NODE, ['--version']).trim();
  return `${new Date().toISOString().slice(0, 10)}, ${sh('nproc', []).trim()} cores (${cpu}), node ${node}, ${sh('go', ['version']).trim()}`;
}

/** Imports a TypeScript test helper (e.g. the fault proxy) by bundling it with esbuild, so bench and tests share one. */
export async function importTs(rel) {
  const { build } = await import('esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'scratchpack-bench-ts-')), 'helper.mjs');
  await build({
    entryPoints: [join(ROOT, rel)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  return import(out);
}

/** The committed bundle of another revision (e.g. BASE=b62d0b4), unpacked into a temp dir, for side-by-side runs. */
export function bundleAt(rev) {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-base-'));
  const tar = spawnSync('git', ['archive', rev, 'dist'], { cwd: ROOT, maxBuffer: 64 << 20 });
  if (tar.status !== 0) throw new Error(`git archive ${rev} dist: ${tar.stderr}`);
  sh('tar', ['-x', '-C', dir], { input: tar.stdout, encoding: 'buffer' });
  // The action's bundle was dist/index.js before it became CommonJS.
  return ['index.cjs', 'index.js'].map((f) => join(dir, 'dist', f)).find((f) => existsSync(f));
}

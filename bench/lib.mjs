// Helpers shared by the benchmark scripts: a real docker-registry on loopback, running the committed
// action bundle as the runner does, timing, medians. Benchmarks print ratios; nothing here asserts a time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const SERVICE = join(ROOT, 'bench', 'service');
export const SIX = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'];

/** Runs a command; throws with its stderr when it fails. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts, env: { ...process.env, ...opts.env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Seconds a function takes. */
export async function seconds(fn) {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `docker-registry serve` on loopback with filesystem storage in a temp dir. */
export async function startRegistry() {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-registry-'));
  const port = await freePort();
  writeFileSync(join(dir, 'config.yml'), [
    'version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true',
    'storage:', '  filesystem:', `    rootdirectory: ${join(dir, 'data')}`,
    'http:', `  addr: 127.0.0.1:${port}`, '  secret: bench',
  ].join('\n') + '\n');
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const up = await new Promise((r) => {
      const q = request(`http://${host}/v2/`, (res) => { res.resume(); r(true); });
      q.on('error', () => r(false));
      q.end();
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host, dir, stop: () => child.kill('SIGTERM') };
}

function actionEnv(inputs, runnerTemp, env) {
  const out = join(runnerTemp, 'github_output');
  const summary = join(runnerTemp, 'step_summary');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  const e = { ...process.env, GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, ...env };
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

const tempRun = () => mkdtempSync(join(tmpdir(), 'scratchpack-bench-run-'));

/** Runs dist/index.js with INPUT_* variables, as the runner does; returns outputs and the summary. */
export function runAction(inputs, { env = {}, runnerTemp = tempRun() } = {}) {
  const { e, out, summary } = actionEnv(inputs, runnerTemp, env);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'index.js')], { env: e, encoding: 'utf8', maxBuffer: 64 << 20 });
  return collect(r, out, summary, runnerTemp);
}

/** The same without blocking this process, for benchmarks that serve something in-process (the fault proxy). */
export function runActionAsync(inputs, { env = {}, runnerTemp = tempRun() } = {}) {
  const { e, out, summary } = actionEnv(inputs, runnerTemp, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], { env: e });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => {
      try {
        resolve(collect({ status, stdout, stderr }, out, summary, runnerTemp));
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** The Go environment for a platform string, the way a shell loop would set it. */
export function goEnv(platform) {
  const [os, arch, variant] = platform.split('/');
  return { GOOS: os, GOARCH: arch, CGO_ENABLED: '0', ...(arch === 'arm' ? { GOARM: (variant ?? 'v7').slice(1) } : {}) };
}

/** A sequential `go build` loop over the platforms: the bare cost every method pays. */
export function goBuildLoop(platforms, outDir, name = 'app') {
  for (const p of platforms) {
    const [, arch, variant] = p.split('/');
    sh('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', join(outDir, `${arch}${variant ?? ''}`, name), '.'], { cwd: SERVICE, env: goEnv(p) });
  }
}

/** Machine facts for BENCHMARKS.md. */
export function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown cpu';
  return `${new Date().toISOString().slice(0, 10)}, ${sh('nproc', []).trim()} cores (${cpu}), node ${process.version}, ${sh('go', ['version']).trim()}`;
}

/** Imports a TypeScript test helper (e.g. the fault proxy) by bundling it with esbuild, so bench and tests share one. */
export async function importTs(rel) {
  const { build } = await import('esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'scratchpack-bench-ts-')), 'helper.mjs');
  await build({ entryPoints: [join(ROOT, rel)], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  return import(out);
}

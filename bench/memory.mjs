// Target 3 of issue #5: peak RSS of the action process when the binary is about 300 MB. The padded program embeds
// a pseudo-random file (so gzip cannot shrink it away) and is built for two platforms, packaged and pushed to a local
// docker-registry. Peak RSS is VmHWM of the node process itself (worker threads included, go build children not),
// sampled from /proc while it runs. Prints the peak, the binary size, the ratio to the 200 MB budget, and the ratio to
// the peer: buildah bud + manifest push of the same binaries, whose largest process's peak RSS GNU time reports.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, ROOT, startRegistry } from './lib.mjs';

const MB = Number(process.env.PAD_MB ?? 300);
const PLATFORMS = process.env.PLATFORMS ?? 'linux/amd64,linux/arm64';

/** A module under bench/ (inside the workspace) whose binary carries MB megabytes of pseudo-random bytes. */
function paddedModule() {
  const dir = join(ROOT, 'bench', '.padded');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/padded\n\ngo 1.23\n');
  writeFileSync(join(dir, 'main.go'), [
    'package main', '', 'import (', '\t_ "embed"', '\t"fmt"', ')', '',
    '//go:embed pad.bin', 'var pad []byte', '',
    'func main() { fmt.Println("padded", len(pad)) }', '',
  ].join('\n'));
  const pad = Buffer.alloc(MB * 1024 * 1024);
  let x = 0x12345678;
  for (let i = 0; i < pad.length; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    pad.writeUInt32LE(x, i);
  }
  writeFileSync(join(dir, 'pad.bin'), pad);
  return dir;
}

/** Runs dist/index.js as the runner does and samples its VmHWM until it exits. */
function runSampled(inputs, runnerTemp) {
  const out = join(runnerTemp, 'github_output');
  const summary = join(runnerTemp, 'step_summary');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  const env = { ...process.env, GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'index.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch { /* exited */ }
    };
    const timer = setInterval(sample, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`action exited ${code}:\n${stdout}`));
      else resolve({ peakMb: peakKb / 1024, summary: readFileSync(summary, 'utf8'), outputs: readFileSync(out, 'utf8') });
    });
  });
}

const registry = await startRegistry();
const dir = paddedModule();
try {
  console.log(`machine: ${machine()}`);
  const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-bench-memory-'));
  const inputs = { 'working-directory': 'bench/.padded', platforms: PLATFORMS, push: process.env.PUSH ?? 'true', tags: `${registry.host}/bench/padded:latest`, 'source-date-epoch': '1700000000' };
  const run = await runSampled(inputs, runnerTemp);
  const images = JSON.parse(/images<<(\S+)\n([\s\S]*?)\n\1/.exec(run.outputs)[2]);
  const biggest = Math.max(...images.map((i) => i.binary.size)) / 1024 / 1024;
  console.log(`binary ${biggest.toFixed(0)} MB (${images.length} platforms, pushed), layers ${images.map((i) => `${(i.layer.size / 1048576).toFixed(0)} MB`).join(', ')}`);
  console.log(`peak RSS of the action process: ${run.peakMb.toFixed(0)} MB; ratio to the 200 MB budget ${(run.peakMb / 200).toFixed(3)}; ratio to the binary ${(run.peakMb / biggest).toFixed(3)}`);
  console.log(/\*\*Time:\*\*[^\n]*/.exec(run.summary)?.[0]);
  if (process.env.PEER !== 'false') {
    // The peer: buildah packing and pushing the same binaries; GNU time reports its largest process's peak RSS.
    const binaries = /binaries<<(\S+)\n([\s\S]*?)\n\1/.exec(run.outputs)[2];
    const root = join(runnerTemp, 'buildah');
    const base = ['--root', join(root, 'root'), '--runroot', join(root, 'runroot'), '--storage-driver', 'vfs'];
    writeFileSync(join(binaries, 'Dockerfile'), 'FROM scratch\nARG TARGETOS\nARG TARGETARCH\nCOPY ${TARGETOS}_${TARGETARCH}/padded /padded\nENTRYPOINT ["/padded"]\n');
    const peakOf = (args) => {
      const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', 'buildah', ...base, ...args], { env: { ...process.env, BUILDAH_ISOLATION: 'chroot' }, encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`buildah ${args[0]} failed: ${r.stderr}`);
      return Number(/maxrss=(\d+)/.exec(r.stderr)[1]) / 1024;
    };
    const bud = peakOf(['bud', '--quiet', '--platform', PLATFORMS, '--manifest', 'padded', '-f', join(binaries, 'Dockerfile'), binaries]);
    const push = peakOf(['manifest', 'push', '--all', '--tls-verify=false', 'padded', `docker://${registry.host}/bench/padded-peer:latest`]);
    const peer = Math.max(bud, push);
    console.log(`peer: buildah bud peak ${bud.toFixed(0)} MB, buildah manifest push peak ${push.toFixed(0)} MB; scratchpack / buildah = ${(run.peakMb / peer).toFixed(3)}`);
  }
  rmSync(runnerTemp, { recursive: true, force: true });
} finally {
  registry.stop();
  rmSync(dir, { recursive: true, force: true });
}

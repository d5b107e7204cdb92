// Target 3 of issue #5: peak RSS of the action process when the binary is about 300 MB. The padded program embeds
// a pseudo-random file (so gzip cannot shrink it away) and is built for two platforms, packaged and pushed to a local
// docker-registry. Peak RSS is VmHWM of the node process itself (worker threads included, go build children not),
// sampled from /proc while it runs. Prints the peak, the binary size, the ratio to the 200 MB budget, and the ratio to
// the peer: buildah bud + manifest push of the same binaries, whose largest process's peak RSS GNU time reports.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildah, machine, ROOT, spawnAction, startRegistry } from './lib.mjs';

const MB = Number(process.env.PAD_MB ?? 300);
const PLATFORMS = process.env.PLATFORMS ?? 'linux/amd64,linux/arm64';

/** A module under bench/ (inside the workspace) whose binary carries MB megabytes of pseudo-random bytes. */
function paddedModule() {
  const dir = join(ROOT, 'bench', '.padded');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/padded\n\ngo 1.23\n');
  writeFileSync(
    join(dir, 'main.go'),
    [
      'package main',
      '',
      'import (',
      '\t_ "embed"',
      '\t"fmt"',
      ')',
      '',
      '//go:embed pad.bin',
      'var pad []byte',
      '',
      'func main() { fmt.Println("padded", len(pad)) }',
      '',
    ].join('\n'),
  );
  const pad = Buffer.alloc(MB * 1024 * 1024);
  let x = 0x12345678;
  for (let i = 0; i < pad.length; i += 4) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    pad.writeUInt32LE(x, i);
  }
  writeFileSync(join(dir, 'pad.bin'), pad);
  return dir;
}

/** Runs the action as the runner does and samples its VmHWM until it exits. */
async function runSampled(inputs, runnerTemp) {
  const { child, done } = spawnAction(inputs, { runnerTemp });
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      /* exited */
    }
  }, 20);
  try {
    return { ...(await done), peakMb: peakKb / 1024 };
  } finally {
    clearInterval(timer);
  }
}

const registry = await startRegistry();
const dir = paddedModule();
try {
  console.log(`machine: ${machine()}`);
  const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-bench-memory-'));
  const inputs = {
    'working-directory': 'bench/.padded',
    platforms: PLATFORMS,
    push: process.env.PUSH ?? 'true',
    tags: `${registry.host}/bench/padded:latest`,
    'source-date-epoch': '1700000000',
  };
  const run = await runSampled(inputs, runnerTemp);
  const images = JSON.parse(run.outputs.images);
  const biggest = Math.max(...images.map((i) => i.binary.size)) / 1024 / 1024;
  console.log(
    `binary ${biggest.toFixed(0)} MB (${images.length} platforms, pushed), layers ${images.map((i) => `${(i.layer.size / 1048576).toFixed(0)} MB`).join(', ')}`,
  );
  console.log(
    `peak RSS of the action process: ${run.peakMb.toFixed(0)} MB; ratio to the 200 MB budget ${(run.peakMb / 200).toFixed(3)}; ratio to the binary ${(run.peakMb / biggest).toFixed(3)}`,
  );
  console.log(/\*\*Time:\*\*[^\n]*/.exec(run.summary)?.[0]);
  if (process.env.PEER !== 'false') {
    // The peer: buildah packing and pushing the same binaries; GNU time reports its largest process's peak RSS.
    const binaries = run.outputs.binaries;
    const root = join(runnerTemp, 'buildah');
    writeFileSync(
      join(binaries, 'Dockerfile'),
      'FROM scratch\nARG TARGETOS\nARG TARGETARCH\nCOPY ${TARGETOS}_${TARGETARCH}/padded /padded\nENTRYPOINT ["/padded"]\n',
    );
    const peakOf = (args) =>
      Number(/maxrss=(\d+)/.exec(buildah(root, args, ['/usr/bin/time', '-f', 'maxrss=%M']).stderr)[1]) / 1024;
    const bud = peakOf([
      'bud',
      '--quiet',
      '--platform',
      PLATFORMS,
      '--manifest',
      'padded',
      '-f',
      join(binaries, 'Dockerfile'),
      binaries,
    ]);
    const push = peakOf([
      'manifest',
      'push',
      '--all',
      '--tls-verify=false',
      'padded',
      `docker://${registry.host}/bench/padded-peer:latest`,
    ]);
    const peer = Math.max(bud, push);
    console.log(
      `peer: buildah bud peak ${bud.toFixed(0)} MB, buildah manifest push peak ${push.toFixed(0)} MB; scratchpack / buildah = ${(run.peakMb / peer).toFixed(3)}`,
    );
  }
  rmSync(runnerTemp, { recursive: true, force: true });
} finally {
  registry.stop();
  rmSync(dir, { recursive: true, force: true });
}

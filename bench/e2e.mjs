// Target 1 of issue #5: six platforms of bench/service, built, packaged and pushed to a fresh repository on a local
// docker-registry, with a warm Go cache. Peer: the seeds' method without a daemon — a sequential go build loop,
// `buildah bud --platform <six> --manifest` over a FROM scratch / COPY / ENTRYPOINT Dockerfile, then
// `buildah manifest push --all`. Pairs alternate which side runs first; prints each pair and the median ratio (target <= 0.5).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildah, goBuildLoop, machine, median, runAction, seconds, sh, SIX, startLinkedRegistry } from './lib.mjs';

const PAIRS = Number(process.env.PAIRS ?? 3);
// LINK=100,20 puts the registry behind a 100 Mbit/s uplink with 20 ms latency, like a remote registry.
const registry = await startLinkedRegistry(process.env.LINK);
const work = mkdtempSync(join(tmpdir(), 'scratchpack-bench-e2e-'));

function peer(i) {
  const ctx = join(work, `peer-${i}`);
  mkdirSync(ctx, { recursive: true });
  goBuildLoop(SIX, join(ctx, 'bin'));
  writeFileSync(
    join(ctx, 'Dockerfile'),
    'FROM scratch\nARG TARGETARCH\nARG TARGETVARIANT\nCOPY bin/${TARGETARCH}${TARGETVARIANT}/app /app\nENTRYPOINT ["/app"]\n',
  );
  buildah(work, [
    'bud',
    '--quiet',
    '--platform',
    SIX.join(','),
    '--manifest',
    `peer-${i}`,
    '-f',
    join(ctx, 'Dockerfile'),
    ctx,
  ]);
  buildah(work, [
    'manifest',
    'push',
    '--all',
    '--tls-verify=false',
    `peer-${i}`,
    `docker://${registry.host}/bench/peer-${i}:latest`,
  ]);
}

function action(i) {
  const run = runAction({
    'working-directory': 'bench/service',
    platforms: SIX.join(','),
    push: 'true',
    tags: `${registry.host}/bench/action-${i}:latest`,
    'source-date-epoch': '1700000000',
  });
  return run;
}

try {
  console.log(`machine: ${machine()}; registry: ${registry.link}`);
  console.log('warming the Go build cache for six platforms...');
  goBuildLoop(SIX, join(work, 'warm'));
  const rows = [];
  let last;
  for (let i = 0; i < PAIRS; i++) {
    // The order alternates (action first in odd pairs, peer first in even ones), so that neither side always runs
    // right after the other: what one run leaves behind (freed memory, a busy registry) is shared out evenly.
    // Untimed `sync` before each side: neither run pays for writing back the other's dirty pages.
    const timeAction = async () => {
      sh('sync', []);
      return seconds(() => {
        last = action(i);
      });
    };
    const timePeer = async () => {
      sh('sync', []);
      return seconds(() => peer(i));
    };
    const first = i % 2 === 0 ? 'scratchpack' : 'peer';
    let a, p;
    if (first === 'scratchpack') {
      a = await timeAction();
      p = await timePeer();
    } else {
      p = await timePeer();
      a = await timeAction();
    }
    rows.push({ action: a, peer: p, ratio: a / p, first });
    console.log(
      `pair ${i + 1} (${first} first): scratchpack ${a.toFixed(2)} s, go loop + buildah ${p.toFixed(2)} s, ratio ${(a / p).toFixed(3)}`,
    );
  }
  const byOrder = (first) => rows.filter((r) => r.first === first).map((r) => r.ratio);
  console.log(
    `median: scratchpack ${median(rows.map((r) => r.action)).toFixed(2)} s, peer ${median(rows.map((r) => r.peer)).toFixed(2)} s, ratio ${median(rows.map((r) => r.ratio)).toFixed(3)} (target <= 0.5)`,
  );
  if (PAIRS > 1)
    console.log(
      `  by order: scratchpack first ${median(byOrder('scratchpack')).toFixed(3)}, peer first ${median(byOrder('peer')).toFixed(3)}`,
    );
  // Target 5: the layer of the static binary alone (no CA bundle) against `gzip -6` of the same binary.
  const bare = runAction({
    'working-directory': 'bench/service',
    platforms: SIX.join(','),
    'ca-certificates': 'false',
    'source-date-epoch': '1700000000',
  });
  console.log('\nimage sizes (ca-certificates: false, so the layer is the binary plus passwd, group and directories):');
  const blob = (d) => readFileSync(join(bare.outputs['oci-layout'], 'blobs', 'sha256', d.slice(7)));
  for (const img of JSON.parse(bare.outputs.images)) {
    const config = JSON.parse(blob(img.digest)).config.size;
    const bin = join(bare.outputs.binaries, img.platform.replaceAll('/', '_'), 'bench-service');
    const gz6 = Number(sh('sh', ['-c', `gzip -6 -n -c < "${bin}" | wc -c`]).trim());
    console.log(
      `  ${img.platform}: layer ${img.layer.size} B, gzip -6 ${gz6} B, layer - gzip -6 = ${img.layer.size - gz6} B (target <= 2048), ` +
        `ratio ${(img.layer.size / gz6).toFixed(4)}; manifest ${img.size} B + config ${config} B = ${img.size + config} B (target < 2048)`,
    );
  }
  console.log(
    `  with the CA bundle (last timed run): ${JSON.parse(last.outputs.images)
      .map((i) => `${i.platform} ${i.layer.size} B`)
      .join(', ')}`,
  );
} finally {
  registry.stop();
  rmSync(work, { recursive: true, force: true });
}

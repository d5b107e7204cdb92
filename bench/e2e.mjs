// Target 1 of issue #5: six platforms of bench/service, built, packaged and pushed to a fresh repository on a local
// docker-registry, with a warm Go cache. Peer: the seeds' method without a daemon — a sequential go build loop,
// `buildah bud --platform <six> --manifest` over a FROM scratch / COPY / ENTRYPOINT Dockerfile, then
// `buildah manifest push --all`. Pairs alternate which side runs first; prints each pair and the median ratio (target <= 0.5).
// ATTACH=false turns off the SBOM and provenance (issue #19), to compare the ratio with them on and off.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildah,
  bundleAt,
  goBuildLoop,
  machine,
  median,
  runAction,
  seconds,
  sh,
  SIX,
  startLinkedRegistry,
} from './lib.mjs';

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

function action(i, bundle, name) {
  const run = runAction(
    {
      'working-directory': 'bench/service',
      platforms: SIX.join(','),
      push: 'true',
      tags: `${registry.host}/bench/${name}-${i}:latest`,
      'source-date-epoch': '1700000000',
      ...(process.env.ATTACH === 'false' ? { sbom: 'false', provenance: 'false' } : {}),
    },
    { bundle },
  );
  return run;
}

try {
  console.log(`machine: ${machine()}; registry: ${registry.link}`);
  console.log('warming the Go build cache for six platforms...');
  goBuildLoop(SIX, join(work, 'warm'));
  // BASE=<rev> adds that revision's committed bundle as a third side, so a change is measured against its parent.
  const sides = [{ name: 'scratchpack', bundle: undefined }];
  if (process.env.BASE) sides.push({ name: `at ${process.env.BASE}`, bundle: bundleAt(process.env.BASE) });
  const rows = [];
  let last;
  for (let i = 0; i < PAIRS; i++) {
    // The order rotates (with two sides: action first in odd pairs, peer first in even ones), so that no side always
    // runs right after another: what one run leaves behind (freed memory, a busy registry) is shared out evenly.
    // Untimed `sync` before each side: no run pays for writing back another's dirty pages.
    const runs = [
      ...sides.map((side, k) => ({
        name: side.name,
        time: () => seconds(() => (last = action(i, side.bundle, `action${k}`))),
      })),
      { name: 'peer', time: () => seconds(() => peer(i)) },
    ];
    const order = runs.map((_, k) => runs[(k + i) % runs.length]);
    const t = {};
    for (const r of order) {
      sh('sync', []);
      t[r.name] = await r.time();
    }
    rows.push({ t, first: order[0].name });
    const cells = sides.map(
      (side) => `${side.name} ${t[side.name].toFixed(2)} s, ratio ${(t[side.name] / t.peer).toFixed(3)}`,
    );
    console.log(
      `pair ${i + 1} (${order[0].name} first): ${cells.join('; ')}; go loop + buildah ${t.peer.toFixed(2)} s`,
    );
  }
  for (const side of sides) {
    const ratios = rows.map((r) => r.t[side.name] / r.t.peer);
    console.log(
      `${side.name}: median ${median(rows.map((r) => r.t[side.name])).toFixed(2)} s against ${median(rows.map((r) => r.t.peer)).toFixed(2)} s, ratio ${median(ratios).toFixed(3)} (target <= 0.5)`,
    );
    if (PAIRS > 1 && sides.length === 1) {
      const byOrder = (first) => rows.filter((r) => r.first === first).map((r) => r.t[side.name] / r.t.peer);
      console.log(
        `  by order: scratchpack first ${median(byOrder('scratchpack')).toFixed(3)}, peer first ${median(byOrder('peer')).toFixed(3)}`,
      );
    }
  }
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

// Issue #28: the action against ko (github.com/google/ko, built from the Go module proxy at KO_VERSION), six platforms
// pushed to a local docker-registry, warm Go cache, alternating pairs. Two services: bench/service and Prometheus'
// pushgateway (a real third-party service, from the Go module proxy). Two settings:
//   same: SBOMs off on both sides and the same binary (ko given `-s -w` by its .ko.yaml, as the action's default);
//   defaults: each side as it comes (the action: SBOM and provenance; ko: its SPDX SBOM, no `-s -w`).
// MODE=e2e (each run in fresh temp dirs, no KOCACHE) or MODE=rerun (an unchanged rerun: the action's RUNNER_TEMP kept,
// ko with KOCACHE). ko's base is an empty image index of the six platforms in the same registry (the machine has no
// internet for ko's default cgr.dev/chainguard/static); the action's images carry the CA bundle, ko's do not.
// Usage: [PAIRS=9] [MODE=e2e|rerun] [SERVICES=service,pushgateway] [SETTINGS=same,defaults] [COMPRESSION=zstd]
//        [BASE=<rev>] [ACTION_NODE=<node>] node bench/ko.mjs
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAt, machine, median, pushSix, runAction, seconds, sh, startRegistry } from './lib.mjs';
import { ensureKo, KO_VERSION, koRun, pushEmptyBase, services } from './peers.mjs';

const PAIRS = Number(process.env.PAIRS ?? 9);
const MODE = process.env.MODE ?? 'e2e';
const SETTINGS = (process.env.SETTINGS ?? 'same,defaults').split(',');
/** Total layer bytes of a pushed index, read back from the registry (each platform's layers). */
async function layerBytes(host, repo, ref) {
  const get = async (r) => {
    const res = await fetch(`http://${host}/v2/${repo}/manifests/${r}`, {
      headers: {
        accept:
          'application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.docker.distribution.manifest.v2+json',
      },
    });
    return res.json();
  };
  const index = await get(ref);
  let total = 0;
  for (const m of index.manifests.filter((x) => x.platform))
    for (const l of (await get(m.digest)).layers) total += l.size;
  return total;
}

function actionRun({ dir, host, repo, setting, runnerTemp, bundle }) {
  return runAction(
    {
      ...pushSix(dir, host, repo),
      ...(setting === 'same' ? { sbom: 'false', provenance: 'false' } : {}),
      ...(process.env.COMPRESSION ? { compression: process.env.COMPRESSION } : {}),
    },
    { bundle, ...(runnerTemp ? { runnerTemp } : {}), env: { GOFLAGS: '-mod=mod' } },
  );
}

const spread = (xs) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;

async function measure(name, dir, setting, registry, base, sides) {
  const host = registry.host;
  const rerun = MODE === 'rerun';
  const kocache = rerun ? mkdtempSync(join(tmpdir(), 'scratchpack-bench-kocache-')) : undefined;
  for (const s of sides) s.runnerTemp = rerun ? mkdtempSync(join(tmpdir(), 'scratchpack-bench-rt-')) : undefined;
  // Warm-up: each side once (the Go cache for its flags, and for a rerun the caches and the repository).
  koRun({ dir, host, repo: `${name}/ko-${setting}`, base, setting, kocache });
  for (const s of sides) actionRun({ dir, host, repo: `${name}/${s.key}-${setting}`, setting, ...s });
  const rows = [];
  for (let i = 0; i < PAIRS; i++) {
    const repo = (who) => (rerun ? `${name}/${who}-${setting}` : `${name}/${who}-${setting}-${i}`);
    const runs = [
      { who: 'ko', time: () => seconds(() => koRun({ dir, host, repo: repo('ko'), base, setting, kocache })) },
      ...sides.map((s) => ({
        who: s.key,
        time: () => seconds(() => actionRun({ dir, host, repo: repo(s.key), setting, ...s })),
      })),
    ];
    const t = {};
    for (let k = 0; k < runs.length; k++) {
      const r = runs[(k + i) % runs.length];
      sh('sync', []);
      t[r.who] = await r.time();
    }
    rows.push(t);
    console.log(
      `  pair ${i + 1}: ko ${t.ko.toFixed(2)} s; ${sides.map((s) => `${s.key} ${t[s.key].toFixed(2)} s (${(t[s.key] / t.ko).toFixed(3)})`).join('; ')}`,
    );
  }
  const koBytes = await layerBytes(host, rerun ? `${name}/ko-${setting}` : `${name}/ko-${setting}-0`, 'latest');
  for (const s of sides) {
    const ratios = rows.map((t) => t[s.key] / t.ko);
    const bytes = await layerBytes(
      host,
      rerun ? `${name}/${s.key}-${setting}` : `${name}/${s.key}-${setting}-0`,
      'latest',
    );
    console.log(
      `${name}, ${setting}, ${MODE}: ${s.key} median ${median(rows.map((t) => t[s.key])).toFixed(2)} s against ko ${median(rows.map((t) => t.ko)).toFixed(2)} s: ratio ${median(ratios).toFixed(3)} (spread ${spread(ratios)}, ${PAIRS} pairs); layers ${bytes} B against ko's ${koBytes} B (${(bytes / koBytes).toFixed(3)})`,
    );
  }
}

ensureKo();
const registry = await startRegistry();
try {
  console.log(
    `machine: ${machine()}; ko ${KO_VERSION}; mode ${MODE}${process.env.COMPRESSION ? `; compression ${process.env.COMPRESSION}` : ''}`,
  );
  const base = pushEmptyBase(registry.host);
  const sides = [{ key: 'action', bundle: undefined }];
  if (process.env.BASE) sides.push({ key: `at-${process.env.BASE.toLowerCase()}`, bundle: bundleAt(process.env.BASE) });
  for (const [name, dir] of services())
    for (const setting of SETTINGS) await measure(name, dir, setting, registry, base, sides);
} finally {
  registry.stop();
}

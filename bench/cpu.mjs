// Issue #28: where the CPU goes, against ko. On two cores both tools are CPU-bound end to end, so wall time follows
// CPU time, and the ratio the issue asks for is bounded by what the go builds alone cost. Per service, alternating:
//   ko       ko build, SBOMs off, the same `-s -w` binary (as bench/ko.mjs `same`);
//   action   the action, SBOMs off (COMPRESSION=zstd for zstd);
//   floor    the six bare `go build`s with the action's flags and settings, two at a time (GOMAXPROCS=1, GOGC=400);
//   binaries the action given those six binaries (`binaries`): everything it does besides go build.
// Each prints the median wall time, the CPU of its process tree (user + sys) and the registry's CPU during the run.
// Usage: [RUNS=7] [SERVICES=service,pushgateway] [COMPRESSION=zstd] [ACTION_NODE=...] node bench/cpu.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ACTION_NODE,
  actionEnv,
  goEnv,
  machine,
  median,
  pushSix,
  ROOT,
  sh,
  SIX,
  startRegistry,
  tempRun,
} from './lib.mjs';
import { ensureKo, KO, KO_VERSION, koRun, pushEmptyBase, services } from './peers.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const COMPRESSION = process.env.COMPRESSION;
const GO_SETTINGS = { GOMAXPROCS: '1', GOGC: '400', GOFLAGS: '-mod=mod' };

/** CPU seconds a process has used (user + sys), from /proc. */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs `argv` under GNU time: wall seconds and the CPU seconds of its whole process tree. */
function timed(argv, opts = {}) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    ...opts,
    env: { ...process.env, ...opts.env },
  });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall: (performance.now() - t) / 1000, cpu: user + sys };
}

/** The six bare builds, two lanes of three, as the action runs them; into `out/<os>_<arch>[_<variant>]/app`. */
function floorScript(out) {
  const build = (p) => {
    const env = Object.entries({ ...goEnv(p), ...GO_SETTINGS })
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    return `env ${env} go build -trimpath -ldflags='-s -w' -o ${join(out, p.replace(/\//g, '_'), 'app')} .`;
  };
  const lane = (ps) => `( ${ps.map(build).join(' && ')} )`;
  return `${lane(SIX.filter((_, i) => i % 2 === 0))} & ${lane(SIX.filter((_, i) => i % 2 === 1))} & wait`;
}

async function measure(name, dir, registry, base, pid) {
  const host = registry.host;
  const bins = join(ROOT, '.tmp', 'bench-cpu-binaries', name);
  let n = 0;
  const action = (inputs) =>
    timed([ACTION_NODE, join(ROOT, 'dist', 'index.cjs')], {
      env: actionEnv(
        {
          ...pushSix(dir, host, `${name}/cpu-${n++}`),
          sbom: 'false',
          provenance: 'false',
          ...(COMPRESSION ? { compression: COMPRESSION } : {}),
          ...inputs,
        },
        tempRun(),
        { GOFLAGS: '-mod=mod' },
      ).e,
    });
  const sides = {
    ko: () =>
      koRun({ dir, host, repo: `${name}/ko-${n++}`, base, setting: 'same' }, (cmd, argv, o) =>
        timed([cmd, ...argv], o),
      ),
    action: () => action({}),
    floor: () => {
      rmSync(bins, { recursive: true, force: true });
      return timed(['sh', '-c', floorScript(bins)], { cwd: join(ROOT, dir) });
    },
    binaries: () => action({ 'working-directory': '.', binaries: `${relative(ROOT, bins)}/{platform}/app` }),
  };
  const rows = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (const k of Object.keys(sides)) sides[k](); // warm-up: Go's cache for these flags, ko, the bundle's files
  for (let i = 0; i < RUNS; i++) {
    const keys = Object.keys(sides);
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(i + j) % keys.length];
      sh('sync', []);
      const before = cpuOf(pid);
      const r = sides[k]();
      rows[k].push({ ...r, registry: cpuOf(pid) - before });
    }
  }
  const m = (k, f) => median(rows[k].map((r) => r[f]));
  for (const k of Object.keys(sides))
    console.log(
      `${name} ${k.padEnd(8)} wall ${m(k, 'wall').toFixed(2)} s, CPU ${m(k, 'cpu').toFixed(2)} s, registry ${m(k, 'registry').toFixed(2)} s`,
    );
  // Two cores, CPU-bound: a run cannot take less wall time than half its CPU and the registry's.
  const budget = 2 * 0.75 * m('ko', 'wall') - m('floor', 'cpu') - m('action', 'registry');
  console.log(
    `${name}: 0.75 of ko's wall time on 2 cores leaves ${budget.toFixed(2)} CPU-s beside the bare builds and the registry; the action's own work takes ${m('binaries', 'cpu').toFixed(2)} CPU-s`,
  );
}

ensureKo();
const registry = await startRegistry();
try {
  const pid = sh('pgrep', ['-f', registry.dir]).trim().split('\n')[0];
  console.log(
    `machine: ${machine()}; ko ${KO_VERSION} (${KO}); ${RUNS} runs each${COMPRESSION ? `; ${COMPRESSION}` : ''}`,
  );
  const base = pushEmptyBase(registry.host);
  for (const [name, dir] of services()) await measure(name, dir, registry, base, pid);
} finally {
  await registry.stop();
}

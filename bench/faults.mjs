// Hardening target 1 of issue #5: 20 six-platform pushes through the fault proxy of the tests, which fails every
// distinct request once, in rotation: 503, 429 with Retry-After, a dropped connection, 500, 502. Each run pushes to a
// fresh repository. After each run the tag must resolve to a complete index: skopeo copies every manifest and blob
// out of the registry (checking each digest), and a failed run must have left no tag at all. Also prints the time
// of a faulty run against a clean push of the same images, side by side.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTs, machine, median, runActionAsync, seconds, sh, SIX, startRegistry } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 20);
const { startProxy } = await importTs('__tests__/helpers/registry.ts');
const registry = await startRegistry();
const proxy = await startProxy(registry.host);
const rotation = [
  { status: 503 },
  { status: 429, headers: { 'retry-after': '1' } },
  'drop',
  { status: 500 },
  { status: 502 },
];
const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-bench-faults-'));
const inputs = (repo) => ({
  'working-directory': 'bench/service',
  platforms: SIX.join(','),
  push: 'true',
  tags: `${proxy.host}/${repo}:latest`,
  'source-date-epoch': '1700000000',
});

/** Copies the whole tree out of the registry with skopeo, which verifies every digest; returns the platforms found. */
function validate(repo) {
  const ref = `docker://${registry.host}/${repo}:latest`;
  const raw = spawnSync('skopeo', ['inspect', '--tls-verify=false', '--raw', ref], { encoding: 'utf8' });
  if (raw.status !== 0) return { tagged: false };
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-copy-'));
  try {
    sh('skopeo', ['copy', '--quiet', '--all', '--src-tls-verify=false', ref, `oci:${dir}:x`]);
    return { tagged: true, complete: true, platforms: JSON.parse(raw.stdout).manifests.length };
  } catch (e) {
    return { tagged: true, complete: false, error: String(e).slice(0, 300) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [];
try {
  console.log(`machine: ${machine()}`);
  await runActionAsync(inputs('bench/warm'), { runnerTemp }); // warm Go and layer caches: the runs below measure the push
  for (let i = 0; i < RUNS; i++) {
    const failed = new Set();
    let n = 0;
    const before = proxy.seen.length;
    proxy.fault = (req) => {
      const key = `${req.method} ${req.path}`;
      if (failed.has(key)) return 'pass';
      failed.add(key);
      return rotation[n++ % rotation.length];
    };
    let run, error;
    const faulty = await seconds(async () => {
      try {
        run = await runActionAsync(inputs(`bench/faults-${i}`), { runnerTemp });
      } catch (e) {
        error = e;
      }
    });
    proxy.fault = () => 'pass';
    const injected = proxy.seen
      .slice(before)
      .filter((s) => s.injected)
      .map((s) => s.injected);
    const clean = await seconds(() => runActionAsync(inputs(`bench/clean-${i}`), { runnerTemp }));
    const v = validate(`bench/faults-${i}`);
    const ok = error ? !v.tagged : v.tagged && v.complete && v.platforms === SIX.length;
    const retries = Number(/(\d+) retries/.exec(run?.summary ?? '')?.[1] ?? -1);
    results.push({ ok, succeeded: !error, faulty, clean, injected: injected.length, retries });
    console.log(
      `run ${i + 1}: ${error ? 'step failed' : 'step passed'}, ${injected.length} faults injected (${[...new Set(injected)].join(' ')}), ${retries} retries, ` +
        `${v.tagged ? (v.complete ? `tag -> complete index of ${v.platforms}` : `tag -> INCOMPLETE index: ${v.error}`) : 'no tag'}; ` +
        `${faulty.toFixed(2)} s vs clean push ${clean.toFixed(2)} s (ratio ${(faulty / clean).toFixed(2)}) -> ${ok ? 'ok' : 'FAIL'}`,
    );
  }
  const bad = results.filter((r) => !r.ok).length;
  console.log(
    `\n${RUNS} runs: ${results.filter((r) => r.succeeded).length} pushed, ${bad} invalid; ` +
      `${results.reduce((s, r) => s + r.injected, 0)} faults injected, ${results.reduce((s, r) => s + r.retries, 0)} retries; ` +
      `median faulty/clean time ratio ${median(results.map((r) => r.faulty / r.clean)).toFixed(2)}`,
  );
  if (bad > 0) process.exitCode = 1;
} finally {
  await proxy.close();
  await registry.stop();
}

// Issue #30: what `vulnerabilities: report` costs, measured side by side with `off`, to decide its default. Six
// platforms pushed to a local docker-registry, defaults otherwise, warm Go cache, alternating pairs. The database is
// the whole Go vulnerability database (every OSV record of golang.org/x/vulndb, laid out as a file:// database);
// govulncheck is in the tool cache already (built once before timing), as the "warm tool cache" asks.
//   MODE=e2e: each run in fresh temp dirs and a fresh tool cache holding only govulncheck (no layer store, no
//             cached results), so every binary is checked.
//   MODE=rerun: each side reruns in its own kept dirs: an unchanged rerun, results from the cache.
// Usage: [PAIRS=9] [MODE=e2e|rerun] [DIRS=bench/service,.tmp/bench-pushgateway] node bench/vulns.mjs
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTs, machine, median, pushSix, runAction, seconds, sh, startRegistry } from './lib.mjs';

const PAIRS = Number(process.env.PAIRS ?? 9);
const MODE = process.env.MODE ?? 'e2e';
const DIRS = (process.env.DIRS ?? 'bench/service').split(',');

/** The whole database, once: every advisory the pinned golang.org/x/vulndb holds. */
async function fullDb() {
  const { vulnDb, VULNDB_MODULE } = await importTs('__tests__/helpers/vulndb.ts');
  const info = JSON.parse(sh('go', ['mod', 'download', '-json', VULNDB_MODULE], { env: { GOFLAGS: '' } }));
  const ids = readdirSync(join(info.Dir, 'data', 'osv')).map((f) => f.replace(/\.json$/, ''));
  return { url: `file://${vulnDb(ids)}`, count: ids.length };
}

function run({ dir, host, repo, vulns, db, runnerTemp, toolCache }) {
  return runAction(
    {
      ...pushSix(dir, host, repo),
      vulnerabilities: vulns,
      'vuln-db': db,
    },
    { runnerTemp, env: { GOFLAGS: '-mod=mod', RUNNER_TOOL_CACHE: toolCache } },
  );
}

/** A tool cache holding govulncheck and nothing else (no layer store, no results), copied from the template. */
function freshToolCache(template) {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-tc-'));
  cpSync(join(template, 'govulncheck'), join(dir, 'govulncheck'), { recursive: true });
  return dir;
}

const spread = (xs) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;

async function measure(dir, host, db, template) {
  const name = dir.split('/').at(-1);
  const rerun = MODE === 'rerun';
  const sides = ['off', 'report'].map((vulns) => ({
    vulns,
    runnerTemp: rerun ? mkdtempSync(join(tmpdir(), 'scratchpack-bench-rt-')) : undefined,
    toolCache: rerun ? freshToolCache(template) : undefined,
  }));
  // Warm-up: the Go cache, and for a rerun each side's layer store and results.
  for (const s of sides)
    run({
      dir,
      host,
      repo: `${name}/${s.vulns}`,
      vulns: s.vulns,
      db,
      ...s,
      toolCache: s.toolCache ?? freshToolCache(template),
    });
  const rows = [];
  for (let i = 0; i < PAIRS; i++) {
    const t = {};
    for (let k = 0; k < sides.length; k++) {
      const s = sides[(k + i) % sides.length];
      const opts = {
        dir,
        host,
        repo: rerun ? `${name}/${s.vulns}` : `${name}/${s.vulns}-${i}`,
        vulns: s.vulns,
        db,
        runnerTemp: s.runnerTemp,
        toolCache: s.toolCache ?? freshToolCache(template),
      };
      sh('sync', []);
      let last;
      t[s.vulns] = await seconds(() => (last = run(opts)));
      if (s.vulns === 'report' && i === 0)
        console.log(`  ${last.summary.split('\n').find((l) => l.startsWith('**Vulnerabilities:**'))}`);
      if (!rerun) rmSync(opts.toolCache, { recursive: true, force: true });
    }
    rows.push(t);
    console.log(
      `  pair ${i + 1}: off ${t.off.toFixed(2)} s, report ${t.report.toFixed(2)} s (${(t.report / t.off).toFixed(3)})`,
    );
  }
  const ratios = rows.map((t) => t.report / t.off);
  console.log(
    `${name}, ${MODE}: report median ${median(rows.map((t) => t.report)).toFixed(2)} s against off ${median(rows.map((t) => t.off)).toFixed(2)} s: ratio ${median(ratios).toFixed(3)} (spread ${spread(ratios)}, ${PAIRS} pairs)`,
  );
}

const registry = await startRegistry();
try {
  const db = await fullDb();
  console.log(`machine: ${machine()}; mode ${MODE}; database: ${db.count} advisories (file://)`);
  // govulncheck built once into a template tool cache, outside the timing.
  const template = mkdtempSync(join(tmpdir(), 'scratchpack-bench-tc-'));
  run({ dir: DIRS[0], host: registry.host, repo: 'warmup', vulns: 'report', db: db.url, toolCache: template });
  if (!existsSync(join(template, 'govulncheck'))) throw new Error('govulncheck was not cached');
  for (const dir of DIRS) await measure(dir, registry.host, db.url, template);
} finally {
  registry.stop();
}

// Target 2 of issue #5: an unchanged rerun (same RUNNER_TEMP, so the layer cache is warm; same registry repository)
// against the bare sequential `go build` loop for the same six targets. Alternating pairs; target ratio <= 1.1.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goBuildLoop, machine, median, runAction, seconds, SIX, startRegistry } from './lib.mjs';

const PAIRS = Number(process.env.PAIRS ?? 3);
const registry = await startRegistry();
try {
  console.log(`machine: ${machine()}`);
  const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-bench-rerun-'));
  const inputs = { 'working-directory': 'bench/service', platforms: SIX.join(','), push: 'true', tags: `${registry.host}/bench/rerun:latest`, 'source-date-epoch': '1700000000' };
  const first = runAction(inputs, { runnerTemp });
  const loopDir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-loop-'));
  goBuildLoop(SIX, loopDir);
  const rows = [];
  for (let i = 0; i < PAIRS; i++) {
    let run;
    const a = await seconds(() => { run = runAction(inputs, { runnerTemp }); });
    const l = await seconds(() => goBuildLoop(SIX, loopDir));
    if (run.outputs.digest !== first.outputs.digest) throw new Error('rerun changed the digest');
    const blobs = /\*\*Blobs:\*\* ([^\n]*)/.exec(run.summary)?.[1];
    const cache = /\((\d+ of \d+ layers from the layer cache)\)/.exec(run.summary)?.[1] ?? 'no layer cache hits';
    rows.push(a / l);
    console.log(`pair ${i + 1}: rerun ${a.toFixed(2)} s, go build loop ${l.toFixed(2)} s, ratio ${(a / l).toFixed(3)}; ${cache}; blobs ${blobs}`);
  }
  console.log(`median ratio ${median(rows).toFixed(3)} (target <= 1.1)`);
} finally {
  registry.stop();
}

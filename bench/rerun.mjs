// Target 2 of issue #5: an unchanged rerun (same RUNNER_TEMP, so the layer cache is warm; same registry repository)
// against the bare sequential `go build` loop for the same six targets. Alternating pairs; target ratio <= 1.1.
// BASE=<git revision> also reruns that revision's committed bundle in each pair (its own RUNNER_TEMP, alternating
// order), so a change is measured side by side with its parent in one script.
// Each pair also times the same loop with the GOGC/GOMEMLIMIT the action gives its builds, so the ratio against that
// loop is the action's own overhead, apart from what its garbage-collector setting saves.
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleAt, goBuildLoop, importTs, machine, median, runAction, seconds, SIX, startRegistry } from './lib.mjs';

const PAIRS = Number(process.env.PAIRS ?? 3);
const { gcTuning } = await importTs('src/build/go/argv.ts');
const tuned = gcTuning(totalmem(), availableParallelism());
const registry = await startRegistry();
try {
  console.log(`machine: ${machine()}`);
  const sides = [{ name: 'rerun', bundle: undefined }];
  if (process.env.BASE) sides.push({ name: `rerun at ${process.env.BASE}`, bundle: bundleAt(process.env.BASE) });
  const inputs = {
    'working-directory': 'bench/service',
    platforms: SIX.join(','),
    push: 'true',
    tags: `${registry.host}/bench/rerun:latest`,
    'source-date-epoch': '1700000000',
  };
  for (const side of sides) {
    side.runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-bench-rerun-'));
    side.first = runAction(inputs, { runnerTemp: side.runnerTemp, bundle: side.bundle });
    side.ratios = [];
    side.own = [];
  }
  const loopDir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-loop-'));
  goBuildLoop(SIX, loopDir);
  for (let i = 0; i < PAIRS; i++) {
    const l = await seconds(() => goBuildLoop(SIX, loopDir));
    const lt = await seconds(() => goBuildLoop(SIX, loopDir, 'app', tuned));
    const parts = [];
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      let run;
      const a = await seconds(() => {
        run = runAction(inputs, { runnerTemp: side.runnerTemp, bundle: side.bundle });
      });
      if (run.outputs.digest !== side.first.outputs.digest) throw new Error('rerun changed the digest');
      const blobs = /\*\*Blobs:\*\* ([^\n]*)/.exec(run.summary)?.[1];
      const cache = /\((\d+ of \d+ layers from the layer cache)\)/.exec(run.summary)?.[1] ?? 'no layer cache hits';
      side.ratios.push(a / l);
      side.own.push(a / lt);
      parts.push(`${side.name} ${a.toFixed(2)} s, ratio ${(a / l).toFixed(3)}; ${cache}; blobs ${blobs}`);
    }
    console.log(
      `pair ${i + 1}: go build loop ${l.toFixed(2)} s (${lt.toFixed(2)} s with GOGC=${tuned.GOGC} GOMEMLIMIT=${tuned.GOMEMLIMIT}); ${parts.join(' | ')}`,
    );
  }
  for (const side of sides) {
    console.log(
      `${side.name}: median ratio ${median(side.ratios).toFixed(3)} (target <= 1.1); ` +
        `against the loop with the action's GC settings ${median(side.own).toFixed(3)}`,
    );
  }
} finally {
  registry.stop();
}

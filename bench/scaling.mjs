// Target 4 of issue #5: how the action's time scales from 1 to 6 platforms (layout only, warm Go cache, cold layer
// cache), next to the sequential go build loop for the same platforms. go build and compression both run
// concurrently, bounded by the number of cores.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goBuildLoop, machine, median, runAction, seconds, SIX } from './lib.mjs';

const REPEAT = Number(process.env.REPEAT ?? 3);
console.log(`machine: ${machine()}`);
goBuildLoop(SIX, mkdtempSync(join(tmpdir(), 'scratchpack-bench-warm-')));
console.log('platforms | scratchpack (median s) | go build loop (median s) | ratio');
for (let n = 1; n <= SIX.length; n++) {
  const platforms = SIX.slice(0, n);
  const a = [],
    l = [];
  for (let i = 0; i < REPEAT; i++) {
    a.push(
      await seconds(() =>
        runAction({ 'working-directory': 'bench/service', platforms: platforms.join(','), 'source-date-epoch': '1' }),
      ),
    );
    l.push(await seconds(() => goBuildLoop(platforms, mkdtempSync(join(tmpdir(), 'scratchpack-bench-loop-')))));
  }
  console.log(`${n} | ${median(a).toFixed(2)} | ${median(l).toFixed(2)} | ${(median(a) / median(l)).toFixed(3)}`);
}

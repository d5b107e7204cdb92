// What the run-before-ship test costs: bench/service for six platforms (amd64 natively, the others under qemu),
// each image run with `-check`, written as a layout (no push), against the same run without the test. Alternating
// pairs on a warm layer cache; with BASE=<rev>, that revision's bundle is timed in the same pairs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAt, machine, median, runAction, seconds, SIX } from './lib.mjs';

const PAIRS = Number(process.env.PAIRS ?? 5);
const base = { 'working-directory': 'bench/service', platforms: SIX.join(','), 'source-date-epoch': '1700000000' };
const tested = { ...base, 'test-args': '-check', 'test-expect': '^service ok$' };
const sides = [{ name: 'this bundle', bundle: undefined }];
if (process.env.BASE) sides.push({ name: `at ${process.env.BASE}`, bundle: bundleAt(process.env.BASE) });

console.log(`machine: ${machine()}`);
for (const side of sides) {
  side.runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-bench-preship-'));
  side.costs = [];
  const warm = runAction(tested, { runnerTemp: side.runnerTemp, bundle: side.bundle });
  if (!/passed/.test(warm.summary)) throw new Error(`${side.name}: the test did not pass:\n${warm.stdout}`);
}
for (let i = 0; i < PAIRS; i++) {
  const parts = [];
  for (const side of i % 2 ? [...sides].reverse() : sides) {
    const opts = { runnerTemp: side.runnerTemp, bundle: side.bundle };
    const without = await seconds(() => runAction(base, opts));
    const withTest = await seconds(() => runAction(tested, opts));
    side.costs.push(withTest - without);
    parts.push(`${side.name}: ${without.toFixed(2)} s, with the test ${withTest.toFixed(2)} s`);
  }
  console.log(`pair ${i + 1}: ${parts.join(' | ')}`);
}
for (const side of sides) {
  console.log(`${side.name}: the test of six images adds ${median(side.costs).toFixed(2)} s (median of ${PAIRS})`);
}

// The cost of a readiness test per platform (issue #26): __tests__/fixtures/server with test-http 8080/healthz, on
// amd64 natively and arm64 under qemu; the test's time from the sandbox's set-up to the last process's end, and the
// time until the probe's first 200.
const serverInputs = {
  'working-directory': '__tests__/fixtures/server',
  platforms: 'linux/amd64,linux/arm64',
  'test-http': '8080/healthz',
  'source-date-epoch': '1700000000',
};
const rt = mkdtempSync(join(tmpdir(), 'scratchpack-bench-ready-'));
runAction(serverInputs, { runnerTemp: rt });
const per = {};
for (let i = 0; i < PAIRS; i++) {
  const r = runAction(serverInputs, { runnerTemp: rt });
  for (const img of JSON.parse(r.outputs.images)) {
    const ready = Number(/after ([\d.]+) s/.exec(img.test.detail)?.[1] ?? NaN) * 1000;
    (per[img.platform] ??= { ms: [], ready: [], via: img.test.via }).ms.push(img.test.ms);
    per[img.platform].ready.push(ready);
  }
}
for (const [platform, p] of Object.entries(per)) {
  console.log(
    `readiness test, ${platform} (${p.via}): ${Math.round(median(p.ms))} ms in all, ready after ${Math.round(median(p.ready))} ms (median of ${PAIRS})`,
  );
}

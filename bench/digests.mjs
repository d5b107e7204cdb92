// Same bytes: the index digest of this bundle against another revision's (BASE=<rev>, default HEAD), side by side,
// on the example app and on bench/service, for 3 and 6 platforms, with a fixed epoch and ca-certificates: false.
// Prints one line per case and exits 1 if any digest differs.
import { bundleAt, runAction, SIX } from './lib.mjs';

const base = process.env.BASE ?? 'HEAD';
const baseBundle = bundleAt(base);
const cases = [];
for (const dir of ['example', 'bench/service']) for (const n of [3, 6]) cases.push({ dir, platforms: SIX.slice(0, n) });
let differ = 0;
for (const c of cases) {
  const inputs = {
    'working-directory': c.dir,
    platforms: c.platforms.join(','),
    'source-date-epoch': '1700000000',
    'ca-certificates': 'false',
  };
  const ours = runAction(inputs).outputs.digest;
  const theirs = runAction(inputs, { bundle: baseBundle }).outputs.digest;
  if (ours !== theirs) differ++;
  console.log(`${c.dir}, ${c.platforms.length} platforms: ${ours} ${ours === theirs ? '=' : '!='} ${theirs} (${base})`);
}
process.exitCode = differ ? 1 : 0;

// Same bytes: the index digest and every attached document's digest of this bundle against another revision's
// (BASE=<rev>, default HEAD), side by side. Cases: the example app and bench/service for 1, 3 and 6 platforms with
// SBOM and provenance on; tzdata; cgo with gathered libraries (Debian's cross gcc); C binaries brought with
// `binaries`; attachments off. A fixed epoch and ca-certificates: false. Prints one line per case, exits 1 on a change.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundleAt, ROOT, runAction, sh, SIX } from './lib.mjs';

const base = process.env.BASE ?? 'HEAD';
const baseBundle = bundleAt(base);
const fixed = { 'source-date-epoch': '1700000000', 'ca-certificates': 'false' };

// Two static C binaries, built here, for the binaries case (inside the workspace, as the input requires).
const bin = join(ROOT, '.tmp', 'digests-bench');
for (const a of ['amd64', 'arm64']) mkdirSync(join(bin, a), { recursive: true });
const hello = join(ROOT, '__tests__', 'fixtures', 'native', 'hello.c');
sh('gcc', ['-static', '-O2', '-o', join(bin, 'amd64', 'hello'), hello]);
sh('aarch64-linux-gnu-gcc', ['-static', '-O2', '-o', join(bin, 'arm64', 'hello'), hello]);

const cases = [];
for (const dir of ['example', 'bench/service'])
  for (const n of [1, 3, 6])
    cases.push({
      name: `${dir}, ${n} platforms`,
      inputs: { 'working-directory': dir, platforms: SIX.slice(0, n).join(',') },
    });
cases.push(
  {
    name: 'example, 3 platforms, tzdata',
    inputs: { 'working-directory': 'example', platforms: SIX.slice(0, 3).join(','), tzdata: 'true' },
  },
  {
    name: 'example, 6 platforms, no attachments',
    inputs: { 'working-directory': 'example', platforms: SIX.join(','), sbom: 'false', provenance: 'false' },
  },
  {
    name: 'cgo, gathered, amd64 and arm64',
    inputs: {
      'working-directory': '__tests__/fixtures/cgo',
      platforms: 'linux/amd64,linux/arm64',
      cgo: 'true',
      linkage: 'gather',
    },
  },
  {
    name: 'binaries (static C), amd64 and arm64',
    inputs: { platforms: 'linux/amd64,linux/arm64', binaries: '.tmp/digests-bench/{arch}/hello' },
  },
);

let differ = 0;
for (const c of cases) {
  const inputs = { ...fixed, ...c.inputs };
  const [ours, theirs] = [undefined, baseBundle].map((bundle) => {
    const r = runAction(inputs, { bundle });
    if (!r.outputs.digest) throw new Error(`${c.name}: no digest (${bundle ?? 'this bundle'}):\n${r.stdout}`);
    return { digest: r.outputs.digest, documents: r.outputs.attachments ?? '' };
  });
  const index = ours.digest === theirs.digest ? '=' : '!=';
  const documents = ours.documents === theirs.documents ? '=' : '!=';
  if (index !== '=' || documents !== '=') differ++;
  const docs = Object.values(JSON.parse(ours.documents || '{}')).flat().length;
  console.log(`${c.name}: index ${ours.digest} ${index} ${base}; ${docs} documents ${documents} ${base}`);
}
process.exitCode = differ ? 1 : 0;

// Toolchains (issue #17), measured with the committed bundle:
//  1. Go with no go on PATH and a fresh tool cache: download from GOPROXY (proxy.golang.org unless set), verify against
//     sum.golang.org, install; then a run that finds it in the tool cache.
//  2. cgo builds after a one-line edit (go recompiles the main package and links again, with warm caches): cc: zig for
//     five platforms, and cc: zig against the per-target Debian gcc for the two platforms this machine has gcc for.
// Prints medians; nothing here asserts a time. RUNS=<n> (default 3).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, median, ROOT, runAction, seconds } from './lib.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const CACHE = process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack');
const phase = (summary, name) => Number(new RegExp(`${name} ([\\d.]+) s`).exec(summary)?.[1] ?? NaN);

console.log(`# toolchain bench, ${machine()}, RUNS=${RUNS}`);

// 1. Go download and cache hit.
const downloads = [];
const hits = [];
for (let i = 0; i < RUNS; i++) {
  const toolCache = mkdtempSync(join(tmpdir(), 'tc-'));
  const env = { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', RUNNER_TOOL_CACHE: toolCache, GOTOOLCHAIN: 'local' };
  const inputs = { 'working-directory': 'example', platforms: 'linux/amd64', 'source-date-epoch': '1' };
  const first = runAction(inputs, { env });
  const m = /Go (\S+) \(downloaded and verified: ([\d.]+) MiB in ([\d.]+) s/.exec(first.summary);
  if (!m) throw new Error(`no download in the summary:\n${first.summary}`);
  downloads.push({ version: m[1], mib: Number(m[2]), s: Number(m[3]), prepare: phase(first.summary, 'prepare') });
  let hit;
  const wall = await seconds(() => (hit = runAction(inputs, { env })));
  if (!/from tool cache/.test(hit.summary)) throw new Error(`no cache hit:\n${hit.summary}`);
  hits.push({ wall, prepare: phase(hit.summary, 'prepare') });
}
const d = downloads[0];
console.log(
  `go ${d.version}: download + verify + install ${median(downloads.map((x) => x.s)).toFixed(2)} s median ` +
    `(${d.mib} MiB; runs ${downloads.map((x) => x.s.toFixed(2)).join(', ')})`,
);
console.log(
  `go tool cache hit: prepare ${median(hits.map((x) => x.prepare)).toFixed(2)} s, whole run ${median(hits.map((x) => x.wall)).toFixed(2)} s median`,
);

// 2. zig against gcc, after an edit, warm Go build cache, zig cache and tool cache.
const fixture = join(ROOT, '__tests__', 'fixtures', 'cgozig');
const zigEnv = { RUNNER_TOOL_CACHE: join(CACHE, 'tool-cache'), ZIG_GLOBAL_CACHE_DIR: join(CACHE, 'zig-cache') };
const FIVE = 'linux/amd64,linux/arm64,linux/arm/v7,linux/riscv64,linux/s390x';
const TWO = 'linux/amd64,linux/arm64';
const sides = {
  'zig, 5 platforms': { platforms: FIVE, cc: 'zig' },
  'zig, amd64+arm64': { platforms: TWO, cc: 'zig' },
  'gcc, amd64+arm64 (linkage: gather)': { platforms: TWO, cc: 'auto', linkage: 'gather' },
};
const times = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
let edit = 0;
const runSide = (inputs) => {
  const ws = mkdtempSync(join(tmpdir(), 'ws-'));
  cpSync(fixture, join(ws, 'app'), { recursive: true });
  const main = join(ws, 'app', 'main.go');
  writeFileSync(
    main,
    readFileSync(main, 'utf8').replace('func main() {', `const edit = ${++edit}\n\nfunc main() {\n\t_ = edit`),
  );
  return seconds(() =>
    runAction(
      { 'working-directory': 'app', cgo: 'true', 'source-date-epoch': '1', ...inputs },
      { env: { ...zigEnv, GITHUB_WORKSPACE: ws } },
    ),
  );
};
for (const inputs of Object.values(sides)) await runSide(inputs); // warm every cache once
for (let i = 0; i < RUNS; i++)
  for (const [name, inputs] of Object.entries(sides)) times[name].push(await runSide(inputs));
for (const [name, xs] of Object.entries(times))
  console.log(`${name}: ${median(xs).toFixed(2)} s median (${xs.map((x) => x.toFixed(2)).join(', ')})`);
const ratio = median(times['zig, amd64+arm64']) / median(times['gcc, amd64+arm64 (linkage: gather)']);
console.log(`zig / gcc on amd64+arm64: ${ratio.toFixed(3)}`);

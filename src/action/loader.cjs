// dist/index.cjs: loads the action's bundle (dist/action.cjs) with a V8 code cache kept beside the layer store, so
// a rerun on the same runner neither parses the bundle again nor compiles again the functions the last run compiled
// (the same idea as Node's module.enableCompileCache, which Node 20 lacks). V8 checks the cache against the source,
// its version and its flags, and a rejected or unreadable cache only costs a normal compile; it is rewritten at exit.
// https://nodejs.org/api/vm.html#scriptcreatecacheddata
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, 'action.cjs');
const source = readFileSync(file, 'utf8');
const env = process.env;
const root = env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP || tmpdir();
const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex');
const cacheDir = join(root, 'scratchpack', 'v8-cache');
const cacheFile = join(cacheDir, `${key.slice(0, 32)}.bin`);
/** Caches kept: this bundle's and the most recently written others (other versions of the action on this runner). */
const KEEP = 4;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined; // the first run on this runner, or a cache that was pruned
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
process.once('exit', () => {
  if (cachedData && !script.cachedDataRejected) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
    const others = readdirSync(cacheDir)
      .filter((n) => n.endsWith('.bin') && join(cacheDir, n) !== cacheFile)
      .map((n) => ({ path: join(cacheDir, n), at: statSync(join(cacheDir, n)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const o of others.slice(KEEP - 1)) unlinkSync(o.path);
  } catch {
    // A cache that cannot be written only costs the next run a compile.
  }
});
const action = new Module(file, module);
action.filename = file;
script.runInThisContext()(action.exports, Module.createRequire(file), action, file, __dirname);

// dist/index.cjs: loads the action's bundle (dist/action.cjs) with a V8 code cache kept beside the layer store, so
// a rerun on the same runner neither parses the bundle again nor compiles again the functions the last run compiled
// (the same idea as Node's module.enableCompileCache, which Node 20 lacks). V8 checks the cache against the source,
// its version and its flags, and a rejected or unreadable cache only costs a normal compile; it is rewritten at exit.
// https://nodejs.org/api/vm.html#scriptcreatecacheddata
// V8 checks a cache against the source's length alone, so a planted cache would run its own code: the cache lives
// only in a directory private to this user (0700, ours), never in a shared temp directory.
'use strict';
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');
const { ensurePrivateDir } = require('../util/private-dir.ts');

const file = join(__dirname, 'action.cjs');
const source = readFileSync(file, 'utf8');
const env = process.env;
const root = env.RUNNER_TOOL_CACHE || env.RUNNER_TEMP;
const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex');
const distrusted = root
  ? ensurePrivateDir(root, ['scratchpack', 'v8-cache'], false)
  : 'no RUNNER_TOOL_CACHE or RUNNER_TEMP';
if (root && distrusted) process.stdout.write(`::warning::V8 code cache not used: ${distrusted}\n`);
const cacheDir = join(root || '', 'scratchpack', 'v8-cache');
const cacheFile = join(cacheDir, `${key.slice(0, 32)}.bin`);
/** Caches kept: this bundle's and the most recently written others (other versions of the action on this runner). */
const KEEP = 4;
let cachedData;
try {
  cachedData = distrusted ? undefined : readFileSync(cacheFile);
} catch {
  cachedData = undefined; // the first run on this runner, or a cache that was pruned
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
process.once('exit', () => {
  if (distrusted || (cachedData && !script.cachedDataRejected)) return;
  try {
    // Created now, 0700, and checked again: another user may have made it since the check above.
    if (ensurePrivateDir(root, ['scratchpack', 'v8-cache'])) return;
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

// Bundles the action (dist/index.cjs, its loader; dist/action.cjs; dist/compress-worker.mjs with dist/zstd.wasm) and
// the CLI (dist/cli.js).
// Output is deterministic: no timestamps, no absolute paths, no sourcemaps.
import { build } from 'esbuild';
import { chmodSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// @actions/core pulls in @actions/http-client, and with it undici, only for getIDToken. The action never asks for an
// OIDC token, so core gets a stub that throws if anything does, and every start skips loading undici. Only
// @actions/tool-cache, loaded when a toolchain is downloaded, gets the real client.
const noHttpClient = {
  name: 'no-http-client',
  setup(b) {
    b.onResolve({ filter: /^@actions\/http-client(\/lib\/auth)?$/ }, (args) =>
      /[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: fileURLToPath(new URL('./no-http-client.mjs', import.meta.url)) }
        : undefined,
    );
  },
};

// @actions/tool-cache (with the real http-client and undici) is its own file, dist/tool-cache.cjs, which the action
// requires only when it looks for or downloads a toolchain: most runs never read its 700 kB. A require, not an
// import(), because the loader runs the bundle as a vm.Script, which has no dynamic import on Node 20.
const toolCacheApart = {
  name: 'tool-cache-apart',
  setup(b) {
    b.onResolve({ filter: /^@actions\/tool-cache$/ }, () => ({ path: 'tool-cache', namespace: 'apart' }));
    b.onLoad({ filter: /.*/, namespace: 'apart' }, () => ({
      contents: "module.exports = require('./tool-cache.cjs');",
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/tool-cache\.cjs$/ }, () => ({ path: './tool-cache.cjs', external: true }));
  },
};

const common = {
  plugins: [noHttpClient],
  bundle: true,
  // Whitespace and syntax only: V8 compiles a smaller source faster on every start, and names stay as written, so a
  // stack trace from an unexpected error still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __scratchpackRequire } from 'node:module';\nconst require = __scratchpackRequire(import.meta.url);",
  },
};

// The action is CommonJS, as docker/build-push-action ships it: Node starts a CommonJS entry a few milliseconds
// sooner than an ES module of the same size, on every run. import.meta.url (the worker's location) becomes the file's.
await build({
  ...common,
  plugins: [noHttpClient, toolCacheApart],
  entryPoints: ['src/action/index.ts'],
  outfile: 'dist/action.cjs',
  format: 'cjs',
  define: { 'import.meta.url': '__scratchpackUrl' },
  banner: { js: "const __scratchpackUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// dist/index.cjs, the entry action.yml names, loads dist/action.cjs through a V8 code cache (src/action/loader.cjs).
await build({
  ...common,
  plugins: [],
  entryPoints: ['src/action/loader.cjs'],
  outfile: 'dist/index.cjs',
  format: 'cjs',
  banner: {},
});
await build({
  ...common,
  stdin: { contents: "export * from '@actions/tool-cache';", resolveDir: '.' },
  outfile: 'dist/tool-cache.cjs',
  format: 'cjs',
  banner: {},
});
// Worker threads compress gzip members off the main thread; gzip-pool.ts finds this file next to action.cjs.
await build({ ...common, entryPoints: ['src/layer/compress-worker.mjs'], outfile: 'dist/compress-worker.mjs' });
// zstd's WebAssembly, which the worker reads beside itself for `compression: zstd` (its package loads it by path).
copyFileSync('node_modules/@bokuweb/zstd-wasm/dist/common/zstd.wasm', 'dist/zstd.wasm');
await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
chmodSync('dist/cli.js', 0o755);

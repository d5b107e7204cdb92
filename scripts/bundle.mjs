// Bundles the action (dist/index.js, dist/compress-worker.js) and the CLI (dist/cli.js) with esbuild.
// Output is deterministic: no timestamps, no absolute paths, no sourcemaps.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __scratchpackRequire } from 'node:module';\nconst require = __scratchpackRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
// Worker threads compress gzip members off the main thread; main.ts finds this file next to index.js.
await build({ ...common, entryPoints: ['src/compress-worker.ts'], outfile: 'dist/compress-worker.js' });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
chmodSync('dist/cli.js', 0o755);

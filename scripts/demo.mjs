// `npm run demo`: runs the committed action bundle as the runner would, on the bundled example app,
// for linux/amd64, linux/arm64 and linux/arm/v7, then prints the job summary it wrote.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const temp = mkdtempSync(join(tmpdir(), 'scratchpack-demo-'));
const files = { GITHUB_OUTPUT: join(temp, 'output'), GITHUB_STEP_SUMMARY: join(temp, 'summary') };
for (const f of Object.values(files)) writeFileSync(f, '');
const env = {
  ...process.env,
  ...files,
  GITHUB_WORKSPACE: root,
  RUNNER_TEMP: temp,
  'INPUT_WORKING-DIRECTORY': 'example',
  INPUT_PLATFORMS: 'linux/amd64,linux/arm64,linux/arm/v7',
  INPUT_TAGS: 'ghcr.io/example/hello:demo',
};
console.log(`Running dist/index.cjs on example/ (RUNNER_TEMP=${temp})\n`);
const r = spawnSync(process.execPath, [join(root, 'dist', 'index.cjs')], {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log('\n----- job summary -----\n');
console.log(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'));
console.log(`Inspect it: skopeo inspect --raw oci:${join(temp, 'scratchpack', 'oci')}:demo`);
process.exitCode = r.status ?? 1;

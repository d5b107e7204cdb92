import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction, sh } from './helpers/action.js';

// GitHub's local-action runs src/main.ts from source under its TypeScript loader, the way the typescript-action
// template runs an action locally; the compress worker must load from src/ there.
test('npx @github/local-action runs the action from source, and its layout is the bundle layout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-local-action-'));
  // .env.example with this run's own paths (local-action's dotenv overrides the environment).
  const envFile = join(dir, '.env');
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
  writeFileSync(
    envFile,
    example
      .replace(/^RUNNER_TEMP=.*$/m, `RUNNER_TEMP=${join(dir, 'temp')}`)
      .replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${join(dir, 'summary.md')}`)
      .replace(/^INPUT_OCI-LAYOUT=.*$/m, `INPUT_OCI-LAYOUT=${join(dir, 'oci')}`),
  );
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'local-action'), ['run', '.', 'src/main.ts', envFile], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod' },
  });
  expect(r.stdout).not.toContain('::error');
  expect(r.status).toBe(0);
  const digest = /::set-output name=digest::(sha256:[a-f0-9]{64})/.exec(r.stdout)?.[1];
  expect(digest).toMatch(/^sha256:/);
  const raw = JSON.parse(sh('skopeo', ['inspect', '--raw', `oci:${join(dir, 'oci')}:local`]));
  expect(raw.manifests.map((m: { platform: { architecture: string } }) => m.platform.architecture)).toEqual([
    'amd64',
    'arm64',
  ]);
  // The same inputs through the bundle give the same index digest.
  const inputs = Object.fromEntries(
    [...example.matchAll(/^INPUT_([A-Z-]+)=(.*)$/gm)]
      .filter(([, k]) => k !== 'OCI-LAYOUT')
      .map(([, k, v]) => [k.toLowerCase(), v]),
  );
  expect(runAction(inputs).outputs.digest).toBe(digest);
});

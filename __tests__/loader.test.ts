import { expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runAction } from './helpers/action.js';

// dist/index.cjs loads dist/action.cjs through a V8 code cache under the runner's tool cache or temp directory.
test('the bundle keeps a V8 code cache: written once, used as is, and a damaged one is only recompiled', () => {
  const first = runAction({ platforms: 'linux/amd64/v9' });
  expect(first.errors).toEqual([expect.stringContaining('variant must be v1..v4')]);
  const dir = join(first.runnerTemp, 'scratchpack', 'v8-cache');
  const [name] = readdirSync(dir);
  expect(name).toMatch(/^[0-9a-f]{32}\.bin$/);
  const cache = join(dir, name);
  const written = statSync(cache).mtimeMs;
  const again = runAction({ platforms: 'linux/amd64/v9' }, { runnerTemp: first.runnerTemp });
  expect(again.errors).toEqual(first.errors);
  expect(statSync(cache).mtimeMs).toBe(written); // accepted, so not rewritten
  writeFileSync(cache, 'not a V8 cache');
  const damaged = runAction({ platforms: 'linux/amd64/v9' }, { runnerTemp: first.runnerTemp });
  expect(damaged.errors).toEqual(first.errors);
  expect(damaged.stderr).toBe('');
  expect(readFileSync(cache, 'utf8')).not.toBe('not a V8 cache');
  expect(readdirSync(dir)).toEqual([name]);
});

test('writing a cache keeps the three most recent caches of other bundles and removes older ones', () => {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-v8-'));
  const dir = join(runnerTemp, 'scratchpack', 'v8-cache');
  mkdirSync(dir, { recursive: true });
  const old = ['a', 'b', 'c', 'd', 'e'].map((c, i) => {
    const f = join(dir, `${c.repeat(32)}.bin`);
    writeFileSync(f, 'another version');
    const at = new Date(Date.UTC(2026, 0, 1 + i));
    utimesSync(f, at, at);
    return f;
  });
  runAction({ platforms: 'linux/amd64/v9' }, { runnerTemp });
  const kept = readdirSync(dir).sort();
  expect(kept).toHaveLength(4);
  expect(kept).toEqual(expect.arrayContaining(old.slice(2).map((f) => basename(f))));
});

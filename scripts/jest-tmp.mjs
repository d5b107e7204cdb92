// Jest globalSetup/globalTeardown: every temp dir the tests, the action and their tools make goes under one root
// (TMPDIR, which os.tmpdir(), go and the registry all honour), removed when the run ends. Roots left by a run that was
// killed are removed by the next one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'scratchpack-jest-';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Creates this run's root and points TMPDIR at it; the workers Jest starts next inherit it. */
export function setup() {
  const base = tmpdir();
  for (const name of readdirSync(base).filter((n) => n.startsWith(PREFIX))) {
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (!alive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
  process.env.SCRATCHPACK_TEST_TMP_BASE = base;
  process.env.TMPDIR = mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
}

/** Removes the root, whatever the tests left in it. */
export function teardown() {
  const root = process.env.TMPDIR;
  if (root && root.includes(PREFIX)) rmSync(root, { recursive: true, force: true });
  if (process.env.SCRATCHPACK_TEST_TMP_BASE) process.env.TMPDIR = process.env.SCRATCHPACK_TEST_TMP_BASE;
}

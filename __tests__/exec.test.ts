import { describe, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_OUTPUT, execaExec } from '../src/util/exec.js';

// The exec port runs every go build, git and credential helper; these run real processes through /bin/sh.
const sh = (script: string, opts: Parameters<typeof execaExec>[2] = {}) => execaExec('sh', ['-c', script], opts);

describe('the exec port (execa)', () => {
  test('returns both streams whole and the exit code, without throwing on failure', async () => {
    expect(await sh('printf "out\\n"; printf "err\\n" >&2; exit 3')).toEqual({
      exitCode: 3,
      stdout: 'out\n',
      stderr: 'err\n',
    });
    expect(await sh('true')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  test('a multi-byte character split across reads stays whole', async () => {
    // 70,000 "€" (three bytes each) arrive in pipe reads of whole blocks, so some split a character; decoded alone,
    // a split would give U+FFFD.
    const r = await sh('i=0; while [ $i -lt 7 ]; do printf "%10000s" "" | sed "s/ /€/g"; i=$((i+1)); done');
    expect(r.stdout).toBe('€'.repeat(70_000));
  });

  test('passes input on stdin, and a program that ignores it is not an error', async () => {
    expect((await execaExec('cat', [], { input: 'server.example\n' })).stdout).toBe('server.example\n');
    expect(await sh('exit 0', { input: 'x'.repeat(1 << 20) })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  test('without input, stdin is closed, so a program that reads it does not hang', async () => {
    expect(await execaExec('cat', [])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  test('the environment extends this process', async () => {
    process.env.SCRATCHPACK_EXEC_TEST = 'inherited';
    try {
      const r = await sh('echo "$SCRATCHPACK_EXEC_TEST $EXTRA"', { env: { EXTRA: 'added' } });
      expect(r.stdout).toBe('inherited added\n');
    } finally {
      delete process.env.SCRATCHPACK_EXEC_TEST;
    }
  });

  test('runs in cwd', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-exec-'));
    expect((await execaExec('pwd', [], { cwd: dir })).stdout.trim()).toBe(dir);
  });

  test('a program that cannot start is exit 127 with the reason, as a shell says it', async () => {
    const r = await execaExec('scratchpack-no-such-program', ['x']);
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toMatch(/^scratchpack-no-such-program: .*ENOENT/);
    const gone = await execaExec('pwd', [], { cwd: join(tmpdir(), 'scratchpack-no-such-dir') });
    expect(gone.exitCode).toBe(127);
    expect(await execaExec('echo', ['a\0b'])).toMatchObject({ exitCode: 127 });
  });

  test('a program killed by a signal is 128 + its number', async () => {
    expect((await sh('kill -9 $$')).exitCode).toBe(137);
    expect((await sh('kill -15 $$')).exitCode).toBe(143);
  });

  test('keeps at most MAX_OUTPUT bytes of a stream and says how many it dropped', async () => {
    const extra = 1000;
    const r = await execaExec('head', ['-c', String(MAX_OUTPUT + extra), '/dev/zero']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBe(MAX_OUTPUT + `\n[${extra} more bytes not kept]\n`.length);
    expect(r.stdout.endsWith(`\n[${extra} more bytes not kept]\n`)).toBe(true);
  });
});

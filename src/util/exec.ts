import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

/** What a finished process told us. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The one way effects run programs, so stages can be driven by a different runner in tests or tools. */
export type Exec = (
  cmd: string,
  args: string[],
  opts?: { cwd?: string; env?: Record<string, string>; input?: string },
) => Promise<ExecResult>;

/** Most bytes kept of one output stream: go's diagnostics are far smaller, and a runaway program cannot fill memory. */
export const MAX_OUTPUT = 16 * 1024 * 1024;

/** Collects a stream's bytes up to MAX_OUTPUT and decodes them once, so a character split across reads stays whole. */
function collect(stream: NodeJS.ReadableStream | null): () => string {
  const parts: Buffer[] = [];
  let kept = 0;
  let dropped = 0;
  stream?.on('data', (d: Buffer) => {
    const take = Math.min(d.length, MAX_OUTPUT - kept);
    if (take > 0) parts.push(take === d.length ? d : d.subarray(0, take));
    kept += take;
    dropped += d.length - take;
  });
  return () => Buffer.concat(parts).toString('utf8') + (dropped > 0 ? `\n[${dropped} more bytes not kept]\n` : '');
}

/**
 * Runs a program with node:child_process, never throwing: a non-zero exit is returned, a program that cannot start is
 * exit 127 with the reason, and one killed by a signal is 128 + the signal's number, as a shell reports them. The
 * environment extends this process's own, as a shell's does.
 */
export const spawnExec: Exec = (cmd, args, opts = {}) =>
  new Promise((resolve) => {
    const notStarted = (e: unknown) =>
      resolve({ exitCode: 127, stdout: '', stderr: `${cmd}: ${e instanceof Error ? e.message : String(e)}` });
    let child: ChildProcess;
    try {
      child = spawn(cmd, args, {
        cwd: opts.cwd,
        env: opts.env ? { ...process.env, ...opts.env } : process.env,
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      return notStarted(e); // e.g. a NUL byte in an argument
    }
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    child.once('error', notStarted); // settles first when the program could not start; the later 'close' is then moot
    child.once('close', (code, signal) => {
      const exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
      resolve({ exitCode, stdout: stdout(), stderr: stderr() });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a program that exits without reading its input is not our failure
      child.stdin.end(opts.input);
    }
  });

import { messageOf } from '../kernel/errors.js';
import { execa } from 'execa';
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
  opts?: {
    cwd?: string;
    env?: Record<string, string>;
    input?: string;
    timeoutMs?: number;
    /** Only `env`, not the action's own environment (an image's test sees the image's Env alone). */
    cleanEnv?: boolean;
  },
) => Promise<ExecResult>;

/**
 * What no program the action starts may see: the step's inputs (INPUT_PASSWORD, INPUT_GITHUB-TOKEN) and the runner's
 * own tokens (ACTIONS_RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN). go, the compilers and the linkers run code that
 * a pull request controls (build scripts, cgo, go:generate-made sources), and they need neither.
 */
const PRIVATE_ENV = /^(INPUT_|ACTIONS_)/i;

/** An environment without the action's private variables. */
export function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !PRIVATE_ENV.test(e[0])),
  );
}

/** Most bytes kept of one output stream: go's diagnostics are far smaller, and a runaway program cannot fill memory. */
export const MAX_OUTPUT = 16 * 1024 * 1024;

/**
 * An execa transform that passes a stream's bytes through up to MAX_OUTPUT and counts the rest, so the program runs
 * to its end (execa's own maxBuffer would stop it); `dropped()` says how much was left out.
 * https://github.com/sindresorhus/execa/blob/main/docs/transform.md#binary-data
 */
function capped() {
  let kept = 0;
  let dropped = 0;
  return {
    transform: {
      // With binary: true, every chunk is a Uint8Array.
      *transform(piece: unknown) {
        const chunk = piece as Uint8Array;
        const take = Math.min(chunk.length, MAX_OUTPUT - kept);
        kept += take;
        dropped += chunk.length - take;
        if (take > 0) yield take === chunk.length ? chunk : chunk.subarray(0, take);
      },
      binary: true as const,
    },
    note: () => (dropped > 0 ? `\n[${dropped} more bytes not kept]\n` : ''),
  };
}

/**
 * Runs a program with execa, never throwing: a non-zero exit is returned, a program that cannot start is exit 127
 * with the reason, and one killed by a signal is 128 + the signal's number, as a shell reports them. The environment
 * extends this process's own, as a shell's does, less the inputs and the runner's tokens (childEnv); without input,
 * stdin is closed.
 */
export const execaExec: Exec = async (cmd, args, opts = {}) => {
  const out = capped();
  const err = capped();
  const notStarted = (why: string): ExecResult => ({ exitCode: 127, stdout: '', stderr: `${cmd}: ${why}` });
  let running;
  try {
    running = execa(cmd, args, {
      ...(opts.cwd === undefined ? {} : { cwd: opts.cwd }),
      env: opts.cleanEnv ? (opts.env ?? {}) : childEnv({ ...process.env, ...opts.env }),
      extendEnv: false,
      stdin: opts.input === undefined ? 'ignore' : 'pipe',
      ...(opts.input === undefined ? {} : { input: opts.input }),
      stdout: out.transform,
      stderr: err.transform,
      stripFinalNewline: false,
      ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}),
      reject: false,
      // The action kills only what overstays a timeout, and its children end with it: no exit hooks per call.
      cleanup: false,
      forceKillAfterDelay: opts.timeoutMs ? 2000 : false,
    });
  } catch (e) {
    return notStarted(messageOf(e)); // execa refuses a NUL byte in an argument before it spawns
  }
  const r = await running;
  if (r.timedOut)
    return {
      exitCode: 124,
      stdout: r.stdout,
      stderr: `${r.stderr}${cmd}: no answer within ${opts.timeoutMs} ms; stopped`,
    };
  if (r.exitCode === undefined && r.signal === undefined)
    return notStarted(r.originalMessage ?? r.shortMessage ?? 'did not start');
  const exitCode = r.exitCode ?? 128 + signalNumber(r.signal);
  return { exitCode, stdout: r.stdout + out.note(), stderr: r.stderr + err.note() };
};

/** A signal's number (SIGKILL is 9), for the shell's 128+n exit status; 0 for none. */
export function signalNumber(name: string | undefined): number {
  return name && Object.hasOwn(constants.signals, name) ? constants.signals[name as keyof typeof constants.signals] : 0;
}

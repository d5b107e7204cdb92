import { execa } from 'execa';

/** What a finished process told us. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The one way effects run programs, so stages can be driven by a different runner in tests or tools. */
export type Exec = (cmd: string, args: string[], opts?: { cwd?: string; env?: Record<string, string>; input?: string }) => Promise<ExecResult>;

/** Runs a program with execa, never throwing on a non-zero exit; a missing program becomes exit 127. */
export const execaExec: Exec = async (cmd, args, opts = {}) => {
  const r = await execa(cmd, args, {
    cwd: opts.cwd, env: opts.env, reject: false, stripFinalNewline: false,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
  });
  if (r.failed && r.exitCode === undefined) {
    return { exitCode: 127, stdout: '', stderr: `${cmd}: ${r.shortMessage ?? r.message}` };
  }
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
};

import { ActionError, asError, codeOf } from '../kernel/errors.js';
import { mkdir, rmdir, writeFile } from 'node:fs/promises';
import type { Exec } from '../util/exec.js';

/**
 * What the test stage must do as root: start the confined processes, write a user namespace's id maps, manage a
 * cgroup and kill. The step is root (a container job, a self-hosted runner), or has `sudo -n` (GitHub's runners).
 */
export interface Privileged {
  /** The argv prefix that runs a command as root: none when the step is root, else `sudo -n`. */
  prefix: string[];
  write(path: string, text: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
  kill(pid: number, signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

/** As root, in this process. */
export const asRoot: Privileged = {
  prefix: [],
  write: (path, text) => writeFile(path, text),
  mkdir: (path) => mkdir(path).then(() => undefined),
  rmdir: (path) => rmdir(path),
  kill: (pid, signal) => {
    try {
      process.kill(pid, signal);
    } catch (e) {
      if (codeOf(e) !== 'ESRCH') return Promise.reject(asError(e));
    }
    return Promise.resolve();
  },
};

/** Through `sudo -n`, one short command each; a failure is thrown with what sudo or the command said. */
export function throughSudo(exec: Exec): Privileged {
  const run = async (args: string[]) => {
    const r = await exec('sudo', ['-n', ...args], { timeoutMs: 30_000 });
    if (r.exitCode !== 0)
      throw new ActionError(
        `sudo ${args[0]}: ${r.stderr.trim() || `exit ${r.exitCode}`}; the test stage needs root or password-less sudo, or unset test-args`,
      );
  };
  return {
    prefix: ['sudo', '-n'],
    write: (path, text) => run(['/bin/sh', '-c', 'printf %s "$1" > "$2"', 'sh', text, path]),
    mkdir: (path) => run(['/bin/mkdir', path]),
    rmdir: (path) => run(['/bin/rmdir', path]),
    // kill(1) exits 1 for a process that is gone, which is what was wanted.
    kill: (pid, signal) =>
      run(['/bin/sh', '-c', 'kill -s "$1" "$2" 2>/dev/null; true', 'sh', signal.slice(3), String(pid)]),
  };
}

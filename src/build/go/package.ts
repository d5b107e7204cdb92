import { InputError } from '../../kernel/errors.js';
import type { Exec } from '../../util/exec.js';

/** The name `go build` would give the binary: the import path's last element, skipping a /vN suffix. */
export function defaultBinaryName(importPath: string): string {
  const parts = importPath.split('/');
  const last = parts[parts.length - 1];
  return /^v\d+$/.test(last) && parts.length > 1 ? parts[parts.length - 2] : last;
}

/** Where and how the builds ran, so that `go env` and `go list` see what `go build` saw. */
export interface GoContext {
  exec: Exec;
  cwd: string;
  /** The first platform's build environment (user `env` included). */
  env: Record<string, string>;
  /** How the working directory is shown in messages. */
  shownDir: string;
}

/**
 * Asks go about the runner and the `package` input, only when a build failed or gave no command: a missing go, a
 * package that does not exist, several packages or a library each become one InputError; else the import path.
 */
export async function askGo(pkg: string, ctx: GoContext): Promise<string> {
  const opts = { cwd: ctx.cwd, env: ctx.env };
  const [version, list] = await Promise.all([
    ctx.exec('go', ['env', 'GOVERSION'], opts),
    ctx.exec('go', ['list', '-f', '{{.Name}} {{.ImportPath}}', pkg], opts),
  ]);
  if (version.exitCode !== 0) {
    throw new InputError(
      `go is not usable (${version.stderr.trim() || `exit ${version.exitCode}`}); add actions/setup-go before this step`,
    );
  }
  const named = `input "package": "${pkg}"`;
  // `go: …` is about the module or the environment (vendoring, go.mod, the proxy), not the package: the build's own
  // output, which says the same in full, is the error then.
  if (list.exitCode !== 0 && list.stderr.startsWith('go: ')) return pkg;
  if (list.exitCode !== 0)
    throw new InputError(
      `${named} is not a buildable package in ${ctx.shownDir}: ${list.stderr.trim().split('\n')[0]}`,
    );
  const lines = list.stdout.trim() ? list.stdout.trim().split('\n') : [];
  if (lines.length !== 1)
    throw new InputError(`${named} matches ${lines.length} packages; expected one main package, e.g. ./cmd/server`);
  const [name, importPath] = lines[0].split(' ');
  if (name !== 'main')
    throw new InputError(`${named} is package ${name}, not package main; expected a command, e.g. ./cmd/server`);
  return importPath;
}

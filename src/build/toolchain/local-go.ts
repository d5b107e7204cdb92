import { realpath } from 'node:fs/promises';
import { parseElf } from '../../kernel/elf/parse.js';
import type { Exec } from '../../util/exec.js';
import { withFileSource } from '../../util/fs.js';
import { which } from '../../util/which.js';

/**
 * The version of the `go` on PATH (1.26.8), or undefined when there is none. It is read from the binary's build info,
 * which costs no process; a wrapper script is asked with `go env GOVERSION` under GOTOOLCHAIN=local.
 */
export async function localGoVersion(env: Record<string, string | undefined>, exec: Exec): Promise<string | undefined> {
  const go = await which('go', env.PATH);
  if (!go) return undefined;
  const real = await realpath(go);
  let version: string | undefined;
  try {
    version = withFileSource(real, (src) => parseElf(src).go?.version);
  } catch {
    version = undefined;
  }
  if (!version) {
    const r = await exec(go, ['env', 'GOVERSION'], {
      env: { ...(env as Record<string, string>), GOTOOLCHAIN: 'local' },
    });
    if (r.exitCode !== 0) return undefined;
    version = r.stdout.trim();
  }
  return /^go([0-9][0-9a-z.]*)/.exec(version)?.[1];
}

import { parseEpoch } from '../inputs/epoch.js';
import type { Inputs } from '../inputs/inputs.js';
import { InputError, type ParseError } from '../kernel/errors.js';
import type { Exec } from '../util/exec.js';

/** Where the epoch came from, for the summary. */
export type EpochSource = 'input' | 'SOURCE_DATE_EPOCH' | 'git' | 'default';

/** The epoch given by the input or SOURCE_DATE_EPOCH, in that order, without starting a process; else undefined. */
function givenEpoch(
  inputs: Pick<Inputs, 'sourceDateEpoch'>,
  env: NodeJS.ProcessEnv,
): [number, EpochSource] | undefined {
  if (inputs.sourceDateEpoch !== undefined) return [inputs.sourceDateEpoch, 'input'];
  const fromEnv = env.SOURCE_DATE_EPOCH?.trim();
  if (!fromEnv) return undefined;
  try {
    return [parseEpoch(fromEnv), 'SOURCE_DATE_EPOCH'];
  } catch (e) {
    throw new InputError(`environment variable SOURCE_DATE_EPOCH: ${(e as ParseError).message}`);
  }
}

/** How long `git log` may take: a repository on a stalled network file system must not hold the job. */
const GIT_TIMEOUT_MS = 30_000;

/** The commit time of HEAD, else 0: the epoch when none is given. Never throws. */
async function gitEpoch(exec: Exec, workDir: string, env: NodeJS.ProcessEnv): Promise<[number, EpochSource]> {
  const git = await exec('git', ['log', '-1', '--format=%ct'], {
    cwd: workDir,
    env: env as Record<string, string>,
    timeoutMs: GIT_TIMEOUT_MS,
  });
  const t = git.stdout.trim();
  return git.exitCode === 0 && /^\d+$/.test(t) ? [Number(t), 'git'] : [0, 'default'];
}

/**
 * The epoch, in order: the input, SOURCE_DATE_EPOCH, the commit time of HEAD, then 0. A bad SOURCE_DATE_EPOCH throws
 * at once, before anything is built; only `git log` is waited for, so the pipeline lets it run beside the builds.
 */
export function resolveEpoch(
  inputs: Pick<Inputs, 'sourceDateEpoch'>,
  env: NodeJS.ProcessEnv,
  exec: Exec,
  workDir: string,
): Promise<[number, EpochSource]> {
  const given = givenEpoch(inputs, env);
  return given ? Promise.resolve(given) : gitEpoch(exec, workDir, env);
}

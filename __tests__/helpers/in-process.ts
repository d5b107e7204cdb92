import { prepareRun, ROOT, type ActionRun } from './action.js';

/**
 * Runs the action's entry from src/ in this process, as the runner would run the bundle: INPUT_* variables, and
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Workflow commands are read from what @actions/core writes to stdout.
 * The environment is replaced for the run and restored after, so runs do not see each other's inputs.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string> } = {},
): Promise<ActionRun> {
  const saved = process.env;
  const { env, finish } = prepareRun(inputs, { env: { TMPDIR: saved.TMPDIR ?? '/tmp', ...opts.env } });
  const written: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const cwd = process.cwd();
  process.env = env;
  process.chdir(ROOT);
  process.stdout.write = (chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  };
  let code = 0;
  try {
    const { run } = await import('../../src/main.js');
    await run();
  } finally {
    process.stdout.write = write;
    process.env = saved;
    process.chdir(cwd);
    code = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
  }
  return finish(code, written.join(''), '');
}

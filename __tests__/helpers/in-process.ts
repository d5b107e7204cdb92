import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile, ROOT, type ActionRun } from './action.js';

/**
 * Runs the action's entry from src/ in this process, as the runner would run the bundle: INPUT_* variables, and
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Workflow commands are read from what @actions/core writes to stdout.
 * The environment is replaced for the run and restored after, so runs do not see each other's inputs.
 */
export async function runInProcess(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string> } = {},
): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-inproc-'));
  const outFile = join(runnerTemp, 'github_output');
  const summaryFile = join(runnerTemp, 'step_summary');
  writeFileSync(outFile, '');
  writeFileSync(summaryFile, '');
  const saved = process.env;
  const env: NodeJS.ProcessEnv = {
    PATH: saved.PATH,
    HOME: saved.HOME,
    TMPDIR: saved.TMPDIR,
    GOCACHE: saved.GOCACHE ?? join(saved.HOME ?? '/root', '.cache', 'go-build'),
    GOPATH: saved.GOPATH ?? join(saved.HOME ?? '/root', 'go'),
    GOFLAGS: '-mod=mod',
    GOTOOLCHAIN: 'local',
    GITHUB_WORKSPACE: ROOT,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    DOCKER_CONFIG: join(runnerTemp, 'no-docker-config'),
    ...opts.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const written: string[] = [];
  const write = process.stdout.write;
  const cwd = process.cwd();
  process.env = env;
  process.chdir(ROOT);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  let code = 0;
  try {
    const { run } = await import('../../src/action/main.js');
    await run();
  } finally {
    process.stdout.write = write;
    process.env = saved;
    process.chdir(cwd);
    code = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
  }
  const stdout = written.join('');
  const pick = (cmd: string) => stdout.split('\n').filter((l) => l.startsWith(`::${cmd}`));
  return {
    code,
    stdout,
    stderr: '',
    outputs: parseOutputFile(readFileSync(outFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    errors: pick('error'),
    warnings: pick('warning'),
    notices: pick('notice'),
    runnerTemp,
  };
}

import * as core from '@actions/core';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatError } from '../util/errors.js';
import { readInputs } from './read-inputs.js';
import { runPipeline } from '../pipeline.js';
import { DEFAULT_RETRY } from '../publish/registry/retry.js';
import { outputs, type Report } from '../report/model.js';
import { renderSummary } from '../report/summary.js';
import { spawnExec } from '../util/exec.js';
import { workerGzipPool } from '../layer/gzip-pool.js';
import { openFileReader } from '../util/fs.js';
import { describePrune, diskLayerStore } from '../layer/store.js';
import type { Annotation } from '../build/go/diagnostics.js';

function emit(a: Annotation): void {
  const props = { title: a.title, file: a.file, startLine: a.startLine, startColumn: a.startColumn };
  if (a.level === 'error') core.error(a.message, props);
  else if (a.level === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

/** The machine's memory, or the cgroup's limit when lower (a container job); 0 or absent means no limit. */
function usableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}

/** The action: one error boundary; outputs, annotations and the summary are written before the step fails. */
export async function run(): Promise<void> {
  const env = process.env;
  const tempRoot = join(env.RUNNER_TEMP || tmpdir(), 'scratchpack');
  const report: Report = { platforms: [], refs: [], phases: [], errors: [], warnings: [] };
  let annotations: Annotation[] = [];
  let failure: string | undefined;
  let started = false;
  const cores = availableParallelism();
  const pool = workerGzipPool(cores, new URL('./compress-worker.js', import.meta.url));
  // The tool cache survives between jobs on self-hosted runners; RUNNER_TEMP at least between steps.
  const store = diskLayerStore(
    join(env.RUNNER_TOOL_CACHE ? join(env.RUNNER_TOOL_CACHE, 'scratchpack') : tempRoot, 'layers'),
  );
  try {
    const inputs = readInputs(env);
    report.platforms = inputs.platforms.map((p) => ({ platform: p.id, status: 'not built' }));
    started = true;
    const result = await runPipeline(inputs, report, {
      exec: spawnExec,
      env,
      concurrency: cores,
      memory: usableMemory(),
      tempRoot,
      policy: DEFAULT_RETRY,
      layers: {
        open: openFileReader,
        hash: (file) => store.hashFile(file.path, file.identity),
        gzip: (chunk) => pool.gzip(chunk),
        store,
      },
      mask: (secret) => core.setSecret(secret),
      group: (name, fn) => core.group(name, fn),
      info: (line) => core.info(line),
      warn: (line) => core.warning(line),
    });
    annotations = result.annotations;
    // A run that stored nothing (an unchanged rerun) leaves the store as it found it; the next run that stores prunes.
    const pruned = store.grew
      ? await store.prune().catch((e: unknown) => core.warning(`layer store: could not prune: ${formatError(e)}`))
      : undefined;
    const said = pruned ? describePrune(pruned, store.limits) : '';
    if (said) core.info(said);
    const failed = report.platforms.filter((p) => p.status !== 'ok');
    if (failed.length > 0)
      failure = `${failed.length} of ${report.platforms.length} platforms failed: ${failed.map((p) => `${p.platform} (${p.status})`).join(', ')}`;
  } catch (e) {
    failure = formatError(e);
    report.errors.push(failure);
  } finally {
    await pool.close();
  }
  for (const w of report.warnings) core.warning(w);
  annotations.forEach(emit);
  if (started) for (const [k, v] of Object.entries(outputs(report))) core.setOutput(k, v);
  if (report.image)
    core.notice(`Pushed ${report.image}${report.push ? ` as ${report.push.refs.join(', ')}` : ''}`, {
      title: 'Scratchpack',
    });
  else if (report.indexDigest)
    core.notice(`Image index ${report.indexDigest} written to ${report.ociLayout}`, { title: 'Scratchpack' });
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(renderSummary(report), true).write();
    } catch (e) {
      core.warning(`could not write the job summary: ${formatError(e)}`);
    }
  }
  if (failure !== undefined) core.setFailed(failure);
}

import * as core from '@actions/core';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ensurePrivateDir } from '../util/private-dir.js';
import { redactCredentials } from '../util/url-credentials.js';
import { workerGzipPool } from '../layer/gzip-pool.js';
import { describePrune, diskLayerStore } from '../layer/store.js';
import { runPipeline } from '../pipeline.js';
import { DEFAULT_RETRY } from '../publish/registry/retry.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import { emptyReport, outputs, type Report } from '../report/model.js';
import { renderSummary } from '../report/summary.js';
import { formatError } from '../kernel/errors.js';
import { execaExec } from '../util/exec.js';
import { openFileReader } from '../util/fs.js';
import { emitDiagnostic } from './emit.js';
import { readInputs } from './read-inputs.js';
import { actionsToolCache } from './tool-cache.js';
import { nodeFetch } from '../util/http.js';

/** The machine's memory, or the cgroup's limit when lower (a container job); 0 or absent means no limit. */
function usableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}

/**
 * A directory private to this user under `base` (see ensurePrivateDir), or a new private one under `fallback` when
 * that cannot be trusted, with a warning: nothing another OS user of the runner could have written is used.
 */
function privateDir(base: string, parts: string[], fallback: string, what: string, create = true): string {
  const why = ensurePrivateDir(base, parts, create);
  if (!why) return join(base, ...parts);
  core.warning(`${what} ${join(base, ...parts)} is not used, because ${why}; this run keeps its own`);
  mkdirSync(fallback, { recursive: true, mode: 0o700 });
  return mkdtempSync(join(fallback, `${parts.at(-1) ?? 'scratchpack'}-`));
}

/** The action: one error boundary; outputs, annotations and the summary are written before the step fails. */
export async function run(): Promise<void> {
  const env = process.env;
  const tempRoot = privateDir(resolve(env.RUNNER_TEMP || tmpdir()), ['scratchpack'], tmpdir(), 'the temp directory');
  let report: Report = emptyReport([]);
  let diagnostics: Diagnostic[] = [];
  let failure: string | undefined;
  let started = false;
  const cores = availableParallelism();
  const pool = workerGzipPool(cores);
  // The tool cache survives between jobs on self-hosted runners; RUNNER_TEMP at least between steps.
  const [cacheBase, cacheParts] = env.RUNNER_TOOL_CACHE
    ? [env.RUNNER_TOOL_CACHE, ['scratchpack']]
    : [dirname(tempRoot), [basename(tempRoot)]];
  const storeRoot = privateDir(cacheBase, cacheParts, tempRoot, 'the cache directory', false);
  const storeDir = privateDir(storeRoot, ['layers'], tempRoot, 'the layer store', false);
  // @actions/tool-cache reads both from the environment; a runner sets them, a local run gets defaults.
  env.RUNNER_TEMP ||= tmpdir();
  env.RUNNER_TOOL_CACHE ||= join(tempRoot, 'tool-cache');
  const store = diskLayerStore(storeDir);
  try {
    const inputs = readInputs(env);
    report = emptyReport(inputs.platforms.map((p) => p.id));
    started = true;
    const result = await runPipeline(inputs, {
      exec: execaExec,
      env,
      tempRoot,
      concurrency: cores,
      memory: usableMemory(),
      policy: DEFAULT_RETRY,
      layers: {
        open: openFileReader,
        hash: (file) => store.hashFile(file.path, file.identity),
        gzip: (chunk) => pool.gzip(chunk),
        store,
      },
      layerStoreDir: storeDir,
      toolCache: actionsToolCache,
      fetch: nodeFetch,
      zigCacheDir: join(storeRoot, 'zig-cache'),
      mask: (secret) => core.setSecret(secret),
      group: (name, fn) => core.group(redactCredentials(name), fn),
      info: (line) => core.info(redactCredentials(line)),
      warn: (line) => core.warning(redactCredentials(line)),
    });
    report = result.report;
    diagnostics = result.diagnostics;
    // A run that stored nothing (an unchanged rerun) leaves the store as it found it; the next run that stores prunes.
    if (store.grew) {
      const pruned = await store
        .prune()
        .catch((e: unknown) => core.warning(`layer store: could not prune: ${formatError(e)}`));
      const said = pruned ? describePrune(pruned, store.limits) : '';
      if (said) core.info(said);
    }
    if (result.error !== undefined) throw result.error;
    const failed = report.platforms.filter((p) => p.status !== 'ok');
    if (failed.length > 0) {
      failure = `${failed.length} of ${report.platforms.length} platforms failed: ${failed.map((p) => `${p.platform} (${p.status})`).join(', ')}`;
    }
  } catch (e) {
    failure = formatError(e);
    report.errors.push(failure);
  } finally {
    await pool.close();
  }
  for (const w of report.warnings) core.warning(redactCredentials(w));
  diagnostics.forEach(emitDiagnostic);
  if (started) for (const [k, v] of Object.entries(outputs(report))) core.setOutput(k, v);
  if (report.image) {
    core.notice(`Pushed ${report.image}${report.push ? ` as ${report.push.refs.join(', ')}` : ''}`, {
      title: 'Scratchpack',
    });
  } else if (report.indexDigest) {
    core.notice(`Image index ${report.indexDigest} written to ${report.ociLayout}`, { title: 'Scratchpack' });
  }
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(redactCredentials(renderSummary(report)), true)
      .write()
      .catch((e: unknown) => core.warning(`could not write the job summary: ${formatError(e)}`));
  }
  // A failure the annotations already explain (a compile error, a refused binary) gets no second ::error: one per cause.
  const explained = diagnostics.some((d) => d.level === 'error');
  if (failure !== undefined && explained) {
    core.info(redactCredentials(failure));
    process.exitCode = 1;
  } else if (failure !== undefined) core.setFailed(redactCredentials(failure));
}

import * as core from '@actions/core';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ensurePrivateDir } from '../util/private-dir.js';
import { redactCredentials } from '../util/url-credentials.js';
import { workerGzipPool, type GzipPool } from '../layer/gzip-pool.js';
import type { FileRef } from '../kernel/tar-entry.js';
import type { Compression } from '../layer/layer.js';
import { describePrune, diskLayerStore, type DiskLayerStore } from '../layer/store.js';
import { runPipeline } from '../pipeline.js';
import { DEFAULT_RETRY } from '../publish/registry/retry.js';
import { fitAnnotations, type Diagnostic } from '../kernel/diagnostic.js';
import { emptyReport, outputs, SHIPPED, type Report } from '../report/model.js';
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
  const limit = process.constrainedMemory();
  return limit > 0 ? Math.min(limit, totalmem()) : totalmem();
}

/** A directory that must be private to this user: where it is, what it is called in a warning, where else to go. */
interface Place {
  base: string;
  parts: string[];
  fallback: string;
  what: string;
  /** Made when missing (the temp root); else left to the first writer (the store's directories). */
  create?: boolean;
}

/**
 * A directory private to this user under `base` (see ensurePrivateDir), or a new private one under `fallback` when
 * that cannot be trusted, with a warning: nothing another OS user of the runner could have written is used.
 */
function privateDir({ base, parts, fallback, what, create = true }: Place): string {
  const why = ensurePrivateDir(base, parts, create);
  if (!why) return join(base, ...parts);
  core.warning(`${what} ${join(base, ...parts)} is not used, because ${why}; this run keeps its own`);
  mkdirSync(fallback, { recursive: true, mode: 0o700 });
  return mkdtempSync(join(fallback, `${parts.at(-1) ?? 'scratchpack'}-`));
}

/** Where this run keeps its files: its temp root, and the layer store, which survives between runs. */
function runDirs(env: NodeJS.ProcessEnv): { tempRoot: string; storeRoot: string; storeDir: string; vulnDir: string } {
  const tempRoot = privateDir({
    base: resolve(env.RUNNER_TEMP || tmpdir()),
    parts: ['scratchpack'],
    fallback: tmpdir(),
    what: 'the temp directory',
  });
  // The tool cache survives between jobs on self-hosted runners; RUNNER_TEMP at least between steps.
  const [base, parts] = env.RUNNER_TOOL_CACHE
    ? [env.RUNNER_TOOL_CACHE, ['scratchpack']]
    : [dirname(tempRoot), [basename(tempRoot)]];
  const storeRoot = privateDir({ base, parts, fallback: tempRoot, what: 'the cache directory', create: false });
  const storeDir = privateDir({
    base: storeRoot,
    parts: ['layers'],
    fallback: tempRoot,
    what: 'the layer store',
    create: false,
  });
  const vulnDir = privateDir({
    base: storeRoot,
    parts: ['vulns'],
    fallback: tempRoot,
    what: 'the vulnerability cache',
    create: false,
  });
  // @actions/tool-cache reads both from the environment; a runner sets them, a local run gets defaults.
  env.RUNNER_TEMP ||= tmpdir();
  env.RUNNER_TOOL_CACHE ||= join(tempRoot, 'tool-cache');
  return { tempRoot, storeRoot, storeDir, vulnDir };
}

/** What a run ended with: the report and annotations to write, and why the step fails, if it does. */
interface Outcome {
  report: Report;
  diagnostics: Diagnostic[];
  failure?: string;
  /** False when the inputs could not be read: then no outputs are set. */
  started: boolean;
}

/** The pipeline's ports on the runner: processes, files, the network, the tool cache and the log. */
function runnerDeps(
  env: NodeJS.ProcessEnv,
  dirs: ReturnType<typeof runDirs>,
  { store, pool, compression }: { store: DiskLayerStore; pool: GzipPool; compression: Compression },
) {
  return {
    exec: execaExec,
    env,
    tempRoot: dirs.tempRoot,
    concurrency: availableParallelism(),
    memory: usableMemory(),
    policy: DEFAULT_RETRY,
    layers: {
      open: openFileReader,
      hash: (file: FileRef) => store.hashFile(file.path, file.identity),
      compress: (chunk: Uint8Array) => pool.compress(chunk, compression),
      compression,
      store,
    },
    layerStoreDir: dirs.storeDir,
    vulnCacheDir: dirs.vulnDir,
    toolCache: actionsToolCache,
    fetch: nodeFetch,
    zigCacheDir: join(dirs.storeRoot, 'zig-cache'),
    mask: (secret: string) => core.setSecret(secret),
    group: <T>(name: string, fn: () => Promise<T>) => core.group(redactCredentials(name), fn),
    info: (line: string) => core.info(redactCredentials(line)),
    warn: (line: string) => core.warning(redactCredentials(line)),
  };
}

/** Reads the inputs once and runs the pipeline; any failure becomes the outcome's, with what was done so far. */
async function execute(env: NodeJS.ProcessEnv, dirs: ReturnType<typeof runDirs>, pool: GzipPool): Promise<Outcome> {
  const store = diskLayerStore(dirs.storeDir);
  let outcome: Outcome = { report: emptyReport([]), diagnostics: [], started: false };
  try {
    const inputs = readInputs(env);
    outcome = { ...outcome, report: emptyReport(inputs.platforms.map((p) => p.id)), started: true };
    const result = await runPipeline(inputs, runnerDeps(env, dirs, { store, pool, compression: inputs.compression }));
    outcome = { ...outcome, report: result.report, diagnostics: result.diagnostics };
    await pruneStore(store);
    if (result.error !== undefined) return failed(outcome, formatError(result.error));
    const bad = result.report.platforms.filter((p) => !SHIPPED.includes(p.status));
    if (bad.length === 0) return outcome;
    const list = bad.map((p) => `${p.platform} (${p.status})`).join(', ');
    return { ...outcome, failure: `${bad.length} of ${result.report.platforms.length} platforms failed: ${list}` };
  } catch (e) {
    return failed(outcome, formatError(e));
  }
}

/** An outcome that fails the step, its reason also in the summary's errors. */
const failed = (o: Outcome, failure: string): Outcome => ({
  ...o,
  failure,
  report: { ...o.report, errors: [...o.report.errors, failure] },
});

/** A run that stored nothing (an unchanged rerun) leaves the store as it found it; the next run that stores prunes. */
async function pruneStore(store: DiskLayerStore): Promise<void> {
  if (!store.grew) return;
  const pruned = await store
    .prune()
    .catch((e: unknown) => core.warning(`layer store: could not prune: ${formatError(e)}`));
  const said = pruned ? describePrune(pruned, store.limits) : '';
  if (said) core.info(said);
}

/** Writes what the run did (warnings, annotations, outputs, a notice, the summary), then fails the step if it failed. */
async function report({ report: r, diagnostics, failure, started }: Outcome, env: NodeJS.ProcessEnv): Promise<void> {
  const warnings = r.warnings.map((message): Diagnostic => ({ level: 'warning', message }));
  // One notice is kept for the line that says what was pushed or written.
  fitAnnotations([...warnings, ...diagnostics], { error: 10, warning: 10, notice: 9 }).forEach(emitDiagnostic);
  if (started) for (const [k, v] of Object.entries(outputs(r))) core.setOutput(k, v);
  if (r.image) {
    core.notice(`Pushed ${r.image}${r.push ? ` as ${r.push.refs.join(', ')}` : ''}`, { title: 'Scratchpack' });
  } else if (r.indexDigest) {
    core.notice(`Image index ${r.indexDigest} written to ${r.ociLayout ?? ''}`, { title: 'Scratchpack' });
  }
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(redactCredentials(renderSummary(r)), true)
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

/** The action: one error boundary; outputs, annotations and the summary are written before the step fails. */
export async function run(): Promise<void> {
  const env = process.env;
  const dirs = runDirs(env);
  const pool = workerGzipPool(availableParallelism());
  const outcome = await execute(env, dirs, pool).finally(() => pool.close());
  await report(outcome, env);
}

import { join, relative, resolve } from 'node:path';
import { attachStage, attachWarning, writeAttestPredicate } from './attach/stage.js';
import { BinariesDir } from './build/binaries-dir.js';
import { binarySource, type ProvideDeps, type Sourced } from './build/provide.js';
import { checkStage } from './check/inspect.js';
import { vulnChecker, type VulnChecker } from './check/vulns.js';
import { blocks, vulnDiagnostics, vulnReport, type VulnOutcome, type VulnReport } from './check/vuln/verdict.js';
import { hostFacts } from './build/toolchain/cc.js';
import { buildImage, buildIndex } from './image/image.js';
import type { Inputs } from './inputs/inputs.js';
import { platformsOf, type Diagnostic } from './kernel/diagnostic.js';
import { attachmentsOf, type ImageArtifact, type IndexArtifact } from './kernel/oci.js';
import { ociPlatform, type Platform } from './kernel/platform.js';
import { assembleLayer } from './layer/assemble.js';
import type { LayerIO } from './layer/layer.js';
import { runMerge } from './merge.js';
import { resolveEpoch, type EpochSource } from './plan/epoch.js';
import { layoutAnnotationsOf, runnerFacts, type Plan } from './plan/plan.js';
import { planner, type Planner } from './plan/planner.js';
import { prepare, type Setup } from './plan/workspace.js';
import { CA_BUNDLE_PATH } from './plan/rootfs.js';
import { checkDigestsDir } from './publish/digest-files.js';
import { checkLayoutTarget } from './publish/layout-target.js';
import { openPublishers, type Publishers } from './publish/open.js';
import { PartlyPublished } from './publish/multi.js';
import { digestsDirOf, pushOutcome, withTagOrigin } from './publish/outcome.js';
import { impliedRegistryNote, type ImageRef } from './inputs/reference.js';
import type { PublishResult } from './publish/publisher.js';
import type { RegistryDeps } from './publish/registry/connect.js';
import { buildReport, type RunRecord } from './report/build.js';
import type { ImageContents, Report, RunEnd } from './report/model.js';
import type { Assembled, Rejected, Tested, Unbuilt } from './report/target.js';
import { testFailures, testStage } from './test/stage.js';
import { barrier, limiter, settleAll } from './util/pool.js';
import { Progress, sizeOf } from './report/progress.js';

/** How the pipeline talks to the outside: injected, so that only the action's entry knows about @actions/core. */
export interface PipelineDeps extends RegistryDeps, ProvideDeps {
  /** Reading, compressing and storing layers (the store doubles as the cache across runs). */
  layers: LayerIO;
  /** Where the layer store keeps its files, which no output may replace. */
  layerStoreDir: string;
  /** Where vulnerability results are kept between runs, private to this user. */
  vulnCacheDir: string;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
}

/** What the step produced: the report for outputs and summary, diagnostics for the run page, and a failure if any. */
export interface PipelineResult {
  report: Report;
  diagnostics: Diagnostic[];
  /** Why publishing failed, after everything before it succeeded; the report still says what was built. */
  error?: unknown;
}

/** Everything a run shares between its targets, decided before the first build starts. */
interface Run {
  setup: Setup;
  sourced: Sourced;
  epoch: Promise<[number, EpochSource]>;
  planner: Planner;
  binaries: BinariesDir;
  publishers: Publishers;
  layers: LayerIO;
  layerSlot: <T>(fn: () => Promise<T>) => Promise<T>;
  env: NodeJS.ProcessEnv;
  /** What a long run says as it goes: a line per target and stage, and a heartbeat. */
  progress: Progress;
  /** The vulnerability check, unless it is off. */
  vulns?: VulnChecker | undefined;
}

/**
 * inputs → plan → per target, pipelined: obtain → check → assemble → attach; then test → the index → publish →
 * report. One target compresses while the next links; reads go early (each image asks the registries what they hold
 * as soon as it is assembled); writes wait until every target has passed its checks and tests, and tags move last.
 */
export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const phases: Report['phases'] = [];
  const timed = phaseTimer(phases, deps);
  if (inputs.mergeDigests)
    return { report: buildReport({ ...(await runMerge(inputs, deps, timed)), phases }), diagnostics: [] };
  const run = await timed('prepare', () => planRun(inputs, deps));
  const record = recorder(inputs, run, phases);
  const pushing = inputs.push ? ', upload blobs' : '';
  const targets = await timed(
    `build, check, assemble${pushing} (${count(inputs.platforms.length, 'target')}, pipelined)`,
    () => everyTarget(inputs, run),
  );
  const [value, source] = await run.epoch;
  const vulns = await vulnFindings(inputs, run, targets);
  const known = { epoch: { value, source }, vulns: vulns?.report };
  const diagnostics = await checkDiagnostics(run, targets, vulns?.diagnostics ?? []);
  const errors = diagnostics.filter((d) => d.level === 'error');
  const images = targets.filter((t): t is Built => t.state === 'assembled');
  if (errors.length > 0 || images.length === 0)
    return stopped(run, record({ ...known, targets, end: 'checks', errors: errors.map(errorLine) }), diagnostics);
  const plan = await images[0].plan;
  const spec = inputs.test;
  const { tested, failed } = spec
    ? await timed(`test ${count(images.length, 'image')}`, () =>
        test(images, { test: spec, args: inputs.args, plan }, deps),
      )
    : { tested: images, failed: [] };
  if (failed.length > 0)
    return stopped(run, record({ ...known, targets: tested, end: 'tests', errors: failed.map(errorLine) }), failed);
  const artifact = indexOf(tested, plan, inputs);
  await writeAttestPredicate(artifact, deps.tempRoot);
  const { published, kept, error } = await timed('publish', () => publish(run, artifact, inputs.tags));
  const pushed = published?.[1]
    ? await pushOutcome(inputs, artifact.images, artifact.index.digest, deps.tempRoot)
    : undefined;
  const warning = attachWarning(inputs);
  const report = buildReport(
    record({
      ...known,
      targets: tested,
      end: published ? 'published' : 'publish failed',
      warnings: [...run.setup.warnings, ...(warning ? [warning] : [])],
      documents: attachmentsOf(artifact),
      published,
      kept,
      indexDigest: artifact.index.digest,
      pushed,
      push: run.publishers.registry && {
        refs: published?.[1]?.refs ?? [],
        stats: run.publishers.registry.stats,
        foundBack: run.publishers.registry.foundBack,
      },
    }),
  );
  return { report, diagnostics, error };
}

/** What the builds and checks said: compile errors, refused binaries, vulnerabilities. */
async function checkDiagnostics(
  run: Run,
  targets: Array<Unbuilt | Rejected | Built>,
  vulns: Diagnostic[],
): Promise<Diagnostic[]> {
  return [
    ...(await run.sourced.source.explain(targets.map((t) => t.obtained))),
    ...targets.flatMap((t) => (t.state === 'unbuilt' ? [] : t.checked.diagnostics)),
    ...vulns,
  ];
}

/**
 * The vulnerability check's verdict over every target that was checked: the report, and the run page's annotations
 * (go.mod read only when there is a finding to point into it).
 */
async function vulnFindings(
  inputs: Inputs,
  run: Run,
  targets: Array<Unbuilt | Rejected | Built>,
): Promise<{ report: VulnReport; diagnostics: Diagnostic[] } | undefined> {
  if (!run.vulns || inputs.vulnerabilities === 'off') return undefined;
  const mode = inputs.vulnerabilities;
  const ignore = inputs.ignoreVulnerabilities;
  const list = targets.flatMap((t) =>
    t.state === 'assembled' && t.vulns ? [{ platform: t.platform.id, outcome: t.vulns }] : [],
  );
  const db = await run.vulns.db;
  const dbModified = 'modified' in db ? db.modified : undefined;
  const report = vulnReport(list, { mode, db: inputs.vulnDb, dbModified, ignore, tool: run.vulns.tool() });
  const found = report.platforms.some((p) => p.found?.length);
  const goMod = found ? await run.vulns.goMod() : undefined;
  await run.vulns.settle();
  return { report, diagnostics: vulnDiagnostics(list, mode, ignore, goMod) };
}

/** What every record of this run holds, whatever stage it stopped at, and where it stopped. */
function recorder(inputs: Inputs, run: Run, phases: Report['phases']) {
  return ({ end, ...more }: Partial<Omit<RunRecord, 'end'>> & { end: RunEnd['at'] }): RunRecord => ({
    end: { at: end, testing: inputs.test !== undefined, pushing: inputs.push },
    platforms: inputs.platforms.map((p) => p.id),
    phases,
    warnings: run.setup.warnings,
    go: run.sourced.go,
    zig: run.sourced.zig,
    binariesDir: run.binaries.dir,
    contents: contentsOf(run.setup),
    ...more,
  });
}

/** What the images hold besides the binary, for the summary. */
function contentsOf(setup: Setup): ImageContents {
  const zone = setup.zoneinfo?.filter((e) => e.type === 'file') ?? [];
  return {
    ...(setup.caBundle ? { caBundle: { path: CA_BUNDLE_PATH, bytes: setup.caBundle.length } } : {}),
    ...(setup.zoneinfo
      ? { zoneinfo: { files: zone.length, bytes: zone.reduce((n, e) => n + (e.data?.length ?? e.file?.size ?? 0), 0) } }
      : {}),
    files: setup.extraFiles.map((f) => ({ dest: f.dest, source: f.source, bytes: f.data.length })),
  };
}

/** The image index over the targets' images, in `platforms` order. */
function indexOf(targets: Array<Assembled | Tested>, plan: Plan, inputs: Pick<Inputs, 'mediaTypes'>): IndexArtifact {
  const images = targets.map((t) => t.image);
  const index = buildIndex(images, plan.indexAnnotations, plan.manifestDescriptorAnnotations, inputs.mediaTypes);
  return { images, index };
}

/** Times a phase under a log group, for the summary. */
function phaseTimer(phases: Report['phases'], deps: PipelineDeps) {
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await deps.group(name, fn);
    } finally {
      phases.push({ name, ms: performance.now() - start });
    }
  };
}

/** A run that stops before publishing: nothing is written, and the report says why. */
async function stopped(run: Run, record: RunRecord, diagnostics: Diagnostic[]): Promise<PipelineResult> {
  await run.publishers.all.abandon(new Error(record.errors?.[0] ?? 'a target failed'));
  return { report: buildReport(record), diagnostics };
}

/** `1 target`, `6 targets`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** How the run page lists an error: with its file and line when it has one. */
const errorLine = (d: Diagnostic) => {
  const where = platformsOf(d);
  return `${where ? `${where}: ` : ''}${d.file ? `${d.file}:${d.startLine ?? 0}: ` : ''}${d.message}`;
};

/** The publish stage: the layout, and the registries when pushing; a failure is kept for the report to come first. */
async function publish(
  run: Run,
  artifact: IndexArtifact,
  tags: ImageRef[],
): Promise<{ published?: PublishResult[]; kept?: PublishResult[]; error?: unknown }> {
  try {
    return { published: await (await run.publishers.all.write(artifact))() };
  } catch (error) {
    // A failed push still commits the layout: the report shows it, and the index digest, for inspection.
    if (error instanceof PartlyPublished) return { error: withTagOrigin(error.cause, tags), kept: error.kept };
    return { error: withTagOrigin(error, tags) };
  }
}

/** The test stage over the assembled targets, each becoming tested when it ran (or keeping why it could not). */
async function test(
  images: Built[],
  settings: Parameters<typeof testStage>[1],
  deps: PipelineDeps,
): Promise<{ tested: Array<Assembled | Tested>; failed: Diagnostic[] }> {
  const runs = await testStage(images, settings, deps);
  // The whole output is in the log, inside the test phase's group: the summary shows its first lines, or none to fit.
  for (const { result: t } of runs)
    if ('status' in t) deps.info(`${t.platform}: test ${t.status}, output:\n${t.output}`);
  return {
    tested: runs.map((r) =>
      'status' in r.result
        ? { ...r.target, state: 'tested' as const, test: r.result }
        : { ...r.target, untested: r.result.message },
    ),
    failed: testFailures(runs),
  };
}

/** The plan stage: the workspace and toolchains, the epoch, the binary source and planner, and the publishers. */
async function planRun(inputs: Inputs, deps: PipelineDeps): Promise<Run> {
  const preparing = prepare(inputs, deps.env);
  const [setup, sourced] = await Promise.all([preparing, binarySource(inputs, deps, preparing)]);
  // No build waits for another process: `git log` (when no epoch is given) runs beside them, `go list` only on failure.
  const epoch = resolveEpoch(inputs, deps.env, deps.exec, setup.workDir);
  const implied = impliedRegistryNote(inputs.tags);
  if (implied) deps.info(implied);
  // Relative paths are the workspace's, as working-directory and files are.
  const layoutDir = resolve(setup.workspace, inputs.ociLayout || join(deps.tempRoot, 'oci'));
  const binaries = new BinariesDir(join(deps.tempRoot, 'binaries'));
  if (inputs.pushByDigest) await checkDigestsDir(digestsDirOf(inputs, deps.tempRoot));
  await checkLayoutTarget(layoutDir, inputs.ociLayout || layoutDir, [
    { path: setup.workspace, what: 'the workspace', inside: false },
    { path: binaries.dir, what: 'the binaries directory', inside: true },
    { path: deps.layerStoreDir, what: 'the layer store', inside: true },
  ]);
  const describe = (binary: string) => sourced.source.describe(binary);
  return {
    setup,
    sourced,
    epoch,
    planner: planner(inputs, setup, { describe, epoch, runner: runnerFacts(deps.env) }),
    binaries,
    publishers: openPublishers(inputs, { dir: layoutDir, annotations: layoutAnnotationsOf(inputs) }, deps),
    vulns: vulnChecker(inputs, setup, sourced.go, {
      ...deps,
      cacheArch: hostFacts().cacheArch,
      cacheDir: deps.vulnCacheDir,
    }),
    layers: deps.layers,
    layerSlot: limiter(deps.concurrency),
    env: deps.env,
    progress: new Progress(deps.info),
  };
}

/** A target that knows the run's plan (made from the first binary obtained). */
interface Planned {
  plan: Promise<Plan>;
}
/** A target whose checks passed, before its layer and image are made. */
type Passed = Omit<Assembled, 'state' | 'image'> & Planned & { state: 'passed' };
/** An assembled target, with the plan it was assembled by. */
type Built = Assembled & Planned;

/**
 * Every target through obtain → check → assemble → attach, pipelined. A failure (a layer that cannot be read, a bad
 * `files` entry found once the binary is named) stops the writes at once; the other targets finish first.
 */
async function everyTarget(inputs: Inputs, run: Run): Promise<Array<Unbuilt | Rejected | Built>> {
  const checksPassed = barrier(inputs.platforms.length);
  const abandon = (e: unknown) => void run.publishers.all.abandon(e);
  const quiet = run.progress.beat();
  return settleAll(
    inputs.platforms.map(async (platform) => {
      const target = await checkedTarget(platform, inputs, run, checksPassed);
      if (target.state !== 'assembled') return target;
      run.publishers.all.probe(target.image);
      // With a test, nothing is written before every image has run (the test stage).
      if ((await checksPassed.all) && !inputs.test) run.publishers.all.stage(target.image);
      return target;
    }),
    abandon,
  )
    .catch(async (e: unknown) => {
      await run.publishers.all.abandon(e);
      throw e;
    })
    .finally(quiet);
}

/** Obtain and check one target, then assemble and attach it; it counts as passed only when its checks found nothing. */
async function checkedTarget(
  platform: Platform,
  inputs: Inputs,
  run: Run,
  checksPassed: { arrive(ok: boolean): void },
): Promise<Unbuilt | Rejected | Built> {
  let checked: Unbuilt | Rejected | Passed | undefined;
  let vulns: Promise<VulnOutcome> | undefined;
  try {
    checked = await obtainAndCheck(platform, inputs, run);
    if (checked.state === 'passed') vulns = run.vulns?.check(checked.checked.binary, platform.id);
  } finally {
    // In fail mode a finding is a failed check: nothing is written before every verdict is in. It runs meanwhile.
    const ok = checked?.state === 'passed';
    if (!ok || !vulns || inputs.vulnerabilities !== 'fail') checksPassed.arrive(ok);
    else
      vulns.then(
        (v) => checksPassed.arrive(!blocks(v, inputs.vulnerabilities, inputs.ignoreVulnerabilities)),
        () => checksPassed.arrive(false),
      );
  }
  if (checked.state !== 'passed') return checked;
  const built = await assembleAndAttach(checked, inputs, run);
  return vulns ? { ...built, vulns: await vulns } : built;
}

/** Obtain the binary, give it its name in the `binaries` output, and check it; a passed target is not built yet. */
async function obtainAndCheck(platform: Platform, inputs: Inputs, run: Run): Promise<Unbuilt | Rejected | Passed> {
  const id = platform.id;
  run.progress.start(id, inputs.binaries ? 'reading' : 'go build');
  const obtained = await run.sourced.source.obtain(platform);
  await run.binaries.clear(platform);
  run.progress.done(id, (s) => (obtained.ok ? `built in ${s} s (${obtained.from})` : `build failed after ${s} s`));
  if (!obtained.ok) return { state: 'unbuilt', platform, obtained };
  run.progress.start(id, 'check');
  const plan = run.planner.planFrom(obtained.binary);
  const { binaryPath, binaryName } = await plan;
  const file = await run.binaries.add(platform, obtained.binary, binaryName);
  const workspace = run.setup.workspace;
  const checked = await checkStage(file, platform, {
    linkage: inputs.linkage,
    binaryPath,
    show: (f) => (f === file && obtained.shown ? obtained.shown : shownPath(workspace, f)),
    toolchain: run.sourced.toolchains.get(platform.id),
    hash: (f) => run.layers.hash(f),
    extraFiles: run.setup.extraFiles,
    prebuilt: inputs.binaries !== undefined,
  });
  const { passed, binary } = checked;
  run.progress.done(id, () =>
    passed && binary ? `checked: ${binary.linkage}, ${sizeOf(binary.size)}` : 'rejected by the checks',
  );
  if (!passed || !binary) return { state: 'rejected', platform, obtained, checked };
  return { state: 'passed', platform, obtained, checked: { ...checked, passed, binary }, plan };
}

/** A path as messages show it: relative to the workspace when inside it. */
const shownPath = (workspace: string, f: string) =>
  relative(workspace, f).startsWith('..') ? f : relative(workspace, f);

/** The assemble stage (the layer, bounded by the cores, then config and manifest), then the attach stage. */
async function assembleAndAttach(target: Passed, inputs: Inputs, run: Run): Promise<Built> {
  const plan = await target.plan;
  const [mtime] = await run.epoch;
  const passed = target.checked.passed;
  run.progress.start(target.platform.id, 'layer');
  const layer = await run.layerSlot(() =>
    assembleLayer(passed, { binaryPath: plan.binaryPath, mtime }, run.setup, run.layers),
  );
  const cached = layer.cached ? ' (from the layer cache)' : '';
  run.progress.done(target.platform.id, (s) => `layer ${sizeOf(layer.size)}${cached} in ${s} s`);
  const image: ImageArtifact = buildImage([layer], {
    ...plan.image,
    platform: ociPlatform(target.platform),
    family: inputs.mediaTypes,
  });
  const attachRun = { plan, setup: run.setup, env: run.env, goVersion: run.sourced.go?.version };
  image.attachments = await attachStage(inputs, attachRun, {
    platform: target.platform.id,
    image,
    binary: target.checked.binary,
    from: target.obtained.from,
  });
  return { ...target, state: 'assembled', image };
}

import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Inputs } from './inputs/inputs.js';
import type { Platform } from './inputs/platform.js';
import { inspectOne, type Inspected } from './check/inspect.js';
import { resolveToolchains } from './plan/toolchains.js';
import { buildEnv, buildProcs, gcTuning } from './build/go/argv.js';
import { buildAnnotations, buildOne, type BuildResult } from './build/go/build.js';
import type { Annotation } from './build/go/diagnostics.js';
import { buildIndex, buildImage } from './image/image.js';
import { buildLayer, type LayerIO } from './layer/layer.js';
import { rootfsEntries } from './layer/rootfs.js';
import type { ImageArtifact } from './image/types.js';
import { ociPlatform, type Plan } from './plan/plan.js';
import { planner } from './plan/planner.js';
import { prepare, resolveEpoch } from './plan/workspace.js';
import { LayoutPublisher } from './publish/layout.js';
import { runMerge, startPush, type PushDeps } from './publish/push.js';
import type { Report } from './report/model.js';
import { barrier, limiter } from './util/pool.js';

/** How the pipeline talks to the outside: injected so that only main.ts knows about @actions/core. */
export interface PipelineDeps extends PushDeps {
  concurrency: number;
  /** Bytes of memory the step may use (the machine's, or its cgroup's limit), which bounds the go processes' heaps. */
  memory: number;
  /** Reading, compressing and storing layers (the store doubles as the cache across runs). */
  layers: LayerIO;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
}

/** What the step produced: a report for outputs and summary, and annotations to show on the run page. */
export interface PipelineResult {
  report: Report;
  annotations: Annotation[];
}

/** Runs inputs → plan → build → inspect → assemble → publish; expected failures end up in the report, not thrown. */
export async function runPipeline(inputs: Inputs, report: Report, deps: PipelineDeps): Promise<PipelineResult> {
  const annotations: Annotation[] = [];
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await deps.group(name, fn);
    } finally {
      report.phases.push({ name, ms: performance.now() - start });
    }
  };
  if (inputs.mergeDigests) {
    await timed('merge', () => runMerge(inputs, report, deps));
    return { report, annotations };
  }
  const [setup, toolchains] = await timed('prepare', () =>
    Promise.all([prepare(inputs, deps.env), resolveToolchains(inputs, deps.env)]),
  );
  report.warnings.push(...setup.warnings);
  // No build waits for another process: `git log` (when no epoch is given) runs beside them, `go list` only on failure.
  const epoch = resolveEpoch(inputs, deps.env, deps.exec, setup.workDir);
  const binariesDir = join(deps.tempRoot, 'binaries');
  report.binariesDir = binariesDir;
  const buildSlot = limiter(deps.concurrency);
  const layerSlot = limiter(deps.concurrency);
  const toRepoPath = (f: string) => relative(setup.workspace, resolve(setup.workDir, f));
  const goOptions = {
    pkg: inputs.package,
    ldflags: inputs.ldflags,
    tags: inputs.buildTags,
    goFlags: inputs.goFlags,
    cgo: inputs.cgo,
    env: inputs.env,
    procs: deps.env.GOMAXPROCS ? undefined : buildProcs(deps.concurrency, inputs.platforms.length),
    gc: deps.env.GOGC || deps.env.GOMEMLIMIT ? undefined : gcTuning(deps.memory, deps.concurrency),
  };
  const buildContext = {
    exec: deps.exec,
    cwd: setup.workDir,
    baseEnv: deps.env as Record<string, string>,
    // go's own outputs stay here between runs, so go skips the link when a binary is up to date (the rerun target).
    outDir: join(deps.tempRoot, 'build'),
    ccFor: (p: Platform) => toolchains.get(p.id)?.cc,
  };
  const plans = planner(
    inputs,
    setup,
    {
      exec: deps.exec,
      cwd: setup.workDir,
      shownDir: relative(setup.workspace, setup.workDir) || '.',
      env: { ...buildContext.baseEnv, ...buildEnv(goOptions, inputs.platforms[0]) },
    },
    epoch,
    { serverUrl: deps.env.GITHUB_SERVER_URL, repository: deps.env.GITHUB_REPOSITORY, sha: deps.env.GITHUB_SHA },
  );
  const inspectContext = {
    inputs,
    toolchains,
    hash: deps.layers.hash,
    show: (f: string) => (relative(setup.workspace, f).startsWith('..') ? f : relative(setup.workspace, f)),
  };
  const builds: BuildResult[] = [];
  const found: Annotation[][] = [];
  // Blobs may go up before the index exists, but only once every target has built and passed its checks:
  // a failed build or check writes nothing. Until then, finished images only ask what the registry already holds.
  const session = inputs.push ? startPush(inputs, deps) : undefined;
  const checks = barrier(inputs.platforms.length);
  const check = async (platform: Platform, i: number): Promise<{ plan: Plan; passed: Inspected } | undefined> => {
    let passed: Inspected | undefined;
    try {
      const built = (builds[i] = await buildSlot(() => buildOne(platform, goOptions, buildContext)));
      // The binaries output: the last run's binary, whatever its name, never outlives a failed build to be released.
      const shipped = join(binariesDir, platform.slug);
      await rm(shipped, { recursive: true, force: true });
      if (!built.ok) {
        report.platforms[i].status = 'build failed';
        return undefined;
      }
      const plan = await plans.planFrom(built.binary);
      const binary = join(shipped, plan.binaryName);
      await mkdir(shipped, { recursive: true });
      await link(built.binary, binary).catch(() => copyFile(built.binary, binary));
      const checked = await inspectOne({ ...built, binary }, report.platforms[i], {
        ...inspectContext,
        binaryPath: plan.binaryPath,
      });
      found[i] = checked.annotations;
      passed = checked.passed;
      return passed && { plan, passed };
    } finally {
      checks.arrive(passed !== undefined);
    }
  };
  // Each target flows build → inspect → layer on its own, so one target compresses while the next one links.
  const stages = `build, inspect, assemble${session ? ', upload blobs' : ''}`;
  let images: Array<ImageArtifact | undefined>;
  try {
    images = await timed(`${stages} (${inputs.platforms.length} targets, pipelined)`, () =>
      Promise.all(
        inputs.platforms.map(async (platform, i): Promise<ImageArtifact | undefined> => {
          const ready = await check(platform, i);
          if (!ready) return undefined;
          const { plan, passed } = ready;
          const entries = rootfsEntries({
            binaryPath: plan.binaryPath,
            binary: passed.binary,
            caBundle: setup.caBundle,
            zoneinfo: setup.zoneinfo,
            extraFiles: setup.extraFiles,
            libraries: passed.libraries,
          });
          const [mtime] = await epoch;
          const layer = await layerSlot(() => buildLayer(entries, mtime, deps.layers));
          const image = buildImage([layer], {
            ...plan.image,
            platform: ociPlatform(platform),
            family: inputs.mediaTypes,
          });
          session?.probe(image);
          if (session && (await checks.all)) session.pushEarly(image);
          return image;
        }),
      ),
    );
  } catch (e) {
    await session?.abandon(e); // e.g. one layer failed after others began to upload: start no more
    throw e;
  }
  const [value, source] = await epoch;
  report.epoch = { value, source };
  // A missing go or a bad `package` fails every build: one input error says so, not one failure per platform.
  if (builds.some((b) => !b.ok)) await plans.askGo();
  annotations.push(...buildAnnotations(builds, toRepoPath), ...found.flat());
  if (annotations.some((a) => a.level === 'error')) {
    report.errors.push(
      ...annotations
        .filter((a) => a.level === 'error')
        .map((a) => (a.file ? `${a.file}:${a.startLine}: ${a.message}` : a.message)),
    );
    return { report, annotations };
  }
  const plan = await (plans.planned() as Promise<Plan>); // settled: every target passed, so one made it
  const artifact = buildIndex(
    images as ImageArtifact[],
    plan.indexAnnotations,
    plan.manifestDescriptorAnnotations,
    inputs.mediaTypes,
  );
  const location = resolve(inputs.ociLayout || join(deps.tempRoot, 'oci'));
  // The layout and the push run side by side: they share no file, and the index and the tags wait for the layout, so
  // a layout that fails still moves no tag. The layout logs nothing, so it is timed without a log group of its own.
  const layoutStart = performance.now();
  const written = new LayoutPublisher(location)
    .publish(artifact, { annotations: plan.layoutAnnotations })
    .then((published) => {
      report.ociLayout = location;
      report.refs = published.refs;
    })
    .finally(() => report.phases.push({ name: 'write layout', ms: performance.now() - layoutStart }));
  const pushed = session ? timed('push', () => session.finish(artifact, report, written)) : undefined;
  try {
    await Promise.all([written, pushed]);
  } catch (e) {
    await session?.abandon(e);
    await Promise.allSettled([written, pushed]); // the first failure is the one reported, once the other side stopped
    throw e;
  }
  artifact.images.forEach((img, i) => {
    const pr = report.platforms[i];
    pr.status = 'ok';
    pr.layer = { digest: img.layers[0].digest, size: img.layers[0].size };
    pr.manifest = { digest: img.manifest.digest, size: img.manifest.size };
  });
  report.indexDigest = artifact.index.digest;
  report.layersFromCache = artifact.images.filter((img) => img.layers.every((l) => l.cached)).length;
  return { report, annotations };
}

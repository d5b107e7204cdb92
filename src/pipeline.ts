import { readdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Inputs } from './config/inputs.js';
import type { Platform } from './config/platform.js';
import { inspectOne, type Inspected } from './inspect-stage.js';
import { resolveToolchains } from './toolchain.js';
import { buildProcs } from './go/argv.js';
import { buildAnnotations, buildOne, type BuildResult } from './go/build.js';
import type { Annotation } from './go/diagnostics.js';
import { buildIndex, buildImage } from './oci/image.js';
import { buildLayer, type LayerIO } from './oci/layer.js';
import { rootfsEntries } from './oci/rootfs.js';
import type { ImageArtifact } from './oci/types.js';
import { makePlan, ociPlatform } from './plan.js';
import { prepare } from './prepare.js';
import { LayoutPublisher } from './publish/layout.js';
import { runMerge, startPush, type PushDeps } from './push.js';
import type { Report } from './report/model.js';
import { barrier, limiter } from './util/pool.js';

/** How the pipeline talks to the outside: injected so that only main.ts knows about @actions/core. */
export interface PipelineDeps extends PushDeps {
  concurrency: number;
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
  const [facts, toolchains] = await timed('prepare', () => Promise.all([prepare(inputs, deps.env, deps.exec), resolveToolchains(inputs, deps.env)]));
  report.warnings.push(...facts.warnings);
  report.epoch = { value: facts.epoch, source: facts.epochSource };
  report.goVersion = facts.goVersion;
  const plan = makePlan(inputs, {
    binaryName: facts.binaryName,
    epoch: facts.epoch,
    importPath: facts.importPath,
    serverUrl: deps.env.GITHUB_SERVER_URL,
    repository: deps.env.GITHUB_REPOSITORY,
    sha: deps.env.GITHUB_SHA,
  });
  const binariesDir = join(deps.tempRoot, 'binaries');
  report.binariesDir = binariesDir;
  // Keep last run's binary: go skips the link when it is up to date (the unchanged-rerun target). Anything else goes.
  for (const p of inputs.platforms) {
    const names = await readdir(join(binariesDir, p.slug)).catch(() => [] as string[]);
    for (const n of names.filter((x) => x !== facts.binaryName)) await rm(join(binariesDir, p.slug, n), { recursive: true, force: true });
  }

  const buildSlot = limiter(deps.concurrency);
  const layerSlot = limiter(deps.concurrency);
  const toRepoPath = (f: string) => relative(facts.workspace, resolve(facts.workDir, f));
  const goOptions = {
    pkg: inputs.package, ldflags: inputs.ldflags, tags: inputs.buildTags, goFlags: inputs.goFlags,
    cgo: inputs.cgo, env: inputs.env,
    procs: deps.env.GOMAXPROCS ? undefined : buildProcs(deps.concurrency, inputs.platforms.length),
  };
  const buildContext = {
    exec: deps.exec, cwd: facts.workDir, baseEnv: deps.env as Record<string, string>, binariesDir,
    binaryName: facts.binaryName, ccFor: (p: Platform) => toolchains.get(p.id)?.cc,
  };
  const inspectContext = {
    inputs, binaryPath: plan.binaryPath, toolchains, hash: deps.layers.hash,
    show: (f: string) => (relative(facts.workspace, f).startsWith('..') ? f : relative(facts.workspace, f)),
  };
  const builds: BuildResult[] = [];
  const found: Annotation[][] = [];
  // Blobs may go up before the index exists, but only once every target has built and passed its checks:
  // a failed build or check pushes nothing. Until then, finished layers wait here.
  const session = inputs.push ? startPush(inputs, deps) : undefined;
  const checks = barrier(inputs.platforms.length);
  const check = async (platform: Platform, i: number) => {
    let passed: Inspected | undefined;
    try {
      const built = (builds[i] = await buildSlot(() => buildOne(platform, goOptions, buildContext)));
      if (!built.ok) {
        report.platforms[i].status = 'build failed';
        await rm(built.binary, { force: true }); // never a stale binary to release
        return undefined;
      }
      const checked = await inspectOne(built, report.platforms[i], inspectContext);
      found[i] = checked.annotations;
      return (passed = checked.passed);
    } finally {
      checks.arrive(passed !== undefined);
    }
  };
  // Each target flows build → inspect → layer on its own, so one target compresses while the next one links.
  const stages = `build, inspect, assemble${session ? ', upload blobs' : ''}`;
  let images: Array<ImageArtifact | undefined>;
  try {
    images = await timed(`${stages} (${inputs.platforms.length} targets, pipelined)`, () =>
      Promise.all(inputs.platforms.map(async (platform, i): Promise<ImageArtifact | undefined> => {
        const passed = await check(platform, i);
        if (!passed) return undefined;
        const entries = rootfsEntries({
          binaryPath: plan.binaryPath, binary: passed.binary, caBundle: facts.caBundle,
          zoneinfo: facts.zoneinfo, extraFiles: facts.extraFiles, libraries: passed.libraries,
        });
        const layer = await layerSlot(() => buildLayer(entries, facts.epoch, deps.layers));
        const image = buildImage([layer], { ...plan.image, platform: ociPlatform(platform), family: inputs.mediaTypes });
        if (session && (await checks.all)) session.uploadEarly(image);
        return image;
      })),
    );
  } catch (e) {
    await session?.abandon(e); // e.g. one layer failed after others began to upload: start no more
    throw e;
  }
  annotations.push(...buildAnnotations(builds, toRepoPath), ...found.flat());
  if (annotations.some((a) => a.level === 'error')) {
    report.errors.push(...annotations.filter((a) => a.level === 'error').map((a) => (a.file ? `${a.file}:${a.startLine}: ${a.message}` : a.message)));
    return { report, annotations };
  }
  const artifact = buildIndex(images as ImageArtifact[], plan.indexAnnotations, plan.manifestDescriptorAnnotations, inputs.mediaTypes);
  const location = resolve(inputs.ociLayout || join(deps.tempRoot, 'oci'));
  const layout = new LayoutPublisher(location);
  const published = await timed('write layout', () => layout.publish(artifact, plan.layoutAnnotations)).catch(async (e: unknown) => {
    await session?.abandon(e);
    throw e;
  });
  report.ociLayout = location;
  report.refs = published.refs;
  if (session) await timed('push', () => session.finish(artifact, report));
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

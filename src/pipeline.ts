import { mkdir } from 'node:fs/promises';
import { delimiter, join, relative, resolve } from 'node:path';
import { BinariesDir } from './build/binaries-dir.js';
import { buildEnv, buildProcs, gcTuning, type GoBuildOptions } from './build/go/argv.js';
import { goSource } from './build/go/source.js';
import { commonName, findPrebuilt, prebuiltSource } from './build/prebuilt/source.js';
import type { BinariesSpec } from './inputs/binaries.js';
import type { BinarySource, Obtained } from './build/source.js';
import { checkStage, type Checked } from './check/inspect.js';
import { buildImage, buildIndex } from './image/image.js';
import { attachmentsOf, type AttachedDocument, type ImageArtifact, type IndexArtifact } from './kernel/oci.js';
import { attachments, provenanceParameters } from './attach/attach.js';
import { SPDX_MEDIA_TYPE } from './attach/spdx.js';
import { IN_TOTO_MEDIA_TYPE } from './attach/provenance.js';
import { writeFileAtomic } from './util/fs.js';
import type { Inputs } from './inputs/inputs.js';
import type { Platform } from './kernel/platform.js';
import { assembleLayer } from './layer/assemble.js';
import type { LayerIO } from './layer/layer.js';
import { resolveEpoch, type EpochSource } from './plan/epoch.js';
import { layoutAnnotationsOf, makePlan, runnerFacts, type Plan } from './plan/plan.js';
import { ociPlatform } from './kernel/platform.js';
import { planner, type Planner } from './plan/planner.js';
import { hostFacts, resolveToolchains, type Toolchain } from './build/toolchain/cc.js';
import { provideGo, type GoToolchain } from './build/toolchain/go.js';
import type { ToolCache } from './build/toolchain/tool-cache.js';
import { provideZig, type Zig } from './build/toolchain/zig.js';
import type { Fetch } from './util/http.js';
import { credentialsIn } from './util/url-credentials.js';
import type { ToolReport } from './report/model.js';
import { prepare, workspaceOf, type Setup } from './plan/workspace.js';
import { checkDigestsDir, readDigestFiles, writeDigestFiles } from './publish/digest-files.js';
import { checkLayoutTarget } from './publish/layout-target.js';
import { mergeIndex } from './publish/merge.js';
import { openPublishers, registryPublisher, type Publishers } from './publish/open.js';
import { connectRegistries } from './publish/registry/connect.js';
import type { PublishResult } from './publish/publisher.js';
import type { RegistryDeps } from './publish/registry/connect.js';
import { repositories } from './publish/registry/publisher.js';
import type { Diagnostic } from './kernel/diagnostic.js';
import { emptyReport, platformRow, type Report, type TargetOutcome } from './report/model.js';
import { InputError } from './kernel/errors.js';
import { barrier, limiter, mapLimit, settleAll } from './util/pool.js';
import { testFailure, testImage, type TestOutcome } from './test/run.js';
import { asRoot, throughSudo, type Privileged } from './test/privileged.js';
import { which } from './util/which.js';

/** How the pipeline talks to the outside: injected, so that only the action's entry knows about @actions/core. */
export interface PipelineDeps extends RegistryDeps {
  /** Where this run keeps its files: RUNNER_TEMP/scratchpack. */
  tempRoot: string;
  concurrency: number;
  /** Bytes of memory the step may use (the machine's, or its cgroup's limit), which bounds the go processes' heaps. */
  memory: number;
  /** Reading, compressing and storing layers (the store doubles as the cache across runs). */
  layers: LayerIO;
  /** Where the layer store keeps its files, which no output may replace. */
  layerStoreDir: string;
  /** The runner's tool cache, where Go and zig are kept once downloaded and verified. */
  toolCache: ToolCache;
  /** The network, for the Go module proxy, the checksum database and the package index. */
  fetch: Fetch;
  /** zig's own cache (ZIG_GLOBAL_CACHE_DIR), outside the workspace. */
  zigCacheDir: string;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
}

/** What the step produced: the report for outputs and summary, diagnostics for the run page, and a failure if any. */
export interface PipelineResult {
  report: Report;
  diagnostics: Diagnostic[];
  /** Why publishing failed, after everything before it succeeded; the report still says what was built. */
  error?: unknown;
}

/** One target after the per-target stages: what the report needs, and the image when every check passed. */
interface Target {
  platform: Platform;
  obtained: Obtained;
  checked?: Checked;
  image?: ImageArtifact;
}

/** Everything a run shares between its targets, decided before the first build starts. */
interface Run {
  setup: Setup;
  toolchains: Map<string, Toolchain>;
  /** The Go and zig this run provisioned or found, for the summary. */
  tools: ToolReport[];
  epoch: Promise<[number, EpochSource]>;
  source: BinarySource;
  planner: Planner;
  binaries: BinariesDir;
  publishers: Publishers;
  layers: LayerIO;
  layerSlot: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Times a phase under a log group, for the summary. */
function phases(report: Report, deps: PipelineDeps) {
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await deps.group(name, fn);
    } finally {
      report.phases.push({ name, ms: performance.now() - start });
    }
  };
}

/**
 * inputs → plan → per target, pipelined: obtain the binary → check it → assemble its layer and image → attach its
 * documents; then the index → verify (run each image, when asked) → publish (the layout, and the registries when
 * pushing) → report. One target compresses while the next links;
 * reads go early (each image asks the registries what they hold as soon as it is assembled); writes wait until every
 * target has passed its checks, and references move last.
 */
export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  if (inputs.mergeDigests) return runMerge(inputs, deps);
  const report = emptyReport(inputs.platforms.map((p) => p.id));
  const timed = phases(report, deps);
  const run = await timed('prepare', () => planRun(inputs, deps));
  report.warnings.push(...run.setup.warnings);
  report.tools = run.tools;
  report.binariesDir = run.binaries.dir;
  const checksPassed = barrier(inputs.platforms.length);
  const pushing = inputs.push ? ', upload blobs' : '';
  // A failure (a layer that cannot be read, a bad `files` entry found once the binary is named) stops the writes at
  // once; the other targets finish before it is reported.
  const abandon = (e: unknown) => void run.publishers.all.abandon(e);
  const targets = await timed(`build, check, assemble${pushing} (${inputs.platforms.length} targets, pipelined)`, () =>
    settleAll(
      inputs.platforms.map(async (platform): Promise<Target> => {
        const target = await checkedTarget(platform, inputs, run, checksPassed);
        if (!target.checked?.passed) return target;
        const image = await assemble(target, inputs, run);
        image.attachments = await attach(inputs, deps, run, { ...target, image });
        run.publishers.all.probe(image);
        // With a test, nothing is written before every image has run (the verify stage).
        if ((await checksPassed.all) && !inputs.test) run.publishers.all.stage(image);
        return { ...target, image };
      }),
      abandon,
    ),
  ).catch(async (e: unknown) => {
    await run.publishers.all.abandon(e);
    throw e;
  });
  const [value, source] = await run.epoch;
  report.epoch = { value, source };
  const diagnostics = [
    ...(await run.source.explain(targets.map((t) => t.obtained))),
    ...targets.flatMap((t) => t.checked?.diagnostics ?? []),
  ];
  const errors = diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    await run.publishers.all.abandon(new Error('a target failed'));
    report.errors.push(...errors.map((d) => (d.file ? `${d.file}:${d.startLine}: ${d.message}` : d.message)));
    report.platforms = targets.map((t) => platformRow(outcome(t), false));
    return { report, diagnostics };
  }
  const plan = await (run.planner.planned() as Promise<Plan>); // settled: every target passed, so one made it
  const images = targets.map((t) => t.image as ImageArtifact);
  if (inputs.test) {
    const failed = await timed(`test ${images.length} images`, () => verify(inputs, deps, targets, plan, report));
    if (failed.length > 0) {
      await run.publishers.all.abandon(new Error('a test failed'));
      report.errors.push(...failed.map((d) => d.message));
      report.platforms = targets.map((t) => platformRow(outcome(t), false));
      return { report, diagnostics: failed };
    }
  }
  const index = buildIndex(images, plan.indexAnnotations, plan.manifestDescriptorAnnotations, inputs.mediaTypes);
  const artifact = { images, index };
  report.attachments = attachmentsReport(attachmentsOf(artifact), targets);
  if ((inputs.sbom || inputs.provenance) && inputs.mediaTypes === 'docker')
    report.warnings.push(
      'media-types: docker: SBOM and provenance are not attached, because Docker manifests cannot refer to an image; use media-types: oci, or set sbom and provenance to false',
    );
  await writeAttestPredicate(artifact, deps.tempRoot);
  let published: PublishResult[] | undefined;
  let error: unknown;
  try {
    published = await timed('publish', async () => (await run.publishers.all.write(artifact))());
  } catch (e) {
    error = e;
  }
  report.platforms = targets.map((t) => platformRow(outcome(t), published !== undefined));
  report.layersFromCache = images.filter((img) => img.layers.every((l) => l.cached)).length;
  if (published) {
    const [layout, registry] = published;
    report.indexDigest = artifact.index.digest;
    report.ociLayout = layout.location;
    report.refs = layout.refs;
    if (registry) Object.assign(report, await pushOutcome(inputs, images, artifact.index.digest, deps.tempRoot));
  }
  if (run.publishers.registry) report.push = { refs: published?.[1]?.refs ?? [], stats: run.publishers.registry.stats };
  return { report, diagnostics, error };
}

/**
 * The verify stage: each image's entrypoint runs from the image's own root, confined, natively or under qemu, bounded
 * by the cores; before anything is written to a registry. Returns the failures' diagnostics.
 */
async function verify(
  inputs: Inputs,
  deps: PipelineDeps,
  targets: Target[],
  plan: Plan,
  report: Report,
): Promise<Diagnostic[]> {
  const test = inputs.test as NonNullable<Inputs['test']>;
  const settings = {
    args: test.args.length > 0 ? test.args : inputs.args,
    timeoutS: test.timeoutS,
    expect: test.expect,
    entrypoint: plan.image.entrypoint,
    env: plan.image.env,
    user: plan.image.user,
    hostArch: hostFacts().goarch,
    priv: await privilegeOf(deps),
    env0: deps.env,
  };
  const results = await mapLimit(targets, deps.concurrency, (t) =>
    testImage(t.platform, t.image as ImageArtifact, settings),
  );
  const outcomes = results.filter((r): r is TestOutcome => 'status' in r);
  report.tests = outcomes.map((o) => ({
    platform: o.platform,
    status: o.status,
    ms: o.ms,
    via: o.via,
    output: o.output,
  }));
  return [
    ...results.filter((r): r is Diagnostic => !('status' in r)),
    ...outcomes.filter((o) => o.status === 'failed').map(testFailure),
  ];
}

/** How the test stage acts as root: it is root, or it has sudo; else it cannot confine a test. */
async function privilegeOf(deps: PipelineDeps): Promise<Privileged | undefined> {
  if (process.getuid?.() === 0) return asRoot;
  return (await which('sudo', deps.env.PATH)) ? throughSudo(deps.exec) : undefined;
}

/**
 * The attach stage, per image as soon as it is assembled (so that the registry is asked about the documents early):
 * an SBOM and a provenance, as the inputs ask. Docker media types have no subject field, so they get none.
 */
async function attach(inputs: Inputs, deps: PipelineDeps, run: Run, target: Target): Promise<AttachedDocument[]> {
  if ((!inputs.sbom && !inputs.provenance) || inputs.mediaTypes === 'docker') return [];
  const plan = await (run.planner.planned() as Promise<Plan>);
  return attachments(
    [
      {
        platform: target.platform.id,
        image: target.image as ImageArtifact,
        binary: target.checked?.binary as NonNullable<Checked['binary']>,
        from: target.obtained.from,
      },
    ],
    {
      inputs,
      created: plan.created,
      binaryName: plan.binaryName,
      caBundle: run.setup.caBundle,
      zoneinfo: run.setup.zoneinfo !== undefined,
      extraFiles: run.setup.extraFiles,
      parameters: provenanceParameters(inputs),
      env: deps.env,
      goVersion: run.tools.find((t) => t.name === 'Go')?.version,
    },
  );
}

/** The report's view of the documents: each artifact manifest, and an SBOM's package count. */
function attachmentsReport(docs: AttachedDocument[], targets: Target[]): Report['attachments'] {
  return docs.map((d) => ({
    platform: targets.find((t) => t.image?.manifest.digest === d.subject.digest)?.platform.id ?? '',
    artifactType: d.artifactType,
    digest: d.manifest.digest,
    ...(d.artifactType === SPDX_MEDIA_TYPE
      ? { packages: (JSON.parse(new TextDecoder().decode(d.document.data)) as { packages: unknown[] }).packages.length }
      : {}),
  }));
}

/** The predicate for actions/attest to sign (README): the first provenance's, without its platform, for the index. */
async function writeAttestPredicate(artifact: IndexArtifact, tempRoot: string): Promise<void> {
  const doc = attachmentsOf(artifact).find((d) => d.artifactType === IN_TOTO_MEDIA_TYPE);
  if (!doc) return;
  const statement = JSON.parse(new TextDecoder().decode(doc.document.data));
  delete statement.predicate.buildDefinition.externalParameters.platform;
  await mkdir(tempRoot, { recursive: true });
  await writeFileAtomic(join(tempRoot, 'provenance.json'), JSON.stringify(statement.predicate));
}

/** The plan stage: the workspace and toolchains, the epoch, the binary source and planner, and the publishers. */
async function planRun(inputs: Inputs, deps: PipelineDeps): Promise<Run> {
  const preparing = prepare(inputs, deps.env);
  const [setup, { source, toolchains, tools }] = await Promise.all([
    preparing,
    inputs.binaries ? prebuilt(inputs, inputs.binaries, deps, preparing) : goBuild(inputs, deps, preparing),
  ]);
  // No build waits for another process: `git log` (when no epoch is given) runs beside them, `go list` only on failure.
  const epoch = resolveEpoch(inputs, deps.env, deps.exec, setup.workDir);
  // Relative paths are the workspace's, as working-directory and files are.
  const layoutDir = resolve(setup.workspace, inputs.ociLayout || join(deps.tempRoot, 'oci'));
  const binaries = new BinariesDir(join(deps.tempRoot, 'binaries'));
  if (inputs.pushByDigest) await checkDigestsDir(digestsDirOf(inputs, deps.tempRoot));
  await checkLayoutTarget(layoutDir, inputs.ociLayout || layoutDir, [
    { path: setup.workspace, what: 'the workspace', inside: false },
    { path: binaries.dir, what: 'the binaries directory', inside: true },
    { path: deps.layerStoreDir, what: 'the layer store', inside: true },
  ]);
  const layout = {
    dir: layoutDir,
    annotations: layoutAnnotationsOf(inputs),
  };
  return {
    setup,
    toolchains,
    tools,
    epoch,
    source,
    planner: planner(inputs, setup, (b) => source.describe(b), epoch, runnerFacts(deps.env)),
    binaries,
    publishers: openPublishers(inputs, layout, deps),
    layers: deps.layers,
    layerSlot: limiter(deps.concurrency),
  };
}

/**
 * The environment that makes every go process use the chosen toolchain: its bin first on PATH and its GOROOT, and
 * GOTOOLCHAIN=local so that go does not switch again (https://go.dev/doc/toolchain#select).
 */
function goEnvOf(go: GoToolchain | undefined, path: string | undefined): Record<string, string> {
  if (!go) return {};
  if (!go.goroot) return { GOTOOLCHAIN: 'local' };
  return { GOTOOLCHAIN: 'local', GOROOT: go.goroot, PATH: `${join(go.goroot, 'bin')}${delimiter}${path ?? ''}` };
}

const goReport = (g: GoToolchain): ToolReport => ({
  name: 'Go',
  version: g.version,
  source: g.source,
  requirement: g.requirement,
  bytes: g.bytes,
  ms: g.ms,
});
const zigReport = (z: Zig): ToolReport => ({
  name: 'zig',
  version: z.version,
  source: z.source,
  bytes: z.bytes,
  ms: z.ms,
  ...(z.verifiedBy ? { verifiedBy: z.verifiedBy } : {}),
});

/** What obtains the binaries, and with which toolchains. */
interface Sourced {
  source: BinarySource;
  toolchains: Map<string, Toolchain>;
  tools: ToolReport[];
}

/** The `binaries` source: the user's files, found before anything runs; no Go is needed, nor looked for. */
async function prebuilt(
  inputs: Inputs,
  spec: BinariesSpec,
  deps: PipelineDeps,
  preparing: Promise<Setup>,
): Promise<Sourced> {
  const setup = await preparing;
  const files = await findPrebuilt(spec, inputs.platforms, setup.workspace);
  const name = commonName(files, inputs.binaryName);
  const noZig = { zig: () => Promise.reject(new Error('no compiler is used with binaries')), cacheDir: '' };
  const toolchains = await resolveToolchains({ ...inputs, cgo: false }, deps.env, noZig);
  return { source: prebuiltSource(files, name, spec), toolchains, tools: [] };
}

/** The go build source: its options, the Go toolchain and C compilers it needs, and the go processes' environment. */
async function goBuild(inputs: Inputs, deps: PipelineDeps, preparing: Promise<Setup>): Promise<Sourced> {
  const build: GoBuildOptions = {
    pkg: inputs.package,
    ldflags: inputs.ldflags,
    tags: inputs.buildTags,
    goFlags: inputs.goFlags,
    cgo: inputs.cgo,
    env: inputs.env,
    procs: deps.env.GOMAXPROCS ? undefined : buildProcs(deps.concurrency, inputs.platforms.length),
    gc: deps.env.GOGC || deps.env.GOMEMLIMIT ? undefined : gcTuning(deps.memory, deps.concurrency),
  };
  const [setup, { toolchains, go, tools }] = await Promise.all([
    preparing,
    provideToolchains(inputs, deps, build, preparing),
  ]);
  const baseEnv = { ...(deps.env as Record<string, string>), ...goEnvOf(go, deps.env.PATH) };
  const source = goSource({
    build,
    concurrency: deps.concurrency,
    context: {
      exec: deps.exec,
      cwd: setup.workDir,
      baseEnv,
      // go's own outputs stay here between runs, so go skips the link when a binary is up to date.
      outDir: join(deps.tempRoot, 'build'),
      ccEnvFor: (p) => toolchains.get(p.id)?.ccEnv,
      ldflagsFor: (p) => toolchains.get(p.id)?.ldflags,
    },
    go: {
      exec: deps.exec,
      cwd: setup.workDir,
      shownDir: relative(setup.workspace, setup.workDir) || '.',
      env: { ...baseEnv, ...buildEnv(build, inputs.platforms[0]) },
    },
    toRepoPath: (f) => relative(setup.workspace, resolve(setup.workDir, f)),
  });
  return { source, toolchains, tools };
}

/**
 * The toolchains, before any build: the Go that go-version asks for (from PATH, the tool cache or a verified download),
 * and each target's C compiler and sysroot, zig provisioned once when `cc: zig` needs it.
 */
async function provideToolchains(
  inputs: Inputs,
  deps: PipelineDeps,
  build: GoBuildOptions,
  preparing: Promise<Setup>,
): Promise<{ toolchains: Map<string, Toolchain>; go?: GoToolchain; tools: ToolReport[] }> {
  // A proxy or index URL may carry user:password@; it is masked before anything could print it.
  for (const name of ['GOPROXY', 'PIP_INDEX_URL']) credentialsIn(deps.env[name]).forEach(deps.mask);
  const host = hostFacts();
  const get = (url: string, headers?: Record<string, string>) =>
    deps.fetch({ method: 'GET', url, headers }, { idleMs: 30_000, deadlineMs: 120_000 });
  let zig: Promise<Zig> | undefined;
  const supply = {
    zig: () =>
      (zig ??= provideZig(inputs.zigVersion, { env: deps.env, exec: deps.exec, get, cache: deps.toolCache, host })),
    // A zig cache the job chose (ZIG_GLOBAL_CACHE_DIR, e.g. from setup-zig) is kept; else the runner's.
    cacheDir: deps.env.ZIG_GLOBAL_CACHE_DIR || deps.zigCacheDir,
  };
  const [toolchains, go] = await Promise.all([
    resolveToolchains(inputs, deps.env, supply),
    preparing.then((s) =>
      provideGo(inputs.goVersion, s.workDir, s.workspace, {
        // `go env GOVERSION`, when the go on PATH is a wrapper, runs as every go process does.
        env: { ...deps.env, ...buildEnv(build, inputs.platforms[0]) },
        exec: deps.exec,
        get,
        cache: deps.toolCache,
        host,
        warn: deps.warn,
      }),
    ),
  ]);
  return { toolchains, go, tools: [...(go ? [goReport(go)] : []), ...(zig ? [zigReport(await zig)] : [])] };
}

/** The obtain and check stages of one target; it counts as passed only when its checks found nothing. */
async function checkedTarget(
  platform: Platform,
  inputs: Inputs,
  run: Run,
  checksPassed: { arrive(ok: boolean): void },
): Promise<Target> {
  let target: Target | undefined;
  try {
    return (target = await obtainAndCheck(platform, inputs, run));
  } finally {
    checksPassed.arrive(target?.checked?.passed !== undefined);
  }
}

/** Obtain the binary, give it its name in the `binaries` output, and check it. */
async function obtainAndCheck(platform: Platform, inputs: Inputs, run: Run): Promise<Target> {
  const obtained = await run.source.obtain(platform);
  await run.binaries.clear(platform);
  if (!obtained.ok) return { platform, obtained };
  const plan = await run.planner.planFrom(obtained.binary);
  const file = await run.binaries.add(platform, obtained.binary, plan.binaryName);
  const workspace = run.setup.workspace;
  const checked = await checkStage(file, platform, {
    linkage: inputs.linkage,
    binaryPath: plan.binaryPath,
    show: (f) =>
      f === file && obtained.shown
        ? obtained.shown
        : relative(workspace, f).startsWith('..')
          ? f
          : relative(workspace, f),
    toolchain: run.toolchains.get(platform.id),
    hash: run.layers.hash,
    extraFiles: run.setup.extraFiles,
  });
  return { platform, obtained, checked };
}

/** The assemble stage: the target's layer (bounded by the cores), then its image config and manifest. */
async function assemble(target: Target, inputs: Inputs, run: Run): Promise<ImageArtifact> {
  const plan = await (run.planner.planned() as Promise<Plan>);
  const [mtime] = await run.epoch;
  const passed = target.checked?.passed as NonNullable<Checked['passed']>;
  const layer = await run.layerSlot(() => assembleLayer(passed, plan.binaryPath, run.setup, mtime, run.layers));
  return buildImage([layer], { ...plan.image, platform: ociPlatform(target.platform), family: inputs.mediaTypes });
}

/** The report's view of a target. */
function outcome(t: Target): TargetOutcome {
  return {
    platform: t.platform.id,
    obtained: t.obtained.ok,
    from: t.obtained.from,
    others: t.checked?.others,
    binary: t.checked?.binary,
    rejected: (t.checked?.diagnostics.length ?? 0) > 0,
    image: t.image,
  };
}

/** Where push-by-digest writes its files. */
const digestsDirOf = (inputs: Inputs, tempRoot: string) => resolve(inputs.digestsDir || join(tempRoot, 'digests'));

/** The push's outputs: each platform's manifest digest, the image reference, and the matrix job's digest files. */
async function pushOutcome(
  inputs: Inputs,
  images: ImageArtifact[],
  indexDigest: string,
  tempRoot: string,
): Promise<Pick<Report, 'digests' | 'image' | 'digestsDir' | 'pushByDigest'>> {
  const first = inputs.tags[0];
  const digests = Object.fromEntries(images.map((img, i) => [inputs.platforms[i].id, img.manifest.digest]));
  if (!inputs.pushByDigest) return { digests, image: `${first.registry}/${first.repository}@${indexDigest}` };
  const dir = digestsDirOf(inputs, tempRoot);
  return {
    digests,
    digestsDir: await writeDigestFiles(
      dir,
      images.map((img) => img.manifest.digest),
    ),
    pushByDigest: true,
    image: `${first.registry}/${first.repository}@${images[0].manifest.digest}`,
  };
}

/**
 * The merge job: read the digests → read each manifest and config back → the index in `platforms` order → publish it
 * to the tags → report. It builds nothing, so its index is byte for byte the one a single job would push.
 */
async function runMerge(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const report = emptyReport(inputs.platforms.map((p) => p.id));
  await phases(report, deps)('merge', async () => {
    const digests = await readDigestFiles(inputs.mergeDigests as NonNullable<Inputs['mergeDigests']>);
    const workDir = resolve(workspaceOf(deps.env), inputs.workingDirectory);
    const [epoch, source] = await resolveEpoch(inputs, deps.env, deps.exec, workDir);
    report.epoch = { value: epoch, source };
    const plan = makePlan(inputs, { binaryName: '', createdBy: '', epoch, ...runnerFacts(deps.env) });
    const [target] = repositories(inputs.tags);
    if (!target) throw new InputError('input "tags": the merge job needs a tag to push the index to');
    const connection = connectRegistries(inputs, deps);
    const registry = registryPublisher(inputs, connection);
    const { index, entries } = await mergeIndex(
      inputs,
      digests,
      await connection.client(target.registry),
      target.repository,
      {
        index: plan.indexAnnotations,
        descriptor: plan.manifestDescriptorAnnotations,
      },
    );
    report.platforms = entries.map((e) => ({
      platform: e.platformId,
      status: 'ok',
      manifest: { digest: e.manifest.digest, size: e.manifest.size },
    }));
    try {
      await (
        await registry.write({ images: [], index })
      )();
    } finally {
      report.push = { refs: inputs.tags.map((t) => t.full), stats: registry.stats };
    }
    report.indexDigest = index.digest;
    report.image = `${target.registry}/${target.repository}@${index.digest}`;
    report.digests = Object.fromEntries(entries.map((e) => [e.platformId, e.manifest.digest]));
  });
  return { report, diagnostics: [] };
}

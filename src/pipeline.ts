import { rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Inputs } from './config/inputs.js';
import { inspectBuilt, type Inspected } from './inspect-stage.js';
import { resolveToolchains } from './toolchain.js';
import { buildAll } from './go/build.js';
import type { Annotation } from './go/diagnostics.js';
import { buildIndex, buildImage } from './oci/image.js';
import { buildLayer, type LayerCache } from './oci/layer.js';
import { rootfsEntries } from './oci/rootfs.js';
import type { ImageArtifact } from './oci/types.js';
import { makePlan, ociPlatform } from './plan.js';
import { prepare } from './prepare.js';
import { LayoutPublisher } from './publish/layout.js';
import { pushImages, runMerge, type PushDeps } from './push.js';
import type { Report } from './report/model.js';
import type { Exec } from './runtime/exec.js';
import { mapLimit } from './util/pool.js';

/** How the pipeline talks to the outside: injected so that only main.ts knows about @actions/core. */
export interface PipelineDeps extends PushDeps {
  concurrency: number;
  layerCache?: LayerCache;
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
  for (const p of inputs.platforms) await rm(join(binariesDir, p.slug), { recursive: true, force: true });

  const built = await timed(`build (${inputs.platforms.length} targets)`, () =>
    buildAll(inputs.platforms, {
      pkg: inputs.package, ldflags: inputs.ldflags, tags: inputs.buildTags, goFlags: inputs.goFlags,
      cgo: inputs.cgo, env: inputs.env, gocache: facts.gocache,
    }, {
      exec: deps.exec, cwd: facts.workDir, baseEnv: deps.env as Record<string, string>, binariesDir,
      binaryName: facts.binaryName, concurrency: deps.concurrency, ccFor: (p) => toolchains.get(p.id)?.cc,
      toRepoPath: (f) => relative(facts.workspace, resolve(facts.workDir, f)),
    }),
  );
  annotations.push(...built.annotations);
  const { annotations: found, passed } = await timed('inspect', () =>
    inspectBuilt(built.results, report.platforms, {
      inputs, binaryPath: plan.binaryPath, toolchains,
      show: (f) => (relative(facts.workspace, f).startsWith('..') ? f : relative(facts.workspace, f)),
    }),
  );
  annotations.push(...found);
  if (annotations.some((a) => a.level === 'error')) {
    report.errors.push(...annotations.filter((a) => a.level === 'error').map((a) => (a.file ? `${a.file}:${a.startLine}: ${a.message}` : a.message)));
    return { report, annotations };
  }

  const artifact = await timed('assemble', async () => {
    const images = await mapLimit(inputs.platforms, deps.concurrency, async (platform, i): Promise<ImageArtifact> => {
      const entries = rootfsEntries({
        binaryPath: plan.binaryPath, binary: (passed.get(i) as Inspected).bytes, caBundle: facts.caBundle,
        zoneinfo: facts.zoneinfo, extraFiles: facts.extraFiles, libraries: (passed.get(i) as Inspected).libraries,
      });
      const layer = await buildLayer(entries, facts.epoch, deps.layerCache);
      return buildImage([layer], { ...plan.image, platform: ociPlatform(platform), family: inputs.mediaTypes });
    });
    return buildIndex(images, plan.indexAnnotations, plan.manifestDescriptorAnnotations, inputs.mediaTypes);
  });
  const location = resolve(inputs.ociLayout || join(deps.tempRoot, 'oci'));
  const layout = new LayoutPublisher(location);
  const published = await timed('write layout', () => layout.publish(artifact, plan.layoutAnnotations));
  report.ociLayout = location;
  report.refs = published.refs;
  if (inputs.push) await timed('push', () => pushImages(inputs, artifact, layout, report, deps));
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

import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Inputs } from '../inputs/inputs.js';
import { InputError } from '../util/errors.js';
import { mergeIndex, readMergeDigests } from './merge.js';
import type { ImageArtifact, IndexArtifact } from '../image/types.js';
import { makePlan } from '../plan/plan.js';
import { resolveEpoch } from '../plan/workspace.js';
import { RegistryPublisher, repositories } from './registry/publisher.js';
import { clientFactory } from './registry/connect.js';
import { nodeFetch } from './registry/http.js';
import { Transport } from './registry/transport.js';
import type { RetryPolicy } from './registry/retry.js';
import type { Report } from '../report/model.js';
import type { Exec } from '../util/exec.js';

/** The effects pushing needs, injected by main.ts. */
export interface PushDeps {
  exec: Exec;
  env: NodeJS.ProcessEnv;
  tempRoot: string;
  policy: RetryPolicy;
  mask: (secret: string) => void;
  info: (line: string) => void;
  warn: (line: string) => void;
}

function connect(inputs: Inputs, deps: PushDeps) {
  const transport = new Transport(nodeFetch, deps.policy, deps.warn);
  const client = clientFactory({
    transport,
    credentials: {
      username: inputs.username,
      password: inputs.password,
      githubToken: inputs.githubToken,
      githubActor: deps.env.GITHUB_ACTOR,
    },
    insecureRegistries: inputs.insecureRegistries,
    env: deps.env,
    exec: deps.exec,
    mask: deps.mask,
    info: deps.info,
  });
  return { transport, client };
}

/** A push begun before the index exists: each image's blobs go up when it is ready, the rest with finish(). */
export interface PushSession {
  /** Asks, read-only, what the registry already holds of an image (see RegistryPublisher.probe); writes nothing. */
  probe(img: ImageArtifact): void;
  /** Starts uploading an image's layer and config, then its manifest by digest; a failure surfaces from finish(), never from here. */
  pushEarly(img: ImageArtifact): void;
  /**
   * The remaining blobs, the manifests by digest, then (once `ready` resolves: the layout) the index and the tags;
   * fills the report's push fields.
   */
  finish(artifact: IndexArtifact, report: Report, ready?: Promise<unknown>): Promise<void>;
  /** The step failed before finish(): queued uploads never start, and the returned promise waits for those in flight. */
  abandon(reason: unknown): Promise<void>;
}

/** Opens the registry session; layers stream from their file in the layer store, JSON blobs from memory. */
export function startPush(inputs: Inputs, deps: PushDeps): PushSession {
  const { transport, client } = connect(inputs, deps);
  const publisher = new RegistryPublisher({
    tags: inputs.tags,
    pushByDigest: inputs.pushByDigest,
    client,
    concurrency: 4,
    open: (b) => ('path' in b ? createReadStream(b.path) : Readable.from([Buffer.from(b.data)], { objectMode: false })),
    retries: () => transport.stats.retries,
  });
  const early: Array<Promise<void>> = [];
  return {
    probe: (img) => publisher.probe(img),
    pushEarly(img) {
      const p = publisher.pushImage(img);
      p.catch(() => undefined); // finish() reports it
      early.push(p);
    },
    async abandon(reason) {
      publisher.cancel(reason);
      await Promise.allSettled(early);
    },
    async finish(artifact, report, ready) {
      try {
        await Promise.all(early);
        const result = await publisher.publish(artifact, { ready });
        report.push = { refs: result.refs, stats: publisher.stats };
      } finally {
        report.push ??= { refs: [], stats: publisher.stats };
      }
      const first = inputs.tags[0];
      report.digests = Object.fromEntries(
        artifact.images.map((img, i) => [inputs.platforms[i].id, img.manifest.digest]),
      );
      if (inputs.pushByDigest) {
        const dir = resolve(inputs.digestsDir || join(deps.tempRoot, 'digests'));
        await mkdir(dir, { recursive: true });
        for (const img of artifact.images) await writeFile(join(dir, img.manifest.digest.slice('sha256:'.length)), '');
        report.digestsDir = dir;
        report.pushByDigest = true;
        report.image = `${first.registry}/${first.repository}@${artifact.images[0].manifest.digest}`;
      } else {
        report.image = `${first.registry}/${first.repository}@${artifact.index.digest}`;
      }
    },
  };
}

/** The merge job: builds nothing, reads the pushed manifests back and pushes one index to the tags. */
export async function runMerge(inputs: Inputs, report: Report, deps: PushDeps): Promise<void> {
  const digests = await readMergeDigests(inputs.mergeDigests as NonNullable<Inputs['mergeDigests']>);
  const workDir = resolve(deps.env.GITHUB_WORKSPACE || process.cwd(), inputs.workingDirectory);
  const [epoch, source] = await resolveEpoch(inputs, deps.env, deps.exec, workDir);
  report.epoch = { value: epoch, source };
  const plan = makePlan(inputs, {
    binaryName: '',
    epoch,
    importPath: '',
    serverUrl: deps.env.GITHUB_SERVER_URL,
    repository: deps.env.GITHUB_REPOSITORY,
    sha: deps.env.GITHUB_SHA,
  });
  const [target] = repositories(inputs.tags);
  if (!target) throw new InputError('input "tags": the merge job needs a tag to push the index to');
  const { transport, client } = connect(inputs, deps);
  const publisher = new RegistryPublisher({
    tags: inputs.tags,
    pushByDigest: false,
    client,
    concurrency: 4,
    open: () => {
      throw new Error('the merge job uploads no blob');
    },
    retries: () => transport.stats.retries,
  });
  const { index, entries } = await mergeIndex(inputs, digests, await client(target.registry), target.repository, {
    index: plan.indexAnnotations,
    descriptor: plan.manifestDescriptorAnnotations,
  });
  for (const e of entries) {
    const row = report.platforms.find((p) => p.platform === e.platformId);
    if (row) Object.assign(row, { status: 'ok', manifest: { digest: e.manifest.digest, size: e.manifest.size } });
  }
  try {
    await publisher.pushIndex(index);
  } finally {
    report.push = { refs: inputs.tags.map((t) => t.full), stats: publisher.stats };
  }
  report.indexDigest = index.digest;
  report.image = `${target.registry}/${target.repository}@${index.digest}`;
  report.digests = Object.fromEntries(entries.map((e) => [e.platformId, e.manifest.digest]));
}

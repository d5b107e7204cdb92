import { resolve } from 'node:path';
import type { Inputs } from './inputs/inputs.js';
import { InputError } from './kernel/errors.js';
import { resolveEpoch } from './plan/epoch.js';
import { makePlan, runnerFacts } from './plan/plan.js';
import { workspaceOf } from './plan/workspace.js';
import { readDigestFiles } from './publish/digest-files.js';
import { mergeIndex } from './publish/merge.js';
import { registryPublisher } from './publish/open.js';
import { connectRegistries, type RegistryDeps } from './publish/registry/connect.js';
import { repositories } from './publish/registry/publisher.js';
import type { RunRecord } from './report/build.js';
import type { Report } from './report/model.js';

/**
 * The merge job: read the digests → read each manifest and config back → the index in `platforms` order → publish it
 * to the tags → report. It builds nothing, so its index is byte for byte the one a single job would push.
 */
export async function runMerge(
  inputs: Inputs,
  deps: RegistryDeps,
  timed: <T>(name: string, fn: () => Promise<T>) => Promise<T>,
): Promise<Omit<RunRecord, 'phases'>> {
  return timed('merge', async () => {
    const digests = await readDigestFiles(inputs.mergeDigests as NonNullable<Inputs['mergeDigests']>);
    const workDir = resolve(workspaceOf(deps.env), inputs.workingDirectory);
    const [value, source] = await resolveEpoch(inputs, deps.env, deps.exec, workDir);
    const plan = makePlan(inputs, { binaryName: '', createdBy: '', epoch: value, ...runnerFacts(deps.env) });
    const target = repositories(inputs.tags).at(0);
    if (!target) throw new InputError('input "tags": the merge job needs a tag to push the index to');
    const connection = connectRegistries(inputs, deps);
    const registry = registryPublisher(inputs, connection);
    const client = await connection.client(target.registry);
    const annotations = { index: plan.indexAnnotations, descriptor: plan.manifestDescriptorAnnotations };
    const { index, entries } = await mergeIndex(inputs, digests, { client, repo: target.repository }, annotations);
    await (
      await registry.write({ images: [], index })
    )();
    const rows: Report['platforms'] = entries.map((e) => ({
      platform: e.platformId,
      status: 'pushed',
      manifest: { digest: e.manifest.digest, size: e.manifest.size },
    }));
    return {
      platforms: inputs.platforms.map((p) => p.id),
      warnings: [],
      rows,
      epoch: { value, source },
      push: { refs: inputs.tags.map((t) => t.full), stats: registry.stats },
      indexDigest: index.digest,
      pushed: {
        image: `${target.registry}/${target.repository}@${index.digest}`,
        digests: Object.fromEntries(entries.map((e) => [e.platformId, e.manifest.digest])),
      },
    };
  });
}

import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Inputs } from '../inputs/inputs.js';
import { LayoutPublisher } from './layout.js';
import { MultiPublisher } from './multi.js';
import { connectRegistries, type RegistryDeps, type RegistrySettings } from './registry/connect.js';
import { RegistryPublisher } from './registry/publisher.js';

/** The inputs that decide where a run publishes. */
export type PublishSettings = RegistrySettings & Pick<Inputs, 'push' | 'tags' | 'pushByDigest'>;

/** The publishers of one run: all of them as one, and the registry's alone for its counters. */
export interface Publishers {
  all: MultiPublisher;
  registry?: RegistryPublisher | undefined;
}

/** A registry publisher whose layers stream from their file in the layer store, and JSON blobs from memory. */
export function registryPublisher(
  settings: Pick<Inputs, 'tags' | 'pushByDigest'>,
  { transport, client }: ReturnType<typeof connectRegistries>,
): RegistryPublisher {
  return new RegistryPublisher({
    tags: settings.tags,
    pushByDigest: settings.pushByDigest,
    client,
    open: (b) =>
      'path' in b
        ? createReadStream(b.path, { highWaterMark: UPLOAD_READ })
        : Readable.from([Buffer.from(b.data)], { objectMode: false }),
    retries: () => transport.stats.retries,
  });
}

/** Bytes a blob upload reads at a time: 1 MiB, the layer's member size, rather than 64 KiB (16 times the turns). */
const UPLOAD_READ = 1024 * 1024;

/**
 * The OCI layout always (it holds what a push sends, and stays useful as an artifact), and the registries the
 * tags name with `push: true`; the layout commits first, so a layout that cannot be written moves no tag.
 */
export function openPublishers(
  settings: PublishSettings,
  layout: { dir: string; annotations: Record<string, string> },
  deps: RegistryDeps,
): Publishers {
  const registry = settings.push ? registryPublisher(settings, connectRegistries(settings, deps)) : undefined;
  const local = new LayoutPublisher(layout.dir, layout.annotations);
  const all = new MultiPublisher([local, ...(registry ? [registry] : [])], [local]);
  return { all, registry };
}

import type { Readable } from 'node:stream';
import type { ImageRef } from '../config/reference.js';
import type { Blob, BlobRef, IndexArtifact } from '../oci/types.js';
import type { RegistryClient } from '../registry/client.js';
import { mapLimit } from '../util/pool.js';
import type { Publisher, PublishResult, PushStats } from './publisher.js';

/** How to reach registries and where the bytes are. */
export interface RegistryPushOptions {
  tags: ImageRef[];
  /** Push platform manifests untagged and no index (matrix jobs). */
  pushByDigest: boolean;
  /** Opens a blob's bytes for streaming (from the OCI layout on disk). */
  open: (digest: string) => Readable;
  /** One authenticated, pinged client per registry. */
  client: (registry: string) => Promise<RegistryClient>;
  /** Uploads in flight at once. */
  concurrency: number;
  /** Retries so far across all clients, read at the end. */
  retries: () => number;
}

/** The distinct repositories the tags name, in tag order. */
export function repositories(tags: ImageRef[]): Array<{ registry: string; repository: string }> {
  const seen = new Map<string, { registry: string; repository: string }>();
  for (const t of tags) seen.set(`${t.registry}/${t.repository}`, seen.get(`${t.registry}/${t.repository}`) ?? { registry: t.registry, repository: t.repository });
  return [...seen.values()];
}

/**
 * Pushes like go-containerregistry's remote.Write: blobs (HEAD first; mount when another repository of the same
 * registry already has it; else one POST and one streamed PUT), then platform manifests by digest, then the index
 * by digest in every repository, and only then the tags, so a failure before the end moves no tag.
 */
export class RegistryPublisher implements Publisher {
  readonly stats: PushStats = { uploaded: 0, present: 0, mounted: 0, bytes: 0, manifests: 0, retries: 0 };

  constructor(private readonly opts: RegistryPushOptions) {}

  private async pushBlobs(client: RegistryClient, registry: string, repo: string, blobs: BlobRef[], holders: Map<string, string>): Promise<void> {
    await mapLimit(blobs, this.opts.concurrency, async (b) => {
      const key = `${registry}|${b.digest}`;
      if (await client.blobExists(repo, b.digest)) {
        this.stats.present++;
        holders.set(key, repo);
        return;
      }
      const from = holders.get(key);
      let session: string | undefined;
      if (from && from !== repo) {
        const mounted = await client.mountBlob(repo, b.digest, from);
        if (mounted === true) {
          this.stats.mounted++;
          return;
        }
        session = mounted;
      }
      await client.uploadBlob(repo, { digest: b.digest, size: b.size, open: () => this.opts.open(b.digest) }, session);
      this.stats.uploaded++;
      this.stats.bytes += b.size;
      holders.set(key, repo);
    });
  }

  async publish(artifact: IndexArtifact): Promise<PublishResult> {
    const targets = repositories(this.opts.tags);
    const blobs = new Map<string, BlobRef>();
    for (const img of artifact.images) for (const b of [...img.layers, img.config]) blobs.set(b.digest, b);
    const holders = new Map<string, string>();
    for (const t of targets) {
      await this.pushBlobs(await this.opts.client(t.registry), t.registry, t.repository, [...blobs.values()], holders);
    }
    for (const t of targets) {
      const client = await this.opts.client(t.registry);
      for (const img of artifact.images) {
        await client.putManifest(t.repository, img.manifest.digest, img.manifest.mediaType, img.manifest.data, img.manifest.digest);
        this.stats.manifests++;
      }
    }
    const refs: string[] = [];
    if (this.opts.pushByDigest) {
      for (const t of targets) for (const img of artifact.images) refs.push(`${t.registry}/${t.repository}@${img.manifest.digest}`);
    } else {
      await this.pushIndex(artifact.index);
      refs.push(...this.opts.tags.map((t) => t.full));
    }
    this.stats.retries = this.opts.retries();
    return { location: targets.map((t) => `${t.registry}/${t.repository}`).join(', '), refs, stats: this.stats };
  }

  /** The index by digest in every repository, then each tag in order; shared with the merge job. */
  async pushIndex(index: Blob): Promise<void> {
    for (const t of repositories(this.opts.tags)) {
      const client = await this.opts.client(t.registry);
      await client.putManifest(t.repository, index.digest, index.mediaType, index.data, index.digest);
      this.stats.manifests++;
    }
    for (const tag of this.opts.tags) {
      const client = await this.opts.client(tag.registry);
      await client.putManifest(tag.repository, tag.tag as string, index.mediaType, index.data, index.digest);
      this.stats.manifests++;
    }
  }
}

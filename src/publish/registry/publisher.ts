import type { Readable } from 'node:stream';
import type { ImageRef } from '../../inputs/reference.js';
import type { Blob, ImageArtifact, IndexArtifact, LayerBlob } from '../../image/types.js';
import type { RegistryClient } from './client.js';
import { limiter, mapLimit } from '../../util/pool.js';
import type { Publisher, PublishOptions, PublishResult, PushStats } from '../publisher.js';

/** How to reach registries and where the bytes are. */
export interface RegistryPushOptions {
  tags: ImageRef[];
  /** Push platform manifests untagged and no index (matrix jobs). */
  pushByDigest: boolean;
  /** Opens a blob's bytes for streaming (a layer from its file on disk, JSON from memory). */
  open: (blob: Blob | LayerBlob) => Readable;
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
  for (const t of tags)
    seen.set(
      `${t.registry}/${t.repository}`,
      seen.get(`${t.registry}/${t.repository}`) ?? { registry: t.registry, repository: t.repository },
    );
  return [...seen.values()];
}

/**
 * Pushes like go-containerregistry's remote.Write: blobs (HEAD first; mount when another repository of the same
 * registry already has it; else one POST and one streamed PUT), then platform manifests by digest, then the index
 * by digest in every repository, and only then the tags, so a failure before the end moves no tag.
 */
export class RegistryPublisher implements Publisher {
  private readonly counts: Omit<PushStats, 'retries'> = {
    uploaded: 0,
    present: 0,
    mounted: 0,
    bytes: 0,
    manifests: 0,
    manifestsPresent: 0,
  };
  private readonly slot: <T>(fn: () => Promise<T>) => Promise<T>;
  /** One upload per repository and digest, however many images or calls ask for it. */
  private readonly started = new Map<string, Promise<void>>();
  /** One manifest PUT (or HEAD that makes it unneeded) per repository and ref, whether pushImage() or publish() asks. */
  private readonly putting = new Map<string, Promise<void>>();
  /** Registry and digest → a repository that has it, for cross-repository mounts. */
  private readonly holders = new Map<string, string>();
  /** Answers to the read-only questions (HEADs), by `<kind> <registry>/<repository>|<digest or ref>`: each is asked once. */
  private readonly answers = new Map<string, Promise<unknown>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly opts: RegistryPushOptions) {
    this.slot = limiter(opts.concurrency);
  }

  /** The counters so far, with the transport's retries read now, so a push that fails midway still reports them. */
  get stats(): PushStats {
    return { ...this.counts, retries: this.opts.retries() };
  }

  /**
   * Runs a write once per key, however many callers ask for it, when `slot` lets it start; none starts after a
   * failure (checked at that moment, so a queued write never starts), and the first failure is what every caller sees.
   */
  private once(
    writes: Map<string, Promise<void>>,
    key: string,
    write: () => Promise<void>,
    slot = (f: () => Promise<void>) => f(),
  ): Promise<void> {
    let p = writes.get(key);
    if (!p) {
      p = slot(async () => {
        if (this.failure) throw this.failure.error;
        await write().catch((e: unknown) => {
          this.failure ??= { error: e };
          throw this.failure.error;
        });
      });
      p.catch(() => undefined); // whoever awaits it reports; never an unhandled rejection meanwhile
      writes.set(key, p);
    }
    return p;
  }

  /** The answer to a question, asked now unless probe() asked it already; a failure surfaces only where it is awaited. */
  private ask<T>(key: string, question: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (!answer) {
      answer = question();
      answer.catch(() => undefined); // whoever needs it reports it; a probe nobody needs (a failed check) stays silent
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Whether `repo` holds the blob (HEAD), asked once whether probe() or the upload asks first. */
  private hasBlob(
    client: RegistryClient | Promise<RegistryClient>,
    registry: string,
    repo: string,
    digest: string,
  ): Promise<boolean> {
    return this.ask(`blob ${registry}/${repo}|${digest}`, async () => (await client).blobExists(repo, digest));
  }

  /** The digest `repo` holds at `ref` (HEAD), asked once whether probe() or the manifest push asks first. */
  private manifestAt(
    client: RegistryClient | Promise<RegistryClient>,
    registry: string,
    repo: string,
    ref: string,
    m: Blob,
  ): Promise<string | undefined> {
    return this.ask(`manifest ${registry}/${repo}|${ref}`, async () =>
      (await client).manifestDigest(repo, ref, [m.mediaType]),
    );
  }

  /**
   * Asks, read-only, whether each repository already holds an image's layer, config and manifest, as soon as the
   * image is assembled and before every check has passed: a write still waits for the checks, but the round trips
   * (ping, token, HEADs) no longer sit between the last build and the tag.
   */
  probe(img: ImageArtifact): void {
    for (const t of repositories(this.opts.tags)) {
      const client = this.opts.client(t.registry);
      for (const b of [...img.layers, img.config]) void this.hasBlob(client, t.registry, t.repository, b.digest);
      void this.manifestAt(client, t.registry, t.repository, img.manifest.digest, img.manifest);
    }
  }

  private async pushBlob(client: RegistryClient, registry: string, repo: string, b: Blob | LayerBlob): Promise<void> {
    const key = `${registry}|${b.digest}`;
    if (await this.hasBlob(client, registry, repo, b.digest)) {
      this.counts.present++;
      this.holders.set(key, repo);
      return;
    }
    const from = this.holders.get(key);
    let session: string | undefined;
    if (from && from !== repo) {
      const mounted = await client.mountBlob(repo, b.digest, from);
      if (mounted === true) {
        this.counts.mounted++;
        return;
      }
      session = mounted;
    }
    await client.uploadBlob(repo, { digest: b.digest, size: b.size, open: () => this.opts.open(b) }, session);
    this.counts.uploaded++;
    this.counts.bytes += b.size;
    this.holders.set(key, repo);
  }

  /**
   * Puts blobs in every repository (repositories in tag order, so later ones can mount), each at most once.
   * Callable before the index exists, so uploads overlap the last layers' compression; after a failure no new
   * upload starts, and the first failure is what every caller sees.
   */
  async upload(blobs: Array<Blob | LayerBlob>): Promise<void> {
    for (const t of repositories(this.opts.tags)) {
      const client = await this.opts.client(t.registry);
      await Promise.all(
        blobs.map((b) =>
          this.once(
            this.started,
            `${t.registry}/${t.repository}|${b.digest}`,
            () => this.pushBlob(client, t.registry, t.repository, b),
            this.slot,
          ),
        ),
      );
    }
  }

  /**
   * An image's blobs, then its manifest by digest, in every repository: called as each image is ready (and every
   * check has passed), so only the last image's round trips remain once the index exists. Moves no tag.
   */
  async pushImage(img: ImageArtifact): Promise<void> {
    await this.upload([...img.layers, img.config]);
    for (const t of repositories(this.opts.tags)) {
      await this.putManifest(
        await this.opts.client(t.registry),
        t.registry,
        t.repository,
        img.manifest.digest,
        img.manifest,
      );
    }
  }

  /** No upload starts after this (the step failed elsewhere); those in flight finish, so nothing is cut off mid-PUT. */
  cancel(reason: unknown): void {
    this.failure ??= { error: reason };
  }

  async publish(artifact: IndexArtifact, { ready }: PublishOptions = {}): Promise<PublishResult> {
    const targets = repositories(this.opts.tags);
    // Images pushed early (pushImage) are already done or under way; each blob and manifest is written once.
    await mapLimit(artifact.images, this.opts.concurrency, (img) => this.pushImage(img));
    await ready;
    const refs: string[] = [];
    if (this.opts.pushByDigest) {
      for (const t of targets)
        for (const img of artifact.images) refs.push(`${t.registry}/${t.repository}@${img.manifest.digest}`);
    } else {
      await this.pushIndex(artifact.index);
      refs.push(...this.opts.tags.map((t) => t.full));
    }
    return { location: targets.map((t) => `${t.registry}/${t.repository}`).join(', '), refs };
  }

  /**
   * PUTs a manifest unless a HEAD shows the registry already holds exactly it at `ref`, as go-containerregistry's
   * remote.Write does: an unchanged rerun then writes nothing, and a tag that already points at it is left alone.
   */
  private putManifest(client: RegistryClient, registry: string, repo: string, ref: string, m: Blob): Promise<void> {
    return this.once(this.putting, `${registry}/${repo}|${ref}|${m.digest}`, async () => {
      if ((await this.manifestAt(client, registry, repo, ref, m)) === m.digest) {
        this.counts.manifestsPresent++;
        return;
      }
      await client.putManifest(repo, ref, m.mediaType, m.data, m.digest);
      this.counts.manifests++;
    });
  }

  /** The index by digest in every repository, then each tag in order; shared with the merge job. */
  async pushIndex(index: Blob): Promise<void> {
    for (const t of repositories(this.opts.tags)) {
      const client = await this.opts.client(t.registry);
      await this.putManifest(client, t.registry, t.repository, index.digest, index);
    }
    for (const tag of this.opts.tags)
      await this.putManifest(
        await this.opts.client(tag.registry),
        tag.registry,
        tag.repository,
        tag.tag as string,
        index,
      );
  }
}

import type { Readable } from 'node:stream';
import { EMPTY_CONFIG } from '../../attach/artifact.js';
import { sha256Digest } from '../../kernel/digest.js';
import {
  MediaType,
  type AttachedDocument,
  type Blob,
  type ImageArtifact,
  type IndexArtifact,
  type LayerBlob,
} from '../../kernel/oci.js';
import { fallbackTag, withReferrers } from '../referrers.js';
import { RegistryError } from './errors.js';
import type { ImageRef } from '../../inputs/reference.js';
import { limiter, mapLimit } from '../../util/pool.js';
import type { Commit, Publisher } from '../publisher.js';
import { indexDigests, type RegistryClient } from './client.js';

/** The documents of each subject, in their order. */
function groupBySubject(docs: AttachedDocument[]): Map<string, AttachedDocument[]> {
  const by = new Map<string, AttachedDocument[]>();
  for (const d of docs) by.set(d.subject.digest, [...(by.get(d.subject.digest) ?? []), d]);
  return by;
}

const holdsAll = (listed: Set<string> | undefined, want: string[]) => !!listed && want.every((d) => listed.has(d));
const indexDigestsOf = (found: { data: Uint8Array } | undefined) => (found ? indexDigests(found.data) : undefined);

/** A refusal of a status a registry gives for a manifest it will not take (distribution-spec's MANIFEST_INVALID). */
const refused = (e: unknown): e is RegistryError =>
  e instanceof RegistryError && [400, 403, 405, 409, 415].includes(e.status as number);

/**
 * A refused overwrite of the fallback tag: immutable tags (ECR's ImageTagAlreadyExistsException, others' 400 or 409).
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
 */
function immutableTag(e: unknown, t: Repository, tag: string): unknown {
  if (!refused(e)) return e;
  return new RegistryError(
    t.registry,
    `PUT manifest ${t.repository}:${tag}`,
    e.status,
    `the registry refused to overwrite the referrers fallback tag ${tag}, which lists a manifest's SBOM and provenance and must change when they are added; its tags are probably immutable (${e.message}). Let sha256-* tags change (ECR: IMMUTABLE_WITH_EXCLUSION with the filter sha256-*), or set sbom: false and provenance: false`,
  );
}

/** A Docker-typed manifest refused by a registry that takes OCI media types only (Zot by default). */
function dockerRefused(e: unknown, t: Repository, m: Blob): unknown {
  if (!refused(e) || !m.mediaType.startsWith('application/vnd.docker.')) return e;
  return new RegistryError(
    t.registry,
    `PUT manifest ${t.repository}@${m.digest}`,
    e.status,
    `the registry refused a Docker ${m.mediaType.endsWith('list.v2+json') ? 'manifest list' : 'manifest'} for ${t.repository}; it may take OCI media types only (as Zot does by default) (${e.message}). Use media-types: oci`,
  );
}

/** PUTs a document's artifact manifest; a registry that takes no OCI artifacts gets an error that says so. */
async function putArtifact(
  client: RegistryClient,
  t: Repository,
  d: AttachedDocument,
): Promise<Record<string, string>> {
  try {
    return await client.putManifest(t.repository, d.manifest.digest, d.manifest);
  } catch (e) {
    if (!refused(e)) throw e;
    throw new RegistryError(
      t.registry,
      `PUT manifest ${t.repository}@${d.manifest.digest}`,
      e.status,
      `the registry refused the ${d.artifactType} artifact manifest (an OCI 1.1 artifact with the empty config ${EMPTY_CONFIG.mediaType}) for ${t.repository}: it takes no OCI artifacts (${e.message}). Set sbom: false and provenance: false for this registry`,
    );
  }
}

/** Times this run writes a referrers fallback tag before it gives up on a writer that keeps overwriting it. */
export const FALLBACK_ROUNDS = 5;

/** Blob uploads in flight at once, across repositories: enough to fill a runner's uplink, few enough for a registry. */
export const UPLOADS_AT_ONCE = 4;

/** What a registry push did, for the summary: proof that a rerun uploads nothing. */
export interface PushStats {
  uploaded: number;
  present: number;
  mounted: number;
  bytes: number;
  /** Manifests PUT, by digest or tag. */
  manifests: number;
  /** Manifests the registry already held at that digest or tag, so not PUT again (go-containerregistry does the same). */
  manifestsPresent: number;
  retries: number;
}

/** How to reach registries and where the bytes are. */
export interface RegistryPushOptions {
  tags: ImageRef[];
  /** Push platform manifests untagged and no index (matrix jobs). */
  pushByDigest: boolean;
  /** Opens a blob's bytes for streaming (a layer from its file on disk, JSON from memory). */
  open: (blob: Blob | LayerBlob) => Readable;
  /** One authenticated, pinged client per registry. */
  client: (registry: string) => Promise<RegistryClient>;
  /** Retries so far across all clients, read at the end. */
  retries: () => number;
  /** Uploads in flight at once; UPLOADS_AT_ONCE unless a test needs them one by one. */
  uploadsAtOnce?: number;
}

/** A repository the tags name. */
export interface Repository {
  registry: string;
  repository: string;
}

/** The distinct repositories the tags name, in tag order. */
export function repositories(tags: ImageRef[]): Repository[] {
  const seen = new Map<string, Repository>();
  for (const t of tags) {
    const key = `${t.registry}/${t.repository}`;
    if (!seen.has(key)) seen.set(key, { registry: t.registry, repository: t.repository });
  }
  return [...seen.values()];
}

/**
 * Pushes like go-containerregistry's remote.Write: blobs (HEAD first; mount when another repository of the same
 * registry already has it; else one POST and one streamed PUT), then each platform manifest by digest, then the
 * index by digest in every repository; the commit moves the tags, so a failure before it moves no tag.
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
  private readonly targets: Repository[];
  /** One upload per repository and digest, however many images or calls ask for it. */
  private readonly started = new Map<string, Promise<void>>();
  /** One manifest PUT (or HEAD that makes it unneeded) per repository and ref, whoever asks. */
  private readonly putting = new Map<string, Promise<void>>();
  /** Registry and digest → a repository that has it, for cross-repository mounts. */
  private readonly holders = new Map<string, string>();
  /** Answers to the read-only questions (HEADs), by `<kind> <registry>/<repository>|<digest or ref>`: each is asked once. */
  private readonly answers = new Map<string, Promise<unknown>>();
  /** Images given to stage(), pushed before write() was called. */
  private readonly staged: Array<Promise<void>> = [];
  private failure: { error: unknown } | undefined;

  constructor(private readonly opts: RegistryPushOptions) {
    this.targets = repositories(opts.tags);
    this.slot = limiter(opts.uploadsAtOnce ?? UPLOADS_AT_ONCE);
  }

  /** The counters so far, with the transport's retries read now, so a push that fails midway still reports them. */
  get stats(): PushStats {
    return { ...this.counts, retries: this.opts.retries() };
  }

  /**
   * Asks, read-only, whether each repository already holds an image's layer, config and manifest, as soon as the
   * image is assembled: a write still waits for the checks, but the round trips (ping, token, HEADs) no longer sit
   * between the last build and the tag.
   */
  probe(img: ImageArtifact): void {
    for (const t of this.targets) {
      const client = this.opts.client(t.registry);
      for (const b of [...img.layers, img.config]) void this.hasBlob(client, t, b.digest);
      void this.manifestAt(client, t, img.manifest.digest, img.manifest);
      // A document whose manifest is there was pushed whole, its referrer entry too: one HEAD tells.
      for (const d of img.attachments ?? []) void this.manifestAt(client, t, d.manifest.digest, d.manifest);
    }
  }

  stage(img: ImageArtifact): void {
    const pushed = this.pushImage(img);
    pushed.catch(() => undefined); // write() reports it
    this.staged.push(pushed);
  }

  async write(artifact: IndexArtifact): Promise<Commit> {
    await Promise.all(this.staged);
    // Images staged early are done or under way; each blob and manifest is written once.
    await mapLimit(artifact.images, this.opts.uploadsAtOnce ?? UPLOADS_AT_ONCE, (img) => this.pushImage(img));
    const location = this.targets.map((t) => `${t.registry}/${t.repository}`).join(', ');
    if (this.opts.pushByDigest) {
      const refs = this.targets.flatMap((t) =>
        artifact.images.map((img) => `${t.registry}/${t.repository}@${img.manifest.digest}`),
      );
      return () => Promise.resolve({ location, refs });
    }
    await this.eachRepository((client, t) => this.putManifest(client, t, artifact.index.digest, artifact.index));
    return async () => {
      for (const tag of this.opts.tags) {
        await this.putManifest(await this.opts.client(tag.registry), tag, tag.tag as string, artifact.index);
      }
      return { location, refs: this.opts.tags.map((t) => t.full) };
    };
  }

  /**
   * Pushes each document and its artifact manifest by digest, then finds them back as a client would. A registry
   * that answers OCI-Subject to the PUT keeps the referrers itself; for one that does not (the Debian docker-registry,
   * GHCR), the fallback tag sha256-<subject hex> is an index of them, read, extended and written back with If-Match
   * when the registry gave an ETag. Only OCI-Subject decides: a GET of the referrers API never lets the fallback be
   * skipped (https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pushing-manifests-with-subject).
   */
  private async attach(client: RegistryClient, t: Repository, docs: AttachedDocument[]): Promise<void> {
    const pushed = await mapLimit(docs, this.opts.uploadsAtOnce ?? UPLOADS_AT_ONCE, async (d) => {
      // Present means a run pushed it whole, blobs and fallback entry included (as go-containerregistry skips it).
      if ((await this.manifestAt(client, t, d.manifest.digest, d.manifest)) === d.manifest.digest) {
        this.counts.manifestsPresent++;
        return { d, keptByRegistry: undefined };
      }
      // The empty config is shared by every document: each blob goes up once per repository.
      await this.pushBlobs(client, t, [EMPTY_CONFIG, d.document]);
      const said = await putArtifact(client, t, d);
      this.counts.manifests++;
      return { d, keptByRegistry: said['oci-subject'] === d.subject.digest };
    });
    const bySubject = groupBySubject(pushed.filter((p) => p.keptByRegistry === false).map((p) => p.d));
    await Promise.all([...bySubject].map(([subject, list]) => this.extendFallback(client, t, subject, list)));
    const api = pushed.some((p) => p.keptByRegistry === true);
    const readBack = async ([subject, list]: [string, AttachedDocument[]]) => {
      // extendFallback read the tag back with all of them in it: nothing more to ask.
      if (list.length === bySubject.get(subject)?.length)
        this.record(t, subject, `fallback tag ${fallbackTag(subject)}`);
      else await this.findBack(client, t, { subject, list, api });
    };
    await Promise.all([...groupBySubject(docs)].map(readBack));
  }

  /**
   * Reads the referrers of a subject back the way a client finds them (the referrers API, else the fallback tag) and
   * records how; documents of an earlier run found neither way are added to the fallback tag, which then must list
   * them.
   */
  private async findBack(
    client: RegistryClient,
    t: Repository,
    { subject, list, api }: { subject: string; list: AttachedDocument[]; api: boolean },
  ): Promise<void> {
    const want = list.map((d) => d.manifest.digest);
    const tag = fallbackTag(subject);
    const viaApi = async () => holdsAll(await client.listReferrers(t.repository, subject), want);
    const viaTag = async () =>
      holdsAll(indexDigestsOf(await client.findManifest(t.repository, tag, [MediaType.index])), want);
    const ways: Array<[string, () => Promise<boolean>]> = [
      ['referrers API', viaApi],
      [`fallback tag ${tag}`, viaTag],
    ];
    if (!api) ways.reverse();
    for (const [how, found] of ways)
      if (await found()) {
        this.record(t, subject, how);
        return;
      }
    // extendFallback returns only once a read of the tag lists them all, and fails naming the registry otherwise.
    await this.extendFallback(client, t, subject, list);
    this.record(t, subject, `fallback tag ${tag}`);
  }

  /** How each subject's documents were found back, per repository, for the summary. */
  readonly foundBack: Record<string, string> = {};

  private record(t: Repository, subject: string, how: string): void {
    const where = this.targets.length > 1 ? ` in ${t.registry}/${t.repository}` : '';
    this.foundBack[subject] = [this.foundBack[subject], `${how}${where}`].filter(Boolean).join('; ');
  }

  /**
   * Adds this run's documents to a subject's fallback tag and reads it back until they are all there: a registry may
   * ignore If-Match (the Debian docker-registry does), so two writers can each overwrite the other's entries. Each
   * round merges what the tag holds now; after FALLBACK_ROUNDS the step fails and names the tag.
   */
  private async extendFallback(
    client: RegistryClient,
    t: Repository,
    subject: string,
    list: AttachedDocument[],
  ): Promise<void> {
    const tag = fallbackTag(subject);
    for (let round = 0; ; round++) {
      // GitLab answers the tag sha256-<hex> with the subject itself (oras-project/oras-go#1396): that is no index yet.
      const got = await client.findManifest(t.repository, tag, [MediaType.index]);
      const found = got && sha256Digest(got.data) !== subject ? got : undefined;
      const next = withReferrers(
        found?.data,
        list.map((d) => d.descriptor),
      );
      if (!next) return;
      if (round === FALLBACK_ROUNDS)
        throw new RegistryError(
          t.registry,
          `PUT manifest ${t.repository}:${tag}`,
          'entries lost',
          `the referrers fallback tag lost this run's SBOM or provenance ${FALLBACK_ROUNDS} times: another writer updated it at the same time (run the job again), or the registry does not keep what it is sent (then set sbom: false and provenance: false for it)`,
        );
      const ifMatch: Record<string, string> = found?.etag ? { 'if-match': found.etag } : {};
      try {
        await client.putManifest(
          t.repository,
          tag,
          { mediaType: MediaType.index, data: next, digest: sha256Digest(next) },
          ifMatch,
        );
        this.counts.manifests++;
      } catch (e) {
        // 412: another writer got there first (a registry that honours If-Match); read it again and merge.
        if (!(e instanceof RegistryError && e.status === 412)) throw found ? immutableTag(e, t, tag) : e;
      }
    }
  }

  /** No upload starts after this; those in flight finish, so nothing is cut off mid-PUT. */
  async abandon(reason: unknown): Promise<void> {
    this.failure ??= { error: reason };
    await Promise.allSettled(this.staged);
  }

  /** Runs `fn` for each repository in tag order, one after another, so a later repository can mount from an earlier one. */
  private async eachRepository(fn: (client: RegistryClient, t: Repository) => Promise<void>): Promise<void> {
    for (const t of this.targets) await fn(await this.opts.client(t.registry), t);
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

  /** Whether the repository holds the blob (HEAD), asked once whether probe() or the upload asks first. */
  private hasBlob(client: RegistryClient | Promise<RegistryClient>, t: Repository, digest: string): Promise<boolean> {
    return this.ask(`blob ${t.registry}/${t.repository}|${digest}`, async () =>
      (await client).blobExists(t.repository, digest),
    );
  }

  /** The digest the repository holds at `ref` (HEAD), asked once whether probe() or the manifest push asks first. */
  private manifestAt(
    client: RegistryClient | Promise<RegistryClient>,
    t: Repository,
    ref: string,
    m: Blob,
  ): Promise<string | undefined> {
    return this.ask(`manifest ${t.registry}/${t.repository}|${ref}`, async () =>
      (await client).manifestDigest(t.repository, ref, [m.mediaType]),
    );
  }

  private async pushBlob(client: RegistryClient, t: Repository, b: Blob | LayerBlob): Promise<void> {
    const key = `${t.registry}|${b.digest}`;
    if (await this.hasBlob(client, t, b.digest)) {
      this.counts.present++;
      this.holders.set(key, t.repository);
      return;
    }
    const from = this.holders.get(key);
    let session: string | undefined;
    if (from && from !== t.repository) {
      const mounted = await client.mountBlob(t.repository, b.digest, from);
      if (mounted === true) {
        this.counts.mounted++;
        return;
      }
      session = mounted;
    }
    await client.uploadBlob(t.repository, { digest: b.digest, size: b.size, open: () => this.opts.open(b) }, session);
    this.counts.uploaded++;
    this.counts.bytes += b.size;
    this.holders.set(key, t.repository);
  }

  /** Uploads blobs to a repository, each at most once however many images or documents share it, bounded by slot. */
  private async pushBlobs(client: RegistryClient, t: Repository, blobs: Array<Blob | LayerBlob>): Promise<void> {
    await Promise.all(
      blobs.map((b) =>
        this.once(
          this.started,
          `${t.registry}/${t.repository}|${b.digest}`,
          () => this.pushBlob(client, t, b),
          this.slot,
        ),
      ),
    );
  }

  /** An image's blobs, then its manifest by digest, in every repository; each blob at most once per repository. */
  private async pushImage(img: ImageArtifact): Promise<void> {
    const blobs = [...img.layers, img.config];
    await this.eachRepository((client, t) => this.pushBlobs(client, t, blobs));
    await this.eachRepository((client, t) => this.putManifest(client, t, img.manifest.digest, img.manifest));
    // After their subject, before any tag moves: a failed attachment fails the step with no tag moved.
    const docs = img.attachments ?? [];
    if (docs.length > 0)
      await this.eachRepository((c, t) =>
        this.once(this.putting, `${t.registry}/${t.repository}|referrers of ${img.manifest.digest}`, () =>
          this.attach(c, t, docs),
        ),
      );
  }

  /**
   * PUTs a manifest unless a HEAD shows the registry already holds exactly it at `ref`, as go-containerregistry's
   * remote.Write does: an unchanged rerun then writes nothing, and a tag that already points at it is left alone.
   */
  private putManifest(client: RegistryClient, t: Repository, ref: string, m: Blob): Promise<void> {
    return this.once(this.putting, `${t.registry}/${t.repository}|${ref}|${m.digest}`, async () => {
      if ((await this.manifestAt(client, t, ref, m)) === m.digest) {
        this.counts.manifestsPresent++;
        return;
      }
      await client.putManifest(t.repository, ref, m).catch((e: unknown) => {
        throw dockerRefused(e, t, m);
      });
      this.counts.manifests++;
    });
  }
}

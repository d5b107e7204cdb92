import { ActionError, messageOf } from '../kernel/errors.js';
import type { ImageArtifact, IndexArtifact } from '../kernel/oci.js';
import type { Commit, Publisher, PublishResult } from './publisher.js';

/**
 * Tees one run to several publishers, as ko's MultiPublisher does, with one rule more: no publisher commits (moves a
 * reference) until every publisher has written its content. Commits then run in the order given, so a layout, which
 * cannot fail for want of a network, is renamed into place before any tag moves.
 */
export class MultiPublisher implements Publisher<PublishResult[]> {
  /** `local`: publishers whose written content is still committed when another's write fails (the layout). */
  constructor(
    private readonly publishers: Publisher[],
    private readonly local: Publisher[] = [],
  ) {}

  probe(image: ImageArtifact): void {
    for (const p of this.publishers) p.probe(image);
  }

  stage(image: ImageArtifact): void {
    for (const p of this.publishers) p.stage(image);
  }

  async write(artifact: IndexArtifact): Promise<Commit<PublishResult[]>> {
    const written = await Promise.allSettled(this.publishers.map((p) => p.write(artifact)));
    const failed = written.find((w) => w.status === 'rejected');
    if (failed) {
      // The first failure is the one reported, once every other publisher has stopped; what a local publisher
      // wrote is committed still, so that a failed push leaves the layout to inspect (no reference moved remotely).
      const kept: PublishResult[] = [];
      for (const [i, w] of written.entries())
        if (this.local.includes(this.publishers.at(i) as Publisher) && w.status === 'fulfilled')
          kept.push(await w.value());
      await this.abandon(failed.reason);
      throw new PartlyPublished(failed.reason, kept);
    }
    const commits = written.map((w) => (w as PromiseFulfilledResult<Commit>).value);
    return async () => {
      const results: PublishResult[] = [];
      for (const commit of commits) results.push(await commit());
      return results;
    };
  }

  async abandon(reason: unknown): Promise<void> {
    await Promise.all(this.publishers.map((p) => p.abandon(reason)));
  }
}

/** A write that failed, with what the local publishers committed all the same; its message is the cause's. */
export class PartlyPublished extends ActionError {
  constructor(
    override readonly cause: unknown,
    readonly kept: PublishResult[],
  ) {
    super(messageOf(cause), { cause });
  }
}

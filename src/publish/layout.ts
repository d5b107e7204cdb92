import { constants } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EMPTY_CONFIG } from '../attach/artifact.js';
import { hexOf } from '../kernel/digest.js';
import { attachmentsOf, MediaType, type Blob, type IndexArtifact, type LayerBlob } from '../kernel/oci.js';
import { ActionError, codeOf, messageOf } from '../kernel/errors.js';
import { removeLeftovers } from './layout-target.js';
import type { Commit, Publisher } from './publisher.js';

/** Blobs of an index artifact in dependency order, deduplicated by digest. */
function allBlobs(artifact: IndexArtifact): Array<Blob | LayerBlob> {
  const seen = new Map<string, Blob | LayerBlob>();
  for (const img of artifact.images) for (const b of [...img.layers, img.config, img.manifest]) seen.set(b.digest, b);
  seen.set(artifact.index.digest, artifact.index);
  for (const a of attachmentsOf(artifact))
    for (const b of [EMPTY_CONFIG, a.document, a.manifest]) seen.set(b.digest, b);
  return [...seen.values()];
}

/**
 * Writes an OCI image layout whose index.json holds one descriptor, the image index
 * (https://github.com/opencontainers/image-spec/blob/main/image-layout.md). write() builds it beside the target;
 * the commit renames it into place, so a failure never leaves a half-written layout.
 */
export class LayoutPublisher implements Publisher {
  private readonly staging: string;
  private readonly old: string;

  /** `annotations` go on the index.json descriptor (ref.name and friends); a registry has no such place. */
  constructor(
    private readonly dir: string,
    private readonly annotations: Record<string, string> = {},
  ) {
    this.staging = `${dir}.partial-${process.pid}`;
    this.old = `${dir}.old-${process.pid}`;
  }

  /** A layout has nothing to ask before the checks pass. */
  probe(): void {}

  /** The layout is written whole in write(): a blob file is a single link or copy, too cheap to start early. */
  stage(): void {}

  async write(artifact: IndexArtifact): Promise<Commit> {
    await this.guard(() => this.writeStaging(artifact));
    return async () => {
      await this.guard(() => this.swapIn());
      const ref = this.annotations['org.opencontainers.image.ref.name'];
      return { location: this.dir, refs: ref ? [`oci:${this.dir}:${ref}`] : [`oci:${this.dir}`] };
    };
  }

  /** Removes the staged layout; never throws, since it runs while another failure is being reported. */
  async abandon(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Usually a path that cannot be written (a file in the way, no permission, a full disk): the user's to fix. */
  private async guard(fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      await this.abandon();
      throw new ActionError(`could not write the OCI layout at ${this.dir} (input "oci-layout"): ${messageOf(e)}`, {
        cause: e,
      });
    }
  }

  private async writeStaging(artifact: IndexArtifact): Promise<void> {
    await removeLeftovers(this.dir);
    await rm(this.staging, { recursive: true, force: true });
    await mkdir(join(this.staging, 'blobs', 'sha256'), { recursive: true });
    await writeFile(join(this.staging, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    await Promise.all(
      allBlobs(artifact).map((b) => {
        const to = join(this.staging, 'blobs', 'sha256', hexOf(b.digest));
        // Layers come from the layer store: a hard link on the same file system (the store re-hashes what it
        // serves, so an edited copy is never published), else a reflink or copy; never read whole.
        return 'path' in b
          ? link(b.path, to).catch(() => copyFile(b.path, to, constants.COPYFILE_FICLONE))
          : writeFile(to, b.data);
      }),
    );
    const index = {
      schemaVersion: 2,
      mediaType: MediaType.index,
      manifests: [
        {
          mediaType: artifact.index.mediaType,
          digest: artifact.index.digest,
          size: artifact.index.size,
          ...(Object.keys(this.annotations).length > 0 ? { annotations: this.annotations } : {}),
        },
        // Referrers are found in a layout by their subject field; index.json lists them so that tools walk to them
        // (image-layout.md; ORAS's oci store builds its referrer graph from what index.json reaches).
        ...attachmentsOf(artifact).map((a) => a.descriptor),
      ],
    };
    await writeFile(join(this.staging, 'index.json'), JSON.stringify(index));
  }

  private async swapIn(): Promise<void> {
    await mkdir(dirname(this.dir), { recursive: true });
    await rm(this.old, { recursive: true, force: true });
    await rename(this.dir, this.old).catch((e: unknown) => {
      if (codeOf(e) !== 'ENOENT') throw e;
    });
    await rename(this.staging, this.dir);
    await rm(this.old, { recursive: true, force: true });
  }
}

import { constants } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ActionError } from '../util/errors.js';
import type { Blob, IndexArtifact, LayerBlob } from '../image/types.js';
import type { Publisher, PublishOptions, PublishResult } from './publisher.js';

/** Blobs of an index artifact in dependency order, deduplicated by digest. */
function allBlobs(artifact: IndexArtifact): Array<Blob | LayerBlob> {
  const seen = new Map<string, Blob | LayerBlob>();
  for (const img of artifact.images) for (const b of [...img.layers, img.config, img.manifest]) seen.set(b.digest, b);
  seen.set(artifact.index.digest, artifact.index);
  return [...seen.values()];
}

/**
 * Writes an OCI image layout (reference §1.8) whose index.json holds one descriptor: the image index.
 * It is built beside the target and renamed into place, so a failure never leaves a half-written layout.
 */
export class LayoutPublisher implements Publisher {
  constructor(private readonly dir: string) {}

  async publish(artifact: IndexArtifact, { annotations = {} }: PublishOptions = {}): Promise<PublishResult> {
    try {
      await this.write(artifact, annotations);
    } catch (e) {
      // Usually a path that cannot be written (a file in the way, no permission, a full disk): the user's to fix.
      throw new ActionError(
        `could not write the OCI layout at ${this.dir} (input "oci-layout"): ${(e as Error).message}`,
        { cause: e },
      );
    }
    const ref = annotations['org.opencontainers.image.ref.name'];
    return { location: this.dir, refs: ref ? [`oci:${this.dir}:${ref}`] : [`oci:${this.dir}`] };
  }

  private async write(artifact: IndexArtifact, annotations: Record<string, string>): Promise<void> {
    const staging = `${this.dir}.partial-${process.pid}`;
    const old = `${this.dir}.old-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(join(staging, 'blobs', 'sha256'), { recursive: true });
    try {
      await writeFile(join(staging, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
      // All at once: each is a small file-system call, and one after another they waited on each other.
      await Promise.all(
        allBlobs(artifact).map((b) => {
          const to = join(staging, 'blobs', 'sha256', b.digest.slice('sha256:'.length));
          // Layers come from the layer store: a hard link on the same file system (the store re-hashes what it
          // serves, so an edited copy is never published), else a reflink or copy; never read whole.
          return 'path' in b
            ? link(b.path, to).catch(() => copyFile(b.path, to, constants.COPYFILE_FICLONE))
            : writeFile(to, b.data);
        }),
      );
      const index = {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: artifact.index.mediaType,
            digest: artifact.index.digest,
            size: artifact.index.size,
            ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
          },
        ],
      };
      await writeFile(join(staging, 'index.json'), JSON.stringify(index));
      await mkdir(dirname(this.dir), { recursive: true });
      await rm(old, { recursive: true, force: true });
      await rename(this.dir, old).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
      await rename(staging, this.dir);
      await rm(old, { recursive: true, force: true });
    } catch (e) {
      await rm(staging, { recursive: true, force: true });
      throw e;
    }
  }
}

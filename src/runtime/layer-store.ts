import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerSink, LayerStore, StoredLayer } from '../oci/layer.js';
import { hashFile } from './fs.js';

/**
 * Compressed layers on disk: `blobs/<hex>` by digest and `diffids/<hex>.json` naming the blob for a diff_id.
 * A hit is re-hashed (a few ms) and must match, so a damaged entry is rebuilt rather than published.
 */
export function diskLayerStore(dir: string): LayerStore {
  const blob = (digest: string) => join(dir, 'blobs', digest.replace('sha256:', ''));
  const index = (diffId: string) => join(dir, 'diffids', `${diffId.replace('sha256:', '')}.json`);
  return {
    async lookup(diffId) {
      const entry = await readFile(index(diffId), 'utf8').then((s) => JSON.parse(s) as StoredLayer, () => undefined);
      if (!entry || typeof entry.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(entry.digest)) return undefined;
      const path = blob(entry.digest);
      const st = await stat(path).catch(() => undefined);
      if (!st || st.size !== entry.size) return undefined;
      if (`sha256:${await hashFile(path)}` !== entry.digest) return undefined;
      return { digest: entry.digest, size: entry.size, path };
    },
    async create(): Promise<LayerSink> {
      await mkdir(join(dir, 'blobs'), { recursive: true });
      await mkdir(join(dir, 'diffids'), { recursive: true });
      const tmp = join(dir, `tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
      const fh = await open(tmp, 'w');
      let closed = false;
      const close = async () => {
        if (!closed) await fh.close();
        closed = true;
      };
      return {
        async write(bytes) {
          await fh.write(bytes);
        },
        async commit(diffId, digest, size) {
          await close();
          await rename(tmp, blob(digest));
          const note = `${index(diffId)}.${process.pid}.tmp`;
          await writeFile(note, JSON.stringify({ digest, size }));
          await rename(note, index(diffId));
          return { digest, size, path: blob(digest) };
        },
        async abort() {
          await close().catch(() => undefined);
          await rm(tmp, { force: true });
        },
      };
    },
  };
}

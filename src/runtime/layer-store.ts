import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerFacts, LayerSink, LayerStore } from '../oci/layer.js';
import { hashFile } from './fs.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

function readFacts(text: string): LayerFacts | undefined {
  const e = JSON.parse(text) as Partial<LayerFacts>;
  const ok = DIGEST.test(String(e.digest)) && DIGEST.test(String(e.diffId)) && Number.isSafeInteger(e.size) && Number.isSafeInteger(e.uncompressedSize);
  return ok ? (e as LayerFacts) : undefined;
}

/**
 * Compressed layers on disk: `blobs/<hex>` by digest and `recipes/<hex>.json` giving the blob and diff_id for a
 * recipe key. A hit is re-hashed (a few ms) and must match, so a damaged entry is rebuilt rather than published.
 */
export function diskLayerStore(dir: string): LayerStore {
  const blob = (digest: string) => join(dir, 'blobs', digest.replace('sha256:', ''));
  const index = (key: string) => join(dir, 'recipes', `${key.replace('sha256:', '')}.json`);
  return {
    async lookup(key) {
      const entry = await readFile(index(key), 'utf8').then(readFacts, () => undefined);
      if (!entry) return undefined;
      const path = blob(entry.digest);
      const st = await stat(path).catch(() => undefined);
      if (!st || st.size !== entry.size) return undefined;
      if (`sha256:${await hashFile(path)}` !== entry.digest) return undefined;
      return { ...entry, path };
    },
    async create(): Promise<LayerSink> {
      await mkdir(join(dir, 'blobs'), { recursive: true });
      await mkdir(join(dir, 'recipes'), { recursive: true });
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
        async commit(key, facts) {
          await close();
          await rename(tmp, blob(facts.digest));
          const note = `${index(key)}.${process.pid}.tmp`;
          const { digest, size, diffId, uncompressedSize } = facts;
          await writeFile(note, JSON.stringify({ digest, size, diffId, uncompressedSize }));
          await rename(note, index(key));
          return { ...facts, path: blob(digest) };
        },
        async abort() {
          await close().catch(() => undefined);
          await rm(tmp, { force: true });
        },
      };
    },
  };
}

import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Digest } from '../oci/digest.js';
import type { LayerCache } from '../oci/layer.js';

const gunzipAsync = promisify(gunzip);

/**
 * Compressed layers on disk, one file per diff_id. A hit is checked by decompressing and hashing (cheaper than
 * compressing), so a damaged entry is ignored rather than published.
 */
export function diskLayerCache(dir: string): LayerCache {
  const file = (diffId: string) => join(dir, diffId.replace('sha256:', ''));
  return {
    async get(diffId) {
      const gz = await readFile(file(diffId)).catch(() => undefined);
      if (!gz) return undefined;
      const ok = await gunzipAsync(gz).then((tar) => sha256Digest(tar) === diffId, () => false);
      return ok ? gz : undefined;
    },
    async put(diffId, gz) {
      await mkdir(dir, { recursive: true });
      const tmp = `${file(diffId)}.${process.pid}.tmp`;
      await writeFile(tmp, gz);
      await rename(tmp, file(diffId));
    },
  };
}

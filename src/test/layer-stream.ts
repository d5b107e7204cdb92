import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ActionError } from '../kernel/errors.js';
import { MediaType } from '../kernel/oci.js';

/**
 * A layer's tar stream: gzip through Node's zlib; zstd through the runner's `zstd`, since Node 20 has none (each
 * frame of ours is a complete zstd frame, RFC 8878 §3.1). A missing zstd or a damaged layer ends it with an error.
 */
export function tarOf(path: string, mediaType: string): Readable {
  if (mediaType !== MediaType.layerZstd) {
    const file = createReadStream(path);
    const gunzip = createGunzip();
    file.on('error', (e) => gunzip.destroy(e));
    return file.pipe(gunzip);
  }
  const zstd = spawn('zstd', ['-dcq', '--', path], { stdio: ['ignore', 'pipe', 'ignore'] });
  const out = zstd.stdout;
  zstd.on('error', (e) => out.destroy(e));
  zstd.on('exit', (code) => {
    if (code !== 0)
      out.destroy(new ActionError(`the layer could not be unpacked: zstd -d exited ${code ?? 'on a signal'}`));
  });
  return out;
}

import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { get as httpsGet } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startMirror, type Override } from './mirror.js';

/** Where toolchain zips are kept between test runs, so that CI does not fetch 70 MB each time. */
export const ZIP_CACHE = join(process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'), 'goproxy');

/** A Go module proxy on loopback in front of proxy.golang.org, as a runner's GOPROXY mirror would be. */
export interface GoProxy {
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const UPSTREAM = 'https://proxy.golang.org';

function relay(path: string, res: ServerResponse, save?: string): void {
  httpsGet(`${UPSTREAM}${path}`, (up) => {
    res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'application/octet-stream' });
    if (save && up.statusCode === 200) {
      mkdirSync(ZIP_CACHE, { recursive: true });
      const tmp = `${save}.${process.pid}.tmp`;
      up.pipe(createWriteStream(tmp)).on('finish', () => renameSync(tmp, save));
    }
    up.pipe(res);
  }).on('error', (e) => {
    res.writeHead(502);
    res.end(String(e));
  });
}

/**
 * Starts the proxy. Toolchain zips come from ZIP_CACHE when there, else from upstream (and are kept); everything else,
 * the sumdb endpoints included, passes through. `override` answers a path itself: a tampered zip, a made-up version.
 */
export async function startGoProxy(override: Override = () => undefined): Promise<GoProxy> {
  const m = await startMirror(override, (path, res) => {
    const zip = /^\/golang\.org\/toolchain\/@v\/(v0\.0\.1-go[^/]+\.zip)$/.exec(path)?.[1];
    const kept = zip ? join(ZIP_CACHE, zip) : undefined;
    if (kept && existsSync(kept)) {
      res.writeHead(200, { 'content-type': 'application/zip' });
      createReadStream(kept).pipe(res);
      return;
    }
    relay(path, res, kept);
  });
  return { url: m.base, requests: m.requests, close: () => m.close() };
}

import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { get as httpsGet } from 'node:https';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { startMirror, type Override } from './mirror.js';

/** Where wheels are kept between test runs (ziglang's is 100 MB). */
export const WHEEL_CACHE = join(process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'), 'pypi');

/** A PyPI mirror on loopback, as a runner's PIP_INDEX_URL would name one. */
export interface PypiMirror {
  /** The Simple API root, for PIP_INDEX_URL. */
  index: string;
  requests: string[];
  close(): Promise<void>;
}

function fetchUpstream(url: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => httpsGet(url, { headers }, resolve).on('error', reject));
}

async function readAll(m: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of m) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts the mirror: /simple/<project>/ is pypi.org's Simple API page (JSON, PEP 691) with each file's URL pointing
 * back here and its sha256 as PyPI gives it; /files/<name> serves the file from WHEEL_CACHE, fetching it once.
 * `override` answers a path itself, e.g. with a wheel whose bytes are not those the page vouches for.
 */
export async function startPypiMirror(override: Override = () => undefined): Promise<PypiMirror> {
  const upstreamOf = new Map<string, string>();
  const answer = async (path: string, res: ServerResponse, base: string) => {
    const project = /^\/simple\/([a-z0-9-]+)\/$/.exec(path)?.[1];
    if (project) {
      const up = await fetchUpstream(`https://pypi.org/simple/${project}/`, {
        accept: 'application/vnd.pypi.simple.v1+json',
      });
      const page = JSON.parse(await readAll(up)) as { files: { filename: string; url: string }[] };
      for (const f of page.files) {
        upstreamOf.set(f.filename, f.url);
        f.url = `${base}/files/${f.filename}`;
      }
      res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
      res.end(JSON.stringify(page));
      return;
    }
    const name = /^\/files\/([^/]+)$/.exec(path)?.[1];
    if (!name) {
      res.writeHead(404);
      res.end();
      return;
    }
    const kept = join(WHEEL_CACHE, basename(name));
    if (!existsSync(kept)) {
      const up = await fetchUpstream(upstreamOf.get(name) ?? '');
      mkdirSync(WHEEL_CACHE, { recursive: true });
      const tmp = `${kept}.${process.pid}.tmp`;
      await new Promise<void>((r, j) =>
        up
          .pipe(createWriteStream(tmp))
          .on('finish', () => r())
          .on('error', j),
      );
      renameSync(tmp, kept);
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    createReadStream(kept).pipe(res);
  };
  const m = await startMirror(
    override,
    (path, res, base) =>
      void answer(path, res, base).catch((e: unknown) => {
        res.writeHead(502);
        res.end(String(e));
      }),
  );
  return { index: `${m.base}/simple`, requests: m.requests, close: () => m.close() };
}

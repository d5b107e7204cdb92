import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/** One HTTP request; a streamed body is a factory so a retry can open it again. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string> | undefined;
  body?: Uint8Array | (() => Readable) | undefined;
}

/** A response with its body read (registry answers we read are small: manifests, errors, tokens). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** How long a request may stay silent, and how long it may take in all. */
export interface FetchLimits {
  idleMs: number;
  deadlineMs: number;
}

/** The network port: everything registry code does goes through one of these, so tests can interpose. */
export type Fetch = (req: HttpRequest, limits: FetchLimits) => Promise<HttpResponse>;

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 8 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 8 }),
};

function flatten(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Largest response body read: registry answers we read are manifests, errors and tokens, far smaller. */
export const MAX_BODY = 8 << 20;

const failure = (message: string, code: string) => Object.assign(new Error(message), { code }) as NodeJS.ErrnoException;

/**
 * Node's http/https client, honouring NODE_EXTRA_CA_CERTS through the default CA store. A request fails after
 * `idleMs` of silence, and after `deadlineMs` in all, so a server that trickles a byte a second cannot hold the
 * step; a response body over MAX_BODY is an error, never a truncated answer.
 */
export const nodeFetch: Fetch = (req, { idleMs, deadlineMs }) =>
  new Promise<HttpResponse>((resolve, reject) => {
    const url = new URL(req.url);
    const isHttps = url.protocol === 'https:';
    const send = isHttps ? httpsRequest : httpRequest;
    const deadline = setTimeout(
      () => r.destroy(failure(`no complete answer within ${deadlineMs} ms`, 'ETIMEDOUT')),
      deadlineMs,
    );
    const settle =
      <T>(fn: (v: T) => void) =>
      (v: T) => {
        clearTimeout(deadline);
        fn(v);
      };
    const r = send(
      url,
      { method: req.method, headers: req.headers, agent: isHttps ? agents.https : agents.http },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY) {
            r.destroy(failure(`the answer is larger than ${MAX_BODY} bytes`, 'ETOOBIG'));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () =>
          settle(resolve)({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: Buffer.concat(chunks) }),
        );
        res.on('error', settle(reject));
      },
    );
    r.setTimeout(idleMs, () => r.destroy(failure(`no answer within ${idleMs} ms`, 'ETIMEDOUT')));
    r.on('error', settle(reject));
    if (req.body === undefined) r.end();
    else if (req.body instanceof Uint8Array) r.end(req.body);
    else {
      const stream = req.body();
      stream.on('error', (e) => r.destroy(e));
      stream.pipe(r);
    }
  });

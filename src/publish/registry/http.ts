import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/** One HTTP request; a streamed body is a factory so a retry can open it again. */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array | (() => Readable);
}

/** A response with its body read (registry answers we read are small: manifests, errors, tokens). */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The network port: everything registry code does goes through one of these, so tests can interpose. */
export type Fetch = (req: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

const MAX_BODY = 8 << 20;
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

/** Node's http/https client with a hard timeout, honouring NODE_EXTRA_CA_CERTS through the default CA store. */
export const nodeFetch: Fetch = (req, timeoutMs) =>
  new Promise<HttpResponse>((resolve, reject) => {
    const url = new URL(req.url);
    const isHttps = url.protocol === 'https:';
    const send = isHttps ? httpsRequest : httpRequest;
    const r = send(
      url,
      { method: req.method, headers: req.headers, agent: isHttps ? agents.https : agents.http },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_BODY) chunks.push(c);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: flatten(res.headers), body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    r.setTimeout(timeoutMs, () => {
      const e = new Error(`no answer within ${timeoutMs} ms`) as NodeJS.ErrnoException;
      e.code = 'ETIMEDOUT';
      r.destroy(e);
    });
    r.on('error', reject);
    if (req.body === undefined) r.end();
    else if (req.body instanceof Uint8Array) r.end(req.body);
    else {
      const stream = req.body();
      stream.on('error', (e) => r.destroy(e));
      stream.pipe(r);
    }
  });

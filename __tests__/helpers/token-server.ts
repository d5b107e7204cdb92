import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { derBase64 } from './pki.js';

/** One request the token server answered. */
export interface TokenRequest {
  method: string;
  scopes: string[];
  auth: 'basic' | 'refresh_token' | 'none' | 'bad';
  status: number;
}

/** A token server speaking the Docker token spec: GET with Basic, OAuth2 POST with refresh_token, RS256 JWTs. */
export interface TokenServer {
  realm: string;
  requests: TokenRequest[];
  /** Every token handed out, in order. */
  tokens: string[];
  close: () => Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

function parseScope(s: string) {
  const first = s.indexOf(':'),
    last = s.lastIndexOf(':');
  return { type: s.slice(0, first), name: s.slice(first + 1, last), actions: s.slice(last + 1).split(',') };
}

/**
 * Starts the server. The first token for each scope set is already expired, so the registry answers 401 and the
 * client has to refresh: that proves refresh-on-401 end to end.
 */
export async function startTokenServer(o: {
  user: string;
  password: string;
  refreshToken: string;
  issuer: string;
  service: string;
  signingCert: string;
  signingKey: string;
}): Promise<TokenServer> {
  const key = readFileSync(o.signingKey, 'utf8');
  const x5c = [derBase64(o.signingCert)];
  const issued = new Set<string>();
  const server: TokenServer = { realm: '', requests: [], tokens: [], close: async () => undefined };
  const sign = (scopes: string[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const key1 = scopes.slice().sort().join(' ');
    const expired = !issued.has(key1);
    issued.add(key1);
    const header = { typ: 'JWT', alg: 'RS256', x5c };
    const claims = {
      iss: o.issuer,
      sub: o.user,
      aud: o.service,
      jti: randomUUID(),
      iat: now - (expired ? 1200 : 0),
      nbf: now - (expired ? 1200 : 5),
      exp: expired ? now - 600 : now + 300,
      access: scopes.map(parseScope),
    };
    const data = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    return `${data}.${b64url(createSign('RSA-SHA256').update(data).sign(key))}`;
  };
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let scopes = url.searchParams.getAll('scope');
      let auth: TokenRequest['auth'] = 'none';
      if (req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        auth =
          form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === o.refreshToken
            ? 'refresh_token'
            : 'bad';
      } else if (req.headers.authorization?.startsWith('Basic ')) {
        const [u, p] = Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':');
        auth = u === o.user && p === o.password ? 'basic' : 'bad';
      }
      const ok = auth === 'basic' || auth === 'refresh_token';
      server.requests.push({ method: req.method ?? '', scopes, auth, status: ok ? 200 : 401 });
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      if (!ok) return res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }));
      const token = sign(scopes);
      server.tokens.push(token);
      res.end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  server.realm = `http://127.0.0.1:${(http.address() as AddressInfo).port}/token`;
  server.close = () =>
    new Promise((r) => {
      http.closeAllConnections();
      http.close(() => r());
    });
  return server;
}

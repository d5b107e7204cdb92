import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';

/** A request that reached a plain-HTTP listener, with the credentials it carried. */
export interface PlainSeen {
  method: string;
  path: string;
  authorization?: string | undefined;
}

/**
 * One loopback port that speaks both TLS and plain HTTP, as a TLS-terminating proxy's host does: a TLS connection is
 * proxied to `target` (a plain-HTTP registry, which then writes http:// Locations for this host, as registries behind
 * such proxies do), a plain one is recorded and refused. `edit` may change each proxied response's headers.
 */
export async function startDualProxy(
  target: string,
  /** Paths of the PEM certificate and key. */
  tls: { cert: string; key: string },
  edit: (headers: IncomingHttpHeaders, status: number) => void = () => undefined,
): Promise<{ host: string; plain: PlainSeen[]; stop: () => Promise<void> }> {
  const plain: PlainSeen[] = [];
  const [targetHost, targetPort] = target.split(':');
  const cleartext = createHttpServer((req, res) => {
    plain.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(400).end();
  });
  const secure = createHttpsServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, (req, res) => {
    const up = request(
      { host: targetHost, port: Number(targetPort), method: req.method, path: req.url, headers: req.headers },
      (r) => {
        const headers = { ...r.headers };
        edit(headers, r.statusCode ?? 0);
        res.writeHead(r.statusCode ?? 502, headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  const front = createNetServer((socket) => {
    socket.once('data', (first) => {
      socket.pause();
      if (first[0] !== 0x16) {
        socket.unshift(first);
        cleartext.emit('connection', socket);
        socket.resume();
        return;
      }
      // A TLS ClientHello (record type 0x16). TLS reads a net.Socket's handle directly, past anything unshifted, so
      // it gets a stream that replays the first bytes and then relays the socket.
      const relay = new Duplex({
        read: () => socket.resume(),
        write: (chunk, _enc, done) => socket.write(chunk, done),
        final: (done) => socket.end(done),
      });
      relay.push(first);
      socket.on('data', (d) => relay.push(d) || socket.pause());
      socket.on('end', () => relay.push(null));
      socket.on('error', (e) => relay.destroy(e));
      relay.on('error', () => socket.destroy());
      secure.emit('connection', relay);
    });
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(front.address() as AddressInfo).port}`;
  const close = (s: Server | ReturnType<typeof createNetServer>) => new Promise<void>((r) => s.close(() => r()));
  return {
    host,
    plain,
    stop: async () => {
      front.close();
      secure.closeAllConnections();
      cleartext.closeAllConnections();
      await Promise.all([close(secure), close(cleartext)]);
    },
  };
}

/** A plain-HTTP server that records every request and answers 401, standing in for a token realm. */
export async function startRecorder(): Promise<{ url: string; seen: PlainSeen[]; stop: () => Promise<void> }> {
  const seen: PlainSeen[] = [];
  const server = createHttpServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(401).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test answers itself instead of the mirror: a tampered file, a made-up version. */
export type Override = (path: string) => { status: number; body: Buffer } | undefined;

/** A mirror on loopback: every path is recorded, `override` answers first, else `serve` (given the mirror's URL). */
export async function startMirror(
  override: Override,
  serve: (path: string, res: ServerResponse, base: string) => void,
): Promise<{ base: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const own = override(path);
    if (own) {
      res.writeHead(own.status);
      res.end(own.body);
      return;
    }
    serve(path, res, base);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

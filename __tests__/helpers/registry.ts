import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type AddressInfo } from 'node:net';

/**
 * A loopback address where nothing listens: a port below the kernel's ephemeral range, which `listen(0)` in a
 * parallel test worker can never be given (a port found by binding 0 and closing it can be, and once was).
 */
export async function deadAddress(): Promise<string> {
  const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  for (let port = low - 1; port > 1024; port--) {
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
    });
    if (refused) return `127.0.0.1:${port}`;
  }
  throw new Error(`no refusing loopback port below ${low}`);
}

/** Stops a registry process and waits for it to exit. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Which registry startRegistry gives this test file: module state, so one file's choice never reaches another. */
let kind: 'distribution' | 'referrers' = 'distribution';

/** Makes startRegistry (without TLS or auth) start the registry with the referrers API: a suite run again on it. */
export function useReferrersRegistry(): void {
  kind = 'referrers';
}

/** Whether this file's suites run against the registry with the referrers API. */
export const referrersRegistry = (): boolean => kind === 'referrers';

/** A real docker-registry process on loopback. */
export interface Registry {
  host: string;
  dir: string;
  stop: () => Promise<void>;
}

/** Starts `docker-registry serve` with optional TLS and auth sections, and waits until /v2/ answers. */
export async function startRegistry(
  opts: { tls?: { cert: string; key: string }; auth?: string } = {},
): Promise<Registry> {
  if (kind === 'referrers' && !opts.tls && !opts.auth) return startReferrersRegistry();
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-registry-'));
  // Port 0: the registry binds a port itself and logs which ("listening on"), so no other worker can take it first.
  const config = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    `  filesystem:`,
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    '  addr: 127.0.0.1:0',
    `  secret: scratchpack-test`,
    ...(opts.tls ? ['  tls:', `    certificate: ${opts.tls.cert}`, `    key: ${opts.tls.key}`] : []),
    ...(opts.auth ? [opts.auth] : []),
  ].join('\n');
  writeFileSync(join(dir, 'config.yml'), config + '\n');
  // Its log goes to a file, not a pipe: a caller blocked in spawnSync (the benches) would let a pipe fill and stall it.
  const log = join(dir, 'registry.log');
  const fd = openSync(log, 'w');
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', fd],
  });
  closeSync(fd);
  const stderr = () => readFileSync(log, 'utf8');
  let host = '';
  for (let i = 0; ; i++) {
    const bound = /listening on (127\.0\.0\.1:\d+)/.exec(stderr());
    if (bound) host = bound[1];
    const up =
      host !== '' &&
      (await new Promise<boolean>((resolve) => {
        const send = opts.tls ? httpsRequest : request;
        const r = send(`${opts.tls ? 'https' : 'http'}://${host}/v2/`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve(true);
        });
        r.on('error', () => resolve(false));
        r.end();
      }));
    if (up) break;
    if (i > 100 || child.exitCode !== null) throw new Error(`docker-registry did not start: ${stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host,
    dir,
    stop: () => stopChild(child),
  };
}

/**
 * go-containerregistry's registry with the referrers API, corrected to the spec (fixtures/referrers-registry), as
 * scripts/setup-test-env.sh builds it; in memory, on loopback.
 */
export async function startReferrersRegistry(): Promise<Registry> {
  const bin = join(
    process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'),
    'bin',
    'referrers-registry',
  );
  const child = spawn(bin, [], { stdio: ['ignore', 'pipe', 'ignore'] });
  const host = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => {
      const m = /listening on (127\.0\.0\.1:\d+)/.exec(d.toString());
      if (m) resolve(m[1]);
      else reject(new Error(`referrers-registry said: ${d.toString()}`));
    });
    child.once('error', reject);
  });
  child.stdout.resume();
  return { host, dir: mkdtempSync(join(tmpdir(), 'scratchpack-referrers-registry-')), stop: () => stopChild(child) };
}

/** One request the proxy saw, and what it did with it. */
export interface Seen {
  method: string;
  path: string;
  query: string;
  injected?: string;
  status?: number | undefined;
}

/**
 * What the proxy should do with a request: pass it on, answer with a status (and a body), drop the connection, or
 * pass it on and run `after` (another client's write, say) before the answer goes back.
 */
export type Fault =
  | 'pass'
  | 'drop'
  | { status: number; headers?: Record<string, string>; body?: string }
  | { after: () => Promise<void> };

/** A plain-HTTP proxy in front of a registry that records every request and can inject faults. */
export interface Proxy {
  host: string;
  seen: Seen[];
  fault: (req: Seen, body: Buffer) => Fault;
  /** Rewrites the headers of a forwarded answer (e.g. to strip OCI-Subject). */
  rewrite?: (req: Seen, headers: IncomingMessage['headers']) => IncomingMessage['headers'];
  /** A slower link (the benches' "remote registry"): each request waits this latency plus its body's turn on a shared uplink. */
  link?: { latencyMs: number; bytesPerSecond: number };
  close: () => Promise<void>;
}

/** Starts a proxy to `target` (host:port, plain HTTP) on a free loopback port. */
export async function startProxy(target: string): Promise<Proxy> {
  const proxy: Proxy = { host: '', seen: [], fault: () => 'pass', close: async () => undefined };
  let uplinkFree = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const seen: Seen = { method: req.method ?? '', path: url.pathname, query: url.search };
      proxy.seen.push(seen);
      const body = Buffer.concat(chunks);
      const f = proxy.fault(seen, body);
      if (f === 'drop') {
        seen.injected = 'drop';
        req.socket.destroy();
        return;
      }
      const after = typeof f === 'object' && 'after' in f ? f.after : undefined;
      if (f !== 'pass' && !after && typeof f === 'object' && 'status' in f) {
        seen.injected = String(f.status);
        seen.status = f.status;
        res.writeHead(f.status, { 'content-type': 'application/json', ...f.headers });
        res.end(f.body ?? JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `injected ${f.status}` }] }));
        return;
      }
      const forward = () => {
        const up = request(`http://${target}${req.url}`, { method: req.method, headers: req.headers }, (r) => {
          seen.status = r.statusCode;
          const headers = proxy.rewrite ? proxy.rewrite(seen, r.headers) : r.headers;
          if (!after) {
            res.writeHead(r.statusCode ?? 502, headers);
            r.pipe(res);
            return;
          }
          const got: Buffer[] = [];
          r.on('data', (c: Buffer) => got.push(c));
          r.on(
            'end',
            () =>
              void after().finally(() => {
                res.writeHead(r.statusCode ?? 502, headers);
                res.end(Buffer.concat(got));
              }),
          );
        });
        up.on('error', () => res.destroy());
        up.end(body);
      };
      if (!proxy.link) {
        forward();
        return;
      }
      const now = performance.now();
      uplinkFree = Math.max(now, uplinkFree) + (body.length / proxy.link.bytesPerSecond) * 1000;
      setTimeout(forward, uplinkFree - now + proxy.link.latencyMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}

/** Blob uploads in a proxy log: upload sessions opened and blob PUTs. */
export function uploads(seen: Seen[]): { posts: number; puts: number } {
  return {
    posts: seen.filter(
      (s) =>
        s.method === 'POST' && s.path.includes('/blobs/uploads/') && !s.query.includes('mount=') && s.status === 202,
    ).length,
    puts: seen.filter((s) => s.method === 'PUT' && s.path.includes('/blobs/uploads/') && s.status === 201).length,
  };
}

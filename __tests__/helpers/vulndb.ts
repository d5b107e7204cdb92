import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sh } from './action.js';

/** The Go vulnerability database's own data, pinned: golang.org/x/vulndb on the module proxy (setup-test-env fetches it). */
export const VULNDB_MODULE = 'golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018';

interface Osv {
  id: string;
  modified: string;
  affected: Array<{ package: { name: string }; ranges?: Array<{ events: Array<{ fixed?: string }> }> }>;
}

/**
 * A govulncheck `file://` database (golang.org/x/vuln internal/client: index/db.json, index/modules.json and
 * ID/<id>.json) holding the given advisories exactly as the Go project published them: nothing invented.
 */
export function vulnDb(ids: string[]): string {
  const info = JSON.parse(sh('go', ['mod', 'download', '-json', VULNDB_MODULE], { env: { GOFLAGS: '' } })) as {
    Dir: string;
  };
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-vulndb-'));
  mkdirSync(join(dir, 'ID'));
  mkdirSync(join(dir, 'index'));
  const modules = new Map<string, Array<{ id: string; modified: string; fixed?: string }>>();
  // The database's time is the snapshot's: the module version's timestamp (its records say 0001-01-01).
  const stamp = /-(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)-/.exec(VULNDB_MODULE) ?? [];
  let modified = `${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}:${stamp[5]}:${stamp[6]}Z`;
  for (const id of ids) {
    const file = join(info.Dir, 'data', 'osv', `${id}.json`);
    copyFileSync(file, join(dir, 'ID', `${id}.json`));
    const osv = JSON.parse(readFileSync(file, 'utf8')) as Osv;
    if (osv.modified > modified) modified = osv.modified;
    for (const a of osv.affected) {
      const fixed = (a.ranges ?? []).flatMap((r) => r.events.flatMap((e) => (e.fixed ? [e.fixed] : []))).at(-1);
      const list = modules.get(a.package.name) ?? [];
      list.push({ id: osv.id, modified: osv.modified, ...(fixed ? { fixed } : {}) });
      modules.set(a.package.name, list);
    }
  }
  writeFileSync(join(dir, 'index', 'db.json'), JSON.stringify({ modified }));
  const index = [...modules].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, vulns]) => ({ path, vulns }));
  writeFileSync(join(dir, 'index', 'modules.json'), JSON.stringify(index));
  return dir;
}

/**
 * Serves a database directory over HTTPS on loopback, as vuln.go.dev serves its files, answering index/db.json only
 * after `delayMs`: a slow database, so that anything the action wrongly does before the verdict has time to show.
 */
export async function serveVulnDb(
  dir: string,
  tls: { cert: string; key: string },
  delayMs: number,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createServer({ cert: readFileSync(tls.cert), key: readFileSync(tls.key) }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push(path);
    // Every file also as .json.gz, which govulncheck's client asks for (https://go.dev/security/vuln/database#api).
    const gz = path.endsWith('.json.gz');
    const file = join(
      dir,
      ...path
        .replace(/\.gz$/, '')
        .split('/')
        .filter((p) => p && p !== '..'),
    );
    const answer = () => {
      if (!existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': 'application/json' }).end(gz ? gzipSync(body) : body);
    };
    if (/^\/index\/db\.json(\.gz)?$/.test(path)) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

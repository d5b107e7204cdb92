import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  let modified = '';
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

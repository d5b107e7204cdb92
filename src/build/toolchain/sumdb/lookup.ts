import { VerifyError } from '../../../kernel/errors.js';
import type { HttpResponse } from '../../../util/http.js';
import type { SumDb } from '../goenv.js';
import { openNote } from './note.js';
import { checkRecord } from './tlog.js';

/** GET one URL; the caller's port bounds its time and size. */
export type Get = (url: string) => Promise<HttpResponse>;

/** A module path or version as the proxy and sumdb protocols escape it: each capital letter becomes ! and its lower case. */
export const escapeModule = (s: string): string => s.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);

/** Where the database answers: through the proxy when the proxy says it supports it, else at its own URL. */
async function baseOf(proxy: string, db: SumDb, get: Get): Promise<string> {
  const r = await get(`${proxy}/sumdb/${db.name}/supported`);
  if (r.status === 200) return `${proxy}/sumdb/${db.name}`;
  if (r.status === 404 || r.status === 410) return db.url;
  throw new VerifyError(`${proxy}/sumdb/${db.name}/supported answered ${r.status}`);
}

/**
 * The `h1:` hash the checksum database records for mod@version, once its signed tree head verifies against the
 * database's key and the record is proven to be in that tree
 * (https://go.dev/design/25530-sumdb#checksum-database). Throws when there is no record or any proof fails.
 */
export async function verifiedSum(
  { mod, version }: { mod: string; version: string },
  { proxy, db, get }: { proxy: string; db: SumDb; get: Get },
): Promise<string> {
  const base = await baseOf(proxy, db, get);
  const url = `${base}/lookup/${escapeModule(mod)}@${escapeModule(version)}`;
  const r = await get(url);
  if (r.status === 404 || r.status === 410)
    throw new VerifyError(`the checksum database ${db.name} has no record of ${mod}@${version}`);
  if (r.status !== 200) throw new VerifyError(`${url} answered ${r.status}`);
  const body = r.body;
  const idEnd = body.indexOf('\n');
  const dataEnd = body.indexOf('\n\n', idEnd);
  const id = Number(body.subarray(0, idEnd).toString());
  if (idEnd < 0 || dataEnd < 0 || !Number.isSafeInteger(id))
    throw new VerifyError(`${db.name} answered a lookup that is not a record and a signed tree`);
  const data = body.subarray(idEnd + 1, dataEnd + 1);
  const [what, size, hash] = openNote(body.subarray(dataEnd + 2), db.key).split('\n');
  if (what !== 'go.sum database tree' || !/^\d+$/.test(size) || !hash)
    throw new VerifyError(`${db.name} signed a note that is not a tree head`);
  await checkRecord({ id, data }, { size: Number(size), hash: Buffer.from(hash, 'base64') }, async (path) => {
    const t = await get(`${base}/${path}`);
    if (t.status !== 200) throw new VerifyError(`${base}/${path} answered ${t.status}`);
    return t.body;
  });
  const line = data
    .toString('utf8')
    .split('\n')
    .find((l) => l.startsWith(`${mod} ${version} h1:`));
  if (!line) throw new VerifyError(`${db.name}'s record ${id} does not list ${mod}@${version}`);
  return line.slice(`${mod} ${version} `.length);
}

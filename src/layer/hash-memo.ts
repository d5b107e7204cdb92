import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs.js';

/**
 * How long after a file's last write its hash may be remembered. The kernel stamps writes with a coarse clock
 * (a jiffy, at most 10 ms); a hash taken within that tick of a write could be followed by another write with the
 * same stamp (git's "racily clean" case), so such a hash is used but not remembered.
 */
const SETTLED_NS = 100_000_000n;

/**
 * A file's identity and modification stamp: every write sets mtime. ctime is left out, because hard links (the OCI
 * layout links stored layers) change it without touching the content. With a content identity from the producer (a
 * Go build ID) mtime is left out too: `go build` touches an up-to-date binary on every run, and the build ID is
 * what go itself trusts to leave it in place.
 */
export async function stampOf(
  path: string,
  identity?: string,
): Promise<{ stamp: string; exact: string; settled: (now: bigint) => boolean } | undefined> {
  const st = await stat(path, { bigint: true }).catch(() => undefined);
  if (!st?.isFile()) return undefined;
  const exact = `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  if (identity) return { stamp: `${st.dev}:${st.ino}:${st.size}:id:${identity}`, exact, settled: () => true };
  return { stamp: exact, exact, settled: (now) => now - st.mtimeNs > SETTLED_NS };
}

/** sha256 of a file, remembered across runs under `dir`; `identity` as for FileRef. */
export type HashMemo = (path: string, identity?: string) => Promise<string>;

/** Where the memo of `path` lives: one small file per path, so concurrent jobs never rewrite a shared index. */
function memoFile(dir: string, path: string): string {
  return join(dir, `${createHash('sha256').update(path).digest('hex').slice(0, 40)}.json`);
}

/** One memo as written by hashMemo; anything unreadable or malformed is no memo. */
async function readMemo(file: string): Promise<{ path: string; stamp: string; sha256: string } | undefined> {
  const m = await readFile(file, 'utf8')
    .then((t) => JSON.parse(t) as { path?: unknown; stamp?: unknown; sha256?: unknown } | null)
    .catch(() => undefined);
  const ok = typeof m?.path === 'string' && typeof m.stamp === 'string' && /^[0-9a-f]{64}$/.test(String(m.sha256));
  return ok ? (m as { path: string; stamp: string; sha256: string }) : undefined;
}

/**
 * Remembers a file's sha256 by its stamps, as git's index does: an unchanged rerun's binaries and stored layers
 * are not read again. `hash` reads the file; it runs whenever the stamps differ from the memo's.
 */
export function hashMemo(dir: string, hash: (path: string) => Promise<string>): HashMemo {
  return async (path, identity) => {
    const before = await stampOf(path, identity);
    const file = memoFile(dir, path);
    if (before) {
      const memo = await readMemo(file);
      if (memo?.path === path && memo.stamp === before.stamp) return memo.sha256;
    }
    const sha256 = await hash(path);
    const after = await stampOf(path, identity);
    if (before && after?.exact === before.exact && after.settled(BigInt(Date.now()) * 1_000_000n)) {
      await mkdir(dir, { recursive: true, mode: 0o700 })
        .then(() => writeFileAtomic(file, JSON.stringify({ path, stamp: before.stamp, sha256 })))
        .catch(() => undefined); // an unwritten memo only costs the next run a read
    }
    return sha256;
  };
}

/** Drops the memo of a file the caller removed (a pruned blob). */
export async function forgetMemo(dir: string, path: string): Promise<void> {
  await rm(memoFile(dir, path), { force: true });
}

/** Memos older than `olderThan` whose file is gone (a binaries dir that moved), or that are unreadable: never read again. */
export async function pruneMemos(dir: string, olderThan: number): Promise<void> {
  for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'))) {
    const st = await stat(join(dir, name)).catch(() => undefined);
    if (!st || st.mtimeMs >= olderThan) continue;
    const memo = await readMemo(join(dir, name));
    if (!memo || !(await stat(memo.path).catch(() => undefined))) await rm(join(dir, name), { force: true });
  }
}

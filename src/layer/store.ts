import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayerFacts, LayerSink, LayerStore, StoredLayer } from './layer.js';
import { humanSize } from '../util/format.js';
import { digestOf, hexOf } from '../kernel/digest.js';
import { hashFile, writeFileAtomic } from '../util/fs.js';
import { forgetMemo, hashMemo, pruneMemos, stampOf, type HashMemo } from './hash-memo.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Exactly the four facts an index entry holds, whatever else the object carries. */
const factsOf = ({ digest, size, diffId, uncompressedSize }: LayerFacts): LayerFacts => ({
  digest,
  size,
  diffId,
  uncompressedSize,
});

function readFacts(text: string): LayerFacts | undefined {
  let e: Partial<LayerFacts>;
  try {
    e = JSON.parse(text) as Partial<LayerFacts>;
  } catch {
    return undefined; // a damaged index entry is a miss, never an error
  }
  const ok =
    DIGEST.test(String(e.digest)) &&
    DIGEST.test(String(e.diffId)) &&
    Number.isSafeInteger(e.size) &&
    Number.isSafeInteger(e.uncompressedSize);
  return ok ? factsOf(e as LayerFacts) : undefined;
}

/** How big the store may grow, and how recently used a blob must not be to go (another job may be reading it). */
export interface StoreLimits {
  maxBytes: number;
  minAgeMs: number;
}

/** The default: a self-hosted runner's tool cache keeps 2 GiB of layers; nothing used in the last hour goes. */
export const DEFAULT_LIMITS: StoreLimits = { maxBytes: 2 * 1024 ** 3, minAgeMs: 60 * 60 * 1000 };

/** What a prune did, for the log. */
export interface PruneResult {
  removed: number;
  freed: number;
  kept: number;
  keptBytes: number;
  /** Partial files of writes that never finished (a cancelled or killed job), removed once older than minAgeMs. */
  strays: number;
  strayBytes: number;
}

/** The log lines after a prune, empty when it removed nothing: they state the policy the store applied, from its limits. */
export function describePrune(r: PruneResult, limits: StoreLimits): string {
  const minutes = Math.round(limits.minAgeMs / 60_000);
  const lines: string[] = [];
  if (r.removed > 0) {
    lines.push(
      `layer store: removed ${r.removed} least recently used layers (${humanSize(r.freed)}) to stay under ${humanSize(limits.maxBytes)}; ` +
        `kept ${r.kept} (${humanSize(r.keptBytes)}); nothing used in the last ${minutes} min is removed`,
    );
  }
  if (r.strays > 0) {
    lines.push(
      `layer store: removed ${r.strays} unfinished writes left by stopped jobs (${humanSize(r.strayBytes)}), untouched for over ${minutes} min`,
    );
  }
  return lines.join('\n');
}

/** A blob's identity and last write (the hash memo's exact stamp): a proof holds only while the blob is unchanged. */
const blobStamp = async (path: string) => (await stampOf(path))?.exact;

/** Paths of the entries of `sub` (under `dir`) whose name passes `keep`; none when `sub` does not exist. */
async function listed(dir: string, sub: string, keep: (name: string) => boolean): Promise<string[]> {
  return (await readdir(join(dir, sub)).catch(() => [] as string[])).filter(keep).map((n) => join(dir, sub, n));
}

/** Leftovers of writes that never committed: `tmp-*` layer files, and `*.tmp` index entries and hash memos. */
async function removeStrays(dir: string, olderThan: number, result: PruneResult): Promise<void> {
  const isTmp = (n: string) => n.endsWith('.tmp');
  const candidates = [
    ...(await listed(dir, '.', (n) => n.startsWith('tmp-'))),
    ...(await listed(dir, 'recipes', isTmp)),
    ...(await listed(dir, 'hashes', isTmp)),
    ...(await listed(dir, 'proofs', isTmp)),
  ];
  for (const path of candidates) {
    const st = await stat(path).catch(() => undefined);
    if (!st?.isFile() || st.mtimeMs >= olderThan) continue; // still being written, or not ours
    await rm(path, { force: true });
    result.strays++;
    result.strayBytes += st.size;
  }
}

/** Points in a prune where a test can act, as another job would: after the blobs were listed, before any goes. */
export interface PruneHooks {
  listed?: () => Promise<void>;
}

/** The disk store also prunes itself, least recently used first; only main.ts calls that, once the step is done. */
export interface DiskLayerStore extends LayerStore {
  readonly limits: StoreLimits;
  /** Whether this process stored a layer: only then can the store have outgrown its limits, so only then is prune worth its time. */
  readonly grew: boolean;
  /** sha256 of any file (the binaries), remembered in this store like its own blobs' (hash-memo.ts). */
  readonly hashFile: HashMemo;
  prune(now?: number, hooks?: PruneHooks): Promise<PruneResult>;
}

/**
 * Compressed layers on disk: `blobs/<hex>` by digest and `recipes/<hex>.json` giving the blob and diff_id for a
 * recipe key. A hit's blob must hash to its digest, so a damaged entry is rebuilt rather than published; the hash
 * is remembered by the blob's stamps (`hashes/`), and any write to the blob changes them. A hit also touches
 * `used/<hex>`, which prune() orders by: touching the blob itself would change its stamps and void the memo.
 * `proofs/<key hex>.json` records that the blob, at its stamps, holds the recipe: written when this store built it
 * or when a hit was unpacked and compared with its recipe (layer.ts), so a recipe pointing elsewhere is caught.
 */
export function diskLayerStore(dir: string, limits: StoreLimits = DEFAULT_LIMITS): DiskLayerStore {
  return new DiskStore(dir, limits);
}

class DiskStore implements DiskLayerStore {
  readonly hashFile: HashMemo;
  private stored = false;

  constructor(
    private readonly dir: string,
    readonly limits: StoreLimits,
  ) {
    this.hashFile = hashMemo(this.hashes, hashFile);
  }

  get grew(): boolean {
    return this.stored;
  }

  private get hashes(): string {
    return join(this.dir, 'hashes');
  }
  private blob(digest: string): string {
    return join(this.dir, 'blobs', hexOf(digest));
  }
  private used(hex: string): string {
    return join(this.dir, 'used', hex);
  }
  private index(key: string): string {
    return join(this.dir, 'recipes', `${hexOf(key)}.json`);
  }
  private proof(key: string): string {
    return join(this.dir, 'proofs', `${hexOf(key)}.json`);
  }

  private async prove(key: string, layer: StoredLayer): Promise<void> {
    const stamp = await blobStamp(layer.path);
    if (!stamp) return;
    await mkdir(join(this.dir, 'proofs'), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.proof(key), JSON.stringify({ digest: layer.digest, stamp }));
  }

  async lookup(key: string): Promise<StoredLayer | undefined> {
    const entry = await readFile(this.index(key), 'utf8').then(readFacts, () => undefined);
    if (!entry) return undefined;
    // The marker is touched before the blob is looked at: a prune in another job either sees it fresh and keeps
    // the blob, or has taken the blob already, and then the stat below finds nothing and this is a miss.
    const marker = this.used(hexOf(entry.digest));
    const now = new Date();
    await utimes(marker, now, now)
      .catch(() => mkdir(join(this.dir, 'used'), { recursive: true, mode: 0o700 }).then(() => writeFile(marker, '')))
      .catch(() => undefined);
    const path = this.blob(entry.digest);
    const st = await stat(path).catch(() => undefined);
    if (!st || st.size !== entry.size) return undefined;
    if (digestOf(await this.hashFile(path)) !== entry.digest) return undefined;
    const proved = await readFile(this.proof(key), 'utf8')
      .then((t) => JSON.parse(t) as { digest?: unknown; stamp?: unknown })
      .catch(() => undefined);
    const proven = proved?.digest === entry.digest && proved.stamp === (await blobStamp(path));
    return { ...entry, path, proven };
  }

  /** Records a hit's proof; an unwritten proof costs a check next time. */
  proved(key: string, layer: StoredLayer): Promise<void> {
    return this.prove(key, layer).catch(() => undefined);
  }

  async prune(now = Date.now(), hooks: PruneHooks = {}): Promise<PruneResult> {
    const result: PruneResult = { removed: 0, freed: 0, kept: 0, keptBytes: 0, strays: 0, strayBytes: 0 };
    await removeStrays(this.dir, now - this.limits.minAgeMs, result);
    const blobs = await this.listBlobs();
    await hooks.listed?.();
    let total = blobs.reduce((n, b) => n + b.size, 0);
    for (const b of blobs) {
      if (total > this.limits.maxBytes && b.used < now - this.limits.minAgeMs && (await this.take(b.name, now))) {
        await rm(this.used(b.name), { force: true });
        await forgetMemo(this.hashes, join(this.dir, 'blobs', b.name));
        total -= b.size;
        result.removed++;
        result.freed += b.size;
      } else {
        result.kept++;
        result.keptBytes += b.size;
      }
    }
    if (result.removed > 0) await this.dropOrphanRecipes();
    await pruneMemos(this.hashes, now - this.limits.minAgeMs);
    return result;
  }

  /** The blobs, least recently used first (by their use marker, else their own mtime). */
  private async listBlobs(): Promise<Array<{ name: string; size: number; used: number }>> {
    const names = await readdir(join(this.dir, 'blobs')).catch(() => [] as string[]);
    const blobs = await Promise.all(
      names.map(async (name) => {
        const st = await stat(join(this.dir, 'blobs', name)).catch(() => undefined);
        const mark = await stat(this.used(name)).catch(() => undefined);
        return st ? { name, size: st.size, used: Math.max(st.mtimeMs, mark?.mtimeMs ?? 0) } : undefined;
      }),
    );
    return blobs.filter((b) => b !== undefined).sort((a, b) => a.used - b.used || a.name.localeCompare(b.name));
  }

  /**
   * Removes a blob unless a lookup marked it in use after the listing: the blob is moved aside first, so a lookup
   * that marks it from now on finds it gone (a miss), and then the marker decides whether it goes or comes back.
   */
  private async take(name: string, at: number): Promise<boolean> {
    const aside = join(this.dir, `tmp-prune-${process.pid}-${randomBytes(6).toString('hex')}`);
    const moved = await rename(join(this.dir, 'blobs', name), aside).then(
      () => true,
      () => false,
    );
    if (!moved) return false;
    const mark = await stat(this.used(name)).catch(() => undefined);
    if (mark && mark.mtimeMs >= at - this.limits.minAgeMs) {
      await rename(aside, join(this.dir, 'blobs', name));
      return false;
    }
    await rm(aside, { force: true });
    return true;
  }

  /** Recipes whose blob is gone would only cost a failed lookup; they go, with their proofs. */
  private async dropOrphanRecipes(): Promise<void> {
    for (const r of await readdir(join(this.dir, 'recipes')).catch(() => [] as string[])) {
      const entry = await readFile(join(this.dir, 'recipes', r), 'utf8').then(readFacts, () => undefined);
      if (!entry || !(await stat(this.blob(entry.digest)).catch(() => undefined))) {
        await rm(join(this.dir, 'recipes', r), { force: true });
        await rm(join(this.dir, 'proofs', r), { force: true });
      }
    }
  }

  async create(): Promise<LayerSink> {
    await mkdir(join(this.dir, 'blobs'), { recursive: true, mode: 0o700 });
    await mkdir(join(this.dir, 'recipes'), { recursive: true, mode: 0o700 });
    const tmp = join(this.dir, `tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    const fh = await open(tmp, 'w');
    let closed = false;
    const close = async () => {
      if (!closed) await fh.close();
      closed = true;
    };
    return {
      write: async (bytes) => {
        await fh.write(bytes);
      },
      commit: async (key, facts) => {
        await close();
        await rename(tmp, this.blob(facts.digest));
        this.stored = true;
        const stored = { ...facts, path: this.blob(facts.digest), proven: true };
        await this.prove(key, stored);
        await writeFileAtomic(this.index(key), JSON.stringify(factsOf(facts)));
        return stored;
      },
      abort: async () => {
        await close().catch(() => undefined);
        await rm(tmp, { force: true });
      },
    };
  }
}

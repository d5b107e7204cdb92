import { VerifyError } from '../../../kernel/errors.js';
import { createHash } from 'node:crypto';

/** A signed tree head: the log's size and its root hash (RFC 6962 section 2.1). */
export interface TreeHead {
  size: number;
  hash: Buffer;
}

/** Reads one tile by its path, e.g. tile/8/0/x123/456.p/17 (https://research.swtch.com/tlog#tiling_a_log). */
export type TileReader = (path: string) => Promise<Buffer>;

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** A leaf's hash: SHA-256(0x00 || record). */
export const recordHash = (data: Buffer): Buffer => sha256(Buffer.of(0), data);
/** An interior node's hash: SHA-256(0x01 || left || right). */
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(Buffer.of(1), left, right);

/** The path of tile (height h, level, n, width), as golang.org/x/mod/sumdb/tlog Tile.Path writes it. */
export function tilePath(h: number, level: number, n: number, width: number): string {
  let rest = Math.floor(n / 1000);
  let path = String(n % 1000).padStart(3, '0');
  for (; rest > 0; rest = Math.floor(rest / 1000)) path = `x${String(rest % 1000).padStart(3, '0')}/${path}`;
  return `tile/${h}/${level}/${path}${width === 2 ** h ? '' : `.p/${width}`}`;
}

/**
 * Proves that record `id`, whose text is `data`, is in the tree the signed head describes: the root is recomputed
 * from the record's own hash and the hashes of its siblings read from tiles, so a tile or record that lies changes the
 * root. Throws when the root differs. Tiles have height `h` (8 for sum.golang.org).
 */
export async function checkRecord(
  { id, data }: { id: number; data: Buffer },
  tree: TreeHead,
  read: TileReader,
  h = 8,
): Promise<void> {
  if (!Number.isSafeInteger(id) || id < 0 || id >= tree.size)
    throw new VerifyError(`record ${id} is outside the signed tree of ${tree.size} records`);
  const tiles = new Map<string, Promise<Buffer>>();
  const tile = (path: string, width: number) => {
    let t = tiles.get(path);
    if (!t) {
      t = read(path).then((b) => {
        if (b.length < width * 32) throw new VerifyError(`tile ${path} has ${b.length} bytes, expected ${width * 32}`);
        return b;
      });
      tiles.set(path, t);
    }
    return t;
  };
  // The hash of the complete subtree at `level` (2^level leaves) with index i, from the tile that stores its leaves.
  const stored = async (level: number, i: number): Promise<Buffer> => {
    const tileLevel = Math.floor(level / h);
    const up = level - tileLevel * h;
    const first = i * 2 ** up;
    const n = Math.floor(first / 2 ** h);
    const width = Math.min(2 ** h, Math.floor(tree.size / 2 ** (h * tileLevel)) - n * 2 ** h);
    const data = await tile(tilePath(h, tileLevel, n, width), width);
    let hashes: Buffer[] = [];
    const start = first - n * 2 ** h;
    for (let j = 0; j < 2 ** up; j++) hashes.push(data.subarray((start + j) * 32, (start + j + 1) * 32));
    while (hashes.length > 1) hashes = hashes.flatMap((x, j) => (j % 2 === 0 ? [nodeHash(x, hashes[j + 1])] : []));
    return hashes[0];
  };
  const leaf = recordHash(data);
  const subtree = async (level: number, i: number): Promise<Buffer> => {
    const lo = i * 2 ** level;
    if (id < lo || id >= lo + 2 ** level) return stored(level, i);
    if (level === 0) return leaf;
    const [l, r] = await Promise.all([subtree(level - 1, 2 * i), subtree(level - 1, 2 * i + 1)]);
    return nodeHash(l, r);
  };
  // The tree of `size` leaves is its complete subtrees, largest first, folded from the right (RFC 6962 MTH).
  const parts: Promise<Buffer>[] = [];
  for (let level = 52, pos = 0; level >= 0; level--) {
    if (Math.floor(tree.size / 2 ** level) % 2 === 1) {
      parts.push(subtree(level, pos / 2 ** level));
      pos += 2 ** level;
    }
  }
  const hashes = await Promise.all(parts);
  const root = hashes.reduceRight((acc, x) => nodeHash(x, acc));
  if (!root.equals(tree.hash)) throw new VerifyError(`record ${id} is not in the signed tree: the root hashes differ`);
}

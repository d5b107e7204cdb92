import { describe, expect, test } from '@jest/globals';
import { linkSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashMemo } from '../src/layer/hash-memo.js';
import { hashFile } from '../src/util/fs.js';

/** A memo whose reads are counted: a hit must not read the file. */
function counted(dir: string) {
  const reads: string[] = [];
  const memo = hashMemo(join(dir, 'hashes'), (path) => (reads.push(path), hashFile(path)));
  return { memo, reads };
}

const past = (ms: number) => (Date.now() - ms) / 1000;

describe('hash memo (unchanged files are not read again)', () => {
  test('remembers a settled file, never one written within the last tick, and misses on any write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-memo-'));
    const file = join(dir, 'blob');
    writeFileSync(file, 'first content');
    const { memo, reads } = counted(dir);
    const first = await memo(file);
    expect(first).toBe(await hashFile(file));
    // Written just now: a second write in the same clock tick would keep the stamp, so nothing was remembered.
    await memo(file);
    expect(reads).toHaveLength(2);
    utimesSync(file, past(60_000), past(60_000));
    await memo(file);
    expect(await memo(file)).toBe(first);
    expect(reads).toHaveLength(3);
    // A hard link (as the OCI layout makes) changes ctime, not content: still a hit.
    linkSync(file, join(dir, 'linked'));
    expect(await memo(file)).toBe(first);
    expect(reads).toHaveLength(3);
    // Same size, new bytes: the write moves mtime, so the file is read again.
    writeFileSync(file, 'other content');
    const second = await memo(file);
    expect(reads).toHaveLength(4);
    expect(second).toBe(await hashFile(file));
    expect(second).not.toBe(first);
    // A memo that is not JSON, or names another path, is a miss rather than an error.
    utimesSync(file, past(60_000), past(60_000));
    await memo(file);
    const [name] = readdirSync(join(dir, 'hashes'));
    writeFileSync(join(dir, 'hashes', name), '{"path":');
    expect(await memo(file)).toBe(second);
    writeFileSync(
      join(dir, 'hashes', name),
      JSON.stringify({ path: '/elsewhere', stamp: 'x', sha256: 'a'.repeat(64) }),
    );
    expect(await memo(file)).toBe(second);
    expect(reads).toHaveLength(7);
  });

  test('with a Go build ID as identity, a touch is still a hit and another ID is a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-memo-id-'));
    const file = join(dir, 'app');
    writeFileSync(file, 'a linked binary');
    const { memo, reads } = counted(dir);
    const sha = await memo(file, 'act/content');
    // go build touches an up-to-date binary on every run; the build ID, not the time, says it is the same binary.
    utimesSync(file, new Date(), new Date());
    expect(await memo(file, 'act/content')).toBe(sha);
    expect(reads).toHaveLength(1);
    writeFileSync(file, 'relinked binary');
    expect(await memo(file, 'act2/content2')).toBe(await hashFile(file));
    expect(reads).toHaveLength(2);
  });
});

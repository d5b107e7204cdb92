import { asError, VerifyError } from '../../kernel/errors.js';
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
/** A central directory this large is not a module's (a Go toolchain's is about 1.5 MB). */
const MAX_CENTRAL = 64 * 1024 * 1024;

/** Where the central directory lies, and how many entries the end record says it holds. */
interface Layout {
  offset: number;
  size: number;
  entries: number;
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  if (bytesRead !== length) throw new VerifyError('the zip is truncated');
  return buf;
}

/** The end of central directory record, found as the one whose comment ends the file exactly (APPNOTE 4.3.16). */
async function endRecord(fh: FileHandle, fileSize: number): Promise<{ at: number; rec: Buffer }> {
  const tailSize = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(fh, fileSize - tailSize, tailSize);
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tailSize)
      return { at: fileSize - tailSize + i, rec: tail.subarray(i, i + 22) };
  }
  throw new VerifyError('the zip has no end of central directory record');
}

/** The central directory's place and count, from the end record or its ZIP64 form (APPNOTE 4.3.14, 4.3.15). */
async function layoutOf(fh: FileHandle, fileSize: number): Promise<Layout & { end: number }> {
  const { at, rec } = await endRecord(fh, fileSize);
  if (rec.readUInt16LE(4) !== 0 || rec.readUInt16LE(6) !== 0 || rec.readUInt16LE(8) !== rec.readUInt16LE(10))
    throw new VerifyError('the zip spans several disks');
  const small = { entries: rec.readUInt16LE(10), size: rec.readUInt32LE(12), offset: rec.readUInt32LE(16) };
  if (small.entries !== 0xffff && small.size !== 0xffffffff && small.offset !== 0xffffffff)
    return { ...small, end: at };
  const locator = await readAt(fh, at - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new VerifyError('the zip has no ZIP64 end record locator');
  const recAt = Number(locator.readBigUInt64LE(8));
  const rec64 = await readAt(fh, recAt, 56);
  if (rec64.readUInt32LE(0) !== ZIP64_EOCD || recAt + 12 + Number(rec64.readBigUInt64LE(4)) !== at - 20)
    throw new VerifyError('the zip has a bad ZIP64 end record');
  const num = (o: number) => Number(rec64.readBigUInt64LE(o));
  return { entries: num(32), size: num(40), offset: num(48), end: recAt };
}

/**
 * Refuses a zip whose central directory does not end exactly where its end record begins, or holds another number
 * of headers than the record says. Readers that disagree on either (yauzl counts, unzip walks every header and checks
 * the count modulo 65536) would see different files; here, every reader sees the same ones.
 */
export async function checkZipLayout(path: string): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const l = await layoutOf(fh, fileSize);
    if (l.offset + l.size !== l.end)
      throw new VerifyError(
        `the zip's central directory ends at byte ${l.offset + l.size}, not at its end record (${l.end})`,
      );
    if (l.size > MAX_CENTRAL) throw new VerifyError(`the zip's central directory has ${l.size} bytes`);
    const cd = await readAt(fh, l.offset, l.size);
    let count = 0;
    let at = 0;
    while (at < cd.length) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL)
        throw new VerifyError(
          `the zip's central directory has something else than a file header at byte ${l.offset + at}`,
        );
      at += 46 + cd.readUInt16LE(at + 28) + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
      count++;
    }
    if (at !== cd.length || count !== l.entries)
      throw new VerifyError(
        `the zip's central directory holds ${count} file headers, but its end record says ${l.entries}`,
      );
    return count;
  } finally {
    await fh.close();
  }
}

/** Where each file of a module zip goes, and with which mode; undefined keeps only the hash. */
export interface ExtractTo {
  dir: string;
  /** Every name must start with this (`golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64/`). */
  prefix: string;
  /** Whether a file (its name below the prefix) is executable: 0755, else 0644. */
  executable: (rel: string) => boolean;
}

/** A Unix mode from a central header, when the zip was made on Unix (APPNOTE 4.4.2, 4.4.15). */
function unixType(entry: Entry): number | undefined {
  return entry.versionMadeBy >> 8 === 3 ? (entry.externalFileAttributes >>> 16) & 0o170000 : undefined;
}

/** Why an entry cannot be a module file, or undefined when it can. */
function refusal(entry: Entry, to: ExtractTo | undefined, seen: Set<string>): string | undefined {
  const name = entry.fileName;
  const type = unixType(entry);
  if (name.endsWith('/')) return `the zip has a directory entry, ${name}`;
  if (type !== undefined && type !== 0 && type !== 0o100000) return `${name} is not a regular file`;
  if (to && !name.startsWith(to.prefix)) return `${name} is outside ${to.prefix}`;
  if (name.includes('\n')) return `the zip has a file name with a newline: ${JSON.stringify(name)}`;
  // Module zips may not hold two names that differ only in case (golang.org/x/mod/zip, CheckZip).
  const folded = name.toLowerCase();
  if (seen.has(folded)) return `the zip has ${name} twice`;
  seen.add(folded);
  return undefined;
}

/** Streams one entry into the hash and, when extracting, into a new file that never follows a link. */
function takeEntry(zip: ZipFile, entry: Entry, to: ExtractTo | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        reject(err);
        return;
      }
      void (async () => {
        const h = createHash('sha256');
        let fh: FileHandle | undefined;
        try {
          if (to) {
            const rel = entry.fileName.slice(to.prefix.length);
            const file = join(to.dir, rel);
            await mkdir(dirname(file), { recursive: true, mode: 0o755 });
            const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
            const mode = to.executable(rel) ? 0o755 : 0o644;
            fh = await open(file, flags, mode);
            await fh.chmod(mode); // the umask may have taken bits the go command sets
          }
          for await (const chunk of stream) {
            h.update(chunk as Buffer);
            if (fh) await fh.write(chunk as Buffer);
          }
          resolve(h.digest('hex'));
        } catch (e) {
          stream.destroy();
          reject(asError(e));
        } finally {
          await fh?.close();
        }
      })();
    });
  });
}

/**
 * The `h1:` hash of a module zip (dirhash.Hash1 over its file names and contents, as dirhash.HashZip computes it,
 * https://pkg.go.dev/golang.org/x/mod/sumdb/dirhash) and, with `to`, its files written in the same pass: what lands
 * on disk is exactly what was hashed, regular files only, under the prefix, with fixed modes. The layout is checked
 * first (checkZipLayout); yauzl refuses names that escape the archive and checks sizes.
 */
export async function readModuleZip(path: string, to?: ExtractTo): Promise<string> {
  await checkZipLayout(path);
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err) {
        reject(err);
        return;
      }
      const files: { name: string; sum: string }[] = [];
      const seen = new Set<string>();
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', fail);
      zip.on('entry', (entry: Entry) => {
        const why = refusal(entry, to, seen);
        if (why) {
          fail(new VerifyError(why));
          return;
        }
        takeEntry(zip, entry, to).then((sum) => {
          files.push({ name: entry.fileName, sum });
          zip.readEntry();
        }, fail);
      });
      zip.on('end', () => {
        try {
          resolve(summarize(files));
        } catch (e) {
          reject(asError(e));
        }
      });
      zip.readEntry();
    });
  });
}

/** The `h1:` hash alone. */
export const hashModuleZip = (path: string): Promise<string> => readModuleZip(path);

/** Hash1: SHA-256 over "<sha256 hex>  <name>\n" for each file in byte order of the names. */
export function summarize(files: { name: string; sum: string }[]): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const h = createHash('sha256');
  for (let i = 0; i < sorted.length; i++) {
    const { name, sum } = sorted[i];
    if (name.includes('\n')) throw new VerifyError(`the zip has a file name with a newline: ${JSON.stringify(name)}`);
    if (i > 0 && sorted[i - 1].name === name) throw new VerifyError(`the zip has ${name} twice`);
    h.update(`${sum}  ${name}\n`);
  }
  return `h1:${h.digest('base64')}`;
}

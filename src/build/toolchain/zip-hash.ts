import { createHash } from 'node:crypto';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';

/**
 * The `h1:` hash of a module zip: dirhash.Hash1 over the zip's file names and contents, as dirhash.HashZip computes it
 * (https://pkg.go.dev/golang.org/x/mod/sumdb/dirhash). yauzl refuses names that escape the archive and checks sizes.
 */
export function hashModuleZip(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    openZip(path, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files: { name: string; sum: string }[] = [];
      const fail = (e: Error) => {
        zip.close();
        reject(e);
      };
      zip.on('error', fail);
      zip.on('entry', (entry: Entry) => hashEntry(zip, entry, files).then(() => zip.readEntry(), fail));
      zip.on('end', () => {
        try {
          resolve(summarize(files));
        } catch (e) {
          reject(e as Error);
        }
      });
      zip.readEntry();
    });
  });
}

function hashEntry(zip: ZipFile, entry: Entry, files: { name: string; sum: string }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const h = createHash('sha256');
      stream.on('data', (c: Buffer) => h.update(c));
      stream.on('error', reject);
      stream.on('end', () => {
        files.push({ name: entry.fileName, sum: h.digest('hex') });
        resolve();
      });
    });
  });
}

/** Hash1: SHA-256 over "<sha256 hex>  <name>\n" for each file in byte order of the names. */
export function summarize(files: { name: string; sum: string }[]): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const h = createHash('sha256');
  for (let i = 0; i < sorted.length; i++) {
    const { name, sum } = sorted[i];
    if (name.includes('\n')) throw new Error(`the zip has a file name with a newline: ${JSON.stringify(name)}`);
    if (i > 0 && sorted[i - 1].name === name) throw new Error(`the zip has ${name} twice`);
    h.update(`${sum}  ${name}\n`);
  }
  return `h1:${h.digest('base64')}`;
}

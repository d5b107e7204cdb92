import { InputError } from '../kernel/errors.js';
import type { FileRef, TarEntry } from '../kernel/tar-entry.js';

/** A file the user asked for through the `files` input, already read. */
export interface ExtraFile {
  /** Absolute path in the image. */
  dest: string;
  /** The `files` source as written, for messages. */
  source: string;
  data: Uint8Array;
  mode: number;
}

/** Everything that goes into the one layer of an image. */
export interface RootfsSpec {
  /** Absolute path of the binary in the image (the Entrypoint). */
  binaryPath: string;
  /** The built binary, streamed from disk into the layer. */
  binary: FileRef;
  caBundle?: Uint8Array | undefined;
  /** Entries relative to `/`, e.g. `usr/share/zoneinfo/UTC`. */
  zoneinfo?: TarEntry[] | undefined;
  /** Loader and shared libraries (linkage: gather). */
  libraries?: TarEntry[] | undefined;
  extraFiles: ExtraFile[];
  /** The config's WorkingDir, which the layer holds as a directory, as Dockerfile WORKDIR makes it. */
  workdir?: string | undefined;
}

/** Where the image holds the CA bundle: the first path Go's crypto/x509 reads (root_linux.go, certFiles). */
export const CA_BUNDLE_PATH = '/etc/ssl/certs/ca-certificates.crt';

/** Distroless-style accounts (GoogleContainerTools/distroless, base/base.bzl): root, nonroot (65532) and nobody, so `os/user` lookups work. */
export const PASSWD = [
  'root:x:0:0:root:/root:/sbin/nologin',
  'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin',
  'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin',
  '',
].join('\n');
/** Groups matching PASSWD. */
export const GROUP = ['root:x:0:', 'nobody:x:65534:', 'nonroot:x:65532:', ''].join('\n');

const enc = new TextEncoder();
const rel = (abs: string) => abs.replace(/^\/+/, '');

/**
 * Lists the layer's entries. Generated files (/etc/passwd, the CA bundle) yield to a user file at the same path;
 * a user file that lands on the binary or on a directory the layer needs is an InputError of the files input.
 */
export function rootfsEntries(spec: RootfsSpec): TarEntry[] {
  const generated: TarEntry[] = [
    { path: 'etc/passwd', type: 'file', mode: 0o644, data: enc.encode(PASSWD) },
    { path: 'etc/group', type: 'file', mode: 0o644, data: enc.encode(GROUP) },
    { path: 'home/nonroot', type: 'dir', mode: 0o700, uid: 65532, gid: 65532 },
    { path: 'tmp', type: 'dir', mode: 0o1777 },
  ];
  if (spec.caBundle) generated.push({ path: rel(CA_BUNDLE_PATH), type: 'file', mode: 0o644, data: spec.caBundle });
  generated.push(...(spec.zoneinfo ?? []), ...(spec.libraries ?? []));
  const workdir = rel(spec.workdir ?? '');
  if (workdir && !generated.some((e) => e.path === workdir))
    generated.push({ path: workdir, type: 'dir', mode: 0o755 });
  const fixed = new Map<string, TarEntry>();
  fixed.set(rel(spec.binaryPath), { path: rel(spec.binaryPath), type: 'file', mode: 0o755, file: spec.binary });
  const byPath = new Map<string, TarEntry>();
  for (const e of generated) byPath.set(e.path, e);
  for (const f of spec.extraFiles) {
    const path = rel(f.dest);
    const clash = fixed.get(path) ?? (byPath.get(path)?.type === 'dir' ? byPath.get(path) : undefined);
    if (clash)
      throw new InputError(
        `input "files": file ${f.dest} would replace ${clash.type === 'dir' ? 'a directory' : 'the binary'} in the image`,
      );
    fixed.set(path, { path, type: 'file', mode: f.mode, data: f.data });
    byPath.delete(path);
  }
  for (const [path, e] of fixed) byPath.set(path, e);
  // Every entry's parents must be directories: a file at /etc would come before etc/passwd, which no runtime can
  // then extract. Checked against every entry of the layer, generated ones and gathered libraries included.
  for (const path of byPath.keys()) {
    for (let cut = path.indexOf('/'); cut > 0; cut = path.indexOf('/', cut + 1)) {
      const parent = byPath.get(path.slice(0, cut));
      if (parent && parent.type !== 'dir') {
        throw new InputError(
          `input "files": /${path} would sit under the file /${parent.path}, which the image needs as a directory`,
        );
      }
    }
  }
  return [...byPath.values()];
}

/** Package URLs (https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst). */

const seg = (s: string) => encodeURIComponent(s).replace(/%2B/g, '+');

/** pkg:golang/<namespace>/<name>@<version>; the namespace lowercased, as the purl types document says for golang. */
export function golangPurl(path: string, version: string): string {
  const parts = path.split('/');
  const name = parts.pop() as string;
  const ns = parts.map((p) => seg(p.toLowerCase()));
  return `pkg:golang/${[...ns, seg(name)].join('/')}@${seg(version)}`;
}

/** pkg:oci/<name>@<digest>?arch=…&repository_url=…, the image as the oci purl type names it. */
export function ociPurl(repository: string | undefined, name: string, digest: string, arch: string): string {
  const q = [`arch=${seg(arch)}`, ...(repository ? [`repository_url=${seg(repository).replace(/%2F/g, '/')}`] : [])];
  return `pkg:oci/${seg(name)}@${seg(digest)}?${q.join('&')}`;
}

/** pkg:deb/debian/<name>@<version>?arch=…, a Debian package. */
export function debPurl(name: string, version: string, arch: string): string {
  return `pkg:deb/debian/${seg(name)}@${seg(version)}?arch=${seg(arch)}`;
}

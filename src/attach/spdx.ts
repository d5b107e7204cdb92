import { createHash } from 'node:crypto';
import type { GoBuildInfo } from '../kernel/elf/buildinfo.js';
import { hexOf } from '../kernel/digest.js';
import type { DebPackage } from './dpkg.js';
import { debPurl, golangPurl, ociPurl } from './purl.js';

/** A file the image holds, with the checksums SPDX asks of files (SHA1 is mandatory in SPDX 2.3). */
export interface SbomFile {
  /** Absolute path in the image. */
  path: string;
  sha1: string;
  sha256: string;
  /** What it is: the binary, a gathered library, the CA bundle, another file. */
  kind: 'binary' | 'library' | 'ca-bundle' | 'file';
  /** The Debian package that installed it on the runner or in the sysroot, when dpkg knows. */
  package?: DebPackage | undefined;
}

/** Everything one image's SBOM states, gathered by the pipeline. */
export interface SbomFacts {
  /** RFC 3339, from the epoch, so the document is byte-reproducible. */
  created: string;
  image: { repository?: string | undefined; name: string; digest: string; arch: string };
  /** The entrypoint, as a package: SPDX files need a SHA1, and the binary's sha256 is already known. */
  binary: { path: string; sha256: string; go?: GoBuildInfo | null | undefined; source: string };
  files: SbomFile[];
  /** The zoneinfo tree, as one package rather than two thousand files, when the image has it (tzdata, when known). */
  zoneinfo?: DebPackage | true | undefined;
}

export const SPDX_MEDIA_TYPE = 'application/spdx+json';

/** Build settings the SBOM records as annotations of the binary (the ones that decide what the binary is). */
const RECORDED = /^(GOOS|GOARCH|GOARM|GOAMD64|GOARM64|CGO_ENABLED|-trimpath|-buildmode|-tags|vcs\.revision|vcs\.time)$/;

const ref = (prefix: string, i: number) => `SPDXRef-${prefix}-${i}`;
const purlRef = (locator: string) => [
  { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: locator },
];

function spdxFile(f: SbomFile, id: string) {
  return {
    fileName: `.${f.path}`,
    SPDXID: id,
    checksums: [
      { algorithm: 'SHA1', checksumValue: f.sha1 },
      { algorithm: 'SHA256', checksumValue: f.sha256 },
    ],
    fileTypes: [f.kind === 'binary' || f.kind === 'library' ? 'BINARY' : 'TEXT'],
  };
}

/** The document's growing lists: packages and relationships, in the order the SBOM lists them. */
interface Doc {
  packages: Record<string, unknown>[];
  relationships: Record<string, string>[];
  annotate: (comment: string) => Record<string, string>;
}

const relate = (doc: Doc, spdxElementId: string, relationshipType: string, relatedSpdxElement: string) =>
  doc.relationships.push({ spdxElementId, relationshipType, relatedSpdxElement });

/**
 * One image's SBOM, SPDX 2.3 JSON (https://spdx.github.io/spdx-spec/v2.3/): the image as the described package, its
 * files with their checksums, and for a Go binary its main module, every dependency and the standard library from its
 * build info. A module's h1: sum is a go.sum hash over the module's files, not a checksum of any file here, so it is an
 * annotation, not a checksum. The order is the build info's and the files', and the namespace is the image digest.
 */
export function spdxDocument(f: SbomFacts): Record<string, unknown> {
  const annotate = (comment: string) => ({
    annotationDate: f.created,
    annotationType: 'OTHER',
    annotator: 'Tool: scratchpack',
    comment,
  });
  const binary = binaryPackage(f);
  const files = f.files.map((x, i) => spdxFile(x, ref('File', i + 1)));
  const doc: Doc = { packages: [imagePackage(f, files), binary], relationships: [], annotate };
  relate(doc, 'SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-Image');
  for (const file of [binary, ...files]) relate(doc, 'SPDXRef-Image', 'CONTAINS', file.SPDXID as string);
  addFileOrigins(doc, f.files);
  if (f.binary.go) addGo(doc, binary, f.binary.go);
  if (f.zoneinfo) addZoneinfo(doc, f.zoneinfo);
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${f.image.repository ?? f.image.name}@${f.image.digest}`,
    documentNamespace: `https://scratchpack.dev/spdx/${hexOf(f.image.digest)}`,
    creationInfo: { created: f.created, creators: ['Tool: scratchpack'] },
    packages: doc.packages,
    files,
    relationships: doc.relationships,
  };
}

/** The entrypoint, as a package: SPDX files need a SHA1, and the binary's sha256 is already known. */
function binaryPackage(f: SbomFacts): Record<string, unknown> {
  return {
    name: f.binary.path.split('/').pop(),
    SPDXID: 'SPDXRef-Binary',
    packageFileName: f.binary.path,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'APPLICATION',
    checksums: [{ algorithm: 'SHA256', checksumValue: f.binary.sha256 }],
    comment: `from ${f.binary.source}`,
  };
}

/** The image package lists its files, so it is "analyzed" and carries their verification code (SPDX 2.3, 7.9). */
function imagePackage(f: SbomFacts, files: Array<{ SPDXID: string }>): Record<string, unknown> {
  const sha1s = f.files
    .map((x) => x.sha1)
    .sort()
    .join('');
  return {
    name: f.image.repository ?? f.image.name,
    SPDXID: 'SPDXRef-Image',
    versionInfo: f.image.digest,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: true,
    packageVerificationCode: { packageVerificationCodeValue: createHash('sha1').update(sha1s).digest('hex') },
    hasFiles: files.map((x) => x.SPDXID),
    primaryPackagePurpose: 'CONTAINER',
    externalRefs: purlRef(ociPurl(f.image.repository, f.image.name, f.image.digest, f.image.arch)),
  };
}

/** Each Debian package once, with what the image took from it (EXPANDED_FROM_ARCHIVE), and the libraries' links. */
function addFileOrigins(doc: Doc, files: SbomFile[]): void {
  const debs = new Map<string, string>();
  const debRef = (p: DebPackage) => {
    const key = `${p.name}:${p.arch}`;
    let id = debs.get(key);
    if (!id) {
      id = ref('Deb', debs.size + 1);
      debs.set(key, id);
      doc.packages.push({
        name: p.name,
        SPDXID: id,
        versionInfo: p.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'LIBRARY',
        externalRefs: purlRef(debPurl(p.name, p.version, p.arch)),
      });
      relate(doc, 'SPDXRef-Binary', 'DEPENDS_ON', id);
    }
    return id;
  };
  files.forEach((x, i) => {
    if (x.package) {
      const deb = debRef(x.package);
      relate(doc, ref('File', i + 1), 'EXPANDED_FROM_ARCHIVE', deb);
    }
    if (x.kind === 'library') relate(doc, 'SPDXRef-Binary', 'DEPENDS_ON', ref('File', i + 1));
  });
}

/** A Go binary's build settings (as annotations), its main module, every dependency and the standard library. */
function addGo(doc: Doc, binary: Record<string, unknown>, go: GoBuildInfo): void {
  const settings = Object.entries(go.settings).filter(([k]) => RECORDED.test(k));
  Object.assign(binary, { annotations: settings.map(([k, v]) => doc.annotate(`go build setting ${k}=${v}`)) });
  const modules = [
    ...(go.main && go.main.path ? [{ ...go.main, id: 'SPDXRef-Main', purpose: 'APPLICATION' }] : []),
    ...go.deps.map((d, i) => ({ ...d, id: ref('Module', i + 1), purpose: 'LIBRARY' })),
  ];
  for (const m of modules) {
    doc.packages.push({
      name: m.path,
      SPDXID: m.id,
      versionInfo: m.version,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: m.purpose,
      externalRefs: purlRef(golangPurl(m.path, m.version)),
      ...(m.sum
        ? { annotations: [doc.annotate(`go.sum module hash ${m.sum} (dirhash h1, not a file checksum)`)] }
        : {}),
    });
    relate(doc, 'SPDXRef-Binary', 'DEPENDS_ON', m.id);
  }
  doc.packages.push({
    name: 'stdlib',
    SPDXID: 'SPDXRef-Stdlib',
    versionInfo: go.version,
    downloadLocation: 'https://go.dev/dl/',
    filesAnalyzed: false,
    primaryPackagePurpose: 'LIBRARY',
    externalRefs: purlRef(`pkg:golang/stdlib@${go.version}`),
  });
  relate(doc, 'SPDXRef-Binary', 'DEPENDS_ON', 'SPDXRef-Stdlib');
}

/** The zoneinfo tree as one package (tzdata's, when dpkg knows it). */
function addZoneinfo(doc: Doc, zoneinfo: DebPackage | true): void {
  const tz = zoneinfo === true ? undefined : zoneinfo;
  doc.packages.push({
    name: tz?.name ?? 'zoneinfo',
    SPDXID: 'SPDXRef-Zoneinfo',
    ...(tz ? { versionInfo: tz.version, externalRefs: purlRef(debPurl(tz.name, tz.version, tz.arch)) } : {}),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'OTHER',
    comment: "the runner's /usr/share/zoneinfo, at /usr/share/zoneinfo",
  });
  relate(doc, 'SPDXRef-Image', 'CONTAINS', 'SPDXRef-Zoneinfo');
}

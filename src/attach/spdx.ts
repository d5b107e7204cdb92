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
  package?: DebPackage;
}

/** Everything one image's SBOM states, gathered by the pipeline. */
export interface SbomFacts {
  /** RFC 3339, from the epoch, so the document is byte-reproducible. */
  created: string;
  image: { repository?: string; name: string; digest: string; arch: string };
  /** The entrypoint, as a package: SPDX files need a SHA1, and the binary's sha256 is already known. */
  binary: { path: string; sha256: string; go?: GoBuildInfo | null; source: string };
  files: SbomFile[];
  /** The zoneinfo tree, as one package rather than two thousand files, when the image has it (tzdata, when known). */
  zoneinfo?: DebPackage | true;
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
  const binary: Record<string, unknown> = {
    name: f.binary.path.split('/').pop(),
    SPDXID: 'SPDXRef-Binary',
    packageFileName: f.binary.path,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose: 'APPLICATION',
    checksums: [{ algorithm: 'SHA256', checksumValue: f.binary.sha256 }],
    comment: `from ${f.binary.source}`,
  };
  const files = f.files.map((x, i) => spdxFile(x, ref('File', i + 1)));
  // The image package lists its files, so it is "analyzed" and carries their verification code (SPDX 2.3, 7.9).
  const verification = createHash('sha1')
    .update(
      f.files
        .map((x) => x.sha1)
        .sort()
        .join(''),
    )
    .digest('hex');
  const packages: Record<string, unknown>[] = [
    {
      name: f.image.repository ?? f.image.name,
      SPDXID: 'SPDXRef-Image',
      versionInfo: f.image.digest,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: true,
      packageVerificationCode: { packageVerificationCodeValue: verification },
      hasFiles: files.map((x) => x.SPDXID),
      primaryPackagePurpose: 'CONTAINER',
      externalRefs: purlRef(ociPurl(f.image.repository, f.image.name, f.image.digest, f.image.arch)),
    },
    binary,
  ];
  const relationships: Record<string, string>[] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Image' },
  ];
  for (const file of [binary, ...files])
    relationships.push({
      spdxElementId: 'SPDXRef-Image',
      relationshipType: 'CONTAINS',
      relatedSpdxElement: file.SPDXID as string,
    });
  // Each Debian package once, with what the image took from it (SPDX 2.3 relationship EXPANDED_FROM_ARCHIVE).
  const debs = new Map<string, string>();
  const debRef = (p: DebPackage) => {
    const key = `${p.name}:${p.arch}`;
    let id = debs.get(key);
    if (!id) {
      id = ref('Deb', debs.size + 1);
      debs.set(key, id);
      packages.push({
        name: p.name,
        SPDXID: id,
        versionInfo: p.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: 'LIBRARY',
        externalRefs: purlRef(debPurl(p.name, p.version, p.arch)),
      });
      relationships.push({ spdxElementId: 'SPDXRef-Binary', relationshipType: 'DEPENDS_ON', relatedSpdxElement: id });
    }
    return id;
  };
  f.files.forEach((x, i) => {
    if (x.package)
      relationships.push({
        spdxElementId: ref('File', i + 1),
        relationshipType: 'EXPANDED_FROM_ARCHIVE',
        relatedSpdxElement: debRef(x.package),
      });
    if (x.kind === 'library')
      relationships.push({
        spdxElementId: 'SPDXRef-Binary',
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: ref('File', i + 1),
      });
  });
  const go = f.binary.go;
  if (go) {
    const settings = Object.entries(go.settings).filter(([k]) => RECORDED.test(k));
    Object.assign(binary, { annotations: settings.map(([k, v]) => annotate(`go build setting ${k}=${v}`)) });
    const modules = [
      ...(go.main && go.main.path ? [{ ...go.main, id: 'SPDXRef-Main', purpose: 'APPLICATION' }] : []),
      ...go.deps.map((d, i) => ({ ...d, id: ref('Module', i + 1), purpose: 'LIBRARY' })),
    ];
    for (const m of modules) {
      packages.push({
        name: m.path,
        SPDXID: m.id,
        versionInfo: m.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: m.purpose,
        externalRefs: purlRef(golangPurl(m.path, m.version)),
        ...(m.sum ? { annotations: [annotate(`go.sum module hash ${m.sum} (dirhash h1, not a file checksum)`)] } : {}),
      });
      relationships.push({ spdxElementId: 'SPDXRef-Binary', relationshipType: 'DEPENDS_ON', relatedSpdxElement: m.id });
    }
    packages.push({
      name: 'stdlib',
      SPDXID: 'SPDXRef-Stdlib',
      versionInfo: go.version,
      downloadLocation: 'https://go.dev/dl/',
      filesAnalyzed: false,
      primaryPackagePurpose: 'LIBRARY',
      externalRefs: purlRef(`pkg:golang/stdlib@${go.version}`),
    });
    relationships.push({
      spdxElementId: 'SPDXRef-Binary',
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: 'SPDXRef-Stdlib',
    });
  }
  if (f.zoneinfo) {
    const tz = f.zoneinfo === true ? undefined : f.zoneinfo;
    packages.push({
      name: tz?.name ?? 'zoneinfo',
      SPDXID: 'SPDXRef-Zoneinfo',
      ...(tz ? { versionInfo: tz.version, externalRefs: purlRef(debPurl(tz.name, tz.version, tz.arch)) } : {}),
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'OTHER',
      comment: "the runner's /usr/share/zoneinfo, at /usr/share/zoneinfo",
    });
    relationships.push({
      spdxElementId: 'SPDXRef-Image',
      relationshipType: 'CONTAINS',
      relatedSpdxElement: 'SPDXRef-Zoneinfo',
    });
  }
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${f.image.repository ?? f.image.name}@${f.image.digest}`,
    documentNamespace: `https://scratchpack.dev/spdx/${hexOf(f.image.digest)}`,
    creationInfo: { created: f.created, creators: ['Tool: scratchpack'] },
    packages,
    files,
    relationships,
  };
}

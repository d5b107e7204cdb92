import type { ElfInfo } from '../elf/parse.js';

/** One platform's outcome, whether or not it produced an image. */
export interface PlatformReport {
  platform: string;
  status: 'ok' | 'build failed' | 'check failed' | 'not built';
  binary?: {
    /** Path in the image. */
    path: string;
    /** Path on the runner (in the `binaries` output directory). */
    file: string;
    size: number;
    sha256: string;
    linkage: ElfInfo['linkage'];
    interpreter: string | null;
    needed: string[];
    go: { version: string; settings: Record<string, string> } | null;
  };
  layer?: { digest: string; size: number };
  manifest?: { digest: string; size: number };
}

/** Everything the step reports, in one value, so outputs and summary cannot disagree. */
export interface Report {
  platforms: PlatformReport[];
  indexDigest?: string;
  ociLayout?: string;
  refs: string[];
  binariesDir?: string;
  phases: Array<{ name: string; ms: number }>;
  errors: string[];
  warnings: string[];
  epoch?: { value: number; source: string };
  goVersion?: string;
}

/** The `images` output entry for a platform: the public JSON contract. */
export function imageOutput(p: PlatformReport) {
  return {
    platform: p.platform,
    digest: p.manifest?.digest ?? null,
    size: p.manifest?.size ?? null,
    binary: p.binary
      ? { path: p.binary.path, size: p.binary.size, sha256: p.binary.sha256, linkage: p.binary.linkage, interpreter: p.binary.interpreter, needed: p.binary.needed }
      : null,
    layer: p.layer ?? null,
  };
}

/** All step outputs as strings, computed from the report alone. */
export function outputs(r: Report): Record<string, string> {
  const images = r.platforms.map(imageOutput);
  const metadata = { digest: r.indexDigest ?? null, images, 'oci-layout': r.ociLayout ?? null, binaries: r.binariesDir ?? null, refs: r.refs };
  return {
    digest: r.indexDigest ?? '',
    images: JSON.stringify(images),
    'oci-layout': r.ociLayout ?? '',
    binaries: r.binariesDir ?? '',
    metadata: JSON.stringify(metadata),
  };
}

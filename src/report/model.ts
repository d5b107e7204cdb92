import type { ElfInfo } from '../check/elf/parse.js';
import type { PushStats } from '../publish/publisher.js';

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
    /** linkage: gather — the sysroot, the loader and libraries (with sizes and sources), and every file added. */
    sysroot?: string;
    libraries?: Array<{ soname: string; path: string; source: string; size: number }>;
    gathered?: Array<{ path: string; type: string; linkname?: string; source: string; size: number }>;
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
  push?: { refs: string[]; stats: PushStats };
  /** `repo@digest` of the first tag: the index, or the one manifest when pushing by digest. */
  image?: string;
  /** Platform → manifest digest. */
  digests?: Record<string, string>;
  digestsDir?: string;
  /** Images whose layer came from the layer cache (nothing recompressed). */
  layersFromCache?: number;
  /** Matrix job: the `digest` output is the one platform manifest, not the index. */
  pushByDigest?: boolean;
}

/** The `images` output entry for a platform: the public JSON contract. */
export function imageOutput(p: PlatformReport) {
  return {
    platform: p.platform,
    digest: p.manifest?.digest ?? null,
    size: p.manifest?.size ?? null,
    binary: p.binary
      ? {
          path: p.binary.path,
          size: p.binary.size,
          sha256: p.binary.sha256,
          linkage: p.binary.linkage,
          interpreter: p.binary.interpreter,
          needed: p.binary.needed,
          ...(p.binary.libraries
            ? { sysroot: p.binary.sysroot, libraries: p.binary.libraries, gathered: p.binary.gathered }
            : {}),
        }
      : null,
    layer: p.layer ?? null,
  };
}

/** All step outputs as strings, computed from the report alone. */
export function outputs(r: Report): Record<string, string> {
  const images = r.platforms.map(imageOutput);
  const digest = r.pushByDigest && r.digests ? Object.values(r.digests)[0] : r.indexDigest;
  const metadata = {
    digest: digest ?? null,
    images,
    'oci-layout': r.ociLayout ?? null,
    binaries: r.binariesDir ?? null,
    refs: r.refs,
    image: r.image ?? null,
    digests: r.digests ?? null,
    push: r.push ?? null,
  };
  return {
    digest: digest ?? '',
    images: JSON.stringify(images),
    'oci-layout': r.ociLayout ?? '',
    binaries: r.binariesDir ?? '',
    metadata: JSON.stringify(metadata),
    image: r.image ?? '',
    digests: r.digests ? JSON.stringify(r.digests) : '',
  };
}

import type { Inspected } from '../check/inspect.js';
import type { LayerBlob } from '../kernel/oci.js';
import { buildLayer, type LayerIO } from './layer.js';
import { rootfsEntries, type ExtraFile } from '../plan/rootfs.js';
import type { TarEntry } from '../kernel/tar-entry.js';

/** What every image's layer holds besides its binary and libraries: the runner files the workspace stage read. */
export interface LayerContents {
  caBundle?: Uint8Array;
  zoneinfo?: TarEntry[];
  extraFiles: ExtraFile[];
  workdir?: string | undefined;
}

/** The assemble stage: one layer with the binary at `binaryPath`, its libraries, and the shared contents. */
export function assembleLayer(
  checked: Inspected,
  { binaryPath, mtime }: { binaryPath: string; mtime: number },
  contents: LayerContents,
  io: LayerIO,
): Promise<LayerBlob> {
  // Only the gathered libraries are new here: the inputs' own entries were checked before any build.
  const entries = rootfsEntries({ binaryPath, binary: checked.binary, libraries: checked.libraries, ...contents });
  return buildLayer(entries, mtime, io);
}

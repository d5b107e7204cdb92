import type * as toolCache from '@actions/tool-cache';
import type { ToolCache } from '../build/toolchain/tool-cache.js';

let lib: Promise<typeof toolCache> | undefined;
// Loaded on first use, so that a run with no toolchain to find (go-version: local) never evaluates it.
const load = () => (lib ??= import('@actions/tool-cache'));

/**
 * The ToolCache port on @actions/tool-cache: downloads through @actions/http-client, zips extracted by `unzip` run
 * through @actions/exec, directories kept under RUNNER_TOOL_CACHE as setup-go keeps its own.
 */
export const actionsToolCache: ToolCache = {
  find: async (tool, version, arch) => (await load()).find(tool, version, arch),
  download: async (url) => (await load()).downloadTool(url),
  extractZip: async (file) => (await load()).extractZip(file),
  cacheDir: async (dir, tool, version, arch) => (await load()).cacheDir(dir, tool, version, arch),
};

import { chmod, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../util/errors.js';
import type { Exec } from '../../util/exec.js';
import { hashFile } from '../../util/fs.js';
import { which } from '../../util/which.js';
import { withoutCredentials } from '../../util/url-credentials.js';
import { parseSimplePage, SIMPLE_ACCEPT, ziglangWheel } from './pypi.js';
import type { Get } from './sumdb/lookup.js';
import type { ToolCache } from './tool-cache.js';

/** The zig a run builds cgo with, and how it was found, for the summary. */
export interface Zig {
  path: string;
  version: string;
  source: 'PATH' | 'tool cache' | 'downloaded';
  bytes?: number;
  ms?: number;
}

/** The zig provisioned when none is on PATH and zig-version is empty; pinned, so that builds stay reproducible. */
export const DEFAULT_ZIG = '0.17.1';

export interface ZigDeps {
  env: Record<string, string | undefined>;
  exec: Exec;
  /** GET with headers; PyPI's Simple API answers JSON or HTML by Accept. */
  get: (url: string, headers?: Record<string, string>) => ReturnType<Get>;
  cache: ToolCache;
  host: { goarch: string; cacheArch: string };
}

const fail = (message: string) => new InputError(`input "cc": zig: ${message}`);

/**
 * zig for `cc: zig`: the zig on PATH (e.g. from a setup-zig step) unless zig-version names another; else the tool
 * cache's; else PyPI's ziglang wheel, from PIP_INDEX_URL when set, whose sha256 the index gives and is checked before
 * anything is extracted.
 */
export async function provideZig(zigVersion: string, deps: ZigDeps): Promise<Zig> {
  const onPath = await which('zig', deps.env.PATH);
  if (onPath) {
    const r = await deps.exec(onPath, ['version'], { env: deps.env as Record<string, string> });
    const version = r.exitCode === 0 ? r.stdout.trim() : '';
    if (version && (!zigVersion || version === zigVersion)) return { path: onPath, version, source: 'PATH' };
  }
  const version = zigVersion || DEFAULT_ZIG;
  const cached = await deps.cache.find('zig', version, deps.host.cacheArch);
  if (cached) return { path: join(cached, 'zig'), version, source: 'tool cache' };
  return download(version, deps);
}

async function download(version: string, deps: ZigDeps): Promise<Zig> {
  const start = performance.now();
  const index = (deps.env.PIP_INDEX_URL?.trim() || 'https://pypi.org/simple').replace(/\/+$/, '');
  const page = `${index}/ziglang/`;
  const r = await deps.get(page, { accept: SIMPLE_ACCEPT }).catch((e: unknown) => {
    throw fail(
      `the package index ${withoutCredentials(index)} cannot be reached (${(e as Error).message}); set PIP_INDEX_URL, or put zig on PATH`,
    );
  });
  if (r.status !== 200) throw fail(`${withoutCredentials(page)} answered ${r.status}`);
  const files = parseSimplePage(r.body.toString('utf8'), r.headers['content-type'] ?? '', page);
  const wheel = ziglangWheel(files, version, deps.host.goarch);
  if (!wheel)
    throw fail(
      `${withoutCredentials(index)} has no ziglang ${version} wheel for linux/${deps.host.goarch}; set zig-version`,
    );
  if (!wheel.sha256)
    throw fail(`${withoutCredentials(index)} gives no sha256 for ${wheel.filename}, so it cannot be verified`);
  const file = await deps.cache.download(wheel.url).catch((e: unknown) => {
    throw fail(`${withoutCredentials(wheel.url)} cannot be downloaded: ${(e as Error).message}`);
  });
  let dir: string | undefined;
  try {
    const got = await hashFile(file);
    if (got !== wheel.sha256)
      throw fail(
        `checksum mismatch for ${wheel.filename}: sha256 ${got}, but ${withoutCredentials(index)} gives ${wheel.sha256}`,
      );
    const bytes = (await stat(file)).size;
    dir = await deps.cache.extractZip(file).catch((e: unknown) => {
      throw fail(`${wheel.filename} cannot be unpacked (${(e as Error).message.split('.')[0]})`);
    });
    const zig = join(dir, 'ziglang', 'zig');
    await chmod(zig, 0o755);
    const cached = await deps.cache.cacheDir(join(dir, 'ziglang'), 'zig', version, deps.host.cacheArch);
    return { path: join(cached, 'zig'), version, source: 'downloaded', bytes, ms: performance.now() - start };
  } finally {
    await rm(file, { force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

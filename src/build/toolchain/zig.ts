import { chmod, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, messageOf } from '../../kernel/errors.js';
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
  /** What a download was checked against: the pinned sha256, or the index's word for another version. */
  verifiedBy?: string;
}

/** The zig provisioned when none is on PATH and zig-version is empty; pinned, so that builds stay reproducible. */
export const DEFAULT_ZIG = '0.17.1';

/**
 * The sha256 of DEFAULT_ZIG's ziglang wheels, by wheel machine, as PyPI published them: the default zig is checked
 * against these, not against what the index it comes from says, so a hostile mirror cannot vouch for its own zig.
 */
export const PINNED_WHEELS: Record<string, string> = {
  x86_64: 'ea6cc5d87b033cf0aedfbc8f9549a908cae6c50ac31f1698188fa48a74524b54',
  aarch64: 'b7c5f02fccd40f89b999ee16a1f5ddced56e6182370f8affe494bcf8a28cf07e',
  i686: 'd0549d5db63961ad9ed83ef628a45e3309542410dbcb6010116f4f2a3274d966',
  armv7l: '7ec229ead4a08f3bc537ed33fa8c0f811739b81a0d05afbea89db30afb4df1cc',
  ppc64le: 'd3bf27478d4593f2df7daf5c59b616a543b8f9e2cc9235bef84d8e54862a4334',
  s390x: '87f24e5cdca55f5d47c1e20570eebb61a53957fafe4c35c69740e13affe407ba',
  riscv64: 'd65ae4223b0c351cb3b4596262b8d9773acc9ca94ef8ea9b5fe3ddfa07dd204f',
};

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
      `the package index ${withoutCredentials(index)} cannot be reached (${messageOf(e)}); set PIP_INDEX_URL, or put zig on PATH`,
    );
  });
  if (r.status !== 200) throw fail(`${withoutCredentials(page)} answered ${r.status}`);
  const files = parseSimplePage(r.body.toString('utf8'), r.headers['content-type'] ?? '', page);
  const found = ziglangWheel(files, version, deps.host.goarch);
  if (!found)
    throw fail(
      `${withoutCredentials(index)} has no ziglang ${version} wheel for linux/${deps.host.goarch}; set zig-version`,
    );
  const { wheel, machine } = found;
  const pinned = version === DEFAULT_ZIG ? PINNED_WHEELS[machine] : undefined;
  if (pinned && wheel.sha256 && wheel.sha256 !== pinned)
    throw fail(
      `${withoutCredentials(index)} lists ${wheel.filename} with sha256 ${wheel.sha256}, not the ${pinned} that PyPI published; nothing was downloaded`,
    );
  const want = pinned ?? wheel.sha256;
  if (!want) throw fail(`${withoutCredentials(index)} gives no sha256 for ${wheel.filename}, so it cannot be verified`);
  const file = await deps.cache.download(wheel.url).catch((e: unknown) => {
    throw fail(`${withoutCredentials(wheel.url)} cannot be downloaded: ${messageOf(e)}`);
  });
  let dir: string | undefined;
  try {
    const got = await hashFile(file);
    if (got !== want)
      throw fail(
        `checksum mismatch for ${wheel.filename}: sha256 ${got}, but ${pinned ? 'the action pins' : `${withoutCredentials(index)} gives`} ${want}`,
      );
    const bytes = (await stat(file)).size;
    dir = await deps.cache.extractZip(file).catch((e: unknown) => {
      throw fail(`${wheel.filename} cannot be unpacked (${messageOf(e).split('.')[0]})`);
    });
    const zig = join(dir, 'ziglang', 'zig');
    await chmod(zig, 0o755);
    const cached = await deps.cache.cacheDir(join(dir, 'ziglang'), 'zig', version, deps.host.cacheArch);
    const verifiedBy = pinned
      ? 'the sha256 pinned in the action'
      : `the sha256 that ${withoutCredentials(index)} gives, since zig-version ${version} is not the pinned ${DEFAULT_ZIG}`;
    return {
      path: join(cached, 'zig'),
      version,
      source: 'downloaded',
      bytes,
      ms: performance.now() - start,
      verifiedBy,
    };
  } finally {
    await rm(file, { force: true });
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

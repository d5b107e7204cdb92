import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Inputs } from '../../inputs/inputs.js';
import type { Exec } from '../../util/exec.js';
import { codeOf, InputError, messageOf } from '../../kernel/errors.js';
import { proxyOf, sumDbOf } from './goenv.js';
import { parseGoModVersions, requirementOf, type Requirement } from './gomod.js';
import { compareGo, isLanguageVersion, languageOf } from '../../kernel/gover.js';
import { localGoVersion } from './local-go.js';
import { verifiedSum, type Get } from './sumdb/lookup.js';
import { cacheVersion, type ToolCache } from './tool-cache.js';
import { readModuleZip } from './zip-hash.js';
import { distrustTree } from '../../util/private-dir.js';
import { withoutCredentials } from '../../util/url-credentials.js';

/** The Go toolchain a run builds with, and how it was found, for the summary. */
export interface GoToolchain {
  version: string;
  source: 'PATH' | 'tool cache' | 'downloaded';
  /** What asked for it: `go.mod:3: go 1.22`, or `go-version: 1.26`. */
  requirement: string;
  /** GOROOT, when it is not the go on PATH. */
  goroot?: string;
  /** The zip's size and the time to fetch, verify and install it, when downloaded. */
  bytes?: number;
  ms?: number;
}

/** What provisioning needs from outside. */
export interface GoProvisionDeps {
  env: Record<string, string | undefined>;
  exec: Exec;
  get: Get;
  cache: ToolCache;
  /** GOOS/GOARCH of the runner, and the tool cache's name for its arch (x64, arm64). */
  host: { goos: string; goarch: string; cacheArch: string };
  warn: (line: string) => void;
}

/** The module the go command downloads toolchains as (https://go.dev/doc/toolchain#download). */
const TOOLCHAIN_MODULE = 'golang.org/toolchain';

const fail = (message: string) => new InputError(`input "go-version": ${message}`);

/** The nearest go.mod at or above `dir`, not above the workspace, as the go command finds the main module. */
export async function findGoMod(dir: string, workspace: string): Promise<string> {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const file = join(d, 'go.mod');
    if (
      await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      return file;
    if (d === dirname(d) || relative(workspace, d) === '') break;
  }
  throw fail(`go.mod: no go.mod in ${dir} or above it; set go-version to a version such as 1.26, or to local`);
}

/** What the inputs require, and whether a toolchain of `version` meets it. */
async function requirement(
  setting: Exclude<Inputs['goVersion'], 'local'>,
  workDir: string,
  workspace: string,
): Promise<Requirement & { accepts: (v: string) => boolean }> {
  if (setting !== 'go.mod') {
    const exact = !isLanguageVersion(setting);
    return {
      minimum: setting,
      download: setting,
      source: `go-version: ${setting}`,
      // As setup-go: 1.26 takes any 1.26 release, 1.26.8 only itself.
      accepts: (v) => (exact ? v === setting : languageOf(v) === setting && compareGo(v, `${setting}.0`) >= 0),
    };
  }
  const file = await findGoMod(workDir, workspace);
  const shown = relative(workspace, file) || 'go.mod';
  const text = await readFile(file, 'utf8').catch((e: unknown) => {
    throw fail(`${shown} cannot be read: ${codeOf(e) ?? messageOf(e)}`);
  });
  let req: Requirement;
  try {
    req = requirementOf(parseGoModVersions(text), shown);
  } catch (e) {
    throw fail(messageOf(e));
  }
  return { ...req, accepts: (v) => compareGo(v, req.minimum) >= 0 };
}

/**
 * The Go toolchain for this run: the go on PATH when it satisfies the go-version input (go.mod by default, read by the
 * go command's rules), else the tool cache's, else one downloaded from GOPROXY and verified against GOSUMDB before it is
 * cached. Undefined for go-version: local, which leaves go to the PATH and GOTOOLCHAIN as they are.
 */
export async function provideGo(
  setting: Inputs['goVersion'],
  workDir: string,
  workspace: string,
  deps: GoProvisionDeps,
): Promise<GoToolchain | undefined> {
  if (setting === 'local') return undefined;
  const [req, local] = await Promise.all([
    requirement(setting, workDir, workspace),
    localGoVersion(deps.env, deps.exec),
  ]);
  if (local && req.accepts(local)) return { version: local, source: 'PATH', requirement: req.source };
  const arch = deps.host.cacheArch;
  const cached = isLanguageVersion(req.download)
    ? await deps.cache.find('go', req.download, arch)
    : await deps.cache.find('go', cacheVersion(req.download), arch);
  const untrusted = cached ? await distrustTree(cached, deps.exec).catch(messageOf) : undefined;
  if (untrusted)
    deps.warn(`go-version: the tool cache's Go at ${cached} is not used, because ${untrusted}; downloading it again`);
  else if (cached) {
    const version = (await localGoVersion({ PATH: join(cached, 'bin') }, deps.exec)) ?? req.download;
    if (req.accepts(version)) return { version, source: 'tool cache', requirement: req.source, goroot: cached };
  }
  return download(req, deps);
}

/** The version to fetch: the requirement's, or for a language version its latest release the proxy lists. */
async function releaseToFetch(req: Requirement, proxy: string, deps: GoProvisionDeps): Promise<string> {
  const suffix = `.${deps.host.goos}-${deps.host.goarch}`;
  const base = `${proxy}/${TOOLCHAIN_MODULE}/@v`;
  if (!isLanguageVersion(req.download)) {
    const r = await reach(() => deps.get(`${base}/v0.0.1-go${req.download}${suffix}.info`), proxy);
    if (r.status === 404 || r.status === 410)
      throw fail(
        `${req.source}: Go ${req.download} does not exist for ${deps.host.goos}/${deps.host.goarch} (${withoutCredentials(proxy)})`,
      );
    if (r.status !== 200)
      throw fail(`${withoutCredentials(proxy)} answered ${r.status} for Go ${req.download}: ${firstLine(r.body)}`);
    return req.download;
  }
  const r = await reach(() => deps.get(`${base}/list`), proxy);
  if (r.status !== 200)
    throw fail(`${withoutCredentials(proxy)} answered ${r.status} for the list of Go toolchains: ${firstLine(r.body)}`);
  const releases = r.body
    .toString()
    .split('\n')
    .map((l) => /^v0\.0\.1-go([0-9.]+)(\.[a-z0-9]+-[a-z0-9]+)$/.exec(l.trim()))
    .filter((m) => m && m[2] === suffix && languageOf(m[1]) === req.download && /^\d+\.\d+\.\d+$/.test(m[1]))
    .map((m) => (m as RegExpExecArray)[1])
    .sort(compareGo);
  const latest = releases.at(-1);
  if (!latest)
    throw fail(
      `${req.source}: Go ${req.download} has no release for ${deps.host.goos}/${deps.host.goarch} (${withoutCredentials(proxy)})`,
    );
  return latest;
}

const firstLine = (body: Buffer) => body.toString('utf8').split('\n')[0].slice(0, 200);

/** Runs a request to the proxy; a network failure (an error with a code) becomes advice, any other error `what`. */
async function reach<T>(fn: () => Promise<T>, proxy: string, what = 'the proxy answered badly'): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const message = messageOf(e);
    if (typeof (e as NodeJS.ErrnoException).code === 'string')
      throw fail(
        `the Go module proxy ${withoutCredentials(proxy)} cannot be reached (${message}); set GOPROXY, or use go-version: local after actions/setup-go`,
      );
    throw fail(`${what}: ${message}`);
  }
}

async function download(req: Requirement, deps: GoProvisionDeps): Promise<GoToolchain> {
  const start = performance.now();
  let proxy: string;
  let db: ReturnType<typeof sumDbOf>;
  try {
    proxy = proxyOf(deps.env.GOPROXY);
    db = sumDbOf(deps.env.GOSUMDB);
  } catch (e) {
    throw fail(messageOf(e));
  }
  const version = await releaseToFetch(req, proxy, deps);
  const modVersion = `v0.0.1-go${version}.${deps.host.goos}-${deps.host.goarch}`;
  const want = await reach(
    () => verifiedSum({ mod: TOOLCHAIN_MODULE, version: modVersion }, { proxy, db, get: deps.get }),
    proxy,
    `Go ${version} cannot be verified, so it is not downloaded`,
  );
  const zip = await deps.cache.download(`${proxy}/${TOOLCHAIN_MODULE}/@v/${modVersion}.zip`).catch((e: unknown) => {
    throw fail(`Go ${version} cannot be downloaded from ${withoutCredentials(proxy)}: ${messageOf(e)}`);
  });
  const dir = `${zip}.unpacked`;
  try {
    const root = join(dir, 'go');
    await mkdir(dir, { mode: 0o700 });
    const got = await readModuleZip(zip, {
      dir: root,
      prefix: `${TOOLCHAIN_MODULE}@${modVersion}/`,
      executable: isCommand,
    }).catch((e: unknown) => {
      throw fail(
        `Go ${version} from ${withoutCredentials(proxy)} is not a module zip that can be trusted: ${messageOf(e)}; nothing was installed`,
      );
    });
    if (got !== want)
      throw fail(
        `checksum mismatch for Go ${version}: the zip from ${withoutCredentials(proxy)} hashes to ${got}, but ${db.name} records ${want}; nothing was installed`,
      );
    const bytes = (await stat(zip)).size;
    await restoreGoMods(root);
    const goroot = await deps.cache.cacheDir(root, 'go', cacheVersion(version), deps.host.cacheArch);
    return { version, source: 'downloaded', requirement: req.source, goroot, bytes, ms: performance.now() - start };
  } finally {
    await rm(zip, { force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The files of a toolchain that the go command makes executable after unpacking it (the zip records no modes,
 * cmd/go/internal/toolchain/select.go): the commands, the tools and the exec wrappers; every other file is 0644.
 */
const isCommand = (rel: string): boolean =>
  rel.startsWith('bin/') || rel.startsWith('pkg/tool/') || /^lib\/(.*\/)?go_[^/]+_[^/]+_exec$/.test(rel);

/**
 * Module zips cannot hold go.mod files below the root, so the toolchain ships them as _go.mod, which the go command
 * copies back to go.mod after unpacking, src/go.mod last (cmd/go/internal/toolchain/select.go).
 */
async function restoreGoMods(root: string): Promise<void> {
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(
      entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
    );
    return nested.flat();
  };
  const files = await walk(root);
  const srcMod = join(root, 'src', '_go.mod');
  const mods = files.filter((f) => f.endsWith('/_go.mod') && f !== srcMod);
  await Promise.all(mods.map((f) => copyFile(f, join(dirname(f), 'go.mod'))));
  if (files.includes(srcMod)) await copyFile(srcMod, join(root, 'src', 'go.mod'));
}

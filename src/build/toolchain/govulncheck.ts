import { mkdtemp, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { ActionError, messageOf } from '../../kernel/errors.js';
import type { Exec } from '../../util/exec.js';
import { distrustTree } from '../../util/private-dir.js';
import { which } from '../../util/which.js';
import { lastLines } from '../go/build.js';
import { sumDbOf } from './goenv.js';
import type { GoToolchain } from './go.js';
import type { ToolCache } from './tool-cache.js';

/** govulncheck, pinned: its JSON stream and the extract blob are read and written against this version. */
export const GOVULNCHECK_VERSION = 'v1.10.0';
const PACKAGE = 'golang.org/x/vuln/cmd/govulncheck';

/** The govulncheck a run checks with, and where it came from, for the summary. */
export interface Govulncheck {
  path: string;
  version: string;
  source: 'tool cache' | 'built';
  /** The time to build it, when built. */
  ms?: number;
}

export interface GovulncheckDeps {
  env: Record<string, string | undefined>;
  exec: Exec;
  cache: ToolCache;
  cacheArch: string;
  /** Where the build's GOBIN is made, then removed once cached. */
  tempRoot: string;
  warn: (line: string) => void;
}

/** Variables `go install` may see: where Go keeps its caches, the proxy and checksum database, and the network's. */
const PASSED = [
  'HOME',
  'GOPATH',
  'GOMODCACHE',
  'GOCACHE',
  'GOPROXY',
  'GOSUMDB',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'TMPDIR',
];

const fail = (message: string) => new ActionError(`input "vulnerabilities": ${message}`);

/**
 * The environment of `go install`: nothing of the step's but the variables above, and none that would let a module
 * skip the checksum database (GONOSUMDB, GOPRIVATE, GOINSECURE, GOFLAGS=-insecure); GOENV=off so that a `go env -w`
 * file cannot either (https://go.dev/ref/mod#environment-variables).
 */
function installEnv(env: Record<string, string | undefined>, go: GoToolchain | undefined, gobin: string) {
  const out: Record<string, string> = {};
  for (const k of PASSED) if (env[k]) out[k] = env[k];
  try {
    sumDbOf(env.GOSUMDB);
  } catch (e) {
    const why = env.GOSUMDB?.trim() === 'off' ? 'GOSUMDB=off turns that off' : messageOf(e);
    throw fail(
      `govulncheck is built only once the checksum database has vouched for it, and ${why}; unset GOSUMDB, or set vulnerabilities: off`,
    );
  }
  const path = go?.goroot ? `${join(go.goroot, 'bin')}${delimiter}${env.PATH ?? ''}` : (env.PATH ?? '');
  return {
    ...out,
    PATH: path,
    ...(go?.goroot ? { GOROOT: go.goroot } : {}),
    GOBIN: gobin,
    GOENV: 'off',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GOWORK: 'off',
    CGO_ENABLED: '0',
  };
}

/**
 * govulncheck at the pinned version: the tool cache's when this user can trust it, else built from the Go module
 * proxy with the run's Go (`go install`, which checks every module against the checksum database) and cached.
 */
export async function provideGovulncheck(go: GoToolchain | undefined, deps: GovulncheckDeps): Promise<Govulncheck> {
  const cacheVersion = GOVULNCHECK_VERSION.slice(1);
  const cached = await deps.cache.find('govulncheck', cacheVersion, deps.cacheArch);
  const untrusted = cached ? await distrustTree(cached, deps.exec).catch(messageOf) : undefined;
  if (untrusted) deps.warn(`the tool cache's govulncheck at ${cached} is not used, because ${untrusted}; building it`);
  else if (cached) return { path: join(cached, 'govulncheck'), version: GOVULNCHECK_VERSION, source: 'tool cache' };
  const start = performance.now();
  const gobin = await mkdtemp(join(deps.tempRoot, 'govulncheck-'));
  try {
    const env = installEnv(deps.env, go, gobin);
    const goCmd = await which('go', env.PATH);
    if (!goCmd)
      throw fail(
        'govulncheck is built with Go, and there is no go on PATH; add actions/setup-go before this step, or set vulnerabilities: off',
      );
    const r = await deps.exec(goCmd, ['install', `${PACKAGE}@${GOVULNCHECK_VERSION}`], {
      env,
      cleanEnv: true,
      timeoutMs: 600_000,
    });
    if (r.exitCode !== 0) {
      const said = lastLines(r.stderr || r.stdout, 5);
      throw fail(
        `go install ${PACKAGE}@${GOVULNCHECK_VERSION} failed:\n${said}\nset vulnerabilities: off to go on without it`,
      );
    }
    const dir = await deps.cache.cacheDir(gobin, 'govulncheck', cacheVersion, deps.cacheArch);
    const ms = performance.now() - start;
    return { path: join(dir, 'govulncheck'), version: GOVULNCHECK_VERSION, source: 'built', ms };
  } finally {
    await rm(gobin, { recursive: true, force: true });
  }
}

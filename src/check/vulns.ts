import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findGoMod, type GoToolchain } from '../build/toolchain/go.js';
import { GOVULNCHECK_VERSION, provideGovulncheck, type Govulncheck } from '../build/toolchain/govulncheck.js';
import type { ToolCache } from '../build/toolchain/tool-cache.js';
import type { Inputs } from '../inputs/inputs.js';
import { messageOf } from '../kernel/errors.js';
import { readGoSymbols } from '../kernel/elf/gosyms.js';
import { ElfError } from '../kernel/elf/parse.js';
import type { Exec } from '../util/exec.js';
import { withFileSource, writeFileAtomic } from '../util/fs.js';
import type { Fetch } from '../util/http.js';
import { withoutCredentials } from '../util/url-credentials.js';
import type { BinaryFacts } from './inspect.js';
import { extractBlob } from './vuln/extract.js';
import { parseFindings, type Finding } from './vuln/findings.js';
import type { VulnOutcome } from './vuln/verdict.js';

/** What the check needs from outside. */
export interface VulnDeps {
  env: Record<string, string | undefined>;
  exec: Exec;
  fetch: Fetch;
  toolCache: ToolCache;
  cacheArch: string;
  tempRoot: string;
  /** Where results are kept between runs, by binary digest and database version; private to this user. */
  cacheDir: string;
  warn: (line: string) => void;
}

/** The database as it answered: its `modified` time, or why it could not be read. */
type DbState = { modified: string } | { reason: string };

/** One run's vulnerability check: the database asked once, govulncheck provided on first need, results cached. */
export interface VulnChecker {
  db: Promise<DbState>;
  /** The govulncheck that ran, when one had to. */
  tool: () => Govulncheck | undefined;
  check: (binary: BinaryFacts, platform: string) => Promise<VulnOutcome>;
  /** go.mod as annotations point into it: its path in the workspace and its text; undefined without one. */
  goMod: () => Promise<{ file: string; text: string } | undefined>;
  /** Keeps the results cache under its bound, when this run added to it. */
  settle: () => Promise<void>;
}

/** The results cache's bound: a result is a few KB to tens of KB, so this keeps thousands of binaries' results. */
export const VULN_CACHE_BYTES = 64 * 1024 * 1024;

/** Bump when a cached result could mean something else: the blob's making, the findings' shape. */
const CACHE_SCHEMA = 1;
/** Variables govulncheck may see: where to write temp files, and how to reach an HTTPS database. */
const NETWORK_ENV = [
  'HOME',
  'TMPDIR',
  'HTTPS_PROXY',
  'NO_PROXY',
  'https_proxy',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
];

/**
 * The database's version: index/db.json's `modified` (golang.org/x/vuln internal/client), read once per run. It keys
 * the cache, and it proves the database answers before any binary waits on it.
 */
async function dbState(url: string, deps: Pick<VulnDeps, 'fetch'>): Promise<DbState> {
  const shown = withoutCredentials(url);
  try {
    let body: string;
    if (url.startsWith('file:')) body = await readFile(join(fileURLToPath(url), 'index', 'db.json'), 'utf8');
    else {
      const r = await deps.fetch(
        { method: 'GET', url: `${url}/index/db.json` },
        { idleMs: 15_000, deadlineMs: 30_000 },
      );
      if (r.status !== 200)
        return { reason: `the vulnerability database ${shown} answered ${r.status} for index/db.json` };
      body = r.body.toString('utf8');
    }
    const modified = (JSON.parse(body) as { modified?: unknown }).modified;
    if (typeof modified !== 'string' || !modified)
      return { reason: `${shown} is not a Go vulnerability database: its index/db.json has no modified time` };
    return { modified };
  } catch (e) {
    return { reason: `the vulnerability database ${shown} (vuln-db) cannot be read: ${messageOf(e)}` };
  }
}

/**
 * Removes the least recently used results until the cache holds at most `maxBytes` (a hit refreshes its entry's
 * time); a removal that fails is left for the next run.
 */
export async function pruneVulnCache(dir: string, maxBytes = VULN_CACHE_BYTES): Promise<number> {
  const names = await readdir(dir).catch(() => []);
  const entries = await Promise.all(
    names.map(async (name) => {
      const st = await stat(join(dir, name)).catch(() => undefined);
      return st?.isFile() ? { name, size: st.size, used: st.mtimeMs } : undefined;
    }),
  );
  const files = entries.filter((e) => e !== undefined).sort((a, b) => b.used - a.used);
  let total = 0;
  let removed = 0;
  for (const f of files) {
    total += f.size;
    if (
      total > maxBytes &&
      (await rm(join(dir, f.name), { force: true }).then(
        () => true,
        () => false,
      ))
    )
      removed++;
  }
  return removed;
}

/** A cached result, when one was written for this key; anything unreadable is a miss. */
async function cached(
  file: string,
): Promise<Pick<Extract<VulnOutcome, { state: 'checked' }>, 'precision' | 'findings'> | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as { precision?: unknown; findings?: unknown };
    if ((v.precision === 'symbol' || v.precision === 'module') && Array.isArray(v.findings))
      return { precision: v.precision, findings: v.findings as Finding[] };
  } catch {
    /* no entry, or a torn one: checked again */
  }
  return undefined;
}

/** Stores a result for the next run; a cache that cannot be written costs only that run's time, so it is no error. */
async function keep(dir: string, entry: string, data: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(entry, data);
  } catch {
    /* the next run checks again */
  }
}

/**
 * What govulncheck reads: for a Go 1.20+ binary, a blob of its functions read from .gopclntab, which gives symbol
 * precision even when it is stripped (golang/go#57764); else the binary itself, at symbol precision only when it
 * still has its symbol table.
 */
function inputOf(binary: BinaryFacts): { blob?: string; precision: 'symbol' | 'module' } {
  let symbols;
  try {
    symbols = withFileSource(binary.file, readGoSymbols);
  } catch (e) {
    if (!(e instanceof ElfError)) throw e;
  }
  if (symbols && binary.go) return { blob: extractBlob(binary.go, symbols), precision: 'symbol' };
  return { precision: binary.symbolBytes > 0 ? 'symbol' : 'module' };
}

/** What checking one binary needs, shared by the run. */
interface Scan {
  url: string;
  db: Promise<DbState>;
  govulncheck: () => Promise<Govulncheck>;
  scratch: () => Promise<string>;
  env: Record<string, string>;
  deps: VulnDeps;
  /** A result was added to the cache this run. */
  wrote: boolean;
}

/** The cache entry for a binary under this database version and govulncheck: one file per key. */
function cacheEntry(scan: Scan, sha256: string, modified: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify([CACHE_SCHEMA, sha256, scan.url, modified, GOVULNCHECK_VERSION]))
    .digest('hex');
  return join(scan.deps.cacheDir, `${key}.json`);
}

/** Checks one binary: from the cache when this binary was checked against this database version, else govulncheck. */
async function checkOne(scan: Scan, binary: BinaryFacts, platform: string): Promise<VulnOutcome> {
  if (!binary.go) return { state: 'not go' };
  const start = performance.now();
  const state = await scan.db;
  if ('reason' in state) return { state: 'unchecked', reason: state.reason };
  const entry = cacheEntry(scan, binary.sha256, state.modified);
  const hit = await cached(entry);
  if (hit) {
    const now = new Date();
    await utimes(entry, now, now).catch(() => undefined); // recently used: the prune keeps it
    return { state: 'checked', ...hit, cached: true, ms: performance.now() - start };
  }
  let tool: Govulncheck;
  try {
    tool = await scan.govulncheck();
  } catch (e) {
    return { state: 'unchecked', reason: messageOf(e) };
  }
  const input = inputOf(binary);
  let file = binary.file;
  if (input.blob !== undefined) {
    file = join(await scan.scratch(), `${platform.replace(/\//g, '_')}.blob`);
    await writeFile(file, input.blob);
  }
  const r = await scan.deps.exec(tool.path, ['-db', scan.url, '-format', 'json', '-mode=binary', file], {
    env: scan.env,
    cleanEnv: true,
    timeoutMs: 300_000,
  });
  if (r.exitCode !== 0) {
    const said = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ');
    return { state: 'unchecked', reason: `govulncheck ${tool.version} failed (exit ${r.exitCode}): ${said}` };
  }
  const found = parseFindings(r.stdout);
  const findings = input.precision === 'module' ? found.map((f) => ({ ...f, precision: 'module' as const })) : found;
  await keep(scan.deps.cacheDir, entry, JSON.stringify({ precision: input.precision, findings }));
  scan.wrote = true;
  return { state: 'checked', precision: input.precision, findings, cached: false, ms: performance.now() - start };
}

/** go.mod of a go build, its path shown relative to the workspace; none for brought binaries. */
async function readGoMod(
  inputs: Pick<Inputs, 'binaries'>,
  setup: { workDir: string; workspace: string },
): Promise<{ file: string; text: string } | undefined> {
  if (inputs.binaries) return undefined;
  const file = await findGoMod(setup.workDir, setup.workspace).catch(() => undefined);
  const text = file && (await readFile(file, 'utf8').catch(() => undefined));
  return file && text !== undefined ? { file: relative(setup.workspace, file), text } : undefined;
}

/** The checker for a run, or undefined when `vulnerabilities` is off. */
export function vulnChecker(
  inputs: Pick<Inputs, 'vulnerabilities' | 'vulnDb' | 'binaries'>,
  setup: { workDir: string; workspace: string },
  go: GoToolchain | undefined,
  deps: VulnDeps,
): VulnChecker | undefined {
  if (inputs.vulnerabilities === 'off') return undefined;
  let provided: Govulncheck | undefined;
  let providing: Promise<Govulncheck> | undefined;
  let scratch: Promise<string> | undefined;
  const env: Record<string, string> = {};
  for (const k of NETWORK_ENV) if (deps.env[k]) env[k] = deps.env[k];
  const scan: Scan = {
    url: inputs.vulnDb,
    db: dbState(inputs.vulnDb, deps),
    govulncheck: () =>
      (providing ??= provideGovulncheck(go, { ...deps, cache: deps.toolCache }).then((t) => (provided = t))),
    scratch: () => (scratch ??= mkdtemp(join(deps.tempRoot, 'vulns-'))),
    env,
    deps,
    wrote: false,
  };
  let goMod: ReturnType<typeof readGoMod> | undefined;
  return {
    db: scan.db,
    tool: () => provided,
    check: (binary, platform) => checkOne(scan, binary, platform),
    goMod: () => (goMod ??= readGoMod(inputs, setup)),
    settle: async () => {
      if (scan.wrote) await pruneVulnCache(deps.cacheDir);
    },
  };
}

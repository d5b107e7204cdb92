// Issue #30: known vulnerabilities found before any tag moves, by govulncheck at symbol level, against the Go
// vulnerability database's own advisories (golang.org/x/vulndb, laid out offline as a file:// database).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { FIXTURES, goBuild } from './helpers/fixtures.js';
import { deadAddress, startProxy, startRegistry, type Proxy, type Registry } from './helpers/registry.js';
import { serveVulnDb, vulnDb } from './helpers/vulndb.js';
import { makePki } from './helpers/pki.js';
import { vulnLines } from '../src/report/vulns.js';
import { pruneVulnCache } from '../src/check/vulns.js';
import { provideGovulncheck } from '../src/build/toolchain/govulncheck.js';
import type { Exec } from '../src/util/exec.js';
import { fileURLToPath } from 'node:url';
import { parseIgnoredVulns, parseVulnDb } from '../src/inputs/vulnerabilities.js';
import { INPUT_DEFAULTS, parseInputs, type InputName } from '../src/inputs/inputs.js';
import { requireLineOf } from '../src/build/toolchain/gomod.js';
import type { Finding } from '../src/check/vuln/findings.js';
import { blocks, fewSymbols, vulnDiagnostics, vulnReport, type VulnOutcome } from '../src/check/vuln/verdict.js';

/** Every published golang.org/x/text advisory that v0.3.5 is affected by, and one it is not (fixed in 0.3.3). */
const TEXT_ADVISORIES = ['GO-2020-0015', 'GO-2021-0113', 'GO-2022-1059', 'GO-2026-5970', 'GO-2026-6629'];
const APP = join(FIXTURES, 'vulnapp');
const GO_MOD = '__tests__/fixtures/vulnapp/go.mod';

let db: string;
/** One tool cache for the file: the first run builds govulncheck into it, the others find it there. */
let toolCache: string;
let registry: Registry;
let proxy: Proxy;

beforeAll(async () => {
  db = `file://${vulnDb(TEXT_ADVISORIES)}`;
  toolCache = mkdtempSync(join(tmpdir(), 'scratchpack-vuln-tools-'));
  registry = await startRegistry();
  proxy = await startProxy(registry.host);
}, 120_000);
afterAll(async () => {
  await proxy.close();
  await registry.stop();
});

const run = (inputs: Record<string, string>, env: Record<string, string> = {}, runnerTemp?: string) =>
  runActionAsync(
    { 'working-directory': '__tests__/fixtures/vulnapp', 'source-date-epoch': '1', 'vuln-db': db, ...inputs },
    { env: { RUNNER_TOOL_CACHE: toolCache, ...env }, ...(runnerTemp ? { runnerTemp } : {}) },
  );

/** A workspace with binaries built elsewhere: static C for amd64, the stripped Go program for arm64. */
function brought(): string {
  const ws = mkdtempSync(join(tmpdir(), 'scratchpack-vuln-bin-'));
  mkdirSync(join(ws, 'dist', 'go'), { recursive: true });
  mkdirSync(join(ws, 'dist', 'c'), { recursive: true });
  goBuild(join(APP, 'cmd', 'parse'), join(ws, 'dist', 'go', 'app'), { GOARCH: 'arm64', GOFLAGS: '-mod=mod' }, [
    '-ldflags=-s -w',
  ]);
  sh('gcc', ['-static', '-O2', '-o', join(ws, 'dist', 'c', 'app'), join(FIXTURES, 'native', 'hello.c')]);
  return ws;
}

/** The `::warning` or `::error` lines about one advisory. */
const about = (lines: string[], id: string) => lines.filter((l) => l.includes(`title=vulnerability ${id}`));

describe('a program that calls the vulnerable function (language.Parse, GO-2021-0113)', () => {
  let report: ActionRun;
  beforeAll(async () => {
    report = await run({ package: './cmd/parse', platforms: 'linux/amd64,linux/arm64', vulnerabilities: 'report' });
  }, 300_000);

  test('report: one warning naming both platforms at the require line of go.mod, and the step passes', () => {
    expect(report.code).toBe(0);
    const [w, ...more] = about(report.warnings, 'GO-2021-0113');
    expect(more).toEqual([]);
    expect(w).toContain(`file=${GO_MOD},line=5`);
    expect(w).toContain('title=vulnerability GO-2021-0113 (linux/amd64%2C linux/arm64)');
    expect(w).toContain('The binary holds language.Parse.');
    expect(w).toContain('go get golang.org/x/text@v0.3.7');
    // Advisories of the module whose functions the program does not hold are not findings.
    for (const other of ['GO-2022-1059', 'GO-2026-5970', 'GO-2026-6629'])
      expect(about(report.warnings, other)).toEqual([]);
    expect(report.errors).toEqual([]);
  });

  test('report: the output lists the ID per platform, and the summary links it with the function', () => {
    expect(JSON.parse(report.outputs.vulnerabilities)).toEqual({
      'linux/amd64': ['GO-2021-0113'],
      'linux/arm64': ['GO-2021-0113'],
    });
    expect(report.summary).toContain('[GO-2021-0113](https://pkg.go.dev/vuln/GO-2021-0113)');
    expect(report.summary).toContain(
      '| `golang.org/x/text` | v0.3.5 | v0.3.7 | `language.Parse` | `linux/amd64`, `linux/arm64` |',
    );
    expect(report.summary).toMatch(/`linux\/amd64`: \*\*1 found\*\* at symbol precision; 3 more advisories/);
    expect(report.summary).toContain('**To fix:** `go get golang.org/x/text@v0.3.7` (fixes 1).');
    // The SBOM says what the image holds, not what is wrong with it.
    expect(report.summary).toContain('govulncheck v1.10.0');
  });

  test('fail: the step fails before any registry write: no upload, no manifest, no tag', async () => {
    // A C binary (nothing to wait for) beside the vulnerable Go one, and the database over HTTPS, slow to answer:
    // were the C image not held back until every verdict is in, its blobs would go up meanwhile.
    const ws = brought();
    const pki = makePki();
    const slow = await serveVulnDb(fileURLToPath(db), { cert: pki.serverCert, key: pki.serverKey }, 2000);
    const before = proxy.seen.length;
    try {
      const r = await runActionAsync(
        {
          platforms: 'linux/amd64,linux/arm64',
          binaries: 'linux/amd64=dist/c/app\nlinux/arm64=dist/go/app',
          vulnerabilities: 'fail',
          'vuln-db': slow.url,
          tags: `${proxy.host}/acme/vuln:1`,
          push: 'true',
          'source-date-epoch': '1',
        },
        {
          env: {
            GITHUB_WORKSPACE: ws,
            RUNNER_TOOL_CACHE: toolCache,
            NODE_EXTRA_CA_CERTS: pki.caPem,
            SSL_CERT_FILE: pki.caPem,
          },
        },
      );
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toContain('title=vulnerability GO-2021-0113 (linux/arm64)');
      expect(r.errors[0]).toContain('ignore-vulnerabilities');
      // govulncheck read the advisories from the server too, not only our probe.
      expect(slow.requests).toContain('/ID/GO-2021-0113.json.gz');
      // The registry was asked what it holds (HEAD), and was written nothing.
      expect(proxy.seen.slice(before).some((s) => s.method === 'HEAD')).toBe(true);
      const writes = proxy.seen.slice(before).filter((s) => !['GET', 'HEAD'].includes(s.method));
      expect(writes).toEqual([]);
      const tags = sh('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        `http://${registry.host}/v2/acme/vuln/tags/list`,
      ]);
      expect(tags).toBe('404');
      const rows = JSON.parse(r.outputs.images) as Array<{ status: string }>;
      expect(rows.map((i) => i.status)).toEqual(['not pushed (another failed)', 'rejected (vulnerability)']);
    } finally {
      await slow.close();
    }
  }, 300_000);

  test('fail with the advisory ignored: pushed, and the summary lists it as ignored with the reason', async () => {
    const r = await run({
      package: './cmd/parse',
      platforms: 'linux/amd64',
      vulnerabilities: 'fail',
      'ignore-vulnerabilities': 'GO-2021-0113 # we parse only our own constant tags\nGO-2099-0001 # long gone',
      tags: `${proxy.host}/acme/ignored:1`,
      push: 'true',
    });
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs.vulnerabilities)).toEqual({ 'linux/amd64': [] });
    expect(r.summary).toContain(
      '- [GO-2021-0113](https://pkg.go.dev/vuln/GO-2021-0113) on `linux/amd64`: we parse only our own constant tags',
    );
    expect(r.summary).toContain('**Listed in ignore-vulnerabilities but not found:** `GO-2099-0001`');
    expect(r.outputs.image).toContain(`${proxy.host}/acme/ignored@sha256:`);
  }, 300_000);
});

describe('the same module, without the vulnerable functions', () => {
  test('a program using only x/text/width: no finding, and the step passes in fail mode', async () => {
    const r = await run({ package: './cmd/width', platforms: 'linux/amd64', vulnerabilities: 'fail' });
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((w) => w.includes('vulnerab'))).toEqual([]);
    expect(JSON.parse(r.outputs.vulnerabilities)).toEqual({ 'linux/amd64': [] });
    expect(r.summary).toMatch(/`linux\/amd64`: none found at symbol precision/);
  }, 300_000);
});

describe('binaries built elsewhere', () => {
  test('a stripped Go binary is checked at symbol level; a C binary is not Go: not checked', async () => {
    const r = await runActionAsync(
      {
        platforms: 'linux/amd64,linux/arm64',
        binaries: 'linux/amd64=dist/c/app\nlinux/arm64=dist/go/app',
        vulnerabilities: 'report',
        'vuln-db': db,
        'source-date-epoch': '1',
      },
      { env: { GITHUB_WORKSPACE: brought(), RUNNER_TOOL_CACHE: toolCache } },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.vulnerabilities)).toEqual({ 'linux/arm64': ['GO-2021-0113'] });
    const [w] = about(r.warnings, 'GO-2021-0113');
    expect(w).toContain('title=vulnerability GO-2021-0113 (linux/arm64)');
    expect(w).not.toContain('file=');
    expect(r.summary).toContain('`linux/amd64`: not Go: not checked');
    expect(r.summary).toMatch(/`linux\/arm64`: \*\*1 found\*\* at symbol precision/);
  }, 300_000);
});

describe('a database that cannot be read', () => {
  test('report: one warning, and the step passes', async () => {
    const r = await run({
      package: './cmd/parse',
      platforms: 'linux/amd64',
      vulnerabilities: 'report',
      'vuln-db': 'file:///nonexistent/vulndb',
    });
    expect(r.code).toBe(0);
    const w = r.warnings.filter((l) => l.includes('Not checked for known vulnerabilities'));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('the vulnerability database file:///nonexistent/vulndb (vuln-db) cannot be read');
    expect(w[0]).toContain('the images go on unchecked');
  }, 300_000);

  test('fail: one clear error, and nothing is written', async () => {
    const dead = await deadAddress();
    const before = proxy.seen.length;
    const r = await run({
      package: './cmd/parse',
      platforms: 'linux/amd64',
      vulnerabilities: 'fail',
      'vuln-db': `https://${dead}`,
      tags: `${proxy.host}/acme/nodb:1`,
      push: 'true',
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`the vulnerability database https://${dead} (vuln-db) cannot be read`);
    expect(r.errors[0]).toContain('nothing was pushed');
    expect(r.errors[0]).not.toMatch(/\n\s+at /);
    expect(proxy.seen.slice(before).filter((s) => !['GET', 'HEAD'].includes(s.method))).toEqual([]);
  }, 300_000);
});

describe('a rerun on unchanged binaries', () => {
  test('reuses the results: no govulncheck, the same findings, marked as from the cache', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'scratchpack-vuln-rerun-'));
    // A tool cache of its own, so that the first run checks (and builds govulncheck) rather than finding results.
    const own = { RUNNER_TOOL_CACHE: mkdtempSync(join(tmpdir(), 'scratchpack-vuln-tools-')) };
    const inputs = { package: './cmd/parse', platforms: 'linux/amd64', vulnerabilities: 'report' };
    const first = await run(inputs, own, temp);
    // The result is kept in the cache under the tool cache, private to this user; a hit marks it recently used.
    const cache = join(own.RUNNER_TOOL_CACHE, 'scratchpack', 'vulns');
    const [entry] = readdirSync(cache);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    utimesSync(join(cache, entry), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const second = await run(inputs, own, temp);
    expect(statSync(join(cache, entry)).mtime.getFullYear()).toBeGreaterThan(2000);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(first.summary).toMatch(
      /`linux\/amd64`: \*\*1 found\*\* at symbol precision; 3 more advisories .* \(in \d+\.\d\d s\)/,
    );
    expect(second.summary).toMatch(
      /`linux\/amd64`: \*\*1 found\*\* at symbol precision; 3 more advisories .* \(from the cache\)/,
    );
    expect(second.outputs.vulnerabilities).toBe(first.outputs.vulnerabilities);
    expect(first.summary).toMatch(/govulncheck v1\.10\.0 \(built from the Go module proxy/);
    expect(second.summary).not.toContain('govulncheck v1.10.0 (');
  }, 300_000);
});

describe('the pure parts: inputs, go.mod lines, verdicts', () => {
  test('ignore-vulnerabilities: an ID and a reason per line, or a message that says what is wrong', () => {
    expect(parseIgnoredVulns(['GO-2021-0113 # we parse only constants', 'CVE-2021-38561 #  alias too '])).toEqual([
      { id: 'GO-2021-0113', reason: 'we parse only constants' },
      { id: 'CVE-2021-38561', reason: 'alias too' },
    ]);
    expect(() => parseIgnoredVulns(['GO-2021-0113'])).toThrow('gives no reason');
    expect(() => parseIgnoredVulns(['GO-2021-0113 #   '])).toThrow('gives no reason');
    expect(() => parseIgnoredVulns(['golang.org/x/text # old'])).toThrow('"golang.org/x/text" is not an advisory ID');
    expect(() => parseIgnoredVulns(['GO-2021-0113 # a', 'GO-2021-0113 # b'])).toThrow('listed twice');
  });

  test('vuln-db: HTTPS or file:///absolute, never plain HTTP or credentials in the URL', () => {
    expect(parseVulnDb('')).toBe('https://vuln.go.dev');
    expect(parseVulnDb('https://vuln.example.com/db/')).toBe('https://vuln.example.com/db');
    expect(parseVulnDb('file:///srv/vulndb')).toBe('file:///srv/vulndb');
    expect(() => parseVulnDb('http://vuln.example.com')).toThrow('plain HTTP');
    expect(() => parseVulnDb('https://u:p@vuln.example.com')).toThrow('without credentials');
    expect(() => parseVulnDb('file://relative/db')).toThrow('file:///absolute/path');
    expect(() => parseVulnDb('vulndb')).toThrow('is not a URL');
  });

  test('the inputs refuse an ignore list that nothing would read', () => {
    const raw = (over: Partial<Record<InputName, string>>) => (n: InputName) => over[n] ?? INPUT_DEFAULTS[n];
    expect(() => parseInputs(raw({ 'ignore-vulnerabilities': 'GO-2021-0113 # ok' }))).toThrow(
      'input "ignore-vulnerabilities": nothing is checked with vulnerabilities: off',
    );
    expect(() => parseInputs(raw({ vulnerabilities: 'warn' }))).toThrow(
      'input "vulnerabilities": "warn" is not a vulnerability mode; expected off, report or fail',
    );
    expect(parseInputs(raw({ vulnerabilities: 'fail' })).vulnerabilities).toBe('fail');
    // The merge job builds nothing: a check asked of it would silently check nothing.
    const merge = { 'merge-digests': `sha256:${'a'.repeat(64)}`, push: 'true', tags: 'ghcr.io/acme/app:1' };
    expect(() => parseInputs(raw({ ...merge, vulnerabilities: 'fail' }))).toThrow(
      'input "vulnerabilities": the merge job builds nothing, so it checks nothing',
    );
    expect(parseInputs(raw(merge)).vulnerabilities).toBe('off');
  });

  test('the require line of a module in go.mod, in a line or a block', () => {
    const text = [
      'module example.com/m',
      '',
      'go 1.22',
      '',
      'require golang.org/x/text v0.3.5 // indirect',
      '',
      'require (',
      '\tgolang.org/x/net v0.1.0',
      '\t// golang.org/x/sys v0.1.0',
      '\tgolang.org/x/sys v0.2.0',
      ')',
      'replace golang.org/x/crypto => ../crypto',
    ].join('\n');
    expect(requireLineOf(text, 'golang.org/x/text')).toBe(5);
    expect(requireLineOf(text, 'golang.org/x/net')).toBe(8);
    expect(requireLineOf(text, 'golang.org/x/sys')).toBe(10);
    expect(requireLineOf(text, 'golang.org/x/crypto')).toBeUndefined();
    expect(requireLineOf(text, 'example.com/m')).toBeUndefined();
  });

  const finding = (over: Partial<Finding>): Finding => ({
    id: 'GO-2021-0113',
    module: 'golang.org/x/text',
    version: 'v0.3.5',
    fixed: 'v0.3.7',
    precision: 'symbol',
    symbols: ['language.Parse'],
    aliases: ['CVE-2021-38561'],
    ...over,
  });
  const checked = (findings: Finding[], precision: 'symbol' | 'module' = 'symbol'): VulnOutcome => ({
    state: 'checked',
    precision,
    findings,
    cached: false,
    ms: 1,
  });

  test('an alias ignores a finding; package- and module-level findings do not count at symbol precision', () => {
    const o = checked([finding({}), finding({ id: 'GO-2022-1059', precision: 'package', symbols: [], aliases: [] })]);
    expect(vulnDiagnostics([{ platform: 'linux/amd64', outcome: o }], 'fail', [])).toHaveLength(1);
    const ignore = [{ id: 'CVE-2021-38561', reason: 'constants only' }];
    expect(vulnDiagnostics([{ platform: 'linux/amd64', outcome: o }], 'fail', ignore)).toEqual([]);
    expect(blocks(o, 'fail', ignore)).toBe(false);
    expect(blocks(o, 'fail', [])).toBe(true);
    expect(blocks(o, 'report', [])).toBe(false);
    const r = vulnReport([{ platform: 'linux/amd64', outcome: o }], { mode: 'fail', db: 'x', ignore });
    expect(r.platforms[0]).toMatchObject({ found: [], nearby: [{ id: 'GO-2022-1059' }] });
    expect(r.platforms[0].ignored?.map((f) => [f.id, f.reason])).toEqual([['GO-2021-0113', 'constants only']]);
    expect(r.unused).toEqual([]);
  });

  test('at module precision every advisory counts and the message says the functions could not be read', () => {
    const o = checked([finding({ precision: 'module', symbols: [] })], 'module');
    const [d] = vulnDiagnostics([{ platform: 'linux/arm/v7', outcome: o }], 'report', []);
    expect(d.level).toBe('warning');
    expect(d.message).toContain('could not be read (stripped, and older than Go 1.20)');
    expect(d.title).toBe('vulnerability GO-2021-0113 (linux/arm/v7)');
  });

  test('a reason a binary went unchecked is one diagnostic naming every platform; stdlib advice names Go', () => {
    const unchecked: VulnOutcome = { state: 'unchecked', reason: 'the database cannot be read' };
    const list = ['linux/amd64', 'linux/arm64'].map((platform) => ({ platform, outcome: unchecked }));
    expect(vulnDiagnostics(list, 'fail', [])).toEqual([
      {
        level: 'error',
        title: 'vulnerabilities (linux/amd64, linux/arm64)',
        message: 'Not checked for known vulnerabilities: the database cannot be read; nothing was pushed',
      },
    ]);
    const std = checked([
      finding({ module: 'stdlib', version: 'v1.26.8', fixed: 'v1.26.9', symbols: ['http.Server.Serve'] }),
    ]);
    const [d] = vulnDiagnostics([{ platform: 'linux/amd64', outcome: std }], 'report', [], {
      file: 'go.mod',
      text: 'module m\n\ngo 1.26.8\n',
    });
    expect(d.message).toContain('in the Go standard library v1.26.8');
    expect(d.message).toContain('Fixed in Go 1.26.9: build with it');
    // The standard library's version is the go line's (or the toolchain line's) to raise.
    expect([d.file, d.startLine]).toEqual(['go.mod', 3]);
  });

  test('the summary says what fixes them all: the newest fix per module, and what has none', () => {
    const std = (id: string, fixed: string) =>
      finding({ id, module: 'stdlib', version: 'v1.26.8', fixed, symbols: ['http.Server.Serve'] });
    const o = checked([
      std('GO-2026-6603', 'v1.26.9'),
      std('GO-2026-6809', 'v1.26.10'),
      finding({ id: 'GO-2099-0001', module: 'golang.org/x/net', version: 'v0.1.0', fixed: undefined }),
    ]);
    const r = vulnReport(
      ['linux/amd64', 'linux/arm64'].map((platform) => ({ platform, outcome: o })),
      { mode: 'report', db: 'https://vuln.go.dev', ignore: [] },
    );
    expect(vulnLines(r)).toContain(
      '**To fix:** build with Go 1.26.10 or later (fixes 2) · 1 in `golang.org/x/net` has no fix yet.',
    );
  });

  test('the results cache keeps the most recently used entries within its bound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-vulncache-'));
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(dir, `${i}.json`), 'x'.repeat(100));
      utimesSync(join(dir, `${i}.json`), new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    }
    expect(await pruneVulnCache(dir, 250)).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['3.json', '4.json']);
    expect(await pruneVulnCache(dir, 250)).toBe(0);
  });

  test('a long list of functions is cut, with the count of the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => `http.F${i}`);
    expect(fewSymbols(many, 5)).toBe('http.F0, http.F1, http.F2, http.F3, http.F4 and 7 more');
    expect(fewSymbols(many.slice(0, 2), 5)).toBe('http.F0, http.F1');
  });
});

describe('govulncheck is built only as the checksum database vouches for it', () => {
  const cache = {
    find: () => Promise.resolve(''),
    download: () => Promise.reject(new Error('no download')),
    extractZip: () => Promise.reject(new Error('no zip')),
    cacheDir: () => Promise.reject(new Error('nothing to cache')),
  };
  const calls: Array<{ args: string[]; env: Record<string, string> | undefined }> = [];
  const exec: Exec = (_cmd, args, opts) => {
    calls.push({ args, env: opts?.env });
    return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'go: refused by the test' });
  };
  const deps = (env: Record<string, string>) => ({
    env: { PATH: process.env.PATH ?? '', ...env },
    exec,
    cache,
    cacheArch: 'x64',
    tempRoot: mkdtempSync(join(tmpdir(), 'scratchpack-gv-')),
    warn: () => undefined,
  });

  test('GOSUMDB=off is refused before go runs; GONOSUMDB, GOPRIVATE, GOFLAGS and a go env file never reach it', async () => {
    await expect(provideGovulncheck(undefined, deps({ GOSUMDB: 'off' }))).rejects.toThrow(
      'input "vulnerabilities": govulncheck is built only once the checksum database has vouched for it, and GOSUMDB=off turns that off',
    );
    expect(calls).toEqual([]);
    const leaky = {
      GONOSUMDB: 'golang.org',
      GOPRIVATE: 'golang.org',
      GOINSECURE: '*',
      GOFLAGS: '-insecure',
      INPUT_PASSWORD: 'x',
    };
    await expect(provideGovulncheck(undefined, deps(leaky))).rejects.toThrow(
      'go install golang.org/x/vuln/cmd/govulncheck@v1.10.0 failed:\ngo: refused by the test',
    );
    const [{ args, env }] = calls;
    expect(args).toEqual(['install', 'golang.org/x/vuln/cmd/govulncheck@v1.10.0']);
    expect(env).toMatchObject({ GOENV: 'off', GOFLAGS: '', GOTOOLCHAIN: 'local', GOWORK: 'off' });
    for (const k of ['GONOSUMDB', 'GOPRIVATE', 'GOINSECURE', 'INPUT_PASSWORD']) expect(env).not.toHaveProperty(k);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionAsync, sh, ROOT, type ActionRun } from './helpers/action.js';
import { startGoProxy, type GoProxy } from './helpers/goproxy.js';
import { runInProcess } from './helpers/in-process.js';
import { testSigner } from './helpers/note-signer.js';
import { makeZip } from './helpers/zip.js';

// No go anywhere on this PATH: the action must bring its own (unzip, git and tar stay).
const NO_GO_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';
const ZIP = '/golang.org/toolchain/@v/v0.0.1-go1.22.0.linux-amd64.zip';

// What the test proxy answers itself: a tampered zip when set, and a version that does not exist, as
// proxy.golang.org answers it (404; this machine's own network filter says 403), or one it claims exists.
let tampered: Buffer | undefined;
const MISSING = '/golang.org/toolchain/@v/v0.0.1-go1.22.99.linux-amd64.info';
const CLAIMED = '/golang.org/toolchain/@v/v0.0.1-go1.22.98.linux-amd64.info';
// A list in which 1.22.0 is the latest 1.22 release for linux/amd64 (others are newer, prereleases, or other platforms).
const LIST = [
  'v0.0.1-go1.21.13.linux-amd64',
  'v0.0.1-go1.22rc2.linux-amd64',
  'v0.0.1-go1.22.0.linux-amd64',
  'v0.0.1-go1.22.5.linux-arm64',
  'v0.0.1-go1.22.6.darwin-amd64',
  'v0.0.1-go1.23.0.linux-amd64',
].join('\n');
let proxy: GoProxy;
beforeAll(async () => {
  expect(sh('sh', ['-c', 'command -v go || true'], { env: { PATH: NO_GO_PATH } }).trim()).toBe('');
  proxy = await startGoProxy((path) => {
    if (tampered && path === ZIP) return { status: 200, body: tampered };
    if (path === MISSING) return { status: 404, body: Buffer.from('not found: unknown revision') };
    if (path === CLAIMED) return { status: 200, body: Buffer.from('{"Version":"v0.0.1-go1.22.98.linux-amd64"}') };
    if (path === '/golang.org/toolchain/@v/list') return { status: 200, body: Buffer.from(LIST) };
    return undefined;
  });
});
afterAll(() => proxy.close());
beforeEach(() => void proxy.requests.splice(0));

const newToolCache = () => mkdtempSync(join(tmpdir(), 'scratchpack-tool-cache-'));
const example = { 'working-directory': 'example', platforms: 'linux/amd64,linux/arm64', 'source-date-epoch': '1' };

describe('Go from go.mod, with no go on PATH', () => {
  const toolCache = newToolCache();
  let first: ActionRun;
  let second: ActionRun;
  let firstRequests: string[];
  beforeAll(async () => {
    const env = { PATH: NO_GO_PATH, GOPROXY: proxy.url, RUNNER_TOOL_CACHE: toolCache };
    first = await runActionAsync(example, { env });
    firstRequests = proxy.requests.splice(0);
    second = await runActionAsync(example, { env });
  }, 600_000);

  test('downloads the go line toolchain (1.22 → 1.22.0), verifies it against sum.golang.org, and builds with it', () => {
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.summary).toMatch(
      /Go 1\.22\.0 \(downloaded and verified: 69\.\d MiB in [\d.]+ s; `example\/go\.mod:3: go 1\.22`\)/,
    );
    expect(firstRequests).toContain(ZIP);
    expect(
      firstRequests.filter((p) =>
        p.startsWith('/sumdb/sum.golang.org/lookup/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64'),
      ),
    ).toHaveLength(1);
    expect(firstRequests.some((p) => p.startsWith('/sumdb/sum.golang.org/tile/8/'))).toBe(true);
    const images = JSON.parse(first.outputs.images) as { binary: { path: string } }[];
    expect(images).toHaveLength(2);
    const binaries = first.outputs.binaries;
    const built = sh('go', ['version', join(binaries, 'linux_arm64', 'hello')]);
    expect(built).toContain('go1.22.0');
    // Installed as setup-go installs: GOROOT at go/<version>/<arch>, with the bits and go.mod files go restores.
    const goroot = join(toolCache, 'go', '1.22.0', 'x64');
    expect(existsSync(`${goroot}.complete`)).toBe(true);
    expect(sh(join(goroot, 'bin', 'go'), ['version'], { env: { GOTOOLCHAIN: 'local' } })).toContain('go1.22.0');
    expect(existsSync(join(goroot, 'src', 'go.mod'))).toBe(true);
    expect(existsSync(join(goroot, 'src', 'cmd', 'go.mod'))).toBe(true);
  });

  test('a second run takes it from the tool cache and asks the proxy nothing', () => {
    expect(second.code).toBe(0);
    expect(second.summary).toContain('Go 1.22.0 (from tool cache; `example/go.mod:3: go 1.22`)');
    expect(proxy.requests.splice(0)).toEqual([]);
    expect(second.outputs.digest).toBe(first.outputs.digest);
  });
});

/** Runs the action from src/ with the given go environment and a fresh tool cache. */
async function inProcess(inputs: Record<string, string>, env: Record<string, string>) {
  const toolCache = newToolCache();
  const run = await runInProcess(
    { 'source-date-epoch': '1', platforms: 'linux/amd64', 'working-directory': 'example', ...inputs },
    { env: { PATH: NO_GO_PATH, GOPROXY: proxy.url, RUNNER_TOOL_CACHE: toolCache, GITHUB_WORKSPACE: ROOT, ...env } },
  );
  return { run, toolCache };
}

/** Nothing was built or written: no binaries, no layout, no toolchain cached, no download left in RUNNER_TEMP. */
function expectNothingDone(run: ActionRun, toolCache: string) {
  expect(run.code).not.toBe(0);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).not.toContain('%0A    at ');
  expect(readdirSync(toolCache)).toEqual([]);
  expect(existsSync(join(run.runnerTemp, 'scratchpack', 'oci'))).toBe(false);
  expect(existsSync(join(run.runnerTemp, 'scratchpack', 'build'))).toBe(false);
  expect(readdirSync(run.runnerTemp).filter((f) => /^[0-9a-f-]{36}$/.test(f))).toEqual([]);
}

describe('a toolchain that cannot be verified is refused, and nothing is cached or run', () => {
  test('a proxy that serves other content than the checksum database records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tampered-'));
    makeZip(join(dir, 'go.zip'), [
      ['golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64/bin/go', '#!/bin/sh\necho owned\n'],
    ]);
    tampered = readFileSync(join(dir, 'go.zip'));
    try {
      const { run, toolCache } = await inProcess({}, {});
      expectNothingDone(run, toolCache);
      expect(run.errors[0]).toMatch(
        /input "go-version": checksum mismatch for Go 1\.22\.0: the zip from http:\/\/127\.0\.0\.1:\d+ hashes to h1:\S+, but sum\.golang\.org records h1:sw\/OXbYl9bnHFo9BQjiVYaAIfQ1Nz\/\/kiAjHaDP5RVw=; nothing was installed/,
      );
    } finally {
      tampered = undefined;
    }
  }, 120_000);

  test('GOSUMDB=off', async () => {
    const { run, toolCache } = await inProcess({}, { GOSUMDB: 'off' });
    expectNothingDone(run, toolCache);
    expect(run.errors[0]).toContain('input "go-version": GOSUMDB=off: a Go toolchain is run only after');
  });

  test('a database key that did not sign the tree', async () => {
    const { run, toolCache } = await inProcess({}, { GOSUMDB: testSigner('sum.golang.org').vkey });
    expectNothingDone(run, toolCache);
    expect(run.errors[0]).toContain(
      'input "go-version": Go 1.22.0 cannot be verified, so it is not downloaded: the note is not signed by sum.golang.org',
    );
  });
});

describe('go-version errors name the input or the go.mod line', () => {
  test('a version that does not exist', async () => {
    const { run, toolCache } = await inProcess({ 'go-version': '1.22.99' }, {});
    expectNothingDone(run, toolCache);
    expect(run.errors[0]).toContain(
      'input "go-version": go-version: 1.22.99: Go 1.22.99 does not exist for linux/amd64',
    );
  });

  test('a version the checksum database has no record of', async () => {
    const { run, toolCache } = await inProcess({ 'go-version': '1.22.98' }, {});
    expectNothingDone(run, toolCache);
    expect(run.errors[0]).toContain(
      'input "go-version": Go 1.22.98 cannot be verified, so it is not downloaded: the checksum database sum.golang.org has no record of golang.org/toolchain@v0.0.1-go1.22.98.linux-amd64',
    );
    expect(proxy.requests.some((p) => p.endsWith('.zip'))).toBe(false);
  });

  test('a proxy that cannot be reached suggests go-version: local', async () => {
    const { run, toolCache } = await inProcess({}, { GOPROXY: 'http://127.0.0.1:9' });
    expectNothingDone(run, toolCache);
    expect(run.errors[0]).toMatch(
      /input "go-version": the Go module proxy http:\/\/127\.0\.0\.1:9 cannot be reached \(.*ECONNREFUSED.*\); set GOPROXY, or use go-version: local after actions\/setup-go/,
    );
  });

  test('credentials in GOPROXY are masked as they are read and never shown', async () => {
    const { run, toolCache } = await inProcess({}, { GOPROXY: 'http://bob:s3cret-proxy-pass@127.0.0.1:9' });
    expectNothingDone(run, toolCache);
    expect(run.stdout).toContain('::add-mask::s3cret-proxy-pass');
    expect(run.errors[0]).toContain('the Go module proxy http://127.0.0.1:9 cannot be reached');
    expect(run.stdout.replace('::add-mask::s3cret-proxy-pass', '')).not.toContain('s3cret-proxy-pass');
  });

  test('a go.mod that cannot be read, or whose go line is not a version', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'scratchpack-ws-'));
    mkdirSync(join(ws, 'bad'));
    writeFileSync(join(ws, 'bad', 'go.mod'), 'module bad\n\ngo one.two\n');
    mkdirSync(join(ws, 'none'));
    const bad = await inProcess({ 'working-directory': 'bad' }, { GITHUB_WORKSPACE: ws });
    expectNothingDone(bad.run, bad.toolCache);
    expect(bad.run.errors[0]).toContain('input "go-version": bad/go.mod:3: go one.two is not a Go version');
    const none = await inProcess({ 'working-directory': 'none' }, { GITHUB_WORKSPACE: ws });
    expectNothingDone(none.run, none.toolCache);
    expect(none.run.errors[0]).toContain('input "go-version": go.mod: no go.mod in');
  });

  test('go-version: local leaves go to PATH, as before, and says that go is missing', async () => {
    const { run } = await inProcess({ 'go-version': 'local' }, {});
    expect(run.code).not.toBe(0);
    expect(proxy.requests.splice(0)).toEqual([]);
    expect(run.errors.join('\n')).toContain('go');
  });
});

test('the go on PATH that satisfies go.mod is used, and the proxy is not asked', async () => {
  const run = await runActionAsync(example, { env: { GOPROXY: proxy.url, RUNNER_TOOL_CACHE: newToolCache() } });
  expect(run.errors).toEqual([]);
  expect(run.summary).toMatch(/Go 1\.\d+\.\d+ \(from PATH; `example\/go\.mod:3: go 1\.22`\)/);
  expect(proxy.requests).toEqual([]);
});

test('go-version: 1.22 takes the latest 1.22 release the proxy lists for this platform', async () => {
  const toolCache = newToolCache();
  const run = await runActionAsync(
    { ...example, platforms: 'linux/amd64', 'go-version': '1.22' },
    { env: { PATH: NO_GO_PATH, GOPROXY: proxy.url, RUNNER_TOOL_CACHE: toolCache } },
  );
  expect(run.errors).toEqual([]);
  expect(proxy.requests).toContain('/golang.org/toolchain/@v/list');
  expect(run.summary).toMatch(/Go 1\.22\.0 \(downloaded and verified: [\d.]+ MiB in [\d.]+ s; `go-version: 1\.22`\)/);
}, 300_000);

test('go-version: 1.26 takes a 1.26 release already on PATH', async () => {
  const local = sh('go', ['env', 'GOVERSION']).trim();
  const run = await runActionAsync(
    { ...example, platforms: 'linux/amd64', 'go-version': local.replace(/^go(\d+\.\d+).*/, '$1') },
    { env: { GOPROXY: proxy.url, RUNNER_TOOL_CACHE: newToolCache() } },
  );
  expect(run.errors).toEqual([]);
  expect(run.summary).toContain(`Go ${local.slice(2)} (from PATH; \`go-version: `);
  expect(proxy.requests).toEqual([]);
});

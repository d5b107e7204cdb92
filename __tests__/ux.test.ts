// Issue 27, what the user sees: messages that fit the path the user took.
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runActionAsync, sh } from './helpers/action.js';
import { deadAddress } from './helpers/registry.js';
import { statusOf, type RunEnd, type TargetOutcome } from '../src/report/model.js';
import { impliedRegistryNote, parseTag } from '../src/inputs/reference.js';
import { withTagOrigin } from '../src/publish/outcome.js';
import { RegistryError } from '../src/publish/registry/errors.js';
import { closest, editDistance, unknownInputs } from '../src/inputs/spelling.js';
import { Progress, sizeOf } from '../src/report/progress.js';
import { fitAnnotations, type Diagnostic } from '../src/kernel/diagnostic.js';
import { renderSummary } from '../src/report/summary.js';
import { emptyReport } from '../src/report/model.js';
import { writeFileSync } from 'node:fs';

describe('a tag with no registry host is Docker Hub, and the log and the failure say so', () => {
  test('myapp:latest with push: the log names docker.io/library/myapp once, and the error names the tag', async () => {
    const home = mkdtempSync(join(tmpdir(), 'scratchpack-nohub-'));
    const r = await runActionAsync(
      { 'working-directory': 'example', platforms: 'linux/amd64', tags: 'myapp:latest', push: 'true' },
      // No Docker config, and no network to Docker Hub here: the push fails at docker.io, as the issue saw it.
      { env: { HOME: home, DOCKER_CONFIG: home } },
    );
    expect(r.code).toBe(1);
    const notes = r.stdout.split('\n').filter((l) => l.startsWith('tags: read "myapp:latest"'));
    expect(notes).toEqual([
      'tags: read "myapp:latest" as docker.io/library/myapp:latest: a tag with no registry host is a Docker Hub tag, as docker reads it; write the host (e.g. ghcr.io/owner/app:1.0) to push elsewhere',
    ]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('registry docker.io');
    expect(r.errors[0]).toContain('docker.io is the registry of the tags "myapp:latest", which name no registry host');
  }, 120_000);

  test('a tag with a host gets no note, and other registries keep their own message', () => {
    const tags = ['ghcr.io/acme/app:1', 'docker.io/acme/app:1', 'app:2'].map(parseTag);
    expect(tags.map((t) => t.given)).toEqual([undefined, undefined, 'app:2']);
    expect(impliedRegistryNote(tags.slice(0, 2))).toBeUndefined();
    const ghcr = new RegistryError('ghcr.io', 'ping', 401, 'denied');
    expect(withTagOrigin(ghcr, tags)).toBe(ghcr);
    const hub = new RegistryError('docker.io', 'ping', 'ENOTFOUND', '');
    expect((withTagOrigin(hub, tags) as Error).message).toContain('the tags "app:2"');
  });
});

describe('a misspelled input or platform gets a "did you mean"', () => {
  test('edit distance and the closest name', () => {
    expect(editDistance('platform', 'platforms')).toBe(1);
    expect(editDistance('tagz', 'tags')).toBe(1);
    expect(closest('platfroms', ['platforms', 'push'])).toBe('platforms');
    expect(closest('cache-from', ['platforms', 'push', 'tags'])).toBeUndefined();
  });
  test('only INPUT_ variables that name no input', () => {
    expect(
      unknownInputs(
        ['INPUT_PLATFORMS', 'INPUT_WORKING-DIRECTORY', 'INPUT_PLATFORM', 'PATH'],
        ['platforms', 'working-directory'],
      ),
    ).toEqual(['platform']);
  });
});

describe('every run leaves something to inspect', () => {
  test('a push that fails leaves the layout, the digest output and the statuses: push failed', async () => {
    const dead = await deadAddress();
    const r = await runActionAsync({
      'working-directory': 'example',
      platforms: 'linux/amd64,linux/arm64',
      tags: `${dead}/acme/app:1`,
      push: 'true',
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`registry ${dead}`);
    const layout = r.outputs['oci-layout'];
    expect(existsSync(join(layout, 'index.json'))).toBe(true);
    expect(r.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(sh('skopeo', ['inspect', '--raw', `oci:${layout}:1`])).manifests).toHaveLength(2);
    expect((JSON.parse(r.outputs.images) as Array<{ status: string }>).map((i) => i.status)).toEqual([
      'push failed',
      'push failed',
    ]);
  }, 120_000);

  test('with no tags, the layout names the index latest, and the summary says how to read it: skopeo does', async () => {
    const r = await runActionAsync({
      'working-directory': 'example',
      platforms: 'linux/amd64,linux/arm64',
      'source-date-epoch': '1700000000',
    });
    expect(r.errors).toEqual([]);
    expect(r.summary).toContain('**Created:** 2023-11-14T22:13:20Z (epoch 1700000000, from input)');
    // What every image holds besides its binary, with sizes.
    expect(r.summary).toMatch(
      /\*\*Also in every image:\*\* the CA bundle `\/etc\/ssl\/certs\/ca-certificates\.crt` \([\d.]+ KiB\)/,
    );
    const layout = r.outputs['oci-layout'];
    expect(r.summary).toContain(`\`oci:${layout}:latest\``);
    const index = JSON.parse(sh('skopeo', ['inspect', '--raw', `oci:${layout}:latest`]));
    expect(index.manifests).toHaveLength(2);
    const copy = mkdtempSync(join(tmpdir(), 'scratchpack-copy-'));
    sh('skopeo', ['copy', '--override-arch', 'arm64', `oci:${layout}:latest`, `dir:${copy}`]);
    expect(JSON.parse(sh('skopeo', ['inspect', '--config', `dir:${copy}`])).architecture).toBe('arm64');
  }, 120_000);
});

describe('a long run is never silent', () => {
  test('a line per target as each stage ends, as the runner shows the log', async () => {
    const r = await runActionAsync({ 'working-directory': 'example', platforms: 'linux/amd64,linux/arm64' });
    const lines = r.stdout.split('\n');
    for (const p of ['linux/amd64', 'linux/arm64']) {
      expect(lines.some((l) => new RegExp(`^${p}: built in [\\d.]+ s \\(go build\\)$`).test(l))).toBe(true);
      expect(lines.some((l) => new RegExp(`^${p}: checked: static, [\\d.]+ MiB$`).test(l))).toBe(true);
      expect(
        lines.some((l) => new RegExp(`^${p}: layer [\\d.]+ MiB( \\(from the layer cache\\))? in [\\d.]+ s$`).test(l)),
      ).toBe(true);
    }
  }, 120_000);
  test('a heartbeat names what is still running, and for how long', () => {
    let now = 0;
    const said: string[] = [];
    const progress = new Progress(
      (l) => said.push(l),
      () => now,
    );
    progress.start('linux/arm64', 'go build');
    progress.start('linux/s390x', 'go build');
    now = 30_000;
    progress.done('linux/arm64', (s) => `built in ${s} s (go build)`);
    expect(said).toEqual(['linux/arm64: built in 30.0 s (go build)']);
    now = 61_000;
    expect(progress.heartbeat(61)).toBe('still running after 61 s: linux/s390x (go build, 61 s)');
    progress.done('linux/s390x', () => 'built');
    expect(progress.heartbeat(90)).toBeUndefined();
    expect([sizeOf(12.3 * 1024 ** 2), sizeOf(840 * 1024)]).toEqual(['12.3 MiB', '840 KiB']);
  });
});

describe('one error, once, naming every platform it happened on', () => {
  test('fifteen platforms with the same compile error: one annotation with the file, the line and all fifteen', async () => {
    const platforms = [
      ...['amd64', 'arm64', 'arm/v5', 'arm/v6', 'arm/v7', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64'],
      ...['mips64le', 'mips64', 'mipsle', 'mips', 'loong64'],
    ].map((a) => `linux/${a}`);
    const r = await runActionAsync({
      'working-directory': '__tests__/fixtures/broken',
      platforms: platforms.join(','),
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`title=go build (${platforms.join('%2C ')})`);
    expect(r.errors[0]).toContain('file=__tests__/fixtures/broken/main.go,line=7');
    // The summary's error list names them too, its path not read as Markdown emphasis.
    expect(r.summary).toContain(
      `- ${platforms.join(', ')}: \\_\\_tests\\_\\_/fixtures/broken/main.go:7: undefined: undefinedThing`,
    );
  }, 300_000);
});

describe('past the ten annotations GitHub shows a step, the rest are grouped and the summary lists them all', () => {
  test('twelve distinct compile errors: nine annotations, a tenth that lists three more, the summary all twelve', async () => {
    const r = await runActionAsync({ 'working-directory': '__tests__/fixtures/manyerrors', platforms: 'linux/amd64' });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(10);
    expect(
      r.errors.slice(0, 9).every((e) => /file=__tests__\/fixtures\/manyerrors\/[ab]\/[ab]\.go,line=\d/.test(e)),
    ).toBe(true);
    const last = r.errors[9];
    expect(last).toContain('title=3 more errors');
    expect(
      last.match(/%0A- __tests__\/fixtures\/manyerrors\/[ab]\/[ab]\.go:\d: undefined: undefined[ab]\d/g),
    ).toHaveLength(3);
    for (const p of ['a', 'b'])
      for (let i = 1; i <= 6; i++) expect(r.summary).toContain(`undefined: undefined${p}${i}`);
  }, 120_000);
  test('each level is cut on its own, and ten or fewer are left as they are', () => {
    const d = (level: Diagnostic['level'], i: number): Diagnostic => ({
      level,
      message: `m${i}`,
      title: `t (linux/x${i})`,
    });
    const ten = Array.from({ length: 10 }, (_, i) => d('error', i));
    expect(fitAnnotations(ten, { error: 10, warning: 10, notice: 9 })).toEqual(ten);
    const many = [...Array.from({ length: 11 }, (_, i) => d('warning', i)), ...ten];
    const fit = fitAnnotations(many, { error: 10, warning: 10, notice: 9 });
    expect(fit.filter((x) => x.level === 'error')).toEqual(ten);
    const warnings = fit.filter((x) => x.level === 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings[9].message).toContain('- m9 (t (linux/x9))\n- m10 (t (linux/x10))');
  });
});

describe("go's own output is not lost when a build fails for another reason than a compile error", () => {
  test('inconsistent vendoring: the error has what go printed, to its last line', async () => {
    const dir = join(ROOT, '.tmp', `vendoring-${process.pid}`);
    mkdirSync(join(dir, 'vendor'), { recursive: true });
    writeFileSync(join(dir, 'go.mod'), 'module example.com/v\n\ngo 1.22\n\nrequire example.com/absent v1.2.3\n');
    writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
    writeFileSync(join(dir, 'vendor', 'modules.txt'), '');
    const r = await runActionAsync(
      { 'working-directory': `.tmp/vendoring-${process.pid}`, platforms: 'linux/amd64' },
      { env: { GOFLAGS: '-mod=vendor' } },
    );
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('go: inconsistent vendoring in');
    expect(r.errors[0]).toMatch(/To sync the vendor directory, run:%0A\s*go mod vendor$/);
  }, 120_000);
});

describe('the summary never passes the 1 MiB GitHub takes', () => {
  test("the tests' output goes first, then the tail of the error list, and the summary says so", () => {
    const platforms = Array.from({ length: 40 }, (_, i) => `linux/p${i}`);
    const output = Array.from({ length: 20 }, () => 'x'.repeat(200)).join('\n');
    const r = {
      ...emptyReport(platforms),
      tests: platforms.map((platform) => ({
        platform,
        status: 'failed' as const,
        ms: 1,
        via: 'native',
        output,
        detail: 'exit 1',
      })),
      errors: Array.from({ length: 1000 }, (_, i) => `linux/p${i % 40}: ${'e'.repeat(1500)} ${i}`),
    };
    const full = renderSummary(r, 10 * 1024 * 1024);
    expect(Buffer.byteLength(full)).toBeGreaterThan(1024 * 1024);
    expect(full).toContain('x'.repeat(200));
    const cut = renderSummary(r);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(1024 * 1024);
    expect(cut).not.toContain('x'.repeat(200));
    expect(cut).toContain("their output is left out to fit GitHub's 1 MiB summary limit");
    expect(cut).toMatch(/- … and \d+ more, left out to fit GitHub's 1 MiB summary limit: see the step's log/);
    // Only the test output had to go when the errors alone fit.
    const fewer = renderSummary({ ...r, errors: r.errors.slice(0, 100) }, 400 * 1024);
    expect(fewer).not.toContain('more, left out');
    expect(fewer).toContain(' 99');
  });
});

describe('one status per platform, from one place: the row, the images output and the failure say it', () => {
  const dir = join(ROOT, '.tmp', `ux-${process.pid}`);
  const statuses = (r: { outputs: Record<string, string> }) =>
    (JSON.parse(r.outputs.images) as Array<{ status: string }>).map((i) => i.status);
  const bothAmd64 = () => {
    mkdirSync(dir, { recursive: true });
    sh('gcc', ['-static', '-O2', '-o', join(dir, 'hello'), join(ROOT, '__tests__', 'fixtures', 'native', 'hello.c')]);
    // The same x86-64 binary for arm64 too: the arm64 image is refused (exec format error), amd64 is fine.
    return `linux/amd64=.tmp/ux-${process.pid}/hello\nlinux/arm64=.tmp/ux-${process.pid}/hello`;
  };
  test('written, built, rejected (check), not tested (another failed)', async () => {
    const binaries = bothAmd64();
    const ok = await runActionAsync({ platforms: 'linux/amd64', binaries: `.tmp/ux-${process.pid}/hello` });
    expect(statuses(ok)).toEqual(['written']);
    // gcc without -s leaves the symbol table: the summary says how much, and how to drop it on this path.
    expect(ok.summary).toMatch(
      /\*\*Not stripped:\*\* `linux\/amd64` carries [\d.]+ KiB of symbols and debug info; to ship less, run `strip` on it/,
    );
    const one = await runActionAsync({ platforms: 'linux/amd64,linux/arm64', binaries });
    expect(statuses(one)).toEqual(['built', 'rejected (check)']);
    expect(one.stdout).toContain('2 of 2 platforms failed: linux/amd64 (built), linux/arm64 (rejected (check))');
    expect(one.summary).toContain('| **rejected (check)** |');
    const tested = await runActionAsync({ platforms: 'linux/amd64,linux/arm64', binaries, 'test-args': '--x' });
    expect(statuses(tested)).toEqual(['not tested (another failed)', 'rejected (check)']);
  }, 120_000);
  test('how far the run got decides what a platform that did nothing wrong is', () => {
    const fine: TargetOutcome = { platform: 'linux/amd64', obtained: true, from: 'go build', rejected: false };
    const at = (a: RunEnd['at'], pushing: boolean, testing = false): RunEnd => ({ at: a, pushing, testing });
    expect(statusOf(fine, at('published', true))).toBe('pushed');
    expect(statusOf(fine, at('published', false))).toBe('written');
    expect(statusOf(fine, at('publish failed', true))).toBe('push failed');
    expect(statusOf(fine, at('tests', true, true))).toBe('not pushed (another failed)');
    expect(statusOf(fine, at('checks', true, true))).toBe('not tested (another failed)');
    expect(statusOf({ ...fine, testFailed: true }, at('tests', true, true))).toBe('test failed');
    expect(statusOf({ ...fine, obtained: false }, at('checks', true))).toBe('build failed');
  });
});

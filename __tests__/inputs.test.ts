import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from './helpers/action.js';
import { runInProcess } from './helpers/in-process.js';

/** Each bad input, the inputs that carry it, and text the one ::error must contain (the input name and the value). */
const cases: Array<[string, Record<string, string>, string[]]> = [
  [
    'bad variant',
    { platforms: 'linux/amd64/v9' },
    ['input "platforms"', 'platform "linux/amd64/v9": variant must be v1..v4'],
  ],
  ['malformed platform', { platforms: 'linux-amd64' }, ['"linux-amd64"', 'expected os/arch[/variant]']],
  ['duplicate platforms', { platforms: 'linux/amd64\nlinux/amd64/v1' }, ['"linux/amd64/v1" duplicates "linux/amd64"']],
  ['non-Linux platform', { platforms: 'windows/amd64' }, ['"windows/amd64"', 'os must be linux']],
  ['unknown arch', { platforms: 'linux/amd64,linux/vax' }, ['unknown architecture "vax"']],
  ['empty platforms', { platforms: '# nothing here' }, ['input "platforms"', 'no platform given']],
  ['bad tag case', { tags: 'ghcr.io/Acme/app:1' }, ['input "tags"', 'ghcr.io/Acme/app:1', 'lowercase']],
  ['bad tag text', { tags: 'ghcr.io/acme/app:bad tag!' }, ['input "tags"', '"bad tag!"']],
  ['tag with digest', { tags: `ghcr.io/acme/app@sha256:${'0'.repeat(64)}` }, ['input "tags"', 'cannot carry a digest']],
  ['bad boolean', { cgo: 'yes' }, ['input "cgo"', '"yes" is not a boolean; expected true or false']],
  ['bad boolean tzdata', { tzdata: '1' }, ['input "tzdata"', '"1"']],
  [
    'unknown linkage',
    { linkage: 'dynamic' },
    ['input "linkage"', '"dynamic" is not a linkage; expected static or gather'],
  ],
  [
    'cc for a platform not listed',
    { cgo: 'true', cc: 'linux/s390x=s390x-linux-gnu-gcc' },
    ['input "cc"', 'names linux/s390x, which is not in platforms'],
  ],
  [
    'no cross compiler',
    { cgo: 'true', platforms: 'linux/riscv64' },
    ['input "cc"', 'riscv64-linux-gnu-gcc is not on PATH', 'gcc-riscv64-linux-gnu'],
  ],
  [
    'zig for a platform zig cannot target',
    { cgo: 'true', cc: 'zig', platforms: 'linux/amd64,linux/mips64le' },
    ['input "cc"', 'zig cannot build cgo for linux/mips64le here', 'linux/loong64'],
  ],
  [
    'bad go-version',
    { 'go-version': 'latest' },
    ['input "go-version"', '"latest" is not a Go version; expected go.mod, local, or a version such as 1.26'],
  ],
  [
    'bad test-timeout',
    { 'test-args': '--version', 'test-timeout': 'ten' },
    ['input "test-timeout"', '"ten" is not a number of seconds'],
  ],
  [
    'bad test-expect',
    { 'test-expect': '(unclosed' },
    ['input "test-expect"', '"(unclosed" is not a regular expression'],
  ],
  ['bad sbom', { sbom: 'yes' }, ['input "sbom"', '"yes" is not a boolean']],
  [
    'binaries naming an unknown placeholder',
    { binaries: 'dist/{goos}/app' },
    ['input "binaries"', '"{goos}" in "dist/{goos}/app" is not a placeholder'],
  ],
  ['bad zig-version', { 'zig-version': 'master' }, ['input "zig-version"', '"master" is not a zig version']],
  [
    'GOTOOLCHAIN beside go-version',
    { env: 'GOTOOLCHAIN=go1.25.0' },
    ['input "env"', 'GOTOOLCHAIN is set by go-version (go.mod)', 'go-version: local'],
  ],
  [
    'no sysroot',
    { linkage: 'gather', platforms: 'linux/ppc64le' },
    ['input "sysroot"', '/usr/powerpc64le-linux-gnu does not exist', 'libc6-dev-ppc64el-cross'],
  ],
  ['push without tags', { push: 'true' }, ['input "push"', 'needs at least one reference in "tags"']],
  [
    'push-by-digest without push',
    { 'push-by-digest': 'true', tags: 'ghcr.io/a/b:1' },
    ['input "push-by-digest"', 'needs push: true'],
  ],
  [
    'merge with push-by-digest',
    { push: 'true', 'push-by-digest': 'true', 'merge-digests': `sha256:${'a'.repeat(64)}`, tags: 'ghcr.io/a/b:1' },
    ['input "merge-digests"', 'cannot also push-by-digest'],
  ],
  [
    'merge across repositories',
    { push: 'true', 'merge-digests': `sha256:${'a'.repeat(64)}`, tags: 'ghcr.io/a/b:1\nghcr.io/a/c:1' },
    ['input "merge-digests"', 'same repository'],
  ],
  [
    'bad merge digest',
    { push: 'true', 'merge-digests': 'sha256:abc\nsha256:def', tags: 'ghcr.io/a/b:1' },
    ['input "merge-digests"', '"sha256:abc" is not a digest'],
  ],
  ['bad media-types', { 'media-types': 'oci-ish' }, ['input "media-types"', '"oci-ish"', 'expected oci or docker']],
  [
    'docker types with annotations',
    { 'media-types': 'docker', annotations: 'a=b' },
    ['input "annotations"', 'Docker media types carry no annotations'],
  ],
  [
    'bad insecure registry',
    { 'insecure-registries': 'http://reg.local:5000' },
    ['input "insecure-registries"', '"http://reg.local:5000" is not host[:port]'],
  ],
  // A misspelled input fails before any work, instead of leaving its default in place (issue #27).
  ['misspelled input', { platform: 'linux/arm64' }, ['input "platform" is not an input', 'did you mean "platforms"?']],
  ['unknown input', { 'cache-from': 'x' }, ['input "cache-from" is not an input of this action', 'README']],
  ['aarch64', { platforms: 'linux/aarch64' }, ['input "platforms"', '"aarch64"', 'did you mean linux/arm64?']],
  ['bare x86_64', { platforms: 'x86_64' }, ['input "platforms"', '"x86_64"', 'did you mean linux/amd64?']],
  ['armhf', { platforms: 'linux/armhf' }, ['did you mean linux/arm/v7?']],
  ['expose not a port', { expose: 'http' }, ['input "expose"', '"http" is not a port']],
  ['test-http path without a port', { 'test-http': '/healthz' }, ['input "test-http"', 'expose lists no TCP port']],
  ['stop-signal', { 'stop-signal': 'SIG TERM' }, ['input "stop-signal"', 'not a signal']],
  ['relative workdir', { workdir: 'app' }, ['input "workdir"', 'must be absolute']],
  ['bad push boolean', { push: 'maybe' }, ['input "push"', '"maybe" is not a boolean']],
  ['bad epoch', { 'source-date-epoch': 'yesterday' }, ['input "source-date-epoch"', '"yesterday"', 'whole seconds']],
  ['negative epoch', { 'source-date-epoch': '-5' }, ['input "source-date-epoch"', '"-5"']],
  [
    'label without =',
    { labels: 'org.opencontainers.image.title' },
    ['input "labels"', '"org.opencontainers.image.title" is not key=value'],
  ],
  ['annotation bad level', { annotations: 'layer:a=b' }, ['input "annotations"', 'unknown level "layer"']],
  ['env owns GOARCH', { env: 'GOARCH=arm64' }, ['input "env"', '"GOARCH" is set by the platforms']],
  ['env line without =', { env: 'GOFLAGS' }, ['input "env"', '"GOFLAGS" is not key=value']],
  ['bad user', { user: 'root user' }, ['input "user"', '"root user"']],
  ['relative binary-path', { 'binary-path': 'bin/app' }, ['input "binary-path"', '"bin/app" must be absolute']],
  ['files with ..', { files: '../../etc/passwd:/etc/x' }, ['input "files"', '".." is not allowed']],
  ['files relative dest', { files: 'example/go.mod:etc/readme' }, ['input "files"', 'must be absolute']],
  [
    'files symlink escaping',
    { files: '__tests__/fixtures/outside/escape-link:/etc/x' },
    ['input "files"', 'outside the workspace'],
  ],
  ['files missing source', { files: 'no/such/file:/etc/x' }, ['input "files"', '"no/such/file" does not exist']],
  ['files onto the binary', { files: 'example/go.mod:/usr/local/bin/hello' }, ['input "files"', 'replace the binary']],
  [
    'files where /etc must be a directory',
    { files: 'example/go.mod:/etc' },
    ['input "files"', 'would sit under the file /etc, which the image needs as a directory'],
  ],
  [
    'files where /etc/ssl must be a directory',
    { files: 'example/go.mod:/etc/ssl' },
    ['input "files"', '/etc/ssl/certs/ca-certificates.crt would sit under the file /etc/ssl'],
  ],
  [
    'files where /usr/share/zoneinfo must be a directory',
    { tzdata: 'true', files: 'example/go.mod:/usr/share/zoneinfo' },
    ['input "files"', 'would sit under the file /usr/share/zoneinfo'],
  ],
  [
    'missing directory',
    { 'working-directory': 'no/such/dir' },
    ['input "working-directory"', '"no/such/dir" does not exist'],
  ],
  ['missing package', { package: './cmd/nothing' }, ['input "package"', '"./cmd/nothing" is not a buildable package']],
  [
    'not a main package',
    { 'working-directory': '__tests__/fixtures/notmain', package: './lib' },
    ['input "package"', 'is package lib, not package main'],
  ],
  ['bad binary-name', { 'binary-name': 'a/b' }, ['input "binary-name"', '"a/b" is not a file name']],
  [
    'several packages',
    { 'working-directory': '__tests__/fixtures/notmain', package: './...' },
    ['input "package"', '"./..." matches 2 packages'],
  ],
  [
    'a pattern matching one library',
    { 'working-directory': '__tests__/fixtures/notmain', package: './lib/...' },
    ['input "package"', 'is package lib, not package main'],
  ],
];

/** One ::error containing each expected text, exit 1, no stack trace, and no layout or binaries written. */
function expectOneError(run: ActionRun, expected: string[]): void {
  expect(run.errors).toHaveLength(1);
  for (const text of expected) expect(run.errors[0]).toContain(text);
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).not.toMatch(/(\n|%0A)\s+at .+:\d+:\d+/);
  expect(run.stdout).not.toContain('unexpected');
  expect(existsSync(join(run.runnerTemp, 'scratchpack', 'oci'))).toBe(false);
  expect(existsSync(join(run.runnerTemp, 'scratchpack', 'binaries'))).toBe(false);
}

describe('bad input, from src/ in process: one ::error naming the input and value, exit 1, no stack, nothing written', () => {
  test.each(cases)('%s', async (_name, inputs, expected) => {
    expectOneError(
      await runInProcess({ 'working-directory': 'example', platforms: 'linux/amd64', ...inputs }),
      expected,
    );
  });

  test('no go on PATH, with go-version: local', async () => {
    // The builds start without asking go anything first; when they fail, go env says why, once for all platforms.
    const empty = mkdtempSync(join(tmpdir(), 'scratchpack-no-go-'));
    const run = await runInProcess(
      { 'working-directory': 'example', platforms: 'linux/amd64,linux/arm64', 'go-version': 'local' },
      { env: { PATH: empty } },
    );
    expectOneError(run, ['go is not usable', 'add actions/setup-go before this step']);
  });
});

describe('the bundle, run as the runner runs it, gives the same single ::error', () => {
  const picked = ['bad variant', 'files onto the binary', 'missing package'];
  test.each(cases.filter(([name]) => picked.includes(name)))('%s', (_name, inputs, expected) => {
    expectOneError(runAction({ 'working-directory': 'example', platforms: 'linux/amd64', ...inputs }), expected);
  });
});

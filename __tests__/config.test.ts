import { describe, expect, test } from '@jest/globals';
import { parsePlatform, parsePlatforms } from '../src/inputs/platform.js';
import { parseBool, parseList } from '../src/inputs/list.js';
import { parseReference, parseTag } from '../src/inputs/reference.js';
import { epochToRfc3339, parseEpoch } from '../src/inputs/epoch.js';
import { parseAnnotation, parseKeyValue } from '../src/inputs/keyvalue.js';
import { parseFileSpec } from '../src/inputs/files.js';
import { splitWords } from '../src/inputs/words.js';
import { buildEnv, buildProcs, gcTuning } from '../src/build/go/argv.js';

describe("platforms map to Go env and OCI platform, as ko's buildEnv and the image-spec's variants do", () => {
  test.each([
    ['linux/amd64', 'linux/amd64', { GOOS: 'linux', GOARCH: 'amd64', GOAMD64: 'v1' }, undefined],
    ['linux/amd64/v1', 'linux/amd64', { GOOS: 'linux', GOARCH: 'amd64', GOAMD64: 'v1' }, undefined],
    ['linux/amd64/v3', 'linux/amd64/v3', { GOOS: 'linux', GOARCH: 'amd64', GOAMD64: 'v3' }, 'v3'],
    ['linux/arm64', 'linux/arm64', { GOOS: 'linux', GOARCH: 'arm64' }, undefined],
    ['linux/arm64/v8', 'linux/arm64', { GOOS: 'linux', GOARCH: 'arm64' }, undefined],
    ['linux/arm', 'linux/arm/v7', { GOOS: 'linux', GOARCH: 'arm', GOARM: '7' }, 'v7'],
    ['linux/arm/v6', 'linux/arm/v6', { GOOS: 'linux', GOARCH: 'arm', GOARM: '6' }, 'v6'],
    ['LINUX/S390X', 'linux/s390x', { GOOS: 'linux', GOARCH: 's390x' }, undefined],
    ['linux/riscv64', 'linux/riscv64', { GOOS: 'linux', GOARCH: 'riscv64' }, undefined],
  ])('%s', (text, id, goEnv, variant) => {
    const p = parsePlatform(text);
    expect(p.id).toBe(id);
    expect(p.goEnv).toEqual(goEnv);
    expect(p.variant).toBe(variant);
    expect(p.slug).toBe(id.replaceAll('/', '_'));
  });

  test.each([
    ['linux/amd64/v9', 'platform "linux/amd64/v9": variant must be v1..v4'],
    ['linux/arm/v8', 'platform "linux/arm/v8": variant must be v5, v6 or v7'],
    ['windows/amd64', 'os must be linux'],
    ['darwin/arm64', 'os must be linux'],
    ['linux', 'expected os/arch[/variant]'],
    ['linux//amd64', 'expected os/arch[/variant]'],
    ['linux/amd64/v2/x', 'expected os/arch[/variant]'],
    ['linux/sparc', 'unknown architecture "sparc"'],
    ['linux/s390x/v1', 'variant must be none'],
  ])('rejects %s', (text, message) => {
    expect(() => parsePlatform(text)).toThrow(message);
  });

  test('keeps input order and refuses duplicates, even when spelled differently', () => {
    expect(parsePlatforms(['linux/arm64', 'linux/amd64']).map((p) => p.id)).toEqual(['linux/arm64', 'linux/amd64']);
    expect(() => parsePlatforms(['linux/amd64', 'linux/amd64/v1'])).toThrow(
      'platform "linux/amd64/v1" duplicates "linux/amd64"',
    );
    expect(() => parsePlatforms(['linux/arm', 'linux/arm/v7'])).toThrow('duplicates');
    expect(() => parsePlatforms([])).toThrow('no platform');
  });
});

describe('lists and booleans', () => {
  test('newlines, commas, comments, blanks', () => {
    expect(parseList('a, b\n# comment\n\n  c  \n', { commas: true })).toEqual(['a', 'b', 'c']);
    expect(parseList('k=v, with comma\nx=y')).toEqual(['k=v, with comma', 'x=y']);
  });
  test('booleans as @actions/core reads them', () => {
    expect(parseBool('True')).toBe(true);
    expect(parseBool('FALSE')).toBe(false);
    expect(() => parseBool('yes')).toThrow('"yes" is not a boolean');
  });
});

describe('references', () => {
  test.each([
    ['ghcr.io/acme/app:1.0', 'ghcr.io', 'acme/app', '1.0'],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined],
    ['app:latest', 'docker.io', 'library/app', 'latest'],
    ['user/app', 'docker.io', 'user/app', undefined],
    ['index.docker.io/user/app:v1', 'docker.io', 'user/app', 'v1'],
    ['127.0.0.1:5000/a/b/c:x_y.z-1', '127.0.0.1:5000', 'a/b/c', 'x_y.z-1'],
  ])('%s', (text, registry, repository, tag) => {
    const r = parseReference(text);
    expect([r.registry, r.repository, r.tag]).toEqual([registry, repository, tag]);
  });
  test.each([
    ['ghcr.io/Acme/app:1', 'repository part "Acme"'],
    ['ghcr.io/acme/app:-bad', 'tag "-bad"'],
    ['ghcr.io/acme/app@sha256:abc', 'digest "sha256:abc"'],
    ['bad_host.io:99999x/app', 'registry "bad_host.io:99999x"'],
    ['[evil.com#/app:1', 'registry "[evil.com#" is not a host[:port]'],
    ['[::1/app:1', 'registry "[::1" is not a host[:port]'],
    ['', 'empty reference'],
  ])('rejects %s', (text, message) => {
    expect(() => parseReference(text)).toThrow(message);
  });
  test('a bracketed IPv6 registry is a host', () => {
    expect(parseTag('[::1]:5000/app:1')).toMatchObject({ registry: '[::1]:5000', repository: 'app' });
  });
  test('tags default to latest and may not pin a digest', () => {
    expect(parseTag('ghcr.io/a/b').full).toBe('ghcr.io/a/b:latest');
    expect(() => parseTag(`ghcr.io/a/b@sha256:${'a'.repeat(64)}`)).toThrow('a tag cannot carry a digest');
  });
});

describe('epoch', () => {
  test('integer seconds only', () => {
    expect(parseEpoch(' 1700000000 ')).toBe(1700000000);
    expect(epochToRfc3339(0)).toBe('1970-01-01T00:00:00Z');
    expect(epochToRfc3339(1700000000)).toBe('2023-11-14T22:13:20Z');
    for (const bad of ['-1', '1.5', 'yesterday', '1e9', '99999999999999999'])
      expect(() => parseEpoch(bad)).toThrow(`"${bad}"`);
  });
});

describe('key=value, annotations, files, words', () => {
  test('labels keep = and commas in values', () => {
    expect(parseKeyValue('org.opencontainers.image.description=a=b, c')).toEqual({
      key: 'org.opencontainers.image.description',
      value: 'a=b, c',
    });
    expect(() => parseKeyValue('novalue')).toThrow('"novalue" is not key=value');
    expect(() => parseKeyValue('=x')).toThrow('is not key=value');
  });
  test('annotation levels as metadata-action writes them', () => {
    expect(parseAnnotation('manifest:a.b=c')).toEqual({ key: 'a.b', value: 'c', levels: ['manifest'] });
    expect(parseAnnotation('index,manifest:a=b:c')).toEqual({ key: 'a', value: 'b:c', levels: ['index', 'manifest'] });
    expect(parseAnnotation('org.x=1:2')).toEqual({ key: 'org.x', value: '1:2', levels: ['manifest', 'index'] });
    expect(() => parseAnnotation('layer:a=b')).toThrow('unknown level "layer"');
  });
  test('files entries', () => {
    expect(parseFileSpec('conf/a.yaml:/etc/app/a.yaml:0600')).toEqual({
      source: 'conf/a.yaml',
      dest: '/etc/app/a.yaml',
      mode: 0o600,
    });
    expect(parseFileSpec('a:/x//./y').dest).toBe('/x/y');
    expect(() => parseFileSpec('a:/x/')).toThrow('must name a file');
    expect(() => parseFileSpec('../secret:/x')).toThrow('".." is not allowed');
    expect(() => parseFileSpec('a:/x/../../etc/shadow')).toThrow('".." is not allowed');
    expect(() => parseFileSpec('a:relative')).toThrow('must be absolute');
    expect(() => parseFileSpec('a:/x:999')).toThrow('mode "999"');
    expect(() => parseFileSpec('justone')).toThrow('is not source:dest[:mode]');
  });
  test('go-flags split like a shell', () => {
    expect(splitWords(`-gcflags 'all=-N -l' -x "a b"`)).toEqual(['-gcflags', 'all=-N -l', '-x', 'a b']);
    expect(() => splitWords(`-x 'open`)).toThrow('unterminated');
  });
});

describe('go build environment', () => {
  const opts = { pkg: '.', ldflags: '-s -w', tags: [], goFlags: [], cgo: false, env: {} };
  test.each([
    [2, 6, 1],
    [2, 2, 1],
    [2, 1, undefined],
    [1, 6, undefined],
    [4, 2, 2],
    [8, 3, 2],
    [4, 6, 1],
  ])('%i cores, %i targets: GOMAXPROCS %s per build', (cores, targets, want) => {
    expect(buildProcs(cores, targets)).toBe(want);
  });
  test('GOMAXPROCS from the split, unless the user env sets one; the platform always wins', () => {
    const [amd64] = parsePlatforms(['linux/amd64']);
    expect(buildEnv({ ...opts, procs: 1 }, amd64)).toMatchObject({
      GOMAXPROCS: '1',
      GOOS: 'linux',
      GOARCH: 'amd64',
      CGO_ENABLED: '0',
    });
    expect(buildEnv({ ...opts, procs: 1, env: { GOMAXPROCS: '3' } }, amd64).GOMAXPROCS).toBe('3');
    expect(buildEnv(opts, amd64).GOMAXPROCS).toBeUndefined();
    expect(buildEnv({ ...opts, env: { GOARCH: 'arm64' } }, amd64).GOARCH).toBe('amd64');
    // A GOCACHE from the `env` input reaches go build; nothing overrides it.
    expect(buildEnv({ ...opts, env: { GOCACHE: '/cache/from/input' } }, amd64).GOCACHE).toBe('/cache/from/input');
  });
  test.each([
    // 7 GiB, 2 cores (a GitHub-hosted private-repo runner): 3/4 of it split between the two tools running at once.
    [7 * 2 ** 30, 2, '2688MiB'],
    [16 * 2 ** 30, 4, '3072MiB'],
    [64 * 2 ** 30, 1, '49152MiB'],
    // A tiny cgroup still leaves go a workable heap.
    [100 * 2 ** 20, 8, '64MiB'],
  ])('%i bytes, %i cores: GOGC 400 under GOMEMLIMIT %s', (memory, cores, limit) => {
    expect(gcTuning(memory, cores)).toEqual({ GOGC: '400', GOMEMLIMIT: limit });
  });
  test('GOGC and GOMEMLIMIT go to every build unless the user env sets either', () => {
    const [amd64] = parsePlatforms(['linux/amd64']);
    const gc = gcTuning(7 * 2 ** 30, 2);
    expect(buildEnv({ ...opts, gc }, amd64)).toMatchObject({ GOGC: '400', GOMEMLIMIT: '2688MiB' });
    expect(buildEnv({ ...opts, gc, env: { GOGC: '100' } }, amd64)).toMatchObject({ GOGC: '100' });
    expect(buildEnv({ ...opts, gc, env: { GOGC: '100' } }, amd64).GOMEMLIMIT).toBeUndefined();
    expect(buildEnv({ ...opts, gc, env: { GOMEMLIMIT: '1GiB' } }, amd64).GOGC).toBeUndefined();
    expect(buildEnv(opts, amd64).GOGC).toBeUndefined();
  });
});

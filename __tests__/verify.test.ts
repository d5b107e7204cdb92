import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { runActionAsync, type ActionRun } from './helpers/action.js';
import { startRegistry, type Registry } from './helpers/registry.js';
import { testImage } from '../src/test/run.js';

const fixture = { 'working-directory': '__tests__/fixtures/runtest', 'source-date-epoch': '1' };
const run = (inputs: Record<string, string>) => runActionAsync({ ...fixture, ...inputs });
const tests = (r: ActionRun) =>
  JSON.parse(r.outputs.images).map((i: { platform: string; test: { status: string; via: string } | null }) => [
    i.platform,
    i.test?.status,
    i.test?.via,
  ]);

describe('every image runs before it ships', () => {
  let versions: ActionRun;
  beforeAll(async () => {
    versions = await run({
      platforms: 'linux/amd64,linux/arm64,linux/arm/v7,linux/riscv64,linux/s390x',
      'test-args': '--version',
      'test-expect': '^runtest on linux/',
    });
  }, 300_000);

  test('natively on amd64, under qemu for arm64, arm/v7, riscv64 and s390x; each row shows its output', () => {
    expect(versions.errors).toEqual([]);
    expect(tests(versions)).toEqual([
      ['linux/amd64', 'passed', 'native'],
      ['linux/arm64', 'passed', 'qemu-aarch64-static'],
      ['linux/arm/v7', 'passed', 'qemu-arm-static'],
      ['linux/riscv64', 'passed', 'qemu-riscv64-static'],
      ['linux/s390x', 'passed', 'qemu-s390x-static'],
    ]);
    for (const arch of ['amd64', 'arm64', 'arm', 'riscv64', 's390x'])
      expect(versions.summary).toContain(`runtest on linux/${arch}`);
    expect(versions.summary).toMatch(
      /<summary>✅ <code>linux\/arm64<\/code> passed \((ready: printed \/.*\/ after [\d.]+ s|exited 0)\) in [\d.]+ s \(qemu-aarch64-static\)<\/summary>/,
    );
  });
});

describe('faithful: the binary sees the image and nothing of the host', () => {
  test.each(['linux/amd64', 'linux/arm64'])(
    '%s: Europe/Paris fails with tzdata: false and loads with tzdata: true',
    async (platform) => {
      const [without, withTz] = await Promise.all([
        run({ platforms: platform, 'test-args': '--tz\nEurope/Paris', tzdata: 'false' }),
        run({ platforms: platform, 'test-args': '--tz\nEurope/Paris', tzdata: 'true' }),
      ]);
      expect(without.code).toBe(1);
      expect(without.errors).toHaveLength(1);
      expect(without.errors[0]).toContain(`title=test (${platform})`);
      expect(without.errors[0]).toContain('exited 1');
      expect(without.errors[0]).toContain('no zoneinfo');
      expect(withTz.errors).toEqual([]);
      expect(withTz.summary).toContain('zone Europe/Paris');
    },
    120_000,
  );

  test('the system roots: missing with ca-certificates: false, loaded with true', async () => {
    const [without, withCa] = await Promise.all([
      run({ platforms: 'linux/amd64', 'test-args': '--roots', 'ca-certificates': 'false' }),
      run({ platforms: 'linux/amd64', 'test-args': '--roots' }),
    ]);
    expect(without.errors[0]).toContain('no system roots');
    expect(withCa.errors).toEqual([]);
    expect(withCa.summary).toContain('system roots loaded');
  }, 120_000);

  test('the user: 65532 by default, and the user input changes it', async () => {
    const [dflt, other] = await Promise.all([
      run({ platforms: 'linux/amd64,linux/arm64', 'test-args': '--uid', 'test-expect': '^uid=65532 gid=65532$' }),
      run({ platforms: 'linux/amd64', 'test-args': '--uid', user: '1000:1001', 'test-expect': '^uid=1000 gid=1001$' }),
    ]);
    expect(dflt.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 120_000);

  test('a gathered cgo binary runs from its gathered root on amd64 and arm64', async () => {
    const r = await runActionAsync({
      'working-directory': '__tests__/fixtures/cgo',
      platforms: 'linux/amd64,linux/arm64',
      cgo: 'true',
      linkage: 'gather',
      'test-expect': '^cbrt\\(27\\) = 3\\.0$',
      'source-date-epoch': '1',
    });
    expect(r.errors).toEqual([]);
    expect(tests(r).map((t: string[]) => t[1])).toEqual(['passed', 'passed']);
  }, 120_000);
});

describe('a failing image fails the step, and nothing is pushed and no tag moves', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.stop());

  const nothingPushed = (repo: string) => {
    const r = spawnSync(
      'skopeo',
      ['inspect', '--tls-verify=false', '--raw', `docker://${registry.host}/acme/${repo}:1`],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).not.toBe(0);
    const catalog = spawnSync('curl', ['-s', `http://${registry.host}/v2/_catalog`], { encoding: 'utf8' }).stdout;
    expect(JSON.parse(catalog).repositories ?? []).not.toContain(`acme/${repo}`);
  };

  test.each([
    ['panics', ['--panic'], 'exited 2', 'panic: runtest was told to panic'],
    ['hangs', ['--hang'], 'timed out after 2 s, and was killed', 'it printed nothing'],
    ['exits 3', ['--exit', '3'], 'exited 3', 'it printed nothing'],
  ])(
    'one that %s',
    async (repo, args, reason, shown) => {
      const r = await run({
        platforms: 'linux/amd64,linux/arm64',
        'test-args': args.join('\n'),
        'test-timeout': '2',
        push: 'true',
        tags: `${registry.host}/acme/${repo.replace(' ', '-')}:1`,
      });
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(2);
      for (const [i, platform] of ['linux/amd64', 'linux/arm64'].entries()) {
        expect(r.errors[i]).toContain(`title=test (${platform})`);
        expect(r.errors[i]).toContain(reason);
        expect(r.errors[i]).toContain(shown);
      }
      nothingPushed(repo.replace(' ', '-'));
    },
    120_000,
  );
});

describe('when an image cannot be run as the issue asks, the step says what to install', () => {
  const platform = { id: 'linux/arm64', os: 'linux' as const, arch: 'arm64', goEnv: {}, slug: 'linux_arm64' };
  const image = { platform: { architecture: 'arm64', os: 'linux' }, layers: [], config: {}, manifest: {} } as never;
  const settings = {
    args: [],
    timeoutS: 1,
    entrypoint: ['/app'],
    env: [],
    user: '65532:65532',
    hostArch: 'amd64',
  };
  const nothing = () => Promise.reject(new Error('nothing may run as root'));
  const priv = { prefix: ['/nonexistent'], write: nothing, mkdir: nothing, rmdir: nothing, kill: nothing };
  test('no root and no sudo: refused, never run against the host', async () => {
    const r = await testImage(platform, image, { ...settings, env0: { PATH: '/nonexistent' } });
    expect(r).toMatchObject({ level: 'error', message: expect.stringContaining('not root and has no sudo') });
  });
  test('a foreign architecture with no binfmt handler and no qemu on PATH', async () => {
    const r = await testImage(platform, image, { ...settings, priv, env0: { PATH: '/nonexistent' } });
    expect(r).toMatchObject({ level: 'error', message: expect.stringContaining('install qemu-user-static') });
  });
});

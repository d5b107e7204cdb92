// Issue 26: run-before-ship for servers. A server passes once it is ready (its output matches test-expect, or a probe
// inside its own network namespace gets an answer), and runs as Docker and Kubernetes would run it.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { startRegistry, type Registry } from './helpers/registry.js';
import { parseExpose, parseReadyProbe, parseStopSignal, parseWorkdir } from '../src/inputs/serve.js';
import { containerEnv, containerResolvConf } from '../src/test/container.js';
import { homeOf } from '../src/test/user.js';

const server = { 'working-directory': '__tests__/fixtures/server', 'source-date-epoch': '1', sbom: 'false' };
const run = (inputs: Record<string, string>) => runActionAsync({ ...server, provenance: 'false', ...inputs });
interface TestOut {
  status: string;
  detail: string;
  ms: number;
  via: string;
}
const testsOf = (r: ActionRun): Array<[string, TestOut | null]> =>
  JSON.parse(r.outputs.images).map((i: { platform: string; test: TestOut | null }) => [i.platform, i.test]);

let registry: Registry;
beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(() => registry.stop());

/** Nothing of `repo` reached the registry: no manifest under its tag, no repository. */
function nothingPushed(repo: string): void {
  const r = spawnInspect(`docker://${registry.host}/acme/${repo}:1`);
  expect(r.status).not.toBe(0);
  const catalog = sh('curl', ['-s', `http://${registry.host}/v2/_catalog`]);
  expect((JSON.parse(catalog) as { repositories?: string[] }).repositories ?? []).not.toContain(`acme/${repo}`);
}
const spawnInspect = (ref: string, extra: string[] = []) => {
  try {
    return { status: 0, stdout: sh('skopeo', ['inspect', '--tls-verify=false', ...extra, ref]) };
  } catch {
    return { status: 1, stdout: '' };
  }
};

/** The processes still alive on the machine whose command line matches. */
const alive = (pattern: RegExp) =>
  sh('ps', ['-eo', 'pid,args'])
    .split('\n')
    .filter((l) => pattern.test(l) && !l.includes('jest'));

describe('a real server, not written here: Caddy file-server on :80 as uid 65532', () => {
  const ws = join(ROOT, '.tmp', `caddy-${process.pid}`);
  let r: ActionRun;
  beforeAll(async () => {
    const dir = (
      JSON.parse(sh('go', ['mod', 'download', '-json', 'github.com/caddyserver/caddy/v2@v2.11.9'])) as { Dir: string }
    ).Dir;
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    cpSync(dir, ws, { recursive: true });
    sh('chmod', ['-R', 'u+w', ws]);
    r = await run({
      'working-directory': `.tmp/caddy-${process.pid}`,
      package: './cmd/caddy',
      platforms: 'linux/amd64,linux/arm64',
      // The image's Cmd: `caddy file-server`, which serves its working directory on :80.
      args: 'file-server',
      'test-http': '80/etc/hostname',
      'test-timeout': '30',
      push: 'true',
      tags: `${registry.host}/acme/caddy:1`,
    });
  }, 600_000);
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  test('passes natively on amd64 and under qemu on arm64, and ships', () => {
    expect(r.errors).toEqual([]);
    const tests = testsOf(r);
    expect(tests.map(([p, t]) => [p, t?.status, t?.via])).toEqual([
      ['linux/amd64', 'passed', 'native'],
      ['linux/arm64', 'passed', 'qemu-aarch64-static'],
    ]);
    for (const [, t] of tests) expect(t?.detail).toMatch(/^ready: GET \/etc\/hostname → 200 after [\d.]+ s$/);
    expect(r.summary).toContain('It answered:');
    expect(r.summary).toContain('HTTP/1.0 200 OK\nscratchpack-test');
    expect(r.summary).toContain('Caddy serving static files on :80');
    expect(spawnInspect(`docker://${registry.host}/acme/caddy:1`, ['--raw']).status).toBe(0);
  });
  test('nothing it started is alive after the step', () => {
    expect(alive(/caddy file-server/)).toEqual([]);
  });
});

describe('ready by output, by HTTP and by TCP, natively and under qemu', () => {
  test.each([
    ['test-expect', { 'test-expect': 'listening' }, /^ready: printed \/listening\/ after [\d.]+ s$/],
    ['test-http with a port', { 'test-http': '8080/healthz' }, /^ready: GET \/healthz → 200 after [\d.]+ s$/],
    ['test-http with a path and expose', { 'test-http': '/healthz', expose: '8080' }, /^ready: GET \/healthz → 200/],
    ['test-http tcp:', { 'test-http': 'tcp:8080' }, /^ready: tcp 8080 accepted after [\d.]+ s$/],
  ])(
    '%s',
    async (_, inputs, detail) => {
      const r = await run({ platforms: 'linux/amd64,linux/arm64', ...inputs });
      expect(r.errors).toEqual([]);
      for (const [, t] of testsOf(r)) {
        expect(t?.status).toBe('passed');
        expect(t?.detail).toMatch(detail);
      }
      // Stopped with SIGTERM once ready, as a runtime stops a container, then killed after a grace.
      expect(r.summary).toContain('stopping on terminated');
      expect(alive(/\/usr\/local\/bin\/server/)).toEqual([]);
    },
    180_000,
  );
});

describe('a server that is never ready fails the step, and nothing is pushed', () => {
  test.each([
    ['never-listens', ['-mode', 'never'], 'was not ready after 3 s (connection refused on 8080), and was killed'],
    ['answers-500', ['-mode', 'fail'], 'was not ready after 3 s (GET /healthz → 500), and was killed'],
    ['exits-early', ['-mode', 'exit'], 'exited 0 before it was ready (connection refused on 8080)'],
  ])(
    'one that %s',
    async (repo, args, reason) => {
      const r = await run({
        platforms: 'linux/amd64,linux/arm64',
        'test-args': args.join('\n'),
        'test-http': '8080/healthz',
        'test-timeout': '3',
        push: 'true',
        tags: `${registry.host}/acme/${repo}:1`,
      });
      expect(r.code).toBe(1);
      expect(r.errors).toHaveLength(2);
      for (const [i, platform] of ['linux/amd64', 'linux/arm64'].entries()) {
        expect(r.errors[i]).toContain(`title=test (${platform})`);
        expect(r.errors[i]).toContain(reason);
      }
      // One status per platform, the same in the images output (issue #27).
      expect(JSON.parse(r.outputs.images).map((i: { status: string }) => i.status)).toEqual([
        'test failed',
        'test failed',
      ]);
      // Within test-timeout + 2 s, the sandbox's set-up included.
      for (const [, t] of testsOf(r)) expect(t?.ms).toBeLessThan(5000);
      nothingPushed(repo);
    },
    180_000,
  );
});

describe('the test runs the image as Docker and Kubernetes would', () => {
  let r: ActionRun;
  beforeAll(async () => {
    r = await run({
      platforms: 'linux/amd64,linux/arm64',
      'test-args': '-show\n-port\n80',
      'test-http': '80/healthz',
      expose: '80\n9090/udp',
      workdir: '/srv/app',
      'stop-signal': 'SIGINT',
      push: 'true',
      tags: `${registry.host}/acme/runtime:1`,
    });
  }, 180_000);

  test('port 80 as uid 65532, HOME from passwd, HOSTNAME, /etc/hosts, /etc/hostname and /etc/resolv.conf', () => {
    expect(r.errors).toEqual([]);
    for (const [, t] of testsOf(r)) expect(t?.detail).toMatch(/^ready: GET \/healthz → 200/);
    expect(r.summary).toContain('HOME=/home/nonroot');
    expect(r.summary).toContain('HOSTNAME=scratchpack-test');
    expect(r.summary).toContain('== /etc/hosts (<nil>)\n127.0.0.1\tlocalhost');
    expect(r.summary).toContain('== /etc/hostname (<nil>)\nscratchpack-test');
    expect(r.summary).toMatch(/== \/etc\/resolv\.conf \(<nil>\)\nnameserver \S+/);
    expect(r.summary).toContain('listening on :80');
  });
  test('the files a runtime provides are not in the image', () => {
    const layout = join(r.runnerTemp, 'scratchpack', 'oci');
    const blob = (d: string) => join(layout, 'blobs', 'sha256', d.slice(7));
    const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
    const index = JSON.parse(readFileSync(blob(top.manifests[0].digest), 'utf8'));
    for (const m of index.manifests) {
      const manifest = JSON.parse(readFileSync(blob(m.digest), 'utf8'));
      const listing = sh('tar', ['-tzf', blob(manifest.layers[0].digest)]).split('\n');
      expect(listing).toContain('etc/passwd');
      expect(listing).toContain('srv/app/');
      for (const f of ['etc/hosts', 'etc/hostname', 'etc/resolv.conf']) expect(listing).not.toContain(f);
    }
  });
  test('expose, workdir and stop-signal are in the config, as skopeo reads it back; the test used them', () => {
    for (const arch of ['amd64', 'arm64']) {
      const config = JSON.parse(
        sh('skopeo', [
          'inspect',
          '--tls-verify=false',
          '--config',
          `--override-arch=${arch}`,
          `docker://${registry.host}/acme/runtime:1`,
        ]),
      );
      expect(config.config.ExposedPorts).toEqual({ '80/tcp': {}, '9090/udp': {} });
      expect(config.config.WorkingDir).toBe('/srv/app');
      expect(config.config.StopSignal).toBe('SIGINT');
    }
    expect(r.summary).toContain('== cwd /srv/app');
    expect(r.summary).toContain('stopping on interrupt');
  });
});

describe('the inputs and what a runtime gives, in units', () => {
  test('test-http: PORT[/path], tcp:PORT, or /path with the first TCP port of expose', () => {
    expect(parseReadyProbe('8080/healthz', [])).toEqual({ kind: 'http', port: 8080, path: '/healthz' });
    expect(parseReadyProbe('8080', [])).toEqual({ kind: 'http', port: 8080, path: '/' });
    expect(parseReadyProbe('tcp:5432', [])).toEqual({ kind: 'tcp', port: 5432 });
    expect(parseReadyProbe('/ready', ['53/udp', '9000/tcp'])).toEqual({ kind: 'http', port: 9000, path: '/ready' });
    expect(parseReadyProbe('', [])).toBeUndefined();
    expect(() => parseReadyProbe('/ready', [])).toThrow('expose lists no TCP port');
    expect(() => parseReadyProbe('99999/x', [])).toThrow('not a port');
    expect(() => parseReadyProbe('80/a b', [])).toThrow('printable ASCII');
  });
  test('expose, stop-signal and workdir', () => {
    expect(parseExpose(['8080', '53/UDP'])).toEqual(['8080/tcp', '53/udp']);
    expect(() => parseExpose(['8080', '8080/tcp'])).toThrow('given twice');
    expect(() => parseExpose(['http'])).toThrow('not a port');
    expect(parseStopSignal('int')).toBe('SIGINT');
    expect(parseStopSignal('SIGRTMIN+3')).toBe('SIGRTMIN+3');
    expect(parseStopSignal('9')).toBe('9');
    expect(() => parseStopSignal('SIG TERM')).toThrow('not a signal');
    expect(parseWorkdir('/srv//app/')).toBe('/srv/app');
    expect(() => parseWorkdir('srv')).toThrow('must be absolute');
    expect(() => parseWorkdir('/srv/../etc')).toThrow('".."');
  });
  test('HOME from the passwd entry of the uid, else /; HOSTNAME; an image HOME wins', () => {
    const passwd = 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n';
    expect(homeOf(65532, passwd)).toBe('/home/nonroot');
    expect(homeOf(1000, passwd)).toBe('/');
    expect(containerEnv(['PATH=/bin'], '/home/nonroot')).toEqual([
      'HOSTNAME=scratchpack-test',
      'PATH=/bin',
      'HOME=/home/nonroot',
    ]);
    expect(containerEnv(['HOME=/data'], '/root')).toEqual(['HOSTNAME=scratchpack-test', 'HOME=/data']);
  });
  test("resolv.conf: the host's without loopback nameservers, Google's when none is left", () => {
    expect(containerResolvConf('nameserver 127.0.0.53\noptions edns0\nsearch corp\n')).toBe(
      'options edns0\nsearch corp\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n',
    );
    expect(containerResolvConf('# x\nnameserver 10.0.0.2\n')).toBe('nameserver 10.0.0.2\n');
  });
});

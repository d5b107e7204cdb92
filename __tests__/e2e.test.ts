import { beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE24, ROOT, runAction, sh, type ActionRun } from './helpers/action.js';

const PLATFORMS = 'linux/amd64\nlinux/arm64\nlinux/arm/v7';
const TAG = 'ghcr.io/acme/hello:1.0';
const base = {
  'working-directory': 'example',
  platforms: PLATFORMS,
  tags: TAG,
  'source-date-epoch': '1700000000',
  labels: 'org.opencontainers.image.title=hello\norg.opencontainers.image.description=tiny, static',
  annotations: 'index:org.opencontainers.image.version=1.0\nmanifest:com.example.note=per-image',
  args: '-addr\n:9090',
};
const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/hello', GITHUB_SHA: 'a'.repeat(40) };

let first: ActionRun;
let layout: string;

/** A copy of the layout whose index.json names one platform's manifest: umoci 0.4.7 cannot choose from an index. */
function singlePlatformView(arch: string, variant?: string): string {
  const view = mkdtempSync(join(tmpdir(), 'scratchpack-view-'));
  cpSync(layout, view, { recursive: true });
  const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const index = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', top.manifests[0].digest.slice(7)), 'utf8'));
  const desc = index.manifests.find(
    (m: { platform: { architecture: string; variant?: string } }) =>
      m.platform.architecture === arch && m.platform.variant === variant,
  );
  writeFileSync(
    join(view, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ ...desc, annotations: { 'org.opencontainers.image.ref.name': arch } }],
    }),
  );
  return view;
}

beforeAll(() => {
  first = runAction(base, { env });
  layout = join(first.runnerTemp, 'scratchpack', 'oci');
});

describe('the committed bundle, run as the runner runs it', () => {
  test('succeeds with a notice naming the digest, and no errors or warnings', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.errors).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(first.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(first.notices).toEqual([expect.stringContaining(first.outputs.digest)]);
  });

  test('outputs: digest, images, oci-layout, binaries, metadata', () => {
    const images = JSON.parse(first.outputs.images);
    expect(images.map((i: { platform: string }) => i.platform)).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7']);
    for (const img of images) {
      expect(img.digest).toMatch(/^sha256:/);
      expect(img.binary).toMatchObject({
        path: '/usr/local/bin/hello',
        linkage: 'static',
        interpreter: null,
        needed: [],
      });
      expect(img.layer.digest).toMatch(/^sha256:/);
    }
    expect(first.outputs['oci-layout']).toBe(layout);
    const bin = join(first.outputs.binaries, 'linux_arm_v7', 'hello');
    expect(sh('sha256sum', [bin]).split(' ')[0]).toBe(images[2].binary.sha256);
    const metadata = JSON.parse(first.outputs.metadata);
    expect(metadata).toMatchObject({
      digest: first.outputs.digest,
      'oci-layout': layout,
      binaries: first.outputs.binaries,
    });
    expect(metadata.images).toEqual(images);
  });

  test('skopeo reads the layout: index order, platforms, config and annotations', () => {
    const raw = JSON.parse(sh('skopeo', ['inspect', '--raw', `oci:${layout}:1.0`]));
    expect(raw.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(raw.manifests.map((m: { platform: object }) => m.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux' },
      { architecture: 'arm', os: 'linux', variant: 'v7' },
    ]);
    // The description label goes on the index too, where GHCR's package page reads it; the title label does not.
    expect(raw.annotations).toEqual({
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.description': 'tiny, static',
      'org.opencontainers.image.source': 'https://github.com/acme/hello',
      'org.opencontainers.image.revision': 'a'.repeat(40),
      'org.opencontainers.image.version': '1.0',
    });
    const config = JSON.parse(
      sh('skopeo', ['--override-arch', 'arm', '--override-variant', 'v7', 'inspect', '--config', `oci:${layout}:1.0`]),
    );
    expect(config).toMatchObject({ architecture: 'arm', variant: 'v7', os: 'linux', created: '2023-11-14T22:13:20Z' });
    expect(config.config).toMatchObject({
      User: '65532:65532',
      Entrypoint: ['/usr/local/bin/hello'],
      Cmd: ['-addr', ':9090'],
      Labels: { 'org.opencontainers.image.description': 'tiny, static' },
    });
    // The import path comes from the binaries' Go build info, not from go list: it must be what go list says.
    const importPath = sh('go', ['list', '-f', '{{.ImportPath}}', '.'], { cwd: join(ROOT, 'example') }).trim();
    expect(config.history).toEqual([
      {
        created: '2023-11-14T22:13:20Z',
        created_by: `scratchpack: go build -trimpath . (${importPath})`,
        comment: 'scratchpack',
      },
    ]);
    const armConfig = JSON.parse(
      sh('skopeo', ['--override-arch', 'arm64', 'inspect', '--config', `oci:${layout}:1.0`]),
    );
    expect(armConfig.architecture).toBe('arm64');
    const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
    expect(top.manifests[0].annotations).toEqual({
      'io.containerd.image.name': TAG,
      'org.opencontainers.image.ref.name': '1.0',
    });
  });

  test('umoci unpacks the arm64 image and qemu runs its binary as the image user', () => {
    const view = singlePlatformView('arm64');
    const bundle = join(mkdtempSync(join(tmpdir(), 'scratchpack-bundle-')), 'b');
    sh('umoci', ['unpack', '--rootless', '--image', `${view}:arm64`, bundle]);
    const rootfs = join(bundle, 'rootfs');
    const spec = JSON.parse(readFileSync(join(bundle, 'config.json'), 'utf8'));
    expect(spec.process.args).toEqual(['/usr/local/bin/hello', '-addr', ':9090']);
    expect(spec.process.user).toMatchObject({ uid: 65532, gid: 65532 });
    expect(readFileSync(join(rootfs, 'etc/passwd'), 'utf8')).toContain('nonroot:x:65532');
    expect(existsSync(join(rootfs, 'etc/ssl/certs/ca-certificates.crt'))).toBe(true);
    const out = sh('qemu-aarch64-static', [join(rootfs, 'usr/local/bin/hello'), '-check'], {
      env: { QEMU_LD_PREFIX: rootfs },
    });
    expect(out).toMatch(/^hello from linux\/arm64 /);
    rmSync(view, { recursive: true, force: true });
  });

  test('qemu runs the arm/v7 binary from the binaries output', () => {
    expect(sh('qemu-arm-static', [join(first.outputs.binaries, 'linux_arm_v7', 'hello'), '-check'])).toMatch(
      /^hello from linux\/arm /,
    );
  });

  test('the summary has a row per platform, the digest, the layout, phase times and Go details', () => {
    const s = first.summary;
    for (const p of ['linux/amd64', 'linux/arm64', 'linux/arm/v7'])
      expect(s).toMatch(
        new RegExp(
          `\\| \`${p}\` \\| \`go build\` \\| [0-9.]+ MiB \\| static \\| [0-9.]+ MiB \\| \`sha256:[a-f0-9]{64}\` \\|`,
        ),
      );
    expect(s).toContain(`**Index digest:** \`${first.outputs.digest}\``);
    expect(s).toContain(layout);
    expect(s).toMatch(
      /\*\*Time:\*\* prepare [0-9.]+ s · build, check, assemble \(3 targets, pipelined\) [0-9.]+ s · publish [0-9.]+ s/,
    );
    expect(s).toMatch(/<details><summary>Go build info<\/summary>[\s\S]*`GOARM=7`/);
    expect(Buffer.byteLength(s)).toBeLessThan(64 * 1024);
  });

  test('a second run from a clean temp dir gives the same digests, byte for byte', () => {
    const again = runAction(base, { env });
    expect(again.code).toBe(0);
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(again.outputs.images).toBe(first.outputs.images.replaceAll(first.runnerTemp, again.runnerTemp));
    const index = (run: ActionRun) => readFileSync(join(run.runnerTemp, 'scratchpack', 'oci', 'index.json'));
    expect(index(again).equals(index(first))).toBe(true);
  });

  test('a rerun in the same RUNNER_TEMP takes every layer from the cache and gives the same digest', () => {
    const rerun = runAction(base, { env, runnerTemp: first.runnerTemp });
    expect(rerun.outputs.digest).toBe(first.outputs.digest);
    expect(rerun.summary).toContain('(3 of 3 layers from the layer cache)');
  });

  test('Node 24, the runtime GitHub uses, gives the same digest as this Node', () => {
    expect(sh(NODE24, ['--version'])).toMatch(/^v24\./);
    const on24 = runAction(base, { env, node: NODE24 });
    expect(on24.stderr).toBe('');
    expect(on24.outputs.digest).toBe(first.outputs.digest);
  });
});

test('tzdata, files with a mode, binary-path, the epoch from git, manifest annotations', () => {
  const run = runAction({
    'working-directory': 'example',
    platforms: 'linux/amd64',
    tzdata: 'true',
    'ca-certificates': 'false',
    files: 'example/go.mod:/etc/hello/go.mod:0600\nexample/main.go:/srv/main.go',
    'binary-path': '/app',
    annotations: 'org.example.both=yes',
  });
  expect(run.errors).toEqual([]);
  const layout = join(run.runnerTemp, 'scratchpack', 'oci');
  const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const blob = (d: string) => join(layout, 'blobs', 'sha256', d.slice(7));
  const index = JSON.parse(readFileSync(blob(top.manifests[0].digest), 'utf8'));
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
  const config = JSON.parse(readFileSync(blob(manifest.config.digest), 'utf8'));
  const commitTime = Number(sh('git', ['log', '-1', '--format=%ct'], { cwd: 'example' }).trim());
  expect(config.created).toBe(new Date(commitTime * 1000).toISOString().replace('.000Z', 'Z'));
  expect(config.config.Entrypoint).toEqual(['/app']);
  expect(manifest.annotations).toMatchObject({
    'org.example.both': 'yes',
    'org.opencontainers.image.created': config.created,
  });
  expect(index.annotations).toMatchObject({ 'org.example.both': 'yes' });
  const listing = sh('tar', ['--numeric-owner', '-tvzf', blob(manifest.layers[0].digest)]);
  expect(listing).toMatch(/-rw------- 0\/0 .* etc\/hello\/go\.mod\n/);
  expect(listing).toMatch(/-rw-r--r-- 0\/0 .* srv\/main\.go\n/);
  expect(listing).toMatch(/-rwxr-xr-x 0\/0 .* app\n/);
  expect(listing).toMatch(/ usr\/share\/zoneinfo\/Europe\/Paris\n/);
  expect(listing).not.toContain('ca-certificates.crt');
  expect(JSON.parse(run.outputs.images)[0].binary.path).toBe('/app');
});

test('every go process gets GOGC=400 under a GOMEMLIMIT, unless the step env or the env input sets either', () => {
  // A shim in front of the real go records what each call was given, then runs it.
  const shim = mkdtempSync(join(tmpdir(), 'scratchpack-goshim-'));
  const log = join(shim, 'calls');
  const realGo = sh('sh', ['-c', 'command -v go']).trim();
  writeFileSync(
    join(shim, 'go'),
    `#!/bin/sh\necho "GOGC=$GOGC GOMEMLIMIT=$GOMEMLIMIT" >> "${log}"\nexec "${realGo}" "$@"\n`,
    { mode: 0o755 },
  );
  const calls = (inputs: Record<string, string>, extra: Record<string, string> = {}): string[] => {
    rmSync(log, { force: true });
    const run = runAction(
      { ...base, platforms: 'linux/amd64\nlinux/arm64', tags: '', ...inputs },
      { env: { ...env, ...extra, PATH: `${shim}:${process.env.PATH}` } },
    );
    expect(run.errors).toEqual([]);
    return readFileSync(log, 'utf8').trim().split('\n');
  };
  const tuned = calls({});
  expect(tuned.length).toBeGreaterThanOrEqual(2);
  for (const line of tuned) expect(line).toMatch(/^GOGC=400 GOMEMLIMIT=\d+MiB$/);
  for (const line of calls({ env: 'GOGC=150' })) expect(line).toBe('GOGC=150 GOMEMLIMIT=');
  for (const line of calls({}, { GOMEMLIMIT: '2GiB' })) expect(line).toBe('GOGC= GOMEMLIMIT=2GiB');
});

describe('failures become annotations, and outputs and summary are still written', () => {
  test('a compile error lands on the right file, line and column, once for all platforms', () => {
    // a previous run's binaries (kept so go can skip relinking) must not survive a failed build to be released
    const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-stale-'));
    const slug = join(runnerTemp, 'scratchpack', 'binaries', 'linux_amd64');
    mkdirSync(slug, { recursive: true });
    writeFileSync(join(slug, 'broken'), 'stale binary');
    writeFileSync(join(slug, 'other-name'), 'stale binary under an old name');
    const run = runAction(
      { 'working-directory': '__tests__/fixtures/broken', platforms: 'linux/amd64,linux/arm64' },
      { runnerTemp },
    );
    expect(run.code).toBe(1);
    expect(existsSync(join(slug, 'broken'))).toBe(false);
    expect(existsSync(join(slug, 'other-name'))).toBe(false);
    const compile = run.errors.filter((e) => e.includes('file='));
    expect(compile).toEqual([
      expect.stringMatching(
        /^::error title=go build \(linux\/amd64%2C linux\/arm64\),file=__tests__\/fixtures\/broken\/main\.go,line=7,col=2::undefined: undefinedThing$/,
      ),
    ]);
    // The compile error is the one ::error; the count goes to the log, not to a second annotation.
    expect(run.errors).toHaveLength(1);
    expect(run.stdout).toContain('2 of 2 platforms failed: linux/amd64 (build failed), linux/arm64 (build failed)');
    expect(JSON.parse(run.outputs.images).map((i: { digest: string | null }) => i.digest)).toEqual([null, null]);
    expect(run.summary).toContain('**build failed**');
    expect(run.summary).toContain('undefined: undefinedThing');
    expect(existsSync(join(run.runnerTemp, 'scratchpack', 'oci'))).toBe(false);
  });

  test('a GOCACHE set through the env input is the one go build uses', () => {
    // GOCACHE=off makes go build refuse at once, so the failure proves the value reached it (it was once overridden).
    const run = runAction({ ...base, platforms: 'linux/amd64', env: 'GOCACHE=off' }, { env });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain('GOCACHE=off');
  });

  test('a cgo binary under linkage static fails with the loader, libm and libc named', () => {
    const run = runAction({ 'working-directory': '__tests__/fixtures/cgo', platforms: 'linux/amd64', cgo: 'true' });
    expect(run.code).toBe(1);
    const msg = run.errors.find((e) => e.includes('dynamically linked')) ?? '';
    expect(msg).toContain('interpreter /lib64/ld-linux-x86-64.so.2');
    expect(msg).toContain('libm.so.6');
    expect(msg).toContain('libc.so.6');
    expect(msg).toContain('CGO_ENABLED=0');
    expect(JSON.parse(run.outputs.images)[0].binary).toMatchObject({
      linkage: 'dynamic',
      needed: expect.arrayContaining(['libm.so.6', 'libc.so.6']),
    });
    expect(run.summary).toContain('**rejected (check)**');
    expect(existsSync(join(run.runnerTemp, 'scratchpack', 'oci'))).toBe(false);
  });
});

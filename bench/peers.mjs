// ko, the peer of issue #28, and the services both sides build: shared by bench/ko.mjs (time side by side) and
// bench/cpu.mjs (where the CPU goes). ko is built from the Go module proxy at KO_VERSION; its base is an empty index
// of the six platforms in the bench's registry (the machine has no internet for cgr.dev/chainguard/static).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, sh, SIX } from './lib.mjs';

export const KO_VERSION = 'v0.19.1';
const CACHE = process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack');
export const KO = join(CACHE, 'bin', 'ko');

/** ko from the Go module proxy, verified against the checksum database by `go install`. */
export function ensureKo() {
  if (existsSync(KO) && sh(KO, ['version']).trim().replace(/^v/, '') === KO_VERSION.slice(1)) return;
  console.log(`building ko ${KO_VERSION} into ${join(CACHE, 'bin')}...`);
  sh('go', ['install', `github.com/google/ko@${KO_VERSION}`], {
    env: { GOBIN: join(CACHE, 'bin'), GOTOOLCHAIN: 'local', GOFLAGS: '' },
  });
}

/** The services: bench/service, and pushgateway's module source copied into the workspace (the action's cwd). */
export function services() {
  const all = { service: 'bench/service' };
  const dir = join(ROOT, '.tmp', 'bench-pushgateway');
  if (!existsSync(join(dir, 'go.mod'))) {
    const info = JSON.parse(
      sh('go', ['mod', 'download', '-json', 'github.com/prometheus/pushgateway@v1.11.5'], { env: { GOFLAGS: '' } }),
    );
    cpSync(info.Dir, dir, { recursive: true });
    sh('chmod', ['-R', 'u+w', dir]);
    sh('go', ['mod', 'download'], { cwd: dir, env: { GOFLAGS: '' } });
  }
  all.pushgateway = '.tmp/bench-pushgateway';
  const wanted = (process.env.SERVICES ?? 'service,pushgateway').split(',');
  return Object.entries(all).filter(([name]) => wanted.includes(name));
}

const sha = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** An empty image per platform under one index, pushed with skopeo: ko's base, as FROM scratch as ko allows. */
export function pushEmptyBase(host) {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-bench-kobase-'));
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (obj) => {
    const b = Buffer.from(JSON.stringify(obj));
    writeFileSync(join(dir, 'blobs', 'sha256', sha(b).slice(7)), b);
    return { digest: sha(b), size: b.length };
  };
  const manifests = SIX.map((p) => {
    const [os, architecture, variant] = p.split('/');
    const platform = { os, architecture, ...(variant ? { variant } : {}) };
    const config = put({ ...platform, rootfs: { type: 'layers', diff_ids: [] }, config: {} });
    const m = put({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [],
    });
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, platform };
  });
  const index = put({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests });
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          ...index,
          annotations: { 'org.opencontainers.image.ref.name': 'latest' },
        },
      ],
    }),
  );
  sh('skopeo', ['copy', '--all', '--dest-tls-verify=false', `oci:${dir}:latest`, `docker://${host}/base:latest`]);
  return `${host}/base:latest`;
}

/** One `ko build` of the six platforms; `run` runs the command (sh, or a wrapper that times it). */
export function koRun({ dir, host, repo, base, setting, kocache }, run = sh) {
  const cfg = mkdtempSync(join(tmpdir(), 'scratchpack-bench-kocfg-'));
  // Same flags as the action's default build: -trimpath is ko's own, -s -w from here.
  writeFileSync(
    join(cfg, '.ko.yaml'),
    setting === 'same' ? 'builds:\n- id: app\n  ldflags: ["-s", "-w"]\n' : 'builds: []\n',
  );
  return run(
    KO,
    [
      'build',
      '--bare',
      `--platform=${SIX.join(',')}`,
      `--sbom=${setting === 'same' ? 'none' : 'spdx'}`,
      '-t',
      'latest',
      '.',
    ],
    {
      cwd: join(ROOT, dir),
      env: {
        KO_DOCKER_REPO: `${host}/${repo}`,
        KO_DEFAULTBASEIMAGE: base,
        KO_CONFIG_PATH: cfg,
        SOURCE_DATE_EPOCH: '1700000000',
        GOFLAGS: '-mod=mod',
        ...(kocache ? { KOCACHE: kocache } : {}),
      },
    },
  );
}

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runAction, runActionAsync, sh } from './helpers/action.js';
import { startDualProxy, startRecorder } from './helpers/dual-proxy.js';
import { makePki, type Pki } from './helpers/pki.js';
import { startProxy, startRegistry, type Registry } from './helpers/registry.js';

const USER = 'ci-bot';
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const common = { 'working-directory': 'example', 'source-date-epoch': '1700000000', platforms: 'linux/amd64' };

let pki: Pki;
let registry: Registry;
beforeAll(async () => {
  pki = makePki();
  const htpasswd = join(pki.dir, 'htpasswd');
  writeFileSync(htpasswd, sh('htpasswd', ['-Bbn', USER, PASSWORD]));
  registry = await startRegistry({
    auth: ['auth:', '  htpasswd:', '    realm: scratchpack-basic', `    path: ${htpasswd}`].join('\n'),
  });
});
afterAll(() => registry?.stop());

describe('no credential or layer over plain HTTP to a registry that speaks TLS', () => {
  test('an http:// upload Location on the TLS host fails the step, and nothing reaches the plain-HTTP side', async () => {
    const proxy = await startDualProxy(registry.host, { cert: pki.serverCert, key: pki.serverKey });
    try {
      const run = await runActionAsync(
        { ...common, push: 'true', tags: `${proxy.host}/acme/cleartext:1`, username: USER, password: PASSWORD },
        { env: { NODE_EXTRA_CA_CERTS: pki.caPem } },
      );
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        expect.stringMatching(new RegExp(`registry ${proxy.host}: .*refused.*sent us to http://${proxy.host}`)),
      ]);
      expect(proxy.plain).toEqual([]);
      expect(run.stdout.replace(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
    } finally {
      await proxy.stop();
    }
  });

  test('a TLS registry naming an http:// token realm on another loopback port sends it no credentials', async () => {
    const realm = await startRecorder();
    const proxy = await startDualProxy(
      registry.host,
      { cert: pki.serverCert, key: pki.serverKey },
      (headers, status) => {
        if (status === 401) headers['www-authenticate'] = `Bearer realm="${realm.url}/token",service="proxied"`;
      },
    );
    try {
      const run = await runActionAsync(
        { ...common, push: 'true', tags: `${proxy.host}/acme/realm:1`, username: USER, password: PASSWORD },
        { env: { NODE_EXTRA_CA_CERTS: pki.caPem } },
      );
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([expect.stringContaining(`token realm ${realm.url} is not HTTPS`)]);
      expect(realm.seen).toEqual([]);
    } finally {
      await proxy.stop();
      await realm.stop();
    }
  });
});

describe('every byte read from a registry is checked', () => {
  test('a config blob that is not the one its manifest names fails the merge, and no tag moves', async () => {
    const plain = await startRegistry();
    const proxy = await startProxy(plain.host);
    try {
      const digestsDir = mkdtempSync(join(tmpdir(), 'scratchpack-digests-'));
      const tags = `${proxy.host}/acme/tamper:1`;
      const built = await runActionAsync({
        ...common,
        push: 'true',
        'push-by-digest': 'true',
        'digests-dir': digestsDir,
        tags,
      });
      expect(built.code).toBe(0);
      // The config a proxy or a redirect target might serve instead: it claims another platform.
      const lie = JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
      proxy.fault = (req) =>
        req.method === 'GET' && req.path.includes('/blobs/sha256:') ? { status: 200, body: lie } : 'pass';
      const before = proxy.seen.length;
      const merge = await runActionAsync({
        ...common,
        platforms: 'linux/arm64',
        push: 'true',
        'merge-digests': digestsDir,
        tags,
      });
      expect(merge.code).toBe(1);
      expect(merge.errors).toEqual([
        expect.stringMatching(/GET blob acme\/tamper@sha256:[a-f0-9]{64} failed \(digest mismatch\)/),
      ]);
      expect(proxy.seen.slice(before).filter((r) => r.method === 'PUT')).toEqual([]);
    } finally {
      await proxy.close();
      await plain.stop();
    }
  });
});

describe('oci-layout replaces only a layout or an empty directory', () => {
  /** A workspace of its own, with a git directory and sources, so a bad layout path can only hurt this copy. */
  function workspace(): string {
    const ws = mkdtempSync(join(tmpdir(), 'scratchpack-ws-'));
    cpSync(join(ROOT, 'example'), join(ws, 'example'), { recursive: true });
    mkdirSync(join(ws, '.git'));
    writeFileSync(join(ws, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'src', 'keep.ts'), 'export {};\n');
    return ws;
  }
  // The .git here is only something to lose, not a repository go could stamp a version from.
  const wsEnv = (ws: string) => ({ GITHUB_WORKSPACE: ws, GOFLAGS: '-mod=mod -buildvcs=false' });
  const inWorkspace = (ws: string, inputs: Record<string, string>) =>
    runAction({ ...common, ...inputs }, { cwd: ws, env: wsEnv(ws) });

  test.each([
    ['.', 'is or contains the workspace'],
    ['src', 'is neither an OCI image layout (it has no oci-layout file) nor an empty directory'],
  ])('oci-layout: %s fails with one error and deletes nothing', (path, why) => {
    const ws = workspace();
    const run = inWorkspace(ws, { 'oci-layout': path });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([expect.stringContaining(`input "oci-layout": "${path}" `)]);
    expect(run.errors[0]).toContain(why);
    expect(readFileSync(join(ws, 'src', 'keep.ts'), 'utf8')).toBe('export {};\n');
    expect(readFileSync(join(ws, '.git', 'HEAD'), 'utf8')).toContain('refs/heads/main');
    expect(existsSync(join(ws, 'example', 'main.go'))).toBe(true);
  });

  test('the binaries directory and the layer store are refused too', () => {
    const ws = workspace();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'scratchpack-rt-'));
    for (const [path, what] of [
      [join(runnerTemp, 'scratchpack', 'binaries'), 'the binaries directory'],
      [join(runnerTemp, 'scratchpack', 'layers', 'oci'), 'lies inside the layer store'],
      [runnerTemp, 'the binaries directory'],
    ]) {
      const run = runAction({ ...common, 'oci-layout': path }, { cwd: ws, runnerTemp, env: wsEnv(ws) });
      expect(run.errors).toEqual([expect.stringContaining(what)]);
    }
  });

  test('an old layout is replaced, and what killed jobs left beside it is removed', () => {
    const ws = workspace();
    const first = inWorkspace(ws, { 'oci-layout': 'out/oci' });
    expect(first.code).toBe(0);
    for (const leftover of ['oci.partial-999999', 'oci.old-999998'])
      mkdirSync(join(ws, 'out', leftover, 'blobs'), { recursive: true });
    const second = inWorkspace(ws, { 'oci-layout': 'out/oci', labels: 'changed=yes' });
    expect(second.code).toBe(0);
    expect(second.outputs.digest).not.toBe(first.outputs.digest);
    expect(JSON.parse(readFileSync(join(ws, 'out', 'oci', 'index.json'), 'utf8')).manifests[0].digest).toBe(
      second.outputs.digest,
    );
    expect(readdirSync(join(ws, 'out'))).toEqual(['oci']);
  });
});

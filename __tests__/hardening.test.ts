import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runActionAsync, sh } from './helpers/action.js';
import { startDualProxy, startRecorder } from './helpers/dual-proxy.js';
import { makePki, type Pki } from './helpers/pki.js';
import { startRegistry, type Registry } from './helpers/registry.js';

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

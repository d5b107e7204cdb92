import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { makePki, type Pki } from './helpers/pki.js';
import { startRegistry, type Registry } from './helpers/registry.js';
import { startTokenServer, type TokenServer } from './helpers/token-server.js';

const common = {
  'working-directory': 'example',
  'source-date-epoch': '1700000000',
  platforms: 'linux/amd64,linux/arm64',
};
const USER = 'ci-bot';
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const REFRESH = `rt-${randomBytes(12).toString('hex')}`;

let pki: Pki;

/** Every small blob of the run's layout: the SBOMs and provenance records, which must hold no secret either. */
function documents(r: ActionRun): string {
  const dir = join(r.runnerTemp, 'scratchpack', 'oci', 'blobs', 'sha256');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).size < 1 << 20)
    .map((f) => readFileSync(f, 'latin1'))
    .join('\n');
}

/** Everything a run printed or wrote where a user could see it; `::add-mask::` lines are consumed by the runner. */
const visible = (r: ActionRun) =>
  [
    documents(r),
    r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    r.stderr,
    r.summary,
    readFileSync(join(r.runnerTemp, 'github_output'), 'utf8'),
  ].join('\n');

function expectNoSecrets(r: ActionRun, ...secrets: string[]) {
  const text = visible(r);
  for (const s of secrets) expect(text.includes(s)).toBe(false);
}

/** The secret was handed to the runner's masking before anything else was logged about the registry. */
function expectMasked(r: ActionRun, secret: string) {
  const lines = r.stdout.split('\n');
  const mask = lines.indexOf(`::add-mask::${secret}`);
  expect(mask).toBeGreaterThanOrEqual(0);
  const firstRegistryLine = lines.findIndex((l) => l.includes('127.0.0.1:'));
  expect(firstRegistryLine === -1 || mask < firstRegistryLine).toBe(true);
}

function dockerConfig(auths: Record<string, object>): string {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-docker-config-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths }));
  return dir;
}

beforeAll(() => {
  pki = makePki();
});

describe('TLS registry with htpasswd Basic auth, credentials from a Docker config.json', () => {
  let registry: Registry;
  beforeAll(async () => {
    const htpasswd = join(pki.dir, 'htpasswd');
    writeFileSync(htpasswd, sh('htpasswd', ['-Bbn', USER, PASSWORD]));
    registry = await startRegistry({
      tls: { cert: pki.serverCert, key: pki.serverKey },
      auth: ['auth:', '  htpasswd:', '    realm: scratchpack-basic', `    path: ${htpasswd}`].join('\n'),
    });
  });
  afterAll(() => registry.stop());

  test('pushes over verified TLS with the config.json login, and the password never shows', async () => {
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const run = await runActionAsync(
      { ...common, push: 'true', tags: `${registry.host}/acme/tls:1.0` },
      {
        env: { NODE_EXTRA_CA_CERTS: pki.caPem, DOCKER_CONFIG: dockerConfig({ [registry.host]: { auth } }) },
      },
    );
    expect(run.errors).toEqual([]);
    expect(run.stdout).toMatch(new RegExp(`${registry.host}: credentials from .*config\\.json`));
    expectNoSecrets(run, PASSWORD, auth);
    expectMasked(run, PASSWORD);
    expectMasked(run, auth);
    const raw = JSON.parse(
      sh('skopeo', [
        'inspect',
        '--tls-verify=false',
        '--creds',
        `${USER}:${PASSWORD}`,
        '--raw',
        `docker://${registry.host}/acme/tls:1.0`,
      ]),
    );
    expect(raw.manifests).toHaveLength(2);
  });

  test('without the test CA the certificate is refused: TLS is verified', async () => {
    const run = await runActionAsync(
      { ...common, platforms: 'linux/amd64', push: 'true', tags: `${registry.host}/acme/tls:2.0` },
      {
        env: {
          DOCKER_CONFIG: dockerConfig({
            [registry.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') },
          }),
        },
      },
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(
        /registry 127\.0\.0\.1:\d+: ping failed \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)\)/,
      ),
    ]);
  });

  test('a wrong password fails with the status, and is masked too', async () => {
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const run = await runActionAsync(
      {
        ...common,
        platforms: 'linux/amd64',
        push: 'true',
        tags: `${registry.host}/acme/tls:3.0`,
        username: USER,
        password: wrong,
      },
      {
        env: { NODE_EXTRA_CA_CERTS: pki.caPem },
      },
    );
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringMatching(/registry 127\.0\.0\.1:\d+: HEAD blob sha256:\S+ failed \(401\)/),
    ]);
    expectNoSecrets(run, wrong, PASSWORD);
    expectMasked(run, wrong);
  });
});

describe('token auth: registry trusting a token server that signs real JWTs', () => {
  let registry: Registry;
  let tokens: TokenServer;
  beforeAll(async () => {
    tokens = await startTokenServer({
      user: USER,
      password: PASSWORD,
      refreshToken: REFRESH,
      issuer: 'scratchpack-issuer',
      service: 'scratchpack-registry',
      signingCert: pki.signingCert,
      signingKey: pki.signingKey,
    });
    registry = await startRegistry({
      auth: [
        'auth:',
        '  token:',
        `    realm: ${tokens.realm}`,
        '    service: scratchpack-registry',
        '    issuer: scratchpack-issuer',
        `    rootcertbundle: ${pki.signingCert}`,
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await registry.stop();
    await tokens.close();
  });

  test('Bearer flow with username/password: scopes push,pull (and pull for the mount source), refresh on 401', async () => {
    const run = await runActionAsync({
      ...common,
      push: 'true',
      username: USER,
      password: PASSWORD,
      tags: `${registry.host}/acme/tok:1.0\n${registry.host}/acme/tok-mirror:1.0`,
    });
    expect(run.errors).toEqual([]);
    expectNoSecrets(run, PASSWORD);
    expectMasked(run, PASSWORD);
    const scopes = tokens.requests.map((r) => r.scopes.join(' '));
    expect(tokens.requests.every((r) => r.method === 'GET' && r.auth === 'basic')).toBe(true);
    expect(scopes).toContain('repository:acme/tok:push,pull');
    expect(scopes).toContain('repository:acme/tok-mirror:push,pull repository:acme/tok:pull');
    // Each scope set's first token is expired on purpose: the registry's 401 must make the client fetch a fresh one.
    expect(scopes.filter((s) => s === 'repository:acme/tok:push,pull').length).toBeGreaterThanOrEqual(2);
    // Two layers and two configs, then four documents and their shared empty config: uploaded once, mounted once.
    expect(run.summary).toMatch(/9 uploaded, 0 already present, 9 mounted/);
    // The bearer tokens the server handed out are masked too, as soon as they arrive.
    expect(tokens.tokens.length).toBeGreaterThan(0);
    for (const t of tokens.tokens) expect(run.stdout).toContain(`::add-mask::${t}`);
  });

  test('identitytoken from docker login goes through the OAuth2 POST with grant_type=refresh_token', async () => {
    const before = tokens.requests.length;
    const run = await runActionAsync(
      { ...common, push: 'true', tags: `${registry.host}/acme/tok:2.0` },
      { env: { DOCKER_CONFIG: dockerConfig({ [registry.host]: { identitytoken: REFRESH } }) } },
    );
    expect(run.errors).toEqual([]);
    const mine = tokens.requests.slice(before);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.method === 'POST' && r.auth === 'refresh_token')).toBe(true);
    expectNoSecrets(run, REFRESH, PASSWORD);
    expectMasked(run, REFRESH);
  });

  test('refused credentials fail with the token server status', async () => {
    const run = await runActionAsync({
      ...common,
      platforms: 'linux/amd64',
      push: 'true',
      username: USER,
      password: 'nope-not-it',
      tags: `${registry.host}/acme/tok:3.0`,
    });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining('token for repository:acme/tok:push,pull failed (401): UNAUTHORIZED bad credentials'),
    ]);
    expectNoSecrets(run, 'nope-not-it');
    expectMasked(run, 'nope-not-it');
  });
});

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseChallenges } from '../src/publish/registry/challenge.js';
import { backoffMs, DEFAULT_RETRY, retryAfterMs } from '../src/publish/registry/retry.js';
import { resolveCredential, DockerConfigError } from '../src/publish/registry/credentials.js';
import { execaExec } from '../src/util/exec.js';
import { isLoopback } from '../src/publish/registry/client.js';

describe('WWW-Authenticate', () => {
  test('Bearer with a quoted scope holding commas and colons', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:samalba/my-app:pull,push',
        },
      },
    ]);
  });
  test('several challenges, spaces, escapes and bare tokens', () => {
    expect(parseChallenges('Basic realm="a \\"b\\"", Bearer realm=https://x/t , error="invalid_token"')).toEqual([
      { scheme: 'basic', params: { realm: 'a "b"' } },
      { scheme: 'bearer', params: { realm: 'https://x/t', error: 'invalid_token' } },
    ]);
    expect(parseChallenges('')).toEqual([]);
    expect(parseChallenges('Basic')).toEqual([{ scheme: 'basic', params: {} }]);
  });
});

describe('retry policy as data', () => {
  test('bounded: four attempts, backoff grows, jitter within ±10%', () => {
    expect(DEFAULT_RETRY.delaysMs).toHaveLength(3);
    expect(backoffMs(DEFAULT_RETRY, 1, undefined, () => 0.5)).toBe(1000);
    expect(backoffMs(DEFAULT_RETRY, 2, undefined, () => 1)).toBe(3300);
    expect(backoffMs(DEFAULT_RETRY, 3, undefined, () => 0)).toBe(8100);
  });
  test('Retry-After in seconds or as a date, capped', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(backoffMs(DEFAULT_RETRY, 1, 3_600_000, Math.random)).toBe(DEFAULT_RETRY.maxRetryAfterMs);
  });
  test('loopback hosts', () => {
    expect(['localhost:5000', '127.0.0.1', '127.1.2.3:80', '[::1]:5000'].every(isLoopback)).toBe(true);
    expect(['ghcr.io', '10.0.0.1:5000', 'localhost.evil.com'].some(isLoopback)).toBe(false);
  });
});

/**
 * A Docker config directory with `docker-credential-<name>` scripts (their shell bodies), put first on PATH for the
 * describe block that calls it; `dir()` is the directory, for DOCKER_CONFIG and HOME.
 */
function credentialsDir(helpers: Record<string, string>, config: object): { dir: () => string } {
  let dir = '';
  let oldPath: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scratchpack-creds-'));
    for (const [name, body] of Object.entries(helpers)) {
      writeFileSync(join(dir, `docker-credential-${name}`), `#!/bin/sh\n${body}\n`);
      chmodSync(join(dir, `docker-credential-${name}`), 0o755);
    }
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    oldPath = process.env.PATH;
    process.env.PATH = `${dir}:${oldPath}`;
  });
  afterAll(() => {
    process.env.PATH = oldPath;
  });
  return { dir: () => dir };
}

describe('credentials, in order', () => {
  const masked: string[] = [];
  const mask = (s: string) => masked.push(s);
  const none = { username: '', password: '', githubToken: '' };
  const creds = credentialsDir(
    {
      test: 'read server\n[ "$server" = "helped.example" ] || exit 1\necho \'{"ServerURL":"helped.example","Username":"helper-user","Secret":"helper-secret"}\'',
    },
    {
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hubuser:hubpass').toString('base64') },
        'oauth.example': { identitytoken: 'idtok' },
      },
      credHelpers: { 'helped.example': 'test' },
    },
  );
  const env = () => ({ DOCKER_CONFIG: creds.dir(), HOME: creds.dir() });

  test('explicit inputs win over everything', async () => {
    expect(
      await resolveCredential(
        'docker.io',
        { ...none, username: 'u', password: 'p' },
        { env: env(), exec: execaExec, mask: mask },
      ),
    ).toMatchObject({ username: 'u', password: 'p', source: 'the username/password inputs' });
  });
  test('config.json auths, with Docker Hub aliases, and identitytoken', async () => {
    expect(await resolveCredential('docker.io', none, { env: env(), exec: execaExec, mask: mask })).toMatchObject({
      username: 'hubuser',
      password: 'hubpass',
    });
    expect(await resolveCredential('oauth.example', none, { env: env(), exec: execaExec, mask: mask })).toMatchObject({
      identityToken: 'idtok',
    });
    expect(masked).toEqual(expect.arrayContaining(['hubpass', 'idtok']));
  });
  test('credHelpers run docker-credential-<name> get with the server on stdin', async () => {
    expect(await resolveCredential('helped.example', none, { env: env(), exec: execaExec, mask: mask })).toMatchObject({
      username: 'helper-user',
      password: 'helper-secret',
      source: 'docker-credential-test',
    });
    expect(masked).toContain('helper-secret');
  });
  test('github-token for ghcr.io only, as GITHUB_ACTOR; anonymous otherwise', async () => {
    const inputs = { ...none, githubToken: 'ghs_x', githubActor: 'octocat' };
    expect(await resolveCredential('ghcr.io', inputs, { env: env(), exec: execaExec, mask: mask })).toMatchObject({
      username: 'octocat',
      password: 'ghs_x',
    });
    expect(await resolveCredential('quay.io', inputs, { env: env(), exec: execaExec, mask: mask })).toBeUndefined();
  });
});

describe('credentials the user cannot see are never quoted or guessed', () => {
  const none = { username: '', password: '', githubToken: '' };
  const seen: string[] = [];
  const keep = (s: string) => void seen.push(s);
  const SECRET = 'hunter2-s3cret-value';
  const creds = credentialsDir(
    { raw: `echo '${SECRET}'`, slow: 'sleep 60' },
    {
      auths: {
        'nocolon.example': { auth: Buffer.from(SECRET).toString('base64') },
        'MIXED.Example': { auth: Buffer.from('mixed:case-pass').toString('base64') },
      },
      credHelpers: { 'raw.example': 'raw' },
    },
  );
  const env = () => ({ DOCKER_CONFIG: creds.dir(), HOME: creds.dir() });

  test('an auth entry without a colon is an error naming the entry, not a username made of the secret', async () => {
    const got = resolveCredential('nocolon.example', none, { env: env(), exec: execaExec, mask: keep });
    await expect(got).rejects.toThrow(DockerConfigError);
    await expect(got).rejects.toThrow('auths["nocolon.example"].auth is not base64 of user:password');
    await expect(got).rejects.not.toThrow(SECRET);
    expect(seen).toContain(SECRET);
  });

  test('a helper that prints something other than JSON: masked first, then one error that quotes none of it', async () => {
    seen.length = 0;
    const got = resolveCredential('raw.example', none, { env: env(), exec: execaExec, mask: keep });
    await expect(got).rejects.toThrow('docker-credential-raw get for raw.example printed 21 bytes that are not JSON');
    await expect(got).rejects.not.toThrow(SECRET.slice(0, 6));
    expect(seen[0]).toBe(SECRET);
  });

  test('registry names are looked up in config.json whatever their case', async () => {
    expect(await resolveCredential('mixed.example', none, { env: env(), exec: execaExec, mask: keep })).toMatchObject({
      username: 'mixed',
      password: 'case-pass',
    });
    expect(
      await resolveCredential(
        'GHCR.IO',
        { ...none, githubToken: 'ghs_y' },
        { env: env(), exec: execaExec, mask: keep },
      ),
    ).toMatchObject({ password: 'ghs_y' });
  });

  test('a credential helper that does not answer is stopped at the timeout the port was given', async () => {
    const r = await execaExec('docker-credential-slow', ['get'], { input: 'x', timeoutMs: 300 });
    expect(r.exitCode).toBe(124);
    expect(r.stderr).toBe('docker-credential-slow: no answer within 300 ms; stopped');
  });
});

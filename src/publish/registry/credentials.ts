import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Exec } from '../../util/exec.js';
import { ActionError } from '../../kernel/errors.js';
import type { Credential } from './auth.js';

/** A Docker config the user (or a login step) wrote that cannot be used: the message names the file, never a secret. */
export class DockerConfigError extends ActionError {}

/** What the user gave as inputs, already masked by inputs.ts. */
export interface CredentialInputs {
  username: string;
  password: string;
  githubToken: string;
  githubActor?: string | undefined;
}

interface DockerConfig {
  auths?:
    | Record<
        string,
        {
          auth?: string | undefined;
          username?: string | undefined;
          password?: string | undefined;
          identitytoken?: string | undefined;
        }
      >
    | undefined;
  credHelpers?: Record<string, string> | undefined;
  credsStore?: string | undefined;
}

/** The config.json keys docker login may have written for a registry (with or without scheme and path). */
function keysFor(registry: string): string[] {
  const hub = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return registry === 'docker.io'
    ? hub
    : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}

/** How long a credential helper may take: a helper that waits for a keyring prompt must not hold the job. */
const HELPER_TIMEOUT_MS = 30_000;

async function fromHelper(
  helper: string,
  registry: string,
  exec: Exec,
  mask: (s: string) => void,
): Promise<Credential | undefined> {
  const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
  const name = `docker-credential-${helper}`;
  const r = await exec(name, ['get'], { input: server, timeoutMs: HELPER_TIMEOUT_MS });
  if (r.exitCode !== 0) return undefined;
  // Whatever it printed may be the secret, well-formed or not: masked before anything can quote it.
  for (const line of r.stdout.split('\n')) if (line.trim()) mask(line.trim());
  let got: { Username?: unknown; Secret?: unknown } | null;
  try {
    got = JSON.parse(r.stdout) as typeof got;
  } catch {
    throw new DockerConfigError(
      `${name} get for ${registry} printed ${r.stdout.length} bytes that are not JSON; expected {"Username": ..., "Secret": ...}`,
    );
  }
  if (typeof got?.Secret !== 'string' || !got.Secret) return undefined;
  mask(got.Secret);
  const username = typeof got.Username === 'string' ? got.Username : undefined;
  return username === '<token>'
    ? { identityToken: got.Secret, source: name }
    : { username, password: got.Secret, source: name };
}

/** The config with its registry keys in lower case, as host names compare. */
function lowerKeys(c: DockerConfig): DockerConfig {
  const lower = <T>(o: Record<string, T> | undefined) =>
    o && typeof o === 'object'
      ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]))
      : undefined;
  return { ...c, auths: lower(c.auths), credHelpers: lower(c.credHelpers) };
}

/** A Docker config `auths` entry: an identity token, base64 user:password, or a username and password. */
function fromAuths(
  a: NonNullable<DockerConfig['auths']>[string],
  where: string,
  mask: (s: string) => void,
): Omit<Credential, 'source'> | undefined {
  if (a.identitytoken) {
    mask(a.identitytoken);
    return { identityToken: a.identitytoken };
  }
  if (a.auth) {
    mask(a.auth);
    const decoded = Buffer.from(a.auth, 'base64').toString('utf8');
    mask(decoded);
    const colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new DockerConfigError(
        `${where}.auth is not base64 of user:password (it has no ':'); log in again or fix the entry`,
      );
    }
    const password = decoded.slice(colon + 1);
    mask(password);
    return { username: decoded.slice(0, colon), password };
  }
  if (a.username !== undefined && a.password !== undefined) {
    mask(a.password);
    return { username: a.username, password: a.password };
  }
  return undefined;
}

/**
 * Finds credentials for a registry, in order: explicit inputs, the Docker config that docker/login-action writes
 * (auths, credHelpers, credsStore), github-token for ghcr.io, then anonymous. Every secret is masked as it is read.
 */
export async function resolveCredential(
  registry: string,
  inputs: CredentialInputs,
  { env, exec, mask }: { env: NodeJS.ProcessEnv; exec: Exec; mask: (s: string) => void },
): Promise<Credential | undefined> {
  // Host names are case-insensitive; config.json keys and ghcr.io are compared in lower case.
  registry = registry.toLowerCase();
  if (inputs.username || inputs.password)
    return { username: inputs.username, password: inputs.password, source: 'the username/password inputs' };
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  const file = join(dir, 'config.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    let config: DockerConfig;
    try {
      config = lowerKeys(JSON.parse(text) as DockerConfig);
    } catch {
      throw new DockerConfigError(`${file} is not valid JSON; fix it or remove it (docker/login-action writes it)`);
    }
    for (const key of keysFor(registry)) {
      const helper = config.credHelpers?.[key];
      if (helper) {
        const c = await fromHelper(helper, registry, exec, mask);
        if (c) return c;
      }
    }
    for (const key of keysFor(registry)) {
      const a = config.auths?.[key];
      const c = a ? fromAuths(a, `${file}: auths["${key}"]`, mask) : undefined;
      if (c) return { ...c, source: file };
    }
    if (config.credsStore) {
      const c = await fromHelper(config.credsStore, registry, exec, mask);
      if (c) return c;
    }
  }
  if (registry === 'ghcr.io' && inputs.githubToken) {
    return {
      username: inputs.githubActor || 'x-access-token',
      password: inputs.githubToken,
      source: 'the github-token input',
    };
  }
  return undefined;
}

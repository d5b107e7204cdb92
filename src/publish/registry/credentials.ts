import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Exec } from '../../util/exec.js';
import { ActionError } from '../../util/errors.js';
import type { Credential } from './auth.js';

/** A Docker config the user (or a login step) wrote that cannot be used: the message names the file, never a secret. */
export class DockerConfigError extends ActionError {}

/** What the user gave as inputs, already masked by inputs.ts. */
export interface CredentialInputs {
  username: string;
  password: string;
  githubToken: string;
  githubActor?: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The config.json keys docker login may have written for a registry (with or without scheme and path). */
function keysFor(registry: string): string[] {
  const hub = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return registry === 'docker.io'
    ? hub
    : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
}

async function fromHelper(
  helper: string,
  registry: string,
  exec: Exec,
  mask: (s: string) => void,
): Promise<Credential | undefined> {
  const server = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
  const r = await exec(`docker-credential-${helper}`, ['get'], { input: server });
  if (r.exitCode !== 0) return undefined;
  const got = JSON.parse(r.stdout) as { Username?: string; Secret?: string };
  if (!got.Secret) return undefined;
  mask(got.Secret);
  const source = `docker-credential-${helper}`;
  return got.Username === '<token>'
    ? { identityToken: got.Secret, source }
    : { username: got.Username, password: got.Secret, source };
}

/**
 * Finds credentials for a registry, in order: explicit inputs, the Docker config that docker/login-action writes
 * (auths, credHelpers, credsStore), github-token for ghcr.io, then anonymous. Every secret is masked as it is read.
 */
export async function resolveCredential(
  registry: string,
  inputs: CredentialInputs,
  env: NodeJS.ProcessEnv,
  exec: Exec,
  mask: (s: string) => void,
): Promise<Credential | undefined> {
  if (inputs.username || inputs.password)
    return { username: inputs.username, password: inputs.password, source: 'the username/password inputs' };
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  const file = join(dir, 'config.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    let config: DockerConfig;
    try {
      config = JSON.parse(text) as DockerConfig;
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
      if (!a) continue;
      if (a.identitytoken) {
        mask(a.identitytoken);
        return { identityToken: a.identitytoken, source: file };
      }
      if (a.auth) {
        const decoded = Buffer.from(a.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        const password = decoded.slice(colon + 1);
        mask(a.auth);
        mask(password);
        return { username: decoded.slice(0, colon), password, source: file };
      }
      if (a.username !== undefined && a.password !== undefined) {
        mask(a.password);
        return { username: a.username, password: a.password, source: file };
      }
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

import type { Exec } from '../../util/exec.js';
import { Authenticator } from './auth.js';
import { isLoopback, RegistryClient } from './client.js';
import { resolveCredential, type CredentialInputs } from './credentials.js';
import type { Inputs } from '../../inputs/inputs.js';
import { nodeFetch } from '../../util/http.js';
import type { RetryPolicy } from './retry.js';
import { Transport } from './transport.js';

/** Everything needed to open authenticated clients. */
export interface ConnectOptions {
  transport: Transport;
  credentials: CredentialInputs;
  insecureRegistries: string[];
  env: NodeJS.ProcessEnv;
  exec: Exec;
  /** Masks a secret in the log the moment it is read (core.setSecret). */
  mask: (secret: string) => void;
  /** Says which credential source is used for which registry; never the secret. */
  info: (line: string) => void;
}

/** Returns a function giving one pinged client per registry, created on first use and then shared. */
export function clientFactory(o: ConnectOptions): (registry: string) => Promise<RegistryClient> {
  const clients = new Map<string, Promise<RegistryClient>>();
  return (registry) => {
    let c = clients.get(registry);
    if (!c) {
      c = (async () => {
        const plain = isLoopback(registry) || o.insecureRegistries.includes(registry);
        const credential = await resolveCredential(registry, o.credentials, o);
        o.info(`${registry}: ${credential ? `credentials from ${credential.source}` : 'anonymous'}`);
        const client = new RegistryClient(
          registry,
          o.transport,
          new Authenticator(registry, credential, o.transport, o.mask),
          plain,
        );
        await client.ping();
        return client;
      })();
      clients.set(registry, c);
    }
    return c;
  };
}

/** The inputs that say how to reach and authenticate to the registries. */
export type RegistrySettings = Pick<Inputs, 'username' | 'password' | 'githubToken' | 'insecureRegistries'>;

/** The effects a registry connection needs, injected by the action's entry. */
export interface RegistryDeps {
  exec: Exec;
  env: NodeJS.ProcessEnv;
  policy: RetryPolicy;
  mask: (secret: string) => void;
  info: (line: string) => void;
  warn: (line: string) => void;
}

/** One transport (retries are counted across it) and one pinged, authenticated client per registry. */
export function connectRegistries(
  settings: RegistrySettings,
  deps: RegistryDeps,
): { transport: Transport; client: (registry: string) => Promise<RegistryClient> } {
  const transport = new Transport(nodeFetch, deps.policy, deps.warn);
  const client = clientFactory({
    transport,
    credentials: {
      username: settings.username,
      password: settings.password,
      githubToken: settings.githubToken,
      githubActor: deps.env.GITHUB_ACTOR,
    },
    insecureRegistries: settings.insecureRegistries,
    env: deps.env,
    exec: deps.exec,
    mask: deps.mask,
    info: deps.info,
  });
  return { transport, client };
}

import type { Exec } from '../../util/exec.js';
import { Authenticator } from './auth.js';
import { isLoopback, RegistryClient } from './client.js';
import { resolveCredential, type CredentialInputs } from './credentials.js';
import type { Transport } from './transport.js';

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
        const credential = await resolveCredential(registry, o.credentials, o.env, o.exec, o.mask);
        o.info(`${registry}: ${credential ? `credentials from ${credential.source}` : 'anonymous'}`);
        const client = new RegistryClient(
          registry,
          o.transport,
          new Authenticator(registry, credential, o.transport, plain),
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

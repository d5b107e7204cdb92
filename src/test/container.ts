/**
 * What a container runtime gives a container besides its image, so that the pre-ship test runs the image as Docker
 * and Kubernetes would: the environment and the files under /etc that the runtime, not the image, provides.
 */

/** The test's host name (its own UTS namespace), as /etc/hostname and HOSTNAME say it. */
export const TEST_HOSTNAME = 'scratchpack-test';

/**
 * The environment Docker gives a container: HOSTNAME, the image's Env, and HOME (from the user's passwd entry, else /)
 * when the image's Env has none (https://docs.docker.com/reference/cli/docker/container/run/#env, and moby's
 * container.CreateDaemonEnvironment).
 */
export function containerEnv(imageEnv: string[], home: string, hostname = TEST_HOSTNAME): string[] {
  const hasHome = imageEnv.some((e) => e.startsWith('HOME='));
  return [`HOSTNAME=${hostname}`, ...imageEnv, ...(hasHome ? [] : [`HOME=${home}`])];
}

/**
 * /etc/resolv.conf as Docker writes it for a container on a network of its own: the host's, without loopback
 * nameservers (they would not answer inside), and Google's public resolvers when none is left (moby's
 * libnetwork/resolvconf FilterResolvDNS). The test has no network, so this is only what the program reads.
 */
export function containerResolvConf(host: string): string {
  const lines = host.split('\n').filter((l) => /^\s*(nameserver|search|options|domain)\s/.test(l));
  const kept = lines.filter((l) => !/^\s*nameserver\s+(127\.|::1\b|0\.0\.0\.0)/.test(l));
  const hasServer = kept.some((l) => /^\s*nameserver\s/.test(l));
  const servers = hasServer ? [] : ['nameserver 8.8.8.8', 'nameserver 8.8.4.4'];
  return [...kept.map((l) => l.trim()), ...servers].join('\n') + '\n';
}

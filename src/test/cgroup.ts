import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Privileged } from './privileged.js';

/** A test's limits where the runner's cgroup v2 hierarchy delegates the controllers. */
export const TEST_MEMORY_MAX = 2 * 1024 ** 3;
export const TEST_PIDS_MAX = 4096;

/** A cgroup of one test's processes: killed as a whole (cgroup.kill), then removed. */
export interface TestCgroup {
  /** The file a process writes its pid into to join. */
  procs: string;
  /** Kills every process in it, waits until it is empty, and removes it. */
  close(): Promise<void>;
}

/** The mount point of the cgroup v2 hierarchy, from /proc/self/mountinfo (proc(5)); undefined when there is none. */
async function cgroup2Mount(): Promise<string | undefined> {
  const text = await readFile('/proc/self/mountinfo', 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [before, after] = [line.split(' - ').at(0) ?? '', line.split(' - ').at(1)];
    if (after?.startsWith('cgroup2 ')) return before.split(' ').at(4);
  }
  return undefined;
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/**
 * A new cgroup for one test at the top of the cgroup v2 hierarchy, where the root usually delegates the memory and
 * pids controllers (https://docs.kernel.org/admin-guide/cgroup-v2.html, "cgroup.kill", "memory.max", "pids.max").
 * Undefined when the runner allows none (no cgroup v2, read-only, or no cgroup.kill before Linux 5.14): the test then
 * relies on its PID namespace alone.
 */
export async function openTestCgroup(priv: Privileged, name: string): Promise<TestCgroup | undefined> {
  const mount = await cgroup2Mount();
  if (!mount) return undefined;
  const dir = join(mount, name);
  try {
    await priv.mkdir(dir);
  } catch {
    return undefined;
  }
  const close = async () => {
    await priv.write(join(dir, 'cgroup.kill'), '1').catch(() => undefined);
    for (let i = 0; i < 500; i++) {
      const events = await readFile(join(dir, 'cgroup.events'), 'utf8').catch(() => 'populated 0');
      if (/^populated 0$/m.test(events)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await priv.rmdir(dir).catch(() => undefined);
  };
  if (!(await exists(join(dir, 'cgroup.kill')))) {
    await close();
    return undefined;
  }
  if (await exists(join(dir, 'memory.max')))
    await priv.write(join(dir, 'memory.max'), String(TEST_MEMORY_MAX)).catch(() => undefined);
  if (await exists(join(dir, 'pids.max')))
    await priv.write(join(dir, 'pids.max'), String(TEST_PIDS_MAX)).catch(() => undefined);
  return { procs: join(dir, 'cgroup.procs'), close };
}

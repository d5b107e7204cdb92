import { messageOf } from '../kernel/errors.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { MAX_OUTPUT, signalNumber } from '../util/exec.js';
import { openTestCgroup, type TestCgroup } from './cgroup.js';
import type { Privileged } from './privileged.js';
import type { ReadyProbe } from '../inputs/serve.js';
import { PROBE_SCRIPT } from './probe.js';
import { tarOf } from './layer-stream.js';

/**
 * Where the test's ids live on the host: uid and gid 0..2^31-1 inside its user namespace are BASE.. outside, so no
 * id inside, root included, is an id of the runner's (user_namespaces(7), "User and group ID mappings").
 */
export const ID_BASE = 0x70000000;
export const ID_COUNT = 0x80000000;

/** What a test may write in all: its root is a tmpfs of the image's size plus this, in memory, never on disk. */
export const TEST_WRITABLE = 256 * 1024 ** 2;

/** What one confined run needs. */
export interface ConfinedRun {
  /** The layer (tar+gzip or tar+zstd, as its media type says) the root is unpacked from, and its uncompressed size. */
  layer: string;
  layerMediaType: string;
  layerBytes: number;
  /** The program and its arguments, as paths inside the image; a qemu-user prefix already applied. */
  argv: string[];
  uid: number;
  gid: number;
  /** The image's Env, alone. */
  env: string[];
  workingDir: string;
  /** A host qemu-<arch>-static to place at /.scratchpack/qemu in the root. */
  qemu?: string;
  timeoutMs: number;
  /** The test's host name (its own UTS namespace), and the resolv.conf it sees, as a container runtime gives them. */
  hostname: string;
  resolvConf: string;
  /** Sees the output as it arrives; `stop` ends the run there (a server that is ready). */
  onOutput?: ((text: string) => 'stop' | undefined) | undefined;
  /** A readiness probe run inside the test's network namespace, and what to do with each of its answers. */
  probe?: ReadyProbe | undefined;
  onProbe?: ((answer: ProbeAnswer) => 'stop' | undefined) | undefined;
  /** The signal a stopped server gets first (the image's StopSignal, else SIGTERM); then, after a grace, SIGKILL. */
  stopSignal?: string | undefined;
}

/** One answer of the readiness probe: ready, or why not yet. */
export interface ProbeAnswer {
  ok: boolean;
  /** `GET /healthz → 200`, `tcp 8080 accepted`, or the error: `connection refused on 8080`. */
  detail: string;
  /** For HTTP: the status line and the first bytes of the body. */
  answer?: string | undefined;
}

/** How a confined run ended; every process it started is dead by the time this is returned. */
export interface Confined {
  exitCode?: number;
  signal?: string;
  timedOut: boolean;
  /** onOutput or onProbe asked to stop it: the program was ready, and was then stopped. */
  stopped: boolean;
  /** Milliseconds from the program's start to the stop. */
  readyMs?: number | undefined;
  /** The probe's last answer, when there is a probe. */
  probed?: ProbeAnswer | undefined;
  output: string;
  ms: number;
  /** The sandbox could not be set up (the image never ran), with why. */
  setupError?: string;
}

/**
 * PID 1 of the test's namespaces: it prints its host pid (/proc is still the host's here, so /proc/self is) and
 * then only holds the namespaces; killing it kills every process in its PID namespace (pid_namespaces(7)).
 */
const HOLDER = 'read -r pid _ </proc/self/stat && echo "$pid" && exec sleep 2147483647';

/**
 * Runs as root of the test's user namespace, in its mount, network, UTS and PID namespaces: brings up loopback, sets
 * the host name, builds a jail (a tmpfs holding read-only binds of the host's /usr and /lib only) with the image's
 * root as another tmpfs unpacked from stdin, pivots into the jail so that nothing else of the host is reachable,
 * provides /etc/hosts, /etc/hostname and /etc/resolv.conf as a container runtime does (read-only bind mounts of
 * files outside the image's root; a link in their place is removed, never followed), and execs the program chrooted
 * into the image's root, with no_new_privs (set outside), no inheritable capabilities and a bounding set that keeps
 * only what unshare needs to chroot and change user. $1 is the root's size, $2 qemu-user or -, $3 the host name, $4
 * resolv.conf, $5 the bounding set, the rest `env -i` and its arguments.
 */
const STAGE = `set -u
fail() { echo "scratchpack-sandbox: $*" >&2; exit 125; }
size=$1 qemu=$2 host=$3 resolv=$4 bset=$5; shift 5
ip link set lo up || fail "cannot bring up loopback; install iproute2"
echo 0 > /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null
hostname "$host" || fail "cannot set the host name"
j=/tmp
mount -t tmpfs -o size=1m,mode=0755 scratchpack-jail "$j" || fail "cannot mount a tmpfs"
for d in bin sbin lib lib32 lib64 libx32 usr; do
  if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$j/$d"
  elif [ -d "/$d" ]; then
    mkdir "$j/$d" && mount --rbind "/$d" "$j/$d" || fail "cannot bind /$d"
    mount -o remount,bind,ro "$j/$d" 2>/dev/null
  fi
done
mkdir "$j/etc" "$j/root" "$j/old" "$j/proc" "$j/run"
if [ -e /etc/ld.so.cache ]; then
  : > "$j/etc/ld.so.cache" && mount --bind /etc/ld.so.cache "$j/etc/ld.so.cache" || fail "cannot bind ld.so.cache"
  mount -o remount,bind,ro "$j/etc/ld.so.cache" 2>/dev/null
fi
mount -t proc proc "$j/proc" || fail "cannot mount /proc"
mount -t tmpfs -o "size=$size,mode=0755" scratchpack-root "$j/root" || fail "cannot mount the root"
tar --numeric-owner -xf - -C "$j/root" || fail "cannot unpack the layer"
if [ "$qemu" != - ]; then
  mkdir -p "$j/root/.scratchpack" && cp "$qemu" "$j/root/.scratchpack/qemu" && chmod 0755 "$j/root/.scratchpack/qemu" || fail "cannot copy $qemu"
fi
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t%s\n' "$host" > "$j/run/hosts"
printf '%s\n' "$host" > "$j/run/hostname"
printf '%s' "$resolv" > "$j/run/resolv.conf"
exec </dev/null
cd "$j" && pivot_root . old && umount -l /old && rmdir /old && umount /proc || fail "cannot pivot into the jail"
[ -L /root/etc ] && fail "the image's /etc is a symbolic link"
mkdir -p /root/etc || fail "cannot make /etc"
for f in hosts hostname resolv.conf; do
  t=/root/etc/$f
  if [ -L "$t" ] || { [ -e "$t" ] && [ ! -f "$t" ]; }; then rm -rf "$t" || fail "cannot replace /etc/$f"; fi
  [ -e "$t" ] || : > "$t" || fail "cannot make /etc/$f"
  mount --bind "/run/$f" "$t" && mount -o remount,bind,ro "$t" || fail "cannot provide /etc/$f"
done
exec setpriv --inh-caps=-all --bounding-set="$bset" -- /usr/bin/env -i -- "$@"
`;

/** The standard directories, for the tools the stage script runs (the image's Env is not theirs). */
const TOOL_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

/** Output kept from a run, bounded as execa's port bounds it. */
class Collected {
  private parts: string[] = [];
  private kept = 0;
  private dropped = 0;
  add(text: string): void {
    const take = Math.min(text.length, MAX_OUTPUT - this.kept);
    if (take > 0) this.parts.push(take === text.length ? text : text.slice(0, take));
    this.kept += take;
    this.dropped += text.length - take;
  }
  toString(): string {
    return this.parts.join('') + (this.dropped > 0 ? `\n[${this.dropped} more bytes not kept]\n` : '');
  }
}

const closed = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: 127, signal: null }));
  });

/** The holder's host pid, from the first line it prints; undefined when it died first, with its stderr. */
function holderPid(holder: ChildProcess): Promise<number | string> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    holder.stderr?.on('data', (d: Buffer) => {
      if (err.length < 4096) err += d.toString();
    });
    holder.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = /^(\d+)\n/.exec(out);
      if (line) resolve(Number(line[1]));
    });
    holder.once('close', () => resolve(err.trim() || 'the namespace holder exited at once'));
    holder.once('error', (e) => resolve(e.message));
  });
}

/** The argv that runs `argv` as root and, when there is a cgroup, inside it from its first instruction. */
function rooted(priv: Privileged, cg: TestCgroup | undefined, argv: string[]): string[] {
  const join = cg ? ['/bin/sh', '-c', 'echo $$ > "$1" && shift && exec "$@"', 'sh', cg.procs] : [];
  return [...priv.prefix, ...join, ...argv];
}

/** Every process the sandbox starts as root runs with no_new_privs: nothing it execs can gain privileges. */
const NO_NEW_PRIVS = ['setpriv', '--no-new-privs', '--'];

/** `argv` entering the holder's namespaces named (`--user`, `--net`, ...), with no_new_privs. */
const inside = (pid: number, namespaces: string[], argv: string[]) => [
  ...NO_NEW_PRIVS,
  ...['nsenter', `--target=${pid}`, ...namespaces, '--'],
  ...argv,
];

const start = (argv: string[], stdin: 'pipe' | 'ignore') =>
  spawn(argv[0], argv.slice(1), { stdio: [stdin, 'pipe', 'pipe'], env: { PATH: TOOL_PATH } });

/**
 * The bounding set, then the arguments after `env -i --`: the image's Env, then unshare chrooting into the root as
 * the image's user. Root of the namespace needs no user change, so it keeps CAP_SYS_CHROOT alone; another user loses
 * every capability at its setuid (capabilities(7), "Effect of user ID changes on capabilities").
 */
function tail(r: ConfinedRun): string[] {
  const root = r.uid === 0 && r.gid === 0;
  const who = root ? [] : ['--setgid', String(r.gid), '--setuid', String(r.uid)];
  const bset = root ? '-all,+sys_chroot' : '-all,+sys_chroot,+setuid,+setgid';
  return [bset, ...r.env, '/usr/bin/unshare', '--root=/root', `--wd=${r.workingDir || '/'}`, ...who, '--', ...r.argv];
}

/** Kills the namespace and the cgroup, then waits for both processes: nothing the test started is left. */
async function stopAll(priv: Privileged, pid: number, cg: TestCgroup | undefined, children: ChildProcess[]) {
  await priv.kill(pid, 'SIGKILL');
  await cg?.close();
  await Promise.all(children.map(closed));
}

/**
 * Runs one image's program confined (see STAGE), and returns only once every process it started is dead: at its
 * end, at the deadline or when onOutput says stop, the namespace's PID 1 is killed by its host pid, which kills the
 * whole PID namespace, and the test's cgroup is killed too where the runner has one to give.
 */
export async function confine(r: ConfinedRun, priv: Privileged): Promise<Confined> {
  const began = performance.now();
  const cg = await openTestCgroup(priv, `scratchpack-test-${process.pid}-${randomBytes(4).toString('hex')}`);
  const holder = start(
    rooted(priv, cg, [
      ...NO_NEW_PRIVS,
      ...['unshare', '--user', '--mount', '--net', '--uts', '--pid', '--fork', '--kill-child', '--'],
      ...['/bin/sh', '-c', HOLDER],
    ]),
    'ignore',
  );
  const pid = await holderPid(holder);
  const failed = async (why: string, children: ChildProcess[]): Promise<Confined> => {
    if (typeof pid === 'number') await stopAll(priv, pid, cg, children);
    else await cg?.close();
    return { timedOut: false, stopped: false, output: '', ms: performance.now() - began, setupError: why };
  };
  if (typeof pid === 'string') return failed(`cannot create the test's namespaces: ${pid}`, [holder]);
  try {
    await priv.write(`/proc/${pid}/uid_map`, `0 ${ID_BASE} ${ID_COUNT}\n`);
    await priv.write(`/proc/${pid}/gid_map`, `0 ${ID_BASE} ${ID_COUNT}\n`);
  } catch (e) {
    return failed(`cannot map the test's user namespace: ${messageOf(e)}`, [holder]);
  }
  // STAGE's arguments: the root's size, qemu-user or -, the host name, resolv.conf, then tail(r).
  const stage = [String(r.layerBytes + TEST_WRITABLE), r.qemu ?? '-', r.hostname, r.resolvConf, ...tail(r)];
  const everyNamespace = ['--user', '--mount', '--net', '--uts', '--pid'];
  const worker = start(rooted(priv, cg, inside(pid, everyNamespace, ['/bin/sh', '-c', STAGE, 'sh', ...stage])), 'pipe');
  const probe = r.probe ? startProbe(priv, cg, pid, r) : undefined;
  const children = [holder, worker, ...(probe ? [probe] : [])];
  return watch(r, {
    worker,
    probe,
    began,
    terminate: (signal) => terminate(priv, cg, pid, signal),
    stop: () => stopAll(priv, pid, cg, children),
  });
}

/** How long a ready program has to stop on its stop signal before everything is killed. */
export const STOP_GRACE_MS = 2000;

/**
 * A node that another OS user may run: the probe runs as the test's namespace root, which is no user of the host, so
 * it needs a node that every user can execute (the action's own, when its directories allow it).
 */
function probeNode(): string | undefined {
  const candidates = [process.execPath, '/usr/local/bin/node', '/usr/bin/node'];
  return candidates.find((file) => {
    try {
      return everyoneMay(file);
    } catch {
      return false;
    }
  });
}

/** Whether others may search every directory above `file` and execute it. */
function everyoneMay(file: string): boolean {
  const parts = file.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const st = statSync('/' + parts.slice(0, i + 1).join('/'));
    if ((st.mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * The readiness probe (probe.ts's script), in the test's network namespace only, as its user namespace's root, which
 * maps to no user of the host; in the test's cgroup, so that its end kills the probe too.
 */
function startProbe(priv: Privileged, cg: TestCgroup | undefined, pid: number, r: ConfinedRun): ChildProcess {
  const node = probeNode();
  // With no node that the namespace's root may run, the probe runs as the step's root in the network namespace.
  const enter = node ? ['--user', '--net'] : ['--net'];
  const probe = r.probe as ReadyProbe;
  const args = [probe.kind, String(probe.port), probe.kind === 'http' ? probe.path : '', String(r.timeoutMs)];
  return start(
    rooted(priv, cg, inside(pid, enter, [node ?? process.execPath, '-e', PROBE_SCRIPT, '--', ...args])),
    'ignore',
  );
}

/** Sends `signal` to every process of the test's PID namespace but its PID 1 (kill(2) with pid -1, from inside). */
async function terminate(priv: Privileged, cg: TestCgroup | undefined, pid: number, signal: string): Promise<void> {
  const number = /^\d+$/.test(signal) ? signal : String(signalNumber(signal));
  const kill = start(
    rooted(priv, cg, inside(pid, ['--user', '--pid'], ['/bin/sh', '-c', 'kill -"$1" -1', 'sh', number])),
    'ignore',
  );
  await closed(kill);
}

/** What watch needs besides the run: the processes, and how to stop them gently or for good. */
interface Watched {
  worker: ChildProcess;
  probe: ChildProcess | undefined;
  began: number;
  terminate: (signal: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** The probe's answers, one JSON line each, as they come. */
function onProbeLines(probe: ChildProcess, each: (a: ProbeAnswer) => void): void {
  let pending = '';
  probe.stdout?.on('data', (d: Buffer) => {
    pending += d.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      try {
        each(JSON.parse(line) as ProbeAnswer);
      } catch {
        // Only the probe writes here; a line that is not JSON is dropped.
      }
    }
  });
}

/**
 * Feeds the layer, reads the output and the probe, and ends the run at its end, its deadline, or once onOutput or
 * onProbe says the program is ready: then the program gets its stop signal, STOP_GRACE_MS, and then SIGKILL.
 */
async function watch(r: ConfinedRun, w: Watched): Promise<Confined> {
  const output = new Collected();
  // Set by callbacks as the run goes; an object, so the compiler does not narrow them at their start.
  const state: { timedOut: boolean; stopped: boolean; readyMs?: number; probed?: ProbeAnswer } = {
    timedOut: false,
    stopped: false,
  };
  let stopping: Promise<void> | undefined;
  const end = () => (stopping ??= w.stop());
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    w.worker.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = () => {
    if (state.stopped) return;
    state.stopped = true;
    state.readyMs = performance.now() - w.began;
    const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
    void w
      .terminate(r.stopSignal || 'SIGTERM')
      .then(() => Promise.race([exited, grace]))
      .then(end);
  };
  w.worker.stdin?.on('error', () => undefined); // the program may never read it all: a stage that failed
  // The tar stream, decompressed here: the sandbox's tar reads it plain, whatever the layer's compression.
  tarOf(r.layer, r.layerMediaType)
    .on('error', () => w.worker.stdin?.destroy())
    .pipe(w.worker.stdin as NodeJS.WritableStream);
  const onData = (d: Buffer) => {
    const text = d.toString();
    output.add(text);
    if (r.onOutput?.(text) === 'stop') ready();
  };
  w.worker.stdout?.on('data', onData);
  w.worker.stderr?.on('data', onData);
  if (w.probe)
    onProbeLines(w.probe, (a) => {
      state.probed = a;
      if (r.onProbe?.(a) === 'stop') ready();
    });
  const deadline = setTimeout(() => {
    if (state.stopped) return;
    state.timedOut = true;
    void end();
  }, r.timeoutMs);
  const exit = await exited;
  clearTimeout(deadline);
  await end();
  const text = output.toString();
  const setup = exit.code === 125 ? /^scratchpack-sandbox: (.*)$/m.exec(text)?.[1] : undefined;
  return {
    ...(exit.code !== null ? { exitCode: exit.code } : {}),
    ...(exit.signal ? { signal: exit.signal } : {}),
    timedOut: state.timedOut && !state.stopped,
    stopped: state.stopped,
    readyMs: state.readyMs,
    probed: state.probed,
    output: setup ? '' : text,
    ms: performance.now() - w.began,
    ...(setup ? { setupError: setup } : {}),
  };
}

import { readFile } from 'node:fs/promises';
import { factsOf, present } from '../kernel/arch.js';
import { MediaType, type ImageArtifact } from '../kernel/oci.js';
import type { Platform } from '../kernel/platform.js';
import { TarScanner } from '../layer/untar.js';
import { tarOf } from './layer-stream.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import { which } from '../util/which.js';
import { ExpectTooSlow, LineMatcher, EXPECT_BUDGET_MS } from './expect.js';
import type { Privileged } from './privileged.js';
import { confine, type Confined, type ProbeAnswer } from './sandbox.js';
import { homeOf, resolveUser } from './user.js';
import { containerEnv, containerResolvConf, TEST_HOSTNAME } from './container.js';
import type { ReadyProbe } from '../inputs/serve.js';

/** The last lines of a program's output, for a message. */
function lastLines(text: string, n: number): string {
  return text.replace(/\s+$/, '').split('\n').slice(-n).join('\n');
}

/** What the test of one image found, for the report. */
export interface TestOutcome {
  platform: string;
  status: 'passed' | 'failed';
  ms: number;
  /** `native` or `qemu-aarch64-static`, or the binfmt_misc handler. */
  via: string;
  output: string;
  /** The verdict in a few words: `exited 0`, `ready: GET /healthz → 200 after 0.4 s`, `exit 3`, `not ready after 10 s`. */
  detail: string;
  /** Why it failed: the exit status, the signal, the timeout, or the unmatched expectation. */
  reason?: string | undefined;
  /** What a ready HTTP server answered: its status line and the first bytes of its body. */
  answer?: string | undefined;
}

/** How a test runs: the settings from the inputs, and the runner's facts. */
export interface TestSettings {
  args: string[];
  timeoutS: number;
  expect?: RegExp | undefined;
  /** A readiness probe: the test passes once it answers, while the program runs. */
  ready?: ReadyProbe | undefined;
  /** The image's config as the plan made it. */
  entrypoint: string[];
  env: string[];
  user: string;
  workingDir?: string | undefined;
  stopSignal?: string | undefined;
  hostArch: string;
  /** Root, or sudo -n; undefined when the step has neither. */
  priv?: Privileged | undefined;
  env0: Record<string, string | undefined>;
}

/** A binfmt_misc handler for the arch that the kernel opens at registration (flag F), so it works inside a chroot. */
async function binfmt(qemu: string): Promise<string | undefined> {
  const text = await readFile(`/proc/sys/fs/binfmt_misc/qemu-${qemu}`, 'utf8').catch(() => '');
  return /^enabled/m.test(text) && /^flags:.*F/m.test(text) ? `binfmt_misc qemu-${qemu}` : undefined;
}

/** How the runner runs an architecture: natively, through a binfmt_misc handler, or a qemu-user to copy in. */
async function runnerFor(p: Platform, s: TestSettings): Promise<{ via: string; qemu?: string } | string> {
  if (p.arch === s.hostArch) return { via: 'native' };
  const qemu = present(factsOf(p).qemu);
  const handler = qemu ? await binfmt(qemu) : undefined;
  if (handler) return { via: handler };
  const file = qemu ? await which(`qemu-${qemu}-static`, s.env0.PATH) : undefined;
  if (file) return { via: `qemu-${qemu}-static`, qemu: file };
  return `no way to run ${p.id} here: install qemu-user-static (Debian/Ubuntu), or register binfmt_misc handlers with docker/setup-qemu-action`;
}

/** The contents of a few files of a compressed layer, read from the layer itself as it will ship. */
export async function readLayerFiles(
  layer: string,
  names: string[],
  mediaType: string = MediaType.layerGzip,
): Promise<Map<string, string>> {
  const scanner = new TarScanner(new Set(names));
  const tar = tarOf(layer, mediaType);
  try {
    for await (const chunk of tar) {
      scanner.push(chunk as Buffer);
      if (scanner.done) break;
    }
  } finally {
    tar.destroy();
  }
  return new Map([...scanner.files].map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

/** What readiness the settings ask for: a match of test-expect, a probe's answer, both, or neither (exit 0). */
interface Readiness {
  matched: boolean | 'slow';
  probed: boolean;
}

/** The seconds a duration took, for a verdict. */
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What a ready program showed: the probe's answer, the output's match, or both. */
function readyWhat(s: TestSettings, c: Confined): string {
  const printed = s.expect ? `printed /${s.expect.source}/` : '';
  const probed = s.ready && c.probed ? c.probed.detail : '';
  return [probed, printed].filter(Boolean).join(' and ');
}

/** Why a run failed, and the verdict in a few words; the reason is undefined when it passed. */
function verdict(c: Confined, s: TestSettings, r: Readiness): { reason?: string; detail: string } {
  const waitsForReady = s.ready !== undefined;
  const lastProbe = c.probed && !c.probed.ok ? c.probed.detail : 'no answer';
  if (c.stopped) return { detail: `ready: ${readyWhat(s, c)} after ${secs(c.readyMs ?? c.ms)}` };
  if (r.matched === 'slow')
    return {
      reason: `output could not be matched: test-expect /${s.expect?.source ?? ''}/ took over ${EXPECT_BUDGET_MS} ms on it; simplify the expression`,
      detail: 'test-expect too slow',
    };
  if (c.timedOut && (waitsForReady || s.expect)) {
    const why = waitsForReady ? lastProbe : `printed nothing that matches test-expect /${s.expect?.source ?? ''}/`;
    return {
      reason: `was not ready after ${s.timeoutS} s (${why}), and was killed`,
      detail: `not ready after ${s.timeoutS} s`,
    };
  }
  if (c.timedOut)
    return { reason: `timed out after ${s.timeoutS} s, and was killed`, detail: `timed out after ${s.timeoutS} s` };
  if (c.signal) return { reason: `was killed by ${c.signal}`, detail: `killed by ${c.signal}` };
  if (c.exitCode !== 0) return { reason: `exited ${c.exitCode}`, detail: `exit ${c.exitCode}` };
  if (waitsForReady) return { reason: `exited 0 before it was ready (${lastProbe})`, detail: 'exited before ready' };
  if (s.expect && !r.matched)
    return { reason: `printed nothing that matches test-expect /${s.expect.source}/`, detail: 'no match' };
  return { detail: 'exited 0' };
}

/**
 * Runs one image's entrypoint from a root made of its own layer, confined (sandbox.ts): its own user, mount, PID and
 * network namespaces, as the image's uid and gid mapped to unprivileged ids of the host, with the image's Env and
 * working directory. A foreign architecture runs under qemu-user: the kernel's binfmt_misc handler when registered
 * with F, else qemu-<arch>-static from PATH, copied into the root so that it too sees only the image's files.
 */
export async function testImage(p: Platform, img: ImageArtifact, s: TestSettings): Promise<TestOutcome | Diagnostic> {
  const fail = (message: string): Diagnostic => ({ level: 'error', title: `test (${p.id})`, message });
  if (!s.priv)
    return fail(
      'the image cannot be run confined: the step is not root and has no sudo; run as root, or unset test-args',
    );
  const runner = await runnerFor(p, s);
  if (typeof runner === 'string') return fail(runner);
  const layer = img.layers[0];
  if (layer.mediaType === MediaType.layerZstd && !(await which('zstd', s.env0.PATH)))
    return fail(
      'input "compression": zstd layers are unpacked with the runner\'s zstd to run them, and there is none; install zstd (apt-get install zstd), or use compression: gzip',
    );
  const files = await readLayerFiles(layer.path, ['etc/passwd', 'etc/group'], layer.mediaType);
  const who = resolveUser(s.user, files.get('etc/passwd') ?? '', files.get('etc/group') ?? '');
  if (typeof who === 'string') return fail(`input "user": ${who}`);
  const readiness = new ReadinessTracker(s);
  const home = homeOf(who.uid, files.get('etc/passwd') ?? '');
  const c = await confine(
    {
      layer: layer.path,
      layerMediaType: layer.mediaType,
      layerBytes: layer.uncompressedSize,
      argv: [...(runner.qemu ? ['/.scratchpack/qemu'] : []), ...s.entrypoint, ...s.args],
      uid: who.uid,
      gid: who.gid,
      env: containerEnv(s.env, home),
      workingDir: s.workingDir || '/',
      ...(runner.qemu ? { qemu: runner.qemu } : {}),
      timeoutMs: s.timeoutS * 1000,
      hostname: TEST_HOSTNAME,
      resolvConf: containerResolvConf(await readFile('/etc/resolv.conf', 'utf8').catch(() => '')),
      stopSignal: s.stopSignal,
      ...watchers(s, readiness),
    },
    s.priv,
  );
  if (c.setupError) return fail(`the test could not be set up: ${c.setupError}`);
  readiness.finish();
  const v = verdict(c, s, readiness.state);
  return {
    platform: p.id,
    status: v.reason ? 'failed' : 'passed',
    ms: c.ms,
    via: runner.via,
    output: c.output,
    detail: v.detail,
    ...(v.reason ? { reason: v.reason } : {}),
    ...(c.probed?.answer ? { answer: c.probed.answer } : {}),
  };
}

/** Tracks test-expect and the probe as the run goes; ready when every condition the settings ask for holds. */
class ReadinessTracker {
  readonly state: Readiness = { matched: false, probed: false };
  private readonly matcher: LineMatcher | undefined;

  constructor(private readonly s: TestSettings) {
    this.matcher = s.expect ? new LineMatcher(s.expect) : undefined;
  }

  /** Whether the program is ready now: only servers are judged so (a probe, or a match while it runs). */
  get ready(): boolean {
    const matched = !this.s.expect || this.state.matched === true;
    const probed = !this.s.ready || this.state.probed;
    return matched && probed && (this.s.ready !== undefined || this.s.expect !== undefined);
  }

  output(text: string): void {
    if (!this.matcher || this.state.matched !== false) return;
    try {
      this.state.matched = this.matcher.push(text);
    } catch (e) {
      if (!(e instanceof ExpectTooSlow)) throw e;
      this.state.matched = 'slow';
    }
  }

  probe(a: ProbeAnswer): void {
    if (a.ok) this.state.probed = true;
  }

  /** The last line, which had no newline yet, once the program has ended. */
  finish(): void {
    if (!this.matcher || this.state.matched !== false) return;
    try {
      this.state.matched = this.matcher.end();
    } catch {
      this.state.matched = 'slow';
    }
  }
}

/** The callbacks that feed the tracker and stop the run once it is ready. */
function watchers(s: TestSettings, t: ReadinessTracker) {
  const stopIfReady = (): 'stop' | undefined => (t.ready ? 'stop' : undefined);
  return {
    onOutput: (text: string) => {
      t.output(text);
      return stopIfReady();
    },
    ...(s.ready
      ? {
          probe: s.ready,
          onProbe: (a: ProbeAnswer) => {
            t.probe(a);
            return stopIfReady();
          },
        }
      : {}),
  };
}

/** The ::error of a failed test: the platform, why, and the last lines of the output. */
export function testFailure(t: TestOutcome): Diagnostic {
  // A Go panic's first line says what happened; its stack may push it out of the last lines.
  const panic = /^(panic|fatal error): .*$/m.exec(t.output)?.[0];
  const last = lastLines(t.output, 10);
  const tail = panic && !last.includes(panic) ? `${panic}\n…\n${last}` : last;
  return {
    level: 'error',
    title: `test (${t.platform})`,
    message: `the image's entrypoint ${t.reason} (${t.via})${tail ? `; last lines:\n${tail}` : '; it printed nothing'}`,
  };
}

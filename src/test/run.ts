import { readFile } from 'node:fs/promises';
import { factsOf, present } from '../kernel/arch.js';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { ImageArtifact } from '../kernel/oci.js';
import type { Platform } from '../kernel/platform.js';
import { TarScanner } from '../layer/untar.js';
import type { Diagnostic } from '../kernel/diagnostic.js';
import { which } from '../util/which.js';
import { ExpectTooSlow, LineMatcher, EXPECT_BUDGET_MS } from './expect.js';
import type { Privileged } from './privileged.js';
import { confine, type Confined } from './sandbox.js';
import { resolveUser } from './user.js';

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
  /** Why it failed: the exit status, the signal, the timeout, or the unmatched expectation. */
  reason?: string | undefined;
}

/** How a test runs: the settings from the inputs, and the runner's facts. */
export interface TestSettings {
  args: string[];
  timeoutS: number;
  expect?: RegExp | undefined;
  /** The image's config as the plan made it. */
  entrypoint: string[];
  env: string[];
  user: string;
  workingDir?: string | undefined;
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

/** The contents of a few files of a gzip-compressed layer, read from the layer itself as it will ship. */
export async function readLayerFiles(layer: string, names: string[]): Promise<Map<string, string>> {
  const scanner = new TarScanner(new Set(names));
  const input = createReadStream(layer);
  const gunzip = input.pipe(createGunzip());
  try {
    for await (const chunk of gunzip) {
      scanner.push(chunk as Buffer);
      if (scanner.done) break;
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  return new Map([...scanner.files].map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

/** Why a run failed, or undefined when it passed. */
function verdict(c: Confined, s: TestSettings, matched: boolean | 'slow'): string | undefined {
  if (c.timedOut) return `timed out after ${s.timeoutS} s, and was killed`;
  if (c.signal) return `was killed by ${c.signal}`;
  if (c.exitCode !== 0) return `exited ${c.exitCode}`;
  if (matched === 'slow')
    return `output could not be matched: test-expect /${s.expect?.source}/ took over ${EXPECT_BUDGET_MS} ms on it; simplify the expression`;
  if (s.expect && !matched) return `printed nothing that matches test-expect /${s.expect.source}/`;
  return undefined;
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
  const files = await readLayerFiles(layer.path, ['etc/passwd', 'etc/group']);
  const who = resolveUser(s.user, files.get('etc/passwd') ?? '', files.get('etc/group') ?? '');
  if (typeof who === 'string') return fail(`input "user": ${who}`);
  const matcher = s.expect ? new LineMatcher(s.expect) : undefined;
  // Set by the output callback as the program runs; an object, so the compiler does not narrow it at its start.
  const seen: { matched: boolean | 'slow' } = { matched: false };
  const feed = (text: string) => {
    if (!matcher || seen.matched !== false) return;
    try {
      seen.matched = matcher.push(text);
    } catch (e) {
      if (!(e instanceof ExpectTooSlow)) throw e;
      seen.matched = 'slow';
    }
  };
  const c = await confine(
    {
      layer: layer.path,
      layerBytes: layer.uncompressedSize,
      argv: [...(runner.qemu ? ['/.scratchpack/qemu'] : []), ...s.entrypoint, ...s.args],
      uid: who.uid,
      gid: who.gid,
      env: s.env,
      workingDir: s.workingDir || '/',
      ...(runner.qemu ? { qemu: runner.qemu } : {}),
      timeoutMs: s.timeoutS * 1000,
      onOutput: (text) => {
        feed(text);
        return undefined;
      },
    },
    s.priv,
  );
  if (c.setupError) return fail(`the test could not be set up: ${c.setupError}`);
  if (matcher && !seen.matched)
    try {
      seen.matched = matcher.end();
    } catch {
      seen.matched = 'slow';
    }
  const reason = verdict(c, s, matcher ? seen.matched : true);
  return {
    platform: p.id,
    status: reason ? 'failed' : 'passed',
    ms: c.ms,
    via: runner.via,
    output: c.output,
    ...(reason ? { reason } : {}),
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

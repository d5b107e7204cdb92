import { chmod, copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageArtifact } from '../image/types.js';
import type { Platform } from '../inputs/platform.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { Exec } from '../util/exec.js';
import { which } from '../util/which.js';
import { resolveUser } from './user.js';

/** qemu-user's name for a GOARCH (the binary is qemu-<name>-static). */
const QEMU_ARCH: Record<string, string> = {
  amd64: 'x86_64',
  '386': 'i386',
  arm64: 'aarch64',
  arm: 'arm',
  ppc64le: 'ppc64le',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loongarch64',
  mips64le: 'mips64el',
  mips64: 'mips64',
  mipsle: 'mipsel',
  mips: 'mips',
};

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
  reason?: string;
}

/** How a test runs: the settings from the inputs, and the runner's facts. */
export interface TestSettings {
  args: string[];
  timeoutS: number;
  expect?: RegExp;
  /** The image's config as the plan made it. */
  entrypoint: string[];
  env: string[];
  user: string;
  workingDir?: string;
  hostArch: string;
  /** Whether the step runs as root; else sudo -n is tried. */
  root: boolean;
  exec: Exec;
  env0: Record<string, string | undefined>;
  dir: string;
}

/** A binfmt_misc handler for the arch that the kernel opens at registration (flag F), so it works inside a chroot. */
async function binfmt(qemu: string): Promise<string | undefined> {
  const text = await readFile(`/proc/sys/fs/binfmt_misc/qemu-${qemu}`, 'utf8').catch(() => '');
  return /^enabled/m.test(text) && /^flags:.*F/m.test(text) ? `binfmt_misc qemu-${qemu}` : undefined;
}

/**
 * Runs one image's entrypoint from a root made of its own layer, confined: a private mount, PID and network namespace
 * (loopback only) and a chroot (util-linux unshare --root), as the image's uid and gid, with the image's Env and
 * working directory. A foreign architecture runs under qemu-user: the kernel's binfmt_misc handler when registered
 * with F, else qemu-<arch>-static from PATH, copied into the root so that it too sees only the image's files.
 */
export async function testImage(p: Platform, img: ImageArtifact, s: TestSettings): Promise<TestOutcome | Diagnostic> {
  const title = `test (${p.id})`;
  const fail = (message: string): Diagnostic => ({ level: 'error', title, message });
  if (!s.root && !(await which('sudo', s.env0.PATH)))
    return fail(
      'the image cannot be run confined: the step is not root and has no sudo; run as root, or unset test-args',
    );
  // How to run the architecture, decided before anything is unpacked.
  let via = 'native';
  let qemuFile: string | undefined;
  if (p.arch !== s.hostArch) {
    const qemu = QEMU_ARCH[p.arch];
    const handler = qemu ? await binfmt(qemu) : undefined;
    qemuFile = qemu && !handler ? await which(`qemu-${qemu}-static`, s.env0.PATH) : undefined;
    if (handler) via = handler;
    else if (qemuFile) via = `qemu-${qemu}-static`;
    else
      return fail(
        `no way to run ${p.id} here: install qemu-user-static (Debian/Ubuntu), or register binfmt_misc handlers with docker/setup-qemu-action`,
      );
  }
  const start = performance.now();
  const root = join(s.dir, p.slug);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  try {
    const untar = await s.exec('tar', ['--numeric-owner', '-xzf', img.layers[0].path, '-C', root]);
    if (untar.exitCode !== 0) return fail(`could not unpack the layer: ${untar.stderr}`);
    const read = (f: string) => readFile(join(root, f), 'utf8').catch(() => '');
    const who = resolveUser(s.user, await read('etc/passwd'), await read('etc/group'));
    if (typeof who === 'string') return fail(who);
    const argv = [...s.entrypoint, ...s.args];
    if (qemuFile) {
      await mkdir(join(root, '.scratchpack'), { recursive: true });
      await copyFile(qemuFile, join(root, '.scratchpack', 'qemu'));
      await chmod(join(root, '.scratchpack', 'qemu'), 0o755);
      argv.unshift('/.scratchpack/qemu');
    }
    const unshare = [
      '--mount',
      '--net',
      '--pid',
      '--fork',
      '--kill-child',
      `--root=${root}`,
      `--wd=${s.workingDir || '/'}`,
      '--setuid',
      String(who.uid),
      '--setgid',
      String(who.gid),
      '--',
      ...argv,
    ];
    const env = Object.fromEntries(s.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
    // timeout(1) signals its whole process group, the confined program too: unshare's --kill-child does not survive
    // --setuid (a credential change clears the parent-death signal, prctl(2) PR_SET_PDEATHSIG).
    const timed = ['/usr/bin/timeout', '--kill-after=2', `${s.timeoutS}s`, '/usr/bin/unshare', ...unshare];
    const [cmd, args] = s.root ? [timed[0], timed.slice(1)] : ['sudo', ['-n', ...timed]];
    const r = await s.exec(cmd, args, { env, timeoutMs: (s.timeoutS + 10) * 1000, cleanEnv: true });
    const output = `${r.stdout}${r.stderr}`;
    const ms = performance.now() - start;
    const reason =
      // timeout(1) exits 124, or 137 when the program ignored SIGTERM and had to be killed (qemu does).
      (r.exitCode === 124 || r.exitCode === 137) && ms >= s.timeoutS * 1000
        ? `timed out after ${s.timeoutS} s, and was killed`
        : r.exitCode > 128
          ? `was killed by signal ${r.exitCode - 128}`
          : r.exitCode !== 0
            ? `exited ${r.exitCode}`
            : s.expect && !s.expect.test(output)
              ? `printed nothing that matches test-expect /${s.expect.source}/`
              : undefined;
    return { platform: p.id, status: reason ? 'failed' : 'passed', ms, via, output, ...(reason ? { reason } : {}) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
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

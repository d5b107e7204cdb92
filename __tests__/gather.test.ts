import { beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, existsSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, sh, ROOT, type ActionRun } from './helpers/action.js';
import { unpackRoot } from './helpers/layout.js';

const cgo = {
  'working-directory': '__tests__/fixtures/cgo',
  platforms: 'linux/amd64,linux/arm64',
  cgo: 'true',
  'source-date-epoch': '1',
};

/** lddtree's file set (realpaths, binary excluded), run as the issue says. */
function lddtree(sysroot: string, file: string): string[] {
  const out = sh('/usr/bin/python3', ['/usr/bin/lddtree', '-l', '--root', sysroot, '--no-auto-root', file])
    .trim()
    .split('\n')
    .slice(1);
  return [...new Set(out.map((p) => realpathSync(p)))].sort();
}

/** Our resolver's file set, through the CLI. */
function ours(sysroot: string, file: string): string[] {
  const tree = JSON.parse(sh(join(ROOT, 'dist', 'cli.js'), ['inspect', '--deps', '--sysroot', sysroot, file]));
  expect(tree.missing).toEqual([]);
  return [
    ...new Set(
      [tree.interpreter.source, ...tree.libraries.map((l: { source: string }) => l.source)].map((p: string) =>
        realpathSync(p),
      ),
    ),
  ].sort();
}

let refused: ActionRun;
let gathered: ActionRun;

beforeAll(() => {
  refused = runAction(cgo);
  gathered = runAction({ ...cgo, linkage: 'gather' });
});

describe('cgo cross-builds (aarch64-linux-gnu-gcc) and native builds', () => {
  test('under linkage static both are refused, naming libm.so.6 and libc.so.6', () => {
    expect(refused.code).toBe(1);
    const msgs = refused.errors.filter((e) => e.includes('dynamically linked'));
    expect(msgs).toHaveLength(2);
    for (const m of msgs) {
      expect(m).toContain('libm.so.6');
      expect(m).toContain('libc.so.6');
    }
    expect(msgs.join('\n')).toContain('interpreter /lib/ld-linux-aarch64.so.1');
    expect(msgs.join('\n')).toContain('interpreter /lib64/ld-linux-x86-64.so.2');
  });

  test('under linkage gather the arm64 root runs under qemu with QEMU_LD_PREFIX set to it', () => {
    expect(gathered.errors).toEqual([]);
    const root = unpackRoot(gathered, 'arm64');
    expect(existsSync(join(root, 'lib/ld-linux-aarch64.so.1'))).toBe(true);
    const out = sh('qemu-aarch64-static', [join(root, 'usr/local/bin/cgomath')], { env: { QEMU_LD_PREFIX: root } });
    expect(out).toBe('cbrt(27) = 3.0\n');
  });

  test('under linkage gather the amd64 root runs in a chroot', () => {
    const root = unpackRoot(gathered, 'amd64');
    expect(
      lstatSync(join(root, 'lib64/ld-linux-x86-64.so.2')).isSymbolicLink() ||
        lstatSync(join(root, 'lib64/ld-linux-x86-64.so.2')).isFile(),
    ).toBe(true);
    expect(sh('chroot', [root, '/usr/local/bin/cgomath'])).toBe('cbrt(27) = 3.0\n');
  });

  test('outputs and summary list each gathered library with its size and sysroot source', () => {
    const images = JSON.parse(gathered.outputs.images);
    const arm = images.find((i: { platform: string }) => i.platform === 'linux/arm64').binary;
    expect(arm.sysroot).toBe('/usr/aarch64-linux-gnu');
    expect(arm.libraries.map((l: { soname: string }) => l.soname)).toEqual(['(loader)', 'libm.so.6', 'libc.so.6']);
    expect(arm.libraries[1]).toMatchObject({
      path: '/lib/libm.so.6',
      source: '/usr/aarch64-linux-gnu/lib/libm.so.6',
      size: expect.any(Number),
    });
    expect(arm.gathered.length).toBeGreaterThanOrEqual(3);
    // The table's cell counts the files (so the digest column stays on screen); the list is folded below it.
    expect(gathered.summary).toMatch(
      /\| `linux\/arm64` \| `go build` \| [0-9.]+ MiB \| dynamic, 3 files gathered \([0-9.]+ MiB\) \|/,
    );
    expect(gathered.summary).toMatch(
      /- `linux\/arm64` from `\/usr\/aarch64-linux-gnu`:\n {2}- `\/lib\/ld-linux-aarch64\.so\.1` [0-9.]+ KiB ← `\/usr\/aarch64-linux-gnu\/lib\/ld-linux-aarch64\.so\.1`\n {2}- `libm\.so\.6` [0-9.]+ KiB ← `\/usr\/aarch64-linux-gnu\/lib\/libm\.so\.6`\n {2}- `libc\.so\.6` [0-9.]+ MiB ← /,
    );
  });

  test('gathering is reproducible: the same digest twice', () => {
    expect(runAction({ ...cgo, linkage: 'gather' }).outputs.digest).toBe(gathered.outputs.digest);
  });
});

describe('PIE and missing libraries', () => {
  test('a Go -buildmode=pie binary gets its loader alone, and runs in a chroot', () => {
    const run = runAction({
      'working-directory': 'example',
      platforms: 'linux/amd64',
      linkage: 'gather',
      'go-flags': '-buildmode=pie',
    });
    expect(run.errors).toEqual([]);
    const bin = JSON.parse(run.outputs.images)[0].binary;
    expect(bin).toMatchObject({ linkage: 'dynamic', interpreter: '/lib64/ld-linux-x86-64.so.2', needed: [] });
    expect(bin.libraries.map((l: { soname: string }) => l.soname)).toEqual(['(loader)']);
    const root = unpackRoot(run, 'amd64');
    expect(sh('chroot', [root, '/usr/local/bin/hello', '-check'])).toMatch(/^hello from linux\/amd64/);
  });

  test('a library left out of the sysroot fails the step with its soname and the directories searched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-tiny-'));
    mkdirSync(join(dir, 'lib'));
    sh('sh', ['-c', `echo 'int tiny(void) { return 42; }' > ${dir}/tiny.c`]);
    sh('gcc', [
      '-shared',
      '-fPIC',
      '-Wl,-soname,libtiny.so.1',
      '-o',
      join(dir, 'lib', 'libtiny.so'),
      join(dir, 'tiny.c'),
    ]);
    const run = runAction({
      'working-directory': '__tests__/fixtures/cgotiny',
      platforms: 'linux/amd64',
      cgo: 'true',
      linkage: 'gather',
      env: `CGO_LDFLAGS=-L${join(dir, 'lib')}`,
    });
    expect(run.code).toBe(1);
    const msg = run.errors.find((e) => e.includes('libtiny.so.1')) ?? '';
    expect(msg).toContain('libtiny.so.1 (needed by the binary) was not found in the sysroot; searched /');
    expect(msg).toContain('/lib/x86_64-linux-gnu');
    // It names the input, the sysroot, and two ways to fill one (issue #27).
    expect(msg).toContain('the sysroot is / (input "sysroot")');
    expect(msg).toContain('libc6-dev-amd64-cross');
    expect(msg).toContain('set sysroot: linux/amd64=<dir>');
    expect(msg).toContain('dpkg -x <package>_amd64.deb <dir>');
    expect(existsSync(join(run.runnerTemp, 'scratchpack', 'oci'))).toBe(false);
  });
});

describe('the resolver agrees with lddtree on the file set', () => {
  test('arm64 and amd64 cgo binaries from the action', () => {
    const dir = gathered.outputs.binaries;
    expect(ours('/usr/aarch64-linux-gnu', join(dir, 'linux_arm64', 'cgomath'))).toEqual(
      lddtree('/usr/aarch64-linux-gnu', join(dir, 'linux_arm64', 'cgomath')),
    );
    expect(ours('/', join(dir, 'linux_amd64', 'cgomath'))).toEqual(lddtree('/', join(dir, 'linux_amd64', 'cgomath')));
  });
  test.each(['/bin/ls', 'git', 'skopeo', 'openssl', '/usr/bin/python3'])(
    'system binary %s (several NEEDED levels)',
    (name) => {
      const file = realpathSync(name.startsWith('/') ? name : sh('sh', ['-c', `command -v ${name}`]).trim());
      const a = ours('/', file);
      expect(a.length).toBeGreaterThanOrEqual(3);
      expect(a).toEqual(lddtree('/', file));
    },
  );
});

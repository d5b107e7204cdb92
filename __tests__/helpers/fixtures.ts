import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, sh } from './action.js';

/** Builds a Go package for a GOOS/GOARCH with extra env, returning the binary's path. */
export function goBuild(dir: string, out: string, env: Record<string, string>, args: string[] = []): string {
  sh('go', ['build', '-trimpath', ...args, '-o', out, '.'], {
    cwd: dir,
    env: { GOOS: 'linux', CGO_ENABLED: '0', GOTOOLCHAIN: 'local', ...env },
  });
  return out;
}

/** The bundled example app. */
export const EXAMPLE = join(ROOT, 'example');
/** Test fixture modules. */
export const FIXTURES = join(ROOT, '__tests__', 'fixtures');

/** Real C objects from gcc and the aarch64 cross gcc: a shared library with a SONAME and programs with RPATH/RUNPATH. */
export function buildCFixtures(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-c-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'tiny.c'), 'int tiny(void) { return 42; }\n');
  writeFileSync(
    join(dir, 'main.c'),
    '#include <stdio.h>\nint tiny(void);\nint main(void) { printf("%d\\n", tiny()); return 0; }\n',
  );
  const out: Record<string, string> = {};
  for (const [cc, tag] of [
    ['gcc', 'amd64'],
    ['aarch64-linux-gnu-gcc', 'arm64'],
  ] as const) {
    const lib = join(dir, 'lib', `libtiny-${tag}.so.1`);
    sh(cc, ['-shared', '-fPIC', '-Wl,-soname,libtiny.so.1', '-o', lib, join(dir, 'tiny.c')]);
    sh('ln', ['-sf', `libtiny-${tag}.so.1`, join(dir, 'lib', `libtiny.so`)]);
    const runpath = join(dir, `runpath-${tag}`);
    sh(cc, ['-o', runpath, join(dir, 'main.c'), lib, '-Wl,--enable-new-dtags,-rpath,$ORIGIN/lib:/opt/tiny/lib']);
    const rpath = join(dir, `rpath-${tag}`);
    sh(cc, ['-o', rpath, join(dir, 'main.c'), lib, '-Wl,--disable-new-dtags,-rpath,$ORIGIN/lib']);
    const stat = join(dir, `static-${tag}`);
    sh(cc, ['-static', '-o', stat, join(dir, 'main.c'), join(dir, 'tiny.c')]);
    const spie = join(dir, `static-pie-${tag}`);
    sh(cc, ['-static-pie', '-fPIE', '-o', spie, join(dir, 'main.c'), join(dir, 'tiny.c')]);
    Object.assign(out, {
      [`lib-${tag}`]: lib,
      [`runpath-${tag}`]: runpath,
      [`rpath-${tag}`]: rpath,
      [`static-${tag}`]: stat,
      [`static-pie-${tag}`]: spie,
    });
  }
  return out;
}

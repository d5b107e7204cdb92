// Issue 24: a hostile mirror, a hostile image or another user of a shared runner cannot break what the action
// verifies. Each describe is one point of the issue, against the real mechanism.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize } from '../src/build/toolchain/zip-hash.js';
import { parseSimplePage } from '../src/build/toolchain/pypi.js';
import { recordHash } from '../src/build/toolchain/sumdb/tlog.js';
import { PINNED_WHEELS } from '../src/build/toolchain/zig.js';
import { ExpectTooSlow, LineMatcher } from '../src/test/expect.js';
import { resolveUser } from '../src/test/user.js';
import { redactCredentials } from '../src/util/url-credentials.js';
import { prepareRun, ROOT, runAction, runActionAsync, sh, type ActionRun } from './helpers/action.js';
import { FIXTURES } from './helpers/fixtures.js';
import { runInProcess } from './helpers/in-process.js';
import { startMirror } from './helpers/mirror.js';
import { testSigner } from './helpers/note-signer.js';
import { rawZip, type RawEntry } from './helpers/raw-zip.js';
import { startProxy, startRegistry, type Registry } from './helpers/registry.js';

const NO_GO_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';
/** An OS user of the runner other than the step's: whatever it owns, the action must not trust. */
const OTHER_UID = 12345;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const newDir = (prefix: string) => mkdtempSync(join(tmpdir(), `scratchpack-${prefix}-`));

/** A workspace with the hostile image's binary, statically linked for amd64 and arm64. */
let ws: string;
beforeAll(() => {
  ws = newDir('hostile-ws');
  const src = join(FIXTURES, 'hostile', 'hostile.c');
  mkdirSync(join(ws, 'dist', 'amd64'), { recursive: true });
  mkdirSync(join(ws, 'dist', 'arm64'), { recursive: true });
  sh('gcc', ['-static', '-O2', '-o', join(ws, 'dist', 'amd64', 'hostile'), src]);
  sh('aarch64-linux-gnu-gcc', ['-static', '-O2', '-o', join(ws, 'dist', 'arm64', 'hostile'), src]);
});

/** The processes of the hostile image still alive on the machine. */
const hostileProcesses = () =>
  sh('ps', ['-eo', 'pid,args'])
    .split('\n')
    .filter((l) => /hostile (storm|caps|escape|digits)/.test(l));

afterAll(() => expect(hostileProcesses()).toEqual([]));

const hostile = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runActionAsync(
    { platforms: 'linux/amd64', binaries: 'dist/{arch}/hostile', 'source-date-epoch': '1', ...inputs },
    { env: { GITHUB_WORKSPACE: ws, ...env }, cwd: ws },
  );

/** A test's output as the summary shows it, for each platform in order. */
const outputs = (r: ActionRun) =>
  [...r.summary.matchAll(/<details><summary>[✅❌] <code>linux[^]*?```\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('1. a toolchain zip is hashed and unpacked in one pass, and a cached one must be ours', () => {
  const VERSION = '1.99.0';
  const MOD = `v0.0.1-go${VERSION}.linux-amd64`;
  const PREFIX = `golang.org/toolchain@${MOD}/`;
  const DB = 'sum.scratchpack.test';
  const signer = testSigner(DB);
  const fakeGo = `#!/bin/sh\n[ "$1" = env ] && { echo go${VERSION}; exit 0; }\necho "the fake go ran: $*" >&2\nexit 1\n`;
  const genuine: RawEntry[] = [
    { name: `${PREFIX}bin/go`, data: Buffer.from(fakeGo) },
    { name: `${PREFIX}VERSION`, data: Buffer.from(`go${VERSION}\n`) },
    { name: `${PREFIX}src/_go.mod`, data: Buffer.from('module std\n') },
  ];
  const h1 = summarize(genuine.map((e) => ({ name: e.name, sum: sha256(e.data) })));
  const record = Buffer.from(`golang.org/toolchain ${MOD} ${h1}\ngolang.org/toolchain ${MOD}/go.mod h1:unused=\n`);
  const lookup = Buffer.concat([
    Buffer.from('0\n'),
    record,
    Buffer.from('\n'),
    signer.signNote(`go.sum database tree\n1\n${recordHash(record).toString('base64')}\n`),
  ]);
  let zip = rawZip(genuine);
  let mirror: Awaited<ReturnType<typeof startMirror>>;
  beforeAll(async () => {
    mirror = await startMirror(
      (path) => {
        if (path === `/golang.org/toolchain/@v/${MOD}.info`) return { status: 200, body: Buffer.from('{}') };
        if (path === `/golang.org/toolchain/@v/${MOD}.zip`) return { status: 200, body: zip };
        if (path === `/sumdb/${DB}/supported`) return { status: 200, body: Buffer.from('') };
        if (path === `/sumdb/${DB}/lookup/golang.org/toolchain@${MOD}`) return { status: 200, body: lookup };
        return { status: 404, body: Buffer.from('not found') };
      },
      () => undefined,
    );
  });
  afterAll(() => mirror.close());
  const provision = (toolCache: string) =>
    runActionAsync(
      { 'working-directory': 'example', platforms: 'linux/amd64', 'go-version': VERSION },
      { env: { PATH: NO_GO_PATH, GOPROXY: mirror.base, GOSUMDB: signer.vkey, RUNNER_TOOL_CACHE: toolCache } },
    );
  const goroot = (toolCache: string) => join(toolCache, 'go', VERSION, 'x64');

  test('65536 smuggled entries behind a genuine end record: refused, nothing installed', async () => {
    const evil = { name: `${PREFIX}bin/go`, data: Buffer.from('#!/bin/sh\necho owned\n'), mode: 0o755 };
    const padding = Array.from({ length: 65535 }, (_, i) => ({ name: `${PREFIX}pad/${i}`, data: Buffer.alloc(0) }));
    zip = rawZip(genuine, [...padding, evil]);
    const toolCache = newDir('tool-cache');
    const run = await provision(toolCache);
    expect(run.errors).toEqual([
      expect.stringContaining(
        `input "go-version": Go ${VERSION} from ${mirror.base} is not a module zip that can be trusted: the zip's central directory holds 65539 file headers, but its end record says 3; nothing was installed`,
      ),
    ]);
    expect(existsSync(join(toolCache, 'go'))).toBe(false);
  });

  test('a genuine zip whose entries say 0777 is installed 0755 and 0644, as the go command writes them', async () => {
    zip = rawZip(genuine.map((e) => ({ ...e, mode: 0o777 })));
    const toolCache = newDir('tool-cache');
    const run = await provision(toolCache);
    // The fake toolchain is installed, then fails the build: what matters is how it landed.
    expect(run.errors.join('\n')).toContain('the fake go ran');
    expect(run.errors.join('\n')).not.toContain('input "go-version"');
    const mode = (f: string) => (statSync(join(goroot(toolCache), f)).mode & 0o7777).toString(8);
    expect([mode('bin/go'), mode('VERSION'), mode('src/_go.mod'), mode('src/go.mod'), mode('bin')]).toEqual([
      '755',
      '644',
      '644',
      '644',
      '755',
    ]);
    expect(sh('find', [goroot(toolCache), '-perm', '/022']).trim()).toBe('');
  });

  test.each([
    [
      'owned by another user',
      (dir: string) => sh('chown', ['-R', String(OTHER_UID), dir]),
      `owned by uid ${OTHER_UID}`,
    ],
    ['writable by its group', (dir: string) => chmodSync(join(dir, 'bin', 'go'), 0o775), 'writable by its group'],
  ])('a cached toolchain %s is not run: the step warns and downloads it again', async (_, spoil, why) => {
    zip = rawZip(genuine);
    const toolCache = newDir('tool-cache');
    await provision(toolCache);
    spoil(goroot(toolCache));
    mirror.requests.splice(0);
    const run = await provision(toolCache);
    expect(run.warnings.join('\n')).toMatch(
      new RegExp(`the tool cache's Go at ${goroot(toolCache)} is not used, because .*${why}.*; downloading it again`),
    );
    expect(mirror.requests).toContain(`/golang.org/toolchain/@v/${MOD}.zip`);
    expect(sh('find', [goroot(toolCache), '(', '!', '-uid', '0', '-o', '-perm', '/022', ')']).trim()).toBe('');
  });
});

describe('2. every process a test starts is dead when it ends, and it writes nothing to the runner', () => {
  let canary: string;
  let storm: ActionRun;
  beforeAll(async () => {
    // A root-owned host directory that the image points its symlinks at while it swaps directories.
    canary = newDir('canary');
    for (let i = 0; i < 300; i++) writeFileSync(join(canary, `f${i}`), `canary ${i}\n`);
    storm = await hostile({
      platforms: 'linux/amd64,linux/arm64',
      'test-args': `storm\n${canary}`,
      'test-timeout': '5',
    });
  }, 300_000);

  test('an entrypoint that leaves for its own session, keeps stdout open and forks is killed at the deadline', () => {
    expect(storm.code).toBe(1);
    expect(storm.errors).toEqual([
      expect.stringContaining("title=test (linux/amd64)::the image's entrypoint timed out after 5 s, and was killed"),
      expect.stringContaining("title=test (linux/arm64)::the image's entrypoint timed out after 5 s, and was killed"),
    ]);
    expect(hostileProcesses()).toEqual([]);
  });

  test('what it writes lands in a tmpfs of the image plus 256 MiB, never on the disk', () => {
    const [amd64, arm64] = outputs(storm);
    for (const out of [amd64, arm64]) {
      const filled = Number(/filled (\d+) MiB \(No space left on device\)/.exec(out)?.[1]);
      expect(filled).toBeGreaterThan(128);
      expect(filled).toBeLessThanOrEqual(256);
    }
    const used = Number(sh('du', ['-sm', storm.runnerTemp]).split('\t')[0]);
    expect(used).toBeLessThan(64);
  });

  test('no host file changes, whatever it swaps for symlinks', () => {
    expect(readdirSync(canary)).toHaveLength(300);
    for (let i = 0; i < 300; i++) expect(readFileSync(join(canary, `f${i}`), 'utf8')).toBe(`canary ${i}\n`);
  });
});

describe('2b. through sudo -n, as a GitHub-hosted runner runs a step', () => {
  // setup-test-env.sh makes this user, with passwordless sudo, as GitHub's runner user has.
  const USER = 'scratchpack-ci';
  let home: string;
  beforeAll(() => {
    expect(spawnSync('id', [USER]).status).toBe(0);
    home = mkdtempSync(join(process.env.SCRATCHPACK_TEST_TMP_BASE ?? tmpdir(), 'scratchpack-sudo-'));
    chmodSync(home, 0o755);
    mkdirSync(join(home, 'ws', 'dist'), { recursive: true });
    cpSync(join(ws, 'dist', 'amd64', 'hostile'), join(home, 'ws', 'dist', 'hostile'));
    sh('chown', ['-R', USER, home]);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  /** The bundle run as that user, with its own RUNNER_TEMP and runner files. */
  const asUser = (inputs: Record<string, string>) => {
    const { env, args, finish } = prepareRun(
      { platforms: 'linux/amd64', binaries: 'dist/hostile', 'source-date-epoch': '1', ...inputs },
      { runnerTemp: mkdtempSync(join(home, 'temp-')), env: { GITHUB_WORKSPACE: join(home, 'ws'), HOME: home } },
    );
    sh('chown', ['-R', USER, env.RUNNER_TEMP]);
    const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    const r = spawnSync('runuser', ['-u', USER, '--', 'env', '-i', ...vars, process.execPath, ...args], {
      cwd: join(home, 'ws'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    return finish(r.status, r.stdout, r.stderr);
  };

  test('the image runs as its user with no capability, and a hostile one is killed whole', () => {
    const caps = asUser({ 'test-args': 'caps' });
    expect(caps.errors).toEqual([]);
    expect(outputs(caps)[0]).toContain('uid=65532 gid=65532 nnp=1 eff=0 prm=0 inh=0');
    const storm = asUser({ 'test-args': 'storm\n/', 'test-timeout': '3' });
    expect(storm.errors).toEqual([
      expect.stringContaining("the image's entrypoint timed out after 3 s, and was killed"),
    ]);
    expect(outputs(storm)[0]).toMatch(/filled \d+ MiB \(No space left on device\)/);
    expect(hostileProcesses()).toEqual([]);
  });
});

describe("3. uid 0 in a test is never the runner's root", () => {
  // A file only the runner's root may read, where the jail's read-only /usr shows it to an escaped process.
  const secret = join('/usr/local/share', `scratchpack-canary-${process.pid}`);
  beforeAll(() => {
    mkdirSync('/usr/local/share', { recursive: true });
    writeFileSync(secret, 'the host root secret\n', { mode: 0o600 });
  });
  afterAll(() => rmSync(secret, { force: true }));

  test('the image user has no capability and no_new_privs; root of the image keeps CAP_SYS_CHROOT alone', async () => {
    const [user, root] = await Promise.all([
      hostile({ 'test-args': 'caps' }),
      hostile({ 'test-args': 'caps', user: '0' }),
    ]);
    expect(outputs(user)[0]).toContain('uid=65532 gid=65532 nnp=1 eff=0 prm=0 inh=0');
    // 0x40000 is CAP_SYS_CHROOT (capability.h): what unshare needs to enter the root, inside its user namespace.
    expect(outputs(root)[0]).toContain('uid=0 gid=0 nnp=1 eff=40000 prm=40000 inh=0 bnd=40000');
  }, 120_000);

  test.each([
    ['user: 0', { user: '0' }],
    ['a files /etc/passwd mapping the user to 0', { user: 'nonroot', files: 'passwd:/etc/passwd' }],
  ])(
    '%s: the chroot escape reaches the jail, and the host file stays unreadable',
    async (_, extra) => {
      writeFileSync(join(ws, 'passwd'), 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:0:0::/:/sbin/nologin\n');
      const run = await hostile({ 'test-args': `escape\n${secret}`, ...extra });
      expect(run.errors).toEqual([]);
      const [out] = outputs(run);
      expect(out).toContain(`read ${secret}: Permission denied`);
      expect(out).not.toContain('host root secret');
      // The jail: the image's root, read-only binds of the host's /usr and /lib, and nothing else of the host.
      const seen = (/^root:(.*)$/m.exec(out)?.[1] ?? '').trim().split(' ');
      // The jail: read-only binds of the host's /usr and /lib, /proc, the image's root, and run/ (the /etc/hosts,
      // /etc/hostname and /etc/resolv.conf the test is given, issue #26).
      const jail = ['bin', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'proc', 'root', 'run', 'sbin', 'usr'];
      expect(seen.filter((n) => !jail.includes(n))).toEqual([]);
      expect(seen).toContain('usr');
    },
    120_000,
  );

  test('uid and gid fields are digits only: an empty one is no id, never 0', () => {
    expect(resolveUser('nonroot', 'nonroot:x::0::/:\n', '')).toBe(
      'user "nonroot" has uid "" in the image\'s /etc/passwd, which is not a number',
    );
    expect(resolveUser('nonroot', 'nonroot:x:65532:-1::/:\n', '')).toMatch(/has gid "-1"/);
    expect(resolveUser('nonroot:staff', 'nonroot:x:65532:65532::/:\n', 'staff:x: 0:\n')).toMatch(
      /group "staff" has gid " 0"/,
    );
    expect(resolveUser('65532:65532', '', '')).toEqual({ uid: 65532, gid: 65532 });
  });
});

describe('4. a cache another user could have written is not used', () => {
  test('a planted V8 code cache that V8 would run is ignored in a directory another user owns', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'action.cjs'), 'utf8');
    const key = sha256(`${process.version} ${process.arch}\n${bundle}`).slice(0, 32);
    const plant = (owner: number) => {
      const toolCache = newDir('v8-plant');
      const dir = join(toolCache, 'scratchpack', 'v8-cache');
      mkdirSync(dir, { recursive: true });
      const mark = join(toolCache, 'pwned');
      // Another script of the same length: V8 checks only the source's length (and its own version and flags).
      const evil = `require('fs').writeFileSync(${JSON.stringify(mark)}, 'pwned');`;
      const script = [
        "const vm = require('node:vm'), Module = require('node:module'), fs = require('node:fs');",
        `const src = ${JSON.stringify(evil)} + ' '.repeat(${bundle.length - evil.length});`,
        `const s = new vm.Script(Module.wrap(src), { filename: ${JSON.stringify(join(ROOT, 'dist', 'action.cjs'))} });`,
        `fs.writeFileSync(${JSON.stringify(join(dir, `${key}.bin`))}, s.createCachedData());`,
      ].join('\n');
      expect(spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH } }).status).toBe(0);
      sh('chown', ['-R', String(owner), join(toolCache, 'scratchpack')]);
      const run = runAction({ platforms: 'linux/amd64/v9' }, { env: { RUNNER_TOOL_CACHE: toolCache } });
      return { run, pwned: existsSync(mark) };
    };
    const other = plant(OTHER_UID);
    expect(other.pwned).toBe(false);
    expect(other.run.warnings).toEqual([
      expect.stringMatching(new RegExp(`V8 code cache not used: .*scratchpack is owned by uid ${OTHER_UID}`)),
      expect.stringMatching(new RegExp(`the cache directory .*scratchpack is not used, because .*uid ${OTHER_UID}`)),
    ]);
    expect(other.run.errors).toEqual([expect.stringContaining('variant must be v1..v4')]);
    // The limit the README states: a cache this user's own jobs could write is trusted, and this one would run.
    expect(plant(0).pwned).toBe(true);
  });

  test('with no RUNNER_TOOL_CACHE or RUNNER_TEMP, no code cache goes to the shared temp directory', () => {
    const tmp = newDir('shared-tmp');
    runAction({ platforms: 'linux/amd64/v9' }, { env: { RUNNER_TOOL_CACHE: '', RUNNER_TEMP: '', TMPDIR: tmp } });
    expect(existsSync(join(tmp, 'scratchpack', 'v8-cache'))).toBe(false);
  });

  describe('the layer store', () => {
    const build = (toolCache: string, which: 'a' | 'b') =>
      runActionAsync(
        { platforms: 'linux/amd64', binaries: `dist/${which}/app`, 'source-date-epoch': '1' },
        { env: { GITHUB_WORKSPACE: ws, RUNNER_TOOL_CACHE: toolCache }, cwd: ws },
      );
    const layerOf = (r: ActionRun) => JSON.parse(r.outputs.images)[0].layer.digest as string;
    beforeAll(() => {
      for (const [which, text] of [
        ['a', 'binary a'],
        ['b', 'binary b, which another recipe names'],
      ]) {
        mkdirSync(join(ws, 'dist', which), { recursive: true });
        writeFileSync(join(ws, `${which}.c`), `#include <stdio.h>\nint main(void){puts("${text}");return 0;}\n`);
        sh('gcc', ['-static', '-O2', '-o', join(ws, 'dist', which, 'app'), join(ws, `${which}.c`)]);
      }
    });

    test("a planted recipe naming another binary's layer is a miss: the layer is built again, and holds the binary", async () => {
      const toolCache = newDir('store-plant');
      const recipes = join(toolCache, 'scratchpack', 'layers', 'recipes');
      const a = await build(toolCache, 'a');
      const [recipeA] = readdirSync(recipes);
      const b = await build(toolCache, 'b');
      const recipeB = readdirSync(recipes).find((r) => r !== recipeA) as string;
      expect(layerOf(a)).not.toBe(layerOf(b));
      writeFileSync(join(recipes, recipeA), readFileSync(join(recipes, recipeB)));
      const again = await build(toolCache, 'a');
      expect(again.errors).toEqual([]);
      expect(layerOf(again)).toBe(layerOf(a));
      expect(again.summary).not.toContain('from the layer cache');
      // Proven now, so the next run uses it without unpacking it.
      const third = await build(toolCache, 'a');
      expect(third.summary).toContain('(1 of 1 layers from the layer cache)');
    }, 120_000);

    test('a store another user owns is not used: the step warns and keeps its layers apart', async () => {
      const toolCache = newDir('store-other');
      await build(toolCache, 'a');
      sh('chown', ['-R', String(OTHER_UID), join(toolCache, 'scratchpack', 'layers')]);
      const run = await build(toolCache, 'a');
      expect(run.errors).toEqual([]);
      expect(run.warnings.join('\n')).toMatch(
        new RegExp(`the layer store .*/layers is not used, because .*layers is owned by uid ${OTHER_UID}`),
      );
      expect(run.summary).not.toContain('from the layer cache');
    }, 120_000);
  });
});

describe('5. test-expect cannot be made to run for long by the output it reads', () => {
  test('a backtracking expression on a MiB-long line of digits fails the test after its budget', async () => {
    const run = await hostile({ 'test-args': 'digits', 'test-expect': '(\\d+)+ tests passed' });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      expect.stringContaining(
        "the image's entrypoint output could not be matched: test-expect /(\\d+)+ tests passed/ took over 1000 ms on it; simplify the expression",
      ),
    ]);
  }, 60_000);

  test('matching is per line, cut at 4096 characters, and stops at the budget', () => {
    const m = new LineMatcher(/^ready on :(\d+)$/m);
    expect(m.push('starting\nready on :80')).toBe(false);
    expect(m.push('80\n')).toBe(true);
    const long = new LineMatcher(/x{5000}/);
    expect(long.push(`${'x'.repeat(10000)}\n`)).toBe(false);
    const slow = new LineMatcher(/(a|aa)+$/);
    expect(() => {
      for (let i = 0; i < 100; i++) slow.push(`${'a'.repeat(4000)}b\n`);
    }).toThrow(ExpectTooSlow);
  });
});

describe('6. zig is checked against hashes the action pins, and an index page is read in linear time', () => {
  const WHEEL = 'ziglang-0.17.1-py3-none-manylinux_2_12_x86_64.manylinux2010_x86_64.musllinux_1_1_x86_64.whl';
  const OTHER = 'ziglang-0.99.0-py3-none-manylinux_2_12_x86_64.manylinux2010_x86_64.musllinux_1_1_x86_64.whl';
  const fakeWheel = rawZip([{ name: 'ziglang/zig', data: Buffer.from('#!/bin/sh\necho 0.99.0\n'), mode: 0o755 }]);
  let index: Awaited<ReturnType<typeof startMirror>>;
  beforeAll(async () => {
    index = await startMirror(
      (path) => {
        // The HTML form (PEP 503), each file's sha256 in its URL's fragment.
        if (path === '/simple/ziglang/') {
          const links = [WHEEL, OTHER].map((f) => `<a href="/files/${f}#sha256=${sha256(fakeWheel)}">${f}</a>`);
          return { status: 200, body: Buffer.from(`<html><body>\n${links.join('<br/>\n')}\n</body></html>`) };
        }
        if (path.startsWith('/files/')) return { status: 200, body: fakeWheel };
        return { status: 404, body: Buffer.from('') };
      },
      () => undefined,
    );
  });
  afterAll(() => index.close());
  const zig = (extra: Record<string, string>, toolCache: string) =>
    runActionAsync(
      {
        'working-directory': '__tests__/fixtures/broken',
        platforms: 'linux/amd64',
        cgo: 'true',
        cc: 'zig',
        ...extra,
      },
      {
        env: {
          PIP_INDEX_URL: `${index.base}/simple`,
          RUNNER_TOOL_CACHE: toolCache,
          PATH: `${NO_GO_PATH}:${process.env.PATH ?? ''}`,
        },
      },
    );

  test('an index that lists its own bytes for the default zig is refused before anything is downloaded', async () => {
    index.requests.splice(0);
    const toolCache = newDir('zig-plant');
    const run = await zig({}, toolCache);
    expect(run.errors).toEqual([
      expect.stringContaining(
        `input "cc": zig: ${index.base}/simple lists ${WHEEL} with sha256 ${sha256(fakeWheel)}, not the ${PINNED_WHEELS.x86_64} that PyPI published; nothing was downloaded`,
      ),
    ]);
    expect(index.requests).toEqual(['/simple/ziglang/']);
    expect(readdirSync(toolCache).filter((n) => n !== 'scratchpack')).toEqual([]);
  });

  test('another zig-version is verified against the index, and the summary says so', async () => {
    const run = await zig({ 'zig-version': '0.99.0' }, newDir('zig-other'));
    expect(run.summary).toContain(
      `zig 0.99.0 (downloaded and verified against the sha256 that ${index.base}/simple gives, since zig-version 0.99.0 is not the pinned 0.17.1:`,
    );
  });

  // A hang bound, not a timing: the old expression took 58 s on the 27 kB page; a linear reading takes a millisecond.
  test('hostile HTML pages are read in one pass', () => {
    for (const page of ['<a href="'.repeat(3000), '<a '.repeat(140000), `<a x${' href="x'.repeat(60000)}>`]) {
      expect(parseSimplePage(page, 'text/html', 'https://index.test/simple/ziglang/')).toEqual([]);
    }
    expect(
      parseSimplePage(
        `<a href="../../f/${WHEEL}#sha256=${'a'.repeat(64)}" data-requires-python="&gt;=3.5">${WHEEL}</a>`,
        'text/html',
        'https://index.test/simple/ziglang/',
      ),
    ).toEqual([{ filename: WHEEL, url: `https://index.test/f/${WHEEL}`, sha256: 'a'.repeat(64) }]);
  }, 20_000);
});

describe('with a registry', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(() => registry.stop());

  describe('7. digests-dir never follows a link', () => {
    test("a symlink at the digest file's name is refused before the push, and its target is untouched", async () => {
      const digests = join(ws, 'digests');
      const push = () =>
        hostile({
          push: 'true',
          'push-by-digest': 'true',
          tags: `${registry.host}/acme/bydigest`,
          'digests-dir': digests,
        });
      const first = await push();
      expect(first.errors).toEqual([]);
      const [name] = readdirSync(digests);
      rmSync(digests, { recursive: true });
      mkdirSync(digests);
      const victim = join(newDir('victim'), 'config');
      writeFileSync(victim, 'precious\n');
      symlinkSync(victim, join(digests, name));
      const second = await push();
      expect(second.code).toBe(1);
      expect(second.errors).toEqual([
        expect.stringContaining(`input "digests-dir": ${join(digests, name)} is a symlink`),
      ]);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    }, 120_000);
  });

  describe("10. the referrers fallback tag is read back until this run's entries are there", () => {
    /** Another tool's artifact, pushed for real: a registry refuses an index that names a manifest it lacks. */
    async function pushRival(repo: string) {
      const config = Buffer.from('{}');
      const configDigest = `sha256:${sha256(config)}`;
      const start = await fetch(`http://${registry.host}/v2/acme/${repo}/blobs/uploads/`, { method: 'POST' });
      const location = new URL(start.headers.get('location') as string, `http://${registry.host}`);
      location.searchParams.set('digest', configDigest);
      await fetch(location, { method: 'PUT', body: config, headers: { 'content-type': 'application/octet-stream' } });
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          artifactType: 'application/vnd.example.rival',
          config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: configDigest, size: config.length },
          layers: [{ mediaType: 'application/vnd.oci.empty.v1+json', digest: configDigest, size: config.length }],
        }),
      );
      const digest = `sha256:${sha256(manifest)}`;
      const put = await fetch(`http://${registry.host}/v2/acme/${repo}/manifests/${digest}`, {
        method: 'PUT',
        body: manifest,
        headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
      });
      expect(put.status).toBe(201);
      return {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest,
        size: manifest.length,
        artifactType: 'application/vnd.example.rival',
      };
    }
    /** Another writer that, right after each of our fallback PUTs, writes the index it read before ours. */
    async function racing(repo: string, times: number) {
      const rival = await pushRival(repo);
      const proxy = await startProxy(registry.host);
      let left = times;
      proxy.fault = (req) => {
        if (req.method !== 'PUT' || !/\/manifests\/sha256-[0-9a-f]{64}$/.test(req.path) || left === 0) return 'pass';
        left--;
        return {
          after: async () => {
            const index = {
              schemaVersion: 2,
              mediaType: 'application/vnd.oci.image.index.v1+json',
              manifests: [rival],
            };
            const r = await fetch(`http://${registry.host}${req.path}`, {
              method: 'PUT',
              headers: { 'content-type': 'application/vnd.oci.image.index.v1+json' },
              body: JSON.stringify(index),
            });
            expect(r.status).toBe(201);
          },
        };
      };
      return proxy;
    }
    const fallback = async (repo: string, digest: string) => {
      const r = await fetch(`http://${registry.host}/v2/acme/${repo}/manifests/sha256-${digest.slice(7)}`, {
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      });
      return ((await r.json()) as { manifests: { artifactType: string }[] }).manifests
        .map((m) => m.artifactType)
        .sort();
    };

    test("a writer that drops ours twice: merged and written again, and both tools' entries stay", async () => {
      const proxy = await racing('raced', 2);
      try {
        const run = await hostile({ push: 'true', tags: `${proxy.host}/acme/raced:1` });
        expect(run.errors).toEqual([]);
        const digest = JSON.parse(run.outputs.digests)['linux/amd64'] as string;
        expect(await fallback('raced', digest)).toEqual([
          'application/spdx+json',
          'application/vnd.example.rival',
          'application/vnd.in-toto+json',
        ]);
      } finally {
        await proxy.close();
      }
    }, 120_000);

    test('a writer that always drops ours: the step fails naming the tag, and no tag moves', async () => {
      const proxy = await racing('lost', 1000);
      try {
        const run = await hostile({ push: 'true', tags: `${proxy.host}/acme/lost:1` });
        expect(run.code).toBe(1);
        expect(run.errors).toEqual([
          expect.stringMatching(
            /PUT manifest acme\/lost:sha256-[0-9a-f]{64} failed \(entries lost\): the referrers fallback tag lost this run's SBOM or provenance 5 times/,
          ),
        ]);
        const tag = await fetch(`http://${registry.host}/v2/acme/lost/manifests/1`, { method: 'HEAD' });
        expect(tag.status).toBe(404);
      } finally {
        await proxy.close();
      }
    }, 120_000);
  });
});

describe("8. build processes never see the push credentials or the runner's tokens", () => {
  test('a go that records its environment finds no INPUT_* and no ACTIONS_*', async () => {
    const bin = newDir('go-shim');
    const seen = join(bin, 'env.txt');
    writeFileSync(join(bin, 'go'), `#!/bin/sh\nenv >> ${seen}\necho "--" >> ${seen}\nexit 1\n`, { mode: 0o755 });
    const run = await runActionAsync(
      { 'working-directory': 'example', platforms: 'linux/amd64', 'go-version': 'local', password: 'hunter2-secret' },
      {
        env: {
          PATH: `${bin}:${NO_GO_PATH}`,
          ACTIONS_RUNTIME_TOKEN: 'runtime-token-secret',
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token-secret',
        },
      },
    );
    expect(run.code).toBe(1);
    const text = readFileSync(seen, 'utf8');
    expect(text.split('--\n').length).toBeGreaterThan(2); // go build, then go env and go list to explain it
    expect(text).toContain('GOOS=linux');
    expect(text).not.toMatch(/^(INPUT_|ACTIONS_)/m);
    expect(text).not.toMatch(/hunter2-secret|runtime-token-secret|oidc-token-secret/);
  }, 60_000);
});

describe("9. no message carries a URL's credentials", () => {
  test('a GOPROXY with credentials whose checksum database answers 500', async () => {
    const proxy = await startMirror(
      (path) => {
        if (path.endsWith('.info')) return { status: 200, body: Buffer.from('{}') };
        return { status: 500, body: Buffer.from('upstream down') };
      },
      () => undefined,
    );
    try {
      const url = proxy.base.replace('http://', 'http://bob:pr0xy-pass@');
      const run = await runInProcess(
        { 'working-directory': 'example', platforms: 'linux/amd64', 'go-version': '1.99.0' },
        { env: { PATH: NO_GO_PATH, GOPROXY: url, RUNNER_TOOL_CACHE: newDir('tool-cache') } },
      );
      expect(run.errors).toEqual([expect.stringContaining('sumdb/sum.golang.org/supported answered 500')]);
      expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('pr0xy-pass');
      expect(run.summary).not.toContain('pr0xy-pass');
    } finally {
      await proxy.close();
    }
  });

  test('credentials in a tag are not echoed by its parse error', async () => {
    const run = await runInProcess({ 'working-directory': 'example', tags: 'https://bob:t4g-pass@ghcr.io/acme/app:1' });
    expect(run.errors).toHaveLength(1);
    expect(run.stdout).not.toContain('t4g-pass');
    expect(run.summary).not.toContain('t4g-pass');
    expect(redactCredentials('reference "bob:t4g-pass@ghcr.io/acme/app:1"')).toBe('reference "***@ghcr.io/acme/app:1"');
  });
});

describe('11. a binary larger than a registry layer is refused from its size', () => {
  test('a 20 GiB sparse file is refused before a byte is read', async () => {
    const big = join(ws, 'dist', 'huge');
    mkdirSync(big, { recursive: true });
    cpSync(join(ws, 'dist', 'amd64', 'hostile'), join(big, 'hostile'));
    truncateSync(join(big, 'hostile'), 20 * 1024 ** 3);
    const run = await hostile({ binaries: 'dist/huge/hostile' });
    expect(run.errors).toEqual([
      expect.stringContaining(
        'input "binaries": linux/amd64: dist/huge/hostile has 20.0 GiB, over the 10.0 GiB a registry layer may hold',
      ),
    ]);
    rmSync(big, { recursive: true });
  }, 60_000);
});

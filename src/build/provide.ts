import { delimiter, join, relative, resolve } from 'node:path';
import type { BinariesSpec } from '../inputs/binaries.js';
import type { Inputs } from '../inputs/inputs.js';
import type { Setup } from '../plan/workspace.js';
import type { Exec } from '../util/exec.js';
import type { Fetch } from '../util/http.js';
import { credentialsIn } from '../util/url-credentials.js';
import { buildEnv, buildProcs, gcTuning, type GoBuildOptions } from './go/argv.js';
import { goSource } from './go/source.js';
import { commonName, findPrebuilt, prebuiltSource } from './prebuilt/source.js';
import type { BinarySource } from './source.js';
import { hostFacts, resolveToolchains, type Toolchain } from './toolchain/cc.js';
import { provideGo, type GoToolchain } from './toolchain/go.js';
import type { ToolCache } from './toolchain/tool-cache.js';
import { provideZig, type Zig } from './toolchain/zig.js';

/** What obtaining binaries needs from the outside: injected by the action's entry. */
export interface ProvideDeps {
  env: NodeJS.ProcessEnv;
  exec: Exec;
  mask: (secret: string) => void;
  warn: (line: string) => void;
  /** The network, for the Go module proxy, the checksum database and the package index. */
  fetch: Fetch;
  /** The runner's tool cache, where Go and zig are kept once downloaded and verified. */
  toolCache: ToolCache;
  /** zig's own cache (ZIG_GLOBAL_CACHE_DIR), outside the workspace. */
  zigCacheDir: string;
  /** Where go's own outputs stay between runs (go skips the link when a binary is up to date). */
  tempRoot: string;
  concurrency: number;
  /** Bytes of memory the step may use, which bounds the go processes' heaps. */
  memory: number;
}

/** What obtains the binaries, with which toolchains, and the Go and zig it found or provisioned (for the report). */
export interface Sourced {
  source: BinarySource;
  toolchains: Map<string, Toolchain>;
  go?: GoToolchain | undefined;
  zig?: Zig | undefined;
}

/** The binary source the inputs ask for: the user's files (`binaries`), else `go build` with its toolchains. */
export function binarySource(inputs: Inputs, deps: ProvideDeps, preparing: Promise<Setup>): Promise<Sourced> {
  return inputs.binaries ? prebuilt(inputs, inputs.binaries, deps, preparing) : goBuild(inputs, deps, preparing);
}

/** The `binaries` source: the user's files, found before anything runs; no Go is needed, nor looked for. */
async function prebuilt(
  inputs: Inputs,
  spec: BinariesSpec,
  deps: ProvideDeps,
  preparing: Promise<Setup>,
): Promise<Sourced> {
  const setup = await preparing;
  const files = await findPrebuilt(spec, inputs.platforms, setup.workspace);
  const name = commonName(files, inputs.binaryName);
  const noZig = { zig: () => Promise.reject(new Error('no compiler is used with binaries')), cacheDir: '' };
  const toolchains = await resolveToolchains({ ...inputs, cgo: false }, deps.env, noZig);
  return { source: prebuiltSource(files, name, spec), toolchains };
}

/** The go build options the inputs and the machine decide. */
function goBuildOptions(inputs: Inputs, deps: ProvideDeps): GoBuildOptions {
  return {
    pkg: inputs.package,
    ldflags: inputs.ldflags,
    tags: inputs.buildTags,
    goFlags: inputs.goFlags,
    cgo: inputs.cgo,
    env: inputs.env,
    procs: deps.env.GOMAXPROCS ? undefined : buildProcs(deps.concurrency, inputs.platforms.length),
    gc: deps.env.GOGC || deps.env.GOMEMLIMIT ? undefined : gcTuning(deps.memory, deps.concurrency),
  };
}

/** The go build source: its options, the Go toolchain and C compilers it needs, and the go processes' environment. */
async function goBuild(inputs: Inputs, deps: ProvideDeps, preparing: Promise<Setup>): Promise<Sourced> {
  const build = goBuildOptions(inputs, deps);
  const [setup, tools] = await Promise.all([preparing, provideToolchains(inputs, deps, build, preparing)]);
  const baseEnv = { ...(deps.env as Record<string, string>), ...goEnvOf(tools.go, deps.env.PATH) };
  const source = goSource({
    build,
    concurrency: deps.concurrency,
    context: {
      exec: deps.exec,
      cwd: setup.workDir,
      baseEnv,
      outDir: join(deps.tempRoot, 'build'),
      ccEnvFor: (p) => tools.toolchains.get(p.id)?.ccEnv,
      ldflagsFor: (p) => tools.toolchains.get(p.id)?.ldflags,
    },
    go: {
      exec: deps.exec,
      cwd: setup.workDir,
      shownDir: relative(setup.workspace, setup.workDir) || '.',
      env: { ...baseEnv, ...buildEnv(build, inputs.platforms[0]) },
    },
    toRepoPath: (f) => relative(setup.workspace, resolve(setup.workDir, f)),
  });
  return { ...tools, source };
}

/**
 * The environment that makes every go process use the chosen toolchain: its bin first on PATH and its GOROOT, and
 * GOTOOLCHAIN=local so that go does not switch again (https://go.dev/doc/toolchain#select).
 */
function goEnvOf(go: GoToolchain | undefined, path: string | undefined): Record<string, string> {
  if (!go) return {};
  if (!go.goroot) return { GOTOOLCHAIN: 'local' };
  return { GOTOOLCHAIN: 'local', GOROOT: go.goroot, PATH: `${join(go.goroot, 'bin')}${delimiter}${path ?? ''}` };
}

/**
 * The toolchains, before any build: the Go that go-version asks for (from PATH, the tool cache or a verified download),
 * and each target's C compiler and sysroot, zig provisioned once when `cc: zig` needs it.
 */
async function provideToolchains(
  inputs: Inputs,
  deps: ProvideDeps,
  build: GoBuildOptions,
  preparing: Promise<Setup>,
): Promise<Omit<Sourced, 'source'>> {
  // A proxy or index URL may carry user:password@; it is masked before anything could print it.
  for (const name of ['GOPROXY', 'PIP_INDEX_URL']) credentialsIn(deps.env[name]).forEach(deps.mask);
  const host = hostFacts();
  const get = (url: string, headers?: Record<string, string>) =>
    deps.fetch({ method: 'GET', url, headers }, { idleMs: 30_000, deadlineMs: 120_000 });
  let zig: Promise<Zig> | undefined;
  const supply = {
    zig: () =>
      (zig ??= provideZig(inputs.zigVersion, { env: deps.env, exec: deps.exec, get, cache: deps.toolCache, host })),
    // A zig cache the job chose (ZIG_GLOBAL_CACHE_DIR, e.g. from setup-zig) is kept; else the runner's.
    cacheDir: deps.env.ZIG_GLOBAL_CACHE_DIR || deps.zigCacheDir,
  };
  // `go env GOVERSION`, when the go on PATH is a wrapper, runs as every go process does.
  const goDeps = { env: { ...deps.env, ...buildEnv(build, inputs.platforms[0]) }, exec: deps.exec, get, host };
  const [toolchains, go] = await Promise.all([
    resolveToolchains(inputs, deps.env, supply),
    preparing.then((s) =>
      provideGo(inputs.goVersion, s.workDir, s.workspace, { ...goDeps, cache: deps.toolCache, warn: deps.warn }),
    ),
  ]);
  return { toolchains, go, zig: zig ? await zig : undefined };
}

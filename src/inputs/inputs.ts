import { InputError, messageOf, ParseError } from '../kernel/errors.js';
import { parseEpoch } from './epoch.js';
import { parseFileSpec, type FileSpec } from './files.js';
import { parseAnnotation, parseEnvLine, parseKeyValue, type LeveledAnnotation } from './keyvalue.js';
import { parseBool, parseList } from './list.js';
import { parsePlatforms } from './platform.js';
import type { Platform } from '../kernel/platform.js';
import { parseTag, type ImageRef } from './reference.js';
import { splitWords } from './words.js';
import { parseGoVersion } from '../kernel/gover.js';
import { parseBinaries, type BinariesSpec } from './binaries.js';
import { parsePerPlatform, type PerPlatform } from './per-platform.js';
import { parseExpose, parseReadyProbe, parseStopSignal, parseWorkdir, type ReadyProbe } from './serve.js';
import { parseIgnoredVulns, parseVulnDb, parseVulnMode, type IgnoredVuln, type VulnMode } from './vulnerabilities.js';

/** Every input, parsed and validated once; the rest of the action reads only this object. */
export interface Inputs {
  workingDirectory: string;
  package: string;
  platforms: Platform[];
  binaryName?: string | undefined;
  binaryPath?: string | undefined;
  args: string[];
  cgo: boolean;
  buildTags: string[];
  ldflags: string;
  goFlags: string[];
  env: Record<string, string>;
  linkage: 'static' | 'gather';
  user: string;
  caCertificates: boolean;
  tzdata: boolean;
  files: FileSpec[];
  labels: Record<string, string>;
  annotations: LeveledAnnotation[];
  sourceDateEpoch?: number | undefined;
  tags: ImageRef[];
  push: boolean;
  /** Empty means "the default under RUNNER_TEMP", decided by the caller. */
  ociLayout: string;
  username: string;
  password: string;
  githubToken: string;
  pushByDigest: boolean;
  /** Empty means "the default under RUNNER_TEMP". */
  digestsDir: string;
  /** The merge job: digests listed, or a directory of files named after them. */
  mergeDigests?: { digests: string[] } | { dir: string } | undefined;
  mediaTypes: 'oci' | 'docker';
  /** How layers are compressed: gzip, or zstd for runtimes that pull it. */
  compression: 'gzip' | 'zstd';
  insecureRegistries: string[];
  /** C compiler per platform; empty means auto. */
  cc: PerPlatform;
  /** Sysroot per platform for linkage: gather; empty means auto. */
  sysroot: PerPlatform;
  /** The Go toolchain: what go.mod asks for, the go on PATH as it is, or a version such as 1.26 or 1.26.8. */
  goVersion: string;
  /** The zig that `cc: zig` provisions when none is on PATH; empty means the pinned default. */
  zigVersion: string;
  /** Pre-built binaries instead of go build: a path per platform, or a template. */
  binaries?: BinariesSpec | undefined;
  /** Attach an SPDX SBOM, and an in-toto SLSA provenance, to every image as OCI 1.1 referrers. */
  sbom: boolean;
  provenance: boolean;
  /** Run every image before it ships: its Entrypoint with these arguments (undefined: no test). */
  test?: { args: string[]; timeoutS: number; expect?: RegExp | undefined; ready?: ReadyProbe | undefined } | undefined;
  /** ExposedPorts (`8080/tcp`), WorkingDir (empty: /) and StopSignal (empty: none) of the image config. */
  expose: string[];
  workdir: string;
  stopSignal: string;
  /** Check every Go binary against the Go vulnerability database: not at all, in the report, or as a gate. */
  vulnerabilities: VulnMode;
  /** Advisories accepted on purpose, each with its reason. */
  ignoreVulnerabilities: IgnoredVuln[];
  /** The database: https://vuln.go.dev, another HTTPS URL, or file:///path. */
  vulnDb: string;
}

/** Input names and their defaults, as in action.yml; a test keeps the two in sync. */
export const INPUT_DEFAULTS = {
  'working-directory': '.',
  package: '.',
  platforms: 'linux/amd64,linux/arm64',
  'binary-name': '',
  'binary-path': '',
  args: '',
  cgo: 'false',
  'build-tags': '',
  ldflags: '-s -w',
  'go-flags': '',
  env: '',
  linkage: 'static',
  user: '65532:65532',
  'ca-certificates': 'true',
  tzdata: 'false',
  files: '',
  labels: '',
  annotations: '',
  'source-date-epoch': '',
  tags: '',
  push: 'false',
  'oci-layout': '${{ runner.temp }}/scratchpack/oci',
  username: '',
  password: '',
  'github-token': '${{ github.token }}',
  'push-by-digest': 'false',
  'digests-dir': '${{ runner.temp }}/scratchpack/digests',
  'merge-digests': '',
  'media-types': 'oci',
  compression: 'gzip',
  'insecure-registries': '',
  cc: 'auto',
  sysroot: 'auto',
  'go-version': 'go.mod',
  'zig-version': '',
  binaries: '',
  sbom: 'true',
  provenance: 'true',
  'test-args': '',
  'test-timeout': '10',
  'test-expect': '',
  'test-http': '',
  expose: '',
  workdir: '',
  'stop-signal': '',
  vulnerabilities: 'off',
  'ignore-vulnerabilities': '',
  'vuln-db': 'https://vuln.go.dev',
} as const;

/** The names of all inputs. */
export type InputName = keyof typeof INPUT_DEFAULTS;

/** Variables that `platforms` and `cgo` own; setting them in `env` would make the image lie about its platform. */
const RESERVED_ENV = [
  'GOOS',
  'GOARCH',
  'GOARM',
  'GOAMD64',
  'GOARM64',
  'GO386',
  'GOPPC64',
  'GORISCV64',
  'GOMIPS',
  'GOMIPS64',
  'CGO_ENABLED',
];
const SHA256 = /^sha256:[a-f0-9]{64}$/;
const HOST_PORT =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/;
const USER = /^(\d+|[a-z_][a-z0-9_-]*)(:(\d+|[a-z_][a-z0-9_-]*))?$/;

function field<T>(name: InputName, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ParseError || e instanceof InputError) {
      throw new InputError(`input "${name}": ${e.message}`);
    }
    throw e;
  }
}

function absPath(text: string, what: string): string {
  if (!text.startsWith('/')) throw new ParseError(`${what} "${text}" must be absolute, e.g. /usr/local/bin/app`);
  const parts = text.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new ParseError(`${what} "${text}" must not contain ".."`);
  if (parts.length === 0 || text.endsWith('/'))
    throw new ParseError(`${what} "${text}" must name a file, not a directory`);
  return '/' + parts.join('/');
}

function toRecord(items: Array<{ key: string; value: string }>, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of items) {
    if (key in out) throw new ParseError(`${what} "${key}" is given twice`);
    out[key] = value;
  }
  return out;
}

/** Reads raw inputs (as core.getInput returns them): trimmed, as booleans, as lists. */
function reader(raw: (name: InputName) => string) {
  const get = (name: InputName) => raw(name).trim();
  return {
    raw,
    get,
    bool: (name: InputName) => field(name, () => parseBool(get(name) || INPUT_DEFAULTS[name])),
    lines: (name: InputName) => parseList(raw(name)),
    platformsFor: () =>
      field('platforms', () =>
        parsePlatforms(parseList(raw('platforms') || INPUT_DEFAULTS.platforms, { commas: true })),
      ),
    /** A per-platform input's lines; `auto` alone means none. */
    perPlatformLines: (name: InputName) => {
      const items = parseList(raw(name));
      return items.length === 1 && items[0] === 'auto' ? [] : items;
    },
  };
}
type Reader = ReturnType<typeof reader>;

/** Parses raw input strings (as core.getInput returns them) into Inputs; throws InputError naming the input. */
export function parseInputs(raw: (name: InputName) => string): Inputs {
  const r = reader(raw);
  const linkage = field('linkage', () => {
    const v = r.get('linkage') || 'static';
    if (v === 'static' || v === 'gather') return v;
    throw new ParseError(`"${v}" is not a linkage; expected static or gather`);
  });
  const push = r.bool('push');
  // In this order, so that the first input found wrong is the one reported.
  const build = buildInputs(r);
  const image = imageInputs(r);
  const config = configInputs(r);
  const publish = publishInputs(r, push);
  const toolchain = toolchainInputs(r);
  const test = testInputs(r, config.expose);
  const vulns = vulnInputs(r);
  return checkCombinations({ ...build, linkage, ...image, ...config, ...publish, ...toolchain, ...test, ...vulns });
}

/** What go build is told: the package, the platforms, the binary's name and place, flags, tags and environment. */
function buildInputs({
  raw,
  get,
  bool,
  lines,
}: Reader): Pick<
  Inputs,
  | 'workingDirectory'
  | 'package'
  | 'platforms'
  | 'binaryName'
  | 'binaryPath'
  | 'args'
  | 'cgo'
  | 'buildTags'
  | 'ldflags'
  | 'goFlags'
  | 'env'
> {
  return {
    workingDirectory: get('working-directory') || '.',
    package: field('package', () => {
      const p = get('package') || '.';
      if (/\s/.test(p) || p.startsWith('-'))
        throw new ParseError(`"${p}" is not a Go package path; expected e.g. . or ./cmd/server`);
      return p;
    }),
    platforms: field('platforms', () =>
      parsePlatforms(parseList(raw('platforms') || INPUT_DEFAULTS.platforms, { commas: true })),
    ),
    binaryName: field('binary-name', () => {
      const n = get('binary-name');
      if (n === '') return undefined;
      if (!/^[A-Za-z0-9._+-]+$/.test(n) || n === '.' || n === '..')
        throw new ParseError(`"${n}" is not a file name; expected e.g. server`);
      return n;
    }),
    binaryPath: field('binary-path', () => (get('binary-path') ? absPath(get('binary-path'), 'path') : undefined)),
    args: lines('args'),
    cgo: bool('cgo'),
    buildTags: field('build-tags', () => {
      const tags = parseList(raw('build-tags'), { commas: true }).flatMap((t) => t.split(/\s+/));
      const bad = tags.find((t) => !/^[A-Za-z0-9_.]+$/.test(t));
      if (bad !== undefined)
        throw new ParseError(`tag "${bad}" is not a Go build tag; expected letters, digits, _ and .`);
      return tags;
    }),
    ldflags: raw('ldflags').trim(),
    goFlags: field('go-flags', () => parseList(raw('go-flags')).flatMap(splitWords)),
    env: field('env', () => {
      const env = toRecord(lines('env').map(parseEnvLine), 'variable');
      const owned = Object.keys(env).find((k) => RESERVED_ENV.includes(k));
      if (owned) throw new ParseError(`"${owned}" is set by the platforms and cgo inputs; remove it from env`);
      return env;
    }),
  };
}

/** What goes into the image besides the binary, and its config. */
function imageInputs({
  get,
  bool,
  lines,
}: Reader): Pick<
  Inputs,
  'user' | 'caCertificates' | 'tzdata' | 'files' | 'labels' | 'annotations' | 'sourceDateEpoch'
> {
  return {
    user: field('user', () => {
      const u = get('user') || INPUT_DEFAULTS.user;
      if (!USER.test(u))
        throw new ParseError(`"${u}" is not a user; expected uid[:gid] or name[:group], e.g. 65532:65532`);
      return u;
    }),
    caCertificates: bool('ca-certificates'),
    tzdata: bool('tzdata'),
    files: field('files', () => {
      const specs = lines('files').map(parseFileSpec);
      const dests = new Set<string>();
      for (const s of specs) {
        if (dests.has(s.dest)) throw new ParseError(`destination "${s.dest}" is given twice`);
        dests.add(s.dest);
      }
      return specs;
    }),
    labels: field('labels', () =>
      toRecord(
        lines('labels').map((l) => parseKeyValue(l)),
        'label',
      ),
    ),
    annotations: field('annotations', () => lines('annotations').map(parseAnnotation)),
    sourceDateEpoch: field('source-date-epoch', () =>
      get('source-date-epoch') ? parseEpoch(get('source-date-epoch')) : undefined,
    ),
  };
}

/** What a Dockerfile would set with EXPOSE, WORKDIR and STOPSIGNAL, which a scratch image has no other way to set. */
function configInputs({ get, lines }: Reader): Pick<Inputs, 'expose' | 'workdir' | 'stopSignal'> {
  return {
    expose: field('expose', () => parseExpose(lines('expose'))),
    workdir: field('workdir', () => parseWorkdir(get('workdir'))),
    stopSignal: field('stop-signal', () => parseStopSignal(get('stop-signal'))),
  };
}

/** Where the images go: tags, the layout, the registries and their credentials, a matrix's digests. */
function publishInputs(
  { raw, get, bool }: Reader,
  push: boolean,
): Pick<
  Inputs,
  | 'tags'
  | 'push'
  | 'ociLayout'
  | 'username'
  | 'password'
  | 'githubToken'
  | 'pushByDigest'
  | 'digestsDir'
  | 'mergeDigests'
  | 'mediaTypes'
  | 'compression'
  | 'insecureRegistries'
> {
  return {
    tags: field('tags', () => parseList(raw('tags'), { commas: true }).map(parseTag)),
    push,
    ociLayout: get('oci-layout'),
    username: get('username'),
    password: raw('password'),
    githubToken: get('github-token'),
    pushByDigest: bool('push-by-digest'),
    digestsDir: get('digests-dir'),
    mergeDigests: field('merge-digests', () => {
      const items = parseList(raw('merge-digests'), { commas: true });
      if (items.length === 0) return undefined;
      if (items.length === 1 && !items[0].startsWith('sha256:')) return { dir: items[0] };
      const bad = items.find((d) => !SHA256.test(d));
      if (bad !== undefined)
        throw new ParseError(`"${bad}" is not a digest; expected sha256:<64 hex>, or one directory of digest files`);
      return { digests: [...new Set(items)] };
    }),
    mediaTypes: field('media-types', () => {
      const v = get('media-types') || 'oci';
      if (v !== 'oci' && v !== 'docker')
        throw new ParseError(`"${v}" is not a media type family; expected oci or docker`);
      return v;
    }),
    compression: field('compression', () => {
      const v = get('compression') || 'gzip';
      if (v !== 'gzip' && v !== 'zstd')
        throw new ParseError(`"${v}" is not a layer compression; expected gzip or zstd`);
      return v;
    }),
    insecureRegistries: field('insecure-registries', () => {
      const hosts = parseList(raw('insecure-registries'), { commas: true });
      const bad = hosts.find((h) => !HOST_PORT.test(h));
      if (bad !== undefined) throw new ParseError(`"${bad}" is not host[:port], e.g. registry.local:5000`);
      return hosts;
    }),
  };
}

/** The toolchains: C compilers and sysroots per platform, Go's version, brought binaries, zig. */
function toolchainInputs({
  get,
  lines,
  platformsFor,
  perPlatformLines,
}: Reader): Pick<Inputs, 'cc' | 'sysroot' | 'goVersion' | 'binaries'> {
  return {
    cc: field('cc', () => parsePerPlatform(perPlatformLines('cc'), platformsFor())),
    sysroot: field('sysroot', () => parsePerPlatform(perPlatformLines('sysroot'), platformsFor())),
    goVersion: field('go-version', () => {
      const v = get('go-version') || 'go.mod';
      if (v === 'go.mod' || v === 'local') return v;
      const bare = v.replace(/^go(?=\d)/, '');
      if (!parseGoVersion(bare) || !/^\d+\.\d+/.test(bare))
        throw new ParseError(`"${v}" is not a Go version; expected go.mod, local, or a version such as 1.26 or 1.26.8`);
      return bare;
    }),
    binaries: field('binaries', () => parseBinaries(lines('binaries'), platformsFor())),
  };
}

/** The run before shipping, and the documents attached. */
function testInputs(
  { raw, get, bool, lines }: Reader,
  expose: string[],
): Pick<Inputs, 'test' | 'sbom' | 'provenance' | 'zigVersion'> {
  return {
    test: testOf(
      lines('test-args'),
      field('test-timeout', () => {
        const t = get('test-timeout') || INPUT_DEFAULTS['test-timeout'];
        if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 3600)
          throw new ParseError(`"${t}" is not a number of seconds from 1 to 3600`);
        return Number(t);
      }),
      field('test-expect', () => {
        const text = raw('test-expect').trim();
        if (!text) return undefined;
        try {
          return new RegExp(text, 'm');
        } catch (e) {
          throw new ParseError(`"${text}" is not a regular expression: ${messageOf(e)}`);
        }
      }),
      field('test-http', () => parseReadyProbe(get('test-http'), expose)),
    ),
    sbom: bool('sbom'),
    provenance: bool('provenance'),
    zigVersion: field('zig-version', () => {
      const v = get('zig-version');
      if (v !== '' && !/^\d+\.\d+\.\d+(\.post\d+)?$/.test(v))
        throw new ParseError(`"${v}" is not a zig version; expected e.g. 0.15.2`);
      return v;
    }),
  };
}

/** The vulnerability check: its mode, what the team accepted, and the database. */
function vulnInputs({ get, lines }: Reader): Pick<Inputs, 'vulnerabilities' | 'ignoreVulnerabilities' | 'vulnDb'> {
  return {
    vulnerabilities: field('vulnerabilities', () =>
      parseVulnMode(get('vulnerabilities') || INPUT_DEFAULTS.vulnerabilities),
    ),
    ignoreVulnerabilities: field('ignore-vulnerabilities', () => parseIgnoredVulns(lines('ignore-vulnerabilities'))),
    vulnDb: field('vuln-db', () => parseVulnDb(get('vuln-db'))),
  };
}

/** The image test the inputs ask for: when test-args, test-expect or test-http is given. */
function testOf(
  args: string[],
  timeoutS: number,
  expect: RegExp | undefined,
  ready: ReadyProbe | undefined,
): Inputs['test'] {
  return args.length > 0 || expect || ready ? { args, timeoutS, expect, ready } : undefined;
}

/** The inputs only a go build reads, and whether each was set: `binaries` refuses them. */
function buildOnly(i: Inputs): string[] {
  const set: Array<[string, boolean]> = [
    ['package', i.package !== INPUT_DEFAULTS.package],
    ['ldflags', i.ldflags !== INPUT_DEFAULTS.ldflags],
    ['build-tags', i.buildTags.length > 0],
    ['go-flags', i.goFlags.length > 0],
    ['cgo', i.cgo],
    ['cc', i.cc.all !== undefined || Object.keys(i.cc.byPlatform).length > 0],
    ['env', Object.keys(i.env).length > 0],
  ];
  return set.filter(([, on]) => on).map(([name]) => name);
}

/** Inputs that are fine alone but contradict each other. */
function checkCombinations(i: Inputs): Inputs {
  const withBinaries = i.binaries ? buildOnly(i) : [];
  if (withBinaries.length > 0)
    throw new InputError(
      `input "binaries": the binaries are given, so nothing is built, and ${withBinaries.map((n) => `"${n}"`).join(', ')} ${withBinaries.length > 1 ? 'apply' : 'applies'} only to go build; remove ${withBinaries.length > 1 ? 'them' : 'it'}, or remove binaries`,
    );
  if (i.push && i.tags.length === 0)
    throw new InputError('input "push": true needs at least one reference in "tags", e.g. ghcr.io/owner/app:1.0');
  if (i.pushByDigest && !i.push)
    throw new InputError('input "push-by-digest": true pushes manifests, so it needs push: true');
  if (i.mergeDigests && i.pushByDigest)
    throw new InputError(
      'input "merge-digests": the merge job builds nothing, so it cannot also push-by-digest; set push-by-digest: false',
    );
  if (i.mergeDigests && !i.push)
    throw new InputError('input "merge-digests": the merge job pushes an index, so it needs push: true');
  if (i.mergeDigests && new Set(i.tags.map((t) => `${t.registry}/${t.repository}`)).size > 1) {
    throw new InputError(
      'input "merge-digests": every tag must name the same repository, where the per-platform manifests were pushed',
    );
  }
  if ('GOTOOLCHAIN' in i.env && i.goVersion !== 'local') {
    throw new InputError(
      `input "env": GOTOOLCHAIN is set by go-version (${i.goVersion}); remove it, or set go-version: local to let go choose`,
    );
  }
  if (i.mergeDigests && i.vulnerabilities !== 'off') {
    throw new InputError(
      `input "vulnerabilities": the merge job builds nothing, so it checks nothing; set vulnerabilities: ${i.vulnerabilities} on the jobs that build (push-by-digest), and off here`,
    );
  }
  if (i.vulnerabilities === 'off' && i.ignoreVulnerabilities.length > 0) {
    throw new InputError(
      'input "ignore-vulnerabilities": nothing is checked with vulnerabilities: off; set vulnerabilities: report or fail, or remove the list',
    );
  }
  if (i.mediaTypes === 'docker' && i.compression === 'zstd') {
    throw new InputError(
      'input "compression": Docker media types have no zstd layer type; use media-types: oci with zstd, or compression: gzip',
    );
  }
  if (i.mediaTypes === 'docker' && i.annotations.length > 0) {
    throw new InputError(
      'input "annotations": Docker media types carry no annotations; use media-types: oci or drop the annotations',
    );
  }
  return i;
}

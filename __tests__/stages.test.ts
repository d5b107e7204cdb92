import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BinarySource } from '../src/build/source.js';
import { buildImage, buildIndex } from '../src/image/image.js';
import { jsonBlob } from '../src/kernel/digest.js';
import { MediaType, type ImageArtifact } from '../src/kernel/oci.js';
import { INPUT_DEFAULTS, parseInputs, type InputName, type Inputs } from '../src/inputs/inputs.js';
import { buildLayer } from '../src/layer/layer.js';
import { diskLayerStore } from '../src/layer/store.js';
import { runPipeline, type PipelineDeps } from '../src/pipeline.js';
import { planner } from '../src/plan/planner.js';
import { prepare } from '../src/plan/workspace.js';
import { LayoutPublisher } from '../src/publish/layout.js';
import { mergeIndex } from '../src/publish/merge.js';
import { MultiPublisher } from '../src/publish/multi.js';
import type { Publisher } from '../src/publish/publisher.js';
import { connectRegistries } from '../src/publish/registry/connect.js';
import { RegistryPublisher } from '../src/publish/registry/publisher.js';
import { DEFAULT_RETRY } from '../src/publish/registry/retry.js';
import { InputError } from '../src/kernel/errors.js';
import type { Exec } from '../src/util/exec.js';
import { openFileReader } from '../src/util/fs.js';
import { nodeFetch } from '../src/util/http.js';
import { actionsToolCache } from '../src/action/tool-cache.js';
import { ROOT, sh } from './helpers/action.js';
import { inlineGzip } from './helpers/gzip.js';
import { startRegistry, type Registry } from './helpers/registry.js';

/** Inputs as the action reads them, from raw strings over action.yml's defaults. */
function inputsOf(raw: Partial<Record<InputName, string>>): Inputs {
  return parseInputs((name) => {
    const v = raw[name] ?? INPUT_DEFAULTS[name];
    return v.includes('${{') ? '' : v;
  });
}

const quiet = { info: () => undefined, warn: () => undefined, mask: () => undefined };

/** A real layer store and file reader, gzip in this thread: the pipeline's layer port without worker threads. */
function layers(dir: string): PipelineDeps['layers'] {
  const store = diskLayerStore(join(dir, 'layers'));
  return { open: openFileReader, hash: (f) => store.hashFile(f.path, f.identity), compress: inlineGzip, store };
}

function deps(exec: Exec, tempRoot: string): PipelineDeps {
  return {
    ...quiet,
    exec,
    env: { GITHUB_WORKSPACE: ROOT, PATH: process.env.PATH },
    tempRoot,
    concurrency: 2,
    memory: 1 << 30,
    policy: DEFAULT_RETRY,
    layers: layers(tempRoot),
    layerStoreDir: join(tempRoot, 'layers'),
    vulnCacheDir: join(tempRoot, 'vulns'),
    toolCache: actionsToolCache,
    fetch: nodeFetch,
    zigCacheDir: join(tempRoot, 'zig-cache'),
    group: (_name, fn) => fn(),
  };
}

describe('the planner', () => {
  const source = (defaultName: string): BinarySource => ({
    obtain: () => Promise.reject(new Error('not used')),
    describe: async () => ({ defaultName, createdBy: `made by a test source (${defaultName})` }),
    explain: async () => [],
  });

  test('names the binary from the source unless binary-name says otherwise, and plans once', async () => {
    const inputs = inputsOf({ 'working-directory': 'example', tags: 'ghcr.io/acme/app:2', args: '-v' });
    const setup = await prepare(inputs, { GITHUB_WORKSPACE: ROOT });
    const p = planner(inputs, setup, {
      describe: (b) => source('hello').describe(b),
      epoch: Promise.resolve([1700000000, 'input']),
      runner: { sha: 'c'.repeat(40) },
    });
    const plan = await p.planFrom('/first/binary');
    expect(await p.planFrom('/another/binary')).toBe(plan);
    expect(p.planned()).toBeDefined();
    expect(plan.binaryPath).toBe('/usr/local/bin/hello');
    expect(plan.image).toMatchObject({
      entrypoint: ['/usr/local/bin/hello'],
      cmd: ['-v'],
      user: '65532:65532',
      created: '2023-11-14T22:13:20Z',
      createdBy: 'made by a test source (hello)',
    });
    expect(plan.indexAnnotations).toEqual({
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.revision': 'c'.repeat(40),
    });
    const named = inputsOf({ 'working-directory': 'example', 'binary-name': 'server' });
    const plan2 = await planner(named, setup, {
      describe: (b) => source('hello').describe(b),
      epoch: Promise.resolve([0, 'default']),
      runner: {},
    }).planFrom('/b');
    expect(plan2.binaryPath).toBe('/usr/local/bin/server');
  });

  test('refuses a files entry that lands on the binary once its name is known', async () => {
    const inputs = inputsOf({ 'working-directory': 'example', files: 'example/go.mod:/usr/local/bin/hello' });
    const setup = await prepare(inputs, { GITHUB_WORKSPACE: ROOT });
    const p = planner(inputs, setup, {
      describe: (b) => source('hello').describe(b),
      epoch: Promise.resolve([0, 'default']),
      runner: {},
    });
    await expect(p.planFrom('/b')).rejects.toThrow(InputError);
    await expect(p.planFrom('/b')).rejects.toThrow('input "files": file /usr/local/bin/hello would replace the binary');
  });
});

describe('runPipeline with an injected exec', () => {
  test('a compile error fails every platform with one diagnostic on its file and line, and writes nothing', async () => {
    const calls: string[] = [];
    const exec: Exec = async (cmd, args) => {
      calls.push(`${cmd} ${args[0]}`);
      if (args[0] === 'build')
        return { exitCode: 1, stdout: '', stderr: '# example\n./main.go:12:2: undefined: oops\n' };
      if (args[0] === 'env') return { exitCode: 0, stdout: 'go1.26.0\n', stderr: '' };
      return { exitCode: 0, stdout: 'main example.com/scratchpack/hello\n', stderr: '' };
    };
    const tempRoot = mkdtempSync(join(tmpdir(), 'scratchpack-pipeline-'));
    const inputs = inputsOf({
      'working-directory': 'example',
      platforms: 'linux/amd64,linux/arm64',
      'source-date-epoch': '1',
    });
    const result = await runPipeline(inputs, deps(exec, tempRoot));
    expect(result.report.platforms.map((p) => `${p.platform} ${p.status}`)).toEqual([
      'linux/amd64 build failed',
      'linux/arm64 build failed',
    ]);
    // The same message on both platforms is one diagnostic, pinned to the file as the repository names it, its
    // title naming both platforms.
    expect(result.diagnostics).toEqual([
      {
        level: 'error',
        title: 'go build (linux/amd64, linux/arm64)',
        file: 'example/main.go',
        startLine: 12,
        startColumn: 2,
        message: 'undefined: oops',
      },
    ]);
    expect(calls.sort()).toEqual(['go build', 'go build', 'go env', 'go list']);
    expect(result.report.indexDigest).toBeUndefined();
    expect(existsSync(join(tempRoot, 'oci'))).toBe(false);
    expect(existsSync(join(tempRoot, 'binaries', 'linux_amd64'))).toBe(false);
  });

  test('a go that cannot run is one input error, not one failure per platform', async () => {
    const exec: Exec = async (cmd) => ({ exitCode: 127, stdout: '', stderr: `${cmd}: spawn ${cmd} ENOENT` });
    const tempRoot = mkdtempSync(join(tmpdir(), 'scratchpack-pipeline-'));
    const inputs = inputsOf({
      'working-directory': 'example',
      platforms: 'linux/amd64,linux/arm64',
      'source-date-epoch': '1',
    });
    await expect(runPipeline(inputs, deps(exec, tempRoot))).rejects.toThrow(
      'go is not usable (go: spawn go ENOENT); add actions/setup-go before this step',
    );
  });
});

/** A tiny image and index whose layer lives in a real layer store. */
async function tinyArtifact(dir: string, text: string) {
  const layer = await buildLayer(
    [{ path: 'hello.txt', type: 'file', mode: 0o644, data: new TextEncoder().encode(text) }],
    0,
    layers(dir),
  );
  const settings = { created: '1970-01-01T00:00:00Z', user: '0', entrypoint: ['/hello'], cmd: [], env: [], labels: {} };
  const image = buildImage([layer], {
    ...settings,
    createdBy: 'test',
    manifestAnnotations: {},
    platform: { architecture: 'amd64', os: 'linux' },
  });
  return { images: [image], index: buildIndex([image], {}) };
}

describe('the layout publisher', () => {
  test('writes nothing visible until the commit, then a layout skopeo reads; an old layout is replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-layoutpub-'));
    const target = join(dir, 'oci');
    for (const text of ['first', 'second']) {
      const artifact = await tinyArtifact(dir, text);
      const layout = new LayoutPublisher(target, { 'org.opencontainers.image.ref.name': 'v1' });
      const commit = await layout.write(artifact);
      if (text === 'first') expect(existsSync(target)).toBe(false);
      expect(await commit()).toEqual({ location: target, refs: [`oci:${target}:v1`] });
      const raw = JSON.parse(sh('skopeo', ['inspect', '--raw', `oci:${target}:v1`]));
      expect(raw.mediaType).toBe(MediaType.index);
      const top = JSON.parse(readFileSync(join(target, 'index.json'), 'utf8'));
      expect(top.manifests[0].digest).toBe(artifact.index.digest);
    }
    expect(readdirSync(dir).filter((n) => n.startsWith('oci.'))).toEqual([]);
  });

  test('in a MultiPublisher, a publisher that fails its write keeps the layout from ever appearing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratchpack-multipub-'));
    const target = join(dir, 'oci');
    const artifact = await tinyArtifact(dir, 'never');
    const events: string[] = [];
    const failing: Publisher = {
      probe: () => undefined,
      stage: () => undefined,
      write: async () => {
        throw new Error('the registry went away');
      },
      abandon: async () => {
        events.push('abandoned');
      },
    };
    const multi = new MultiPublisher([new LayoutPublisher(target), failing]);
    await expect(multi.write(artifact)).rejects.toThrow('the registry went away');
    expect(events).toContain('abandoned');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('oci'))).toEqual([]);
  });
});

describe('merge', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry.stop();
  });

  test('orders the index by platforms, whatever order the digests come in, and reads each config back', async () => {
    const conn = connectRegistries(
      { username: '', password: '', githubToken: '', insecureRegistries: [] },
      { ...quiet, exec: async () => ({ exitCode: 1, stdout: '', stderr: '' }), env: {}, policy: DEFAULT_RETRY },
    );
    const tags = inputsOf({ tags: `${registry.host}/acme/merge:1` }).tags;
    const images: ImageArtifact[] = [];
    for (const [architecture, variant] of [['amd64'], ['arm64'], ['arm', 'v7']] as const) {
      const config = jsonBlob(MediaType.config, { architecture, os: 'linux', ...(variant ? { variant } : {}) });
      const manifest = jsonBlob(MediaType.manifest, {
        schemaVersion: 2,
        mediaType: MediaType.manifest,
        config: { mediaType: MediaType.config, digest: config.digest, size: config.size },
        layers: [],
      });
      images.push({
        platform: { architecture, os: 'linux', ...(variant ? { variant } : {}) },
        layers: [],
        config,
        manifest,
      });
    }
    const byDigest = new RegistryPublisher({
      tags,
      pushByDigest: true,
      client: conn.client,
      open: (b) => Readable.from([Buffer.from('data' in b ? b.data : [])], { objectMode: false }),
      retries: () => 0,
    });
    await (
      await byDigest.write({ images, index: jsonBlob(MediaType.index, {}) })
    )();
    const inputs = inputsOf({
      platforms: 'linux/arm/v7,linux/amd64,linux/arm64',
      tags: `${registry.host}/acme/merge:1`,
    });
    const digests = images.map((i) => i.manifest.digest).sort();
    const { index, entries } = await mergeIndex(
      inputs,
      digests,
      { client: await conn.client(registry.host), repo: 'acme/merge' },
      {
        index: {},
        descriptor: {},
      },
    );
    expect(entries.map((e) => e.platformId)).toEqual(['linux/arm/v7', 'linux/amd64', 'linux/arm64']);
    const body = JSON.parse(Buffer.from(index.data).toString('utf8'));
    expect(body.manifests.map((m: { digest: string }) => m.digest)).toEqual([
      images[2].manifest.digest,
      images[0].manifest.digest,
      images[1].manifest.digest,
    ]);
    const missing = inputsOf({ platforms: 'linux/amd64,linux/s390x', tags: `${registry.host}/acme/merge:1` });
    await expect(
      mergeIndex(
        missing,
        digests,
        { client: await conn.client(registry.host), repo: 'acme/merge' },
        { index: {}, descriptor: {} },
      ),
    ).rejects.toThrow('input "merge-digests": no manifest for platform linux/s390x among 3 digests');
  });
});

import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/action.js';
import { ARCH_FIELDS, everyArch, GOARCHES } from '../src/kernel/arch.js';

const SRC = join(ROOT, 'src');
const files = (p: string): string[] =>
  statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(join(p, f))) : /\.(ts|mjs)$/.test(p) ? [p] : [];
const rel = (f: string) => relative(ROOT, f);

/** Relative imports of a source file (type-only ones too: a cycle of types is still a cycle of concerns). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specs.filter((s) => !s.includes('node_modules')).map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

/** Every cycle in the import graph, each as the list of files around it. */
export function importCycles(roots: string[]): string[][] {
  const graph = new Map(roots.map((f) => [f, importsOf(f)]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') cycles.push(stack.slice(stack.indexOf(g)).map(rel));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of roots) if (!state.has(f)) visit(f);
  return cycles;
}

describe('the import graph of src/', () => {
  test('has no cycle', () => {
    expect(importCycles(files(SRC))).toEqual([]);
  });
  test('every relative import names a file that exists', () => {
    const all = new Set(files(SRC));
    const missing = files(SRC).flatMap((f) =>
      importsOf(f)
        .filter((t) => !all.has(t))
        .map((t) => `${rel(f)} -> ${rel(t)}`),
    );
    expect(missing).toEqual([]);
  });
});

/** The stages, in the order a run goes through them; a stage imports only itself, earlier stages and the shared folders. */
export const STAGES = ['inputs', 'plan', 'build', 'check', 'layer', 'image', 'attach', 'test', 'publish', 'report'];
/** Shared folders: `kernel` (pure: the architecture table, Platform, Diagnostic, errors, ELF and OCI types) imports only
 * itself; `util` (effects helpers) imports kernel and itself. The entry (`action`, `cli`, the root files) imports any. */
const SHARED: Record<string, string[]> = { kernel: ['kernel'], util: ['kernel', 'util'] };

/** What a folder may import, or undefined when it may import anything (the entry points). */
function allowed(folder: string): string[] | undefined {
  if (Object.hasOwn(SHARED, folder)) return SHARED[folder];
  const at = STAGES.indexOf(folder);
  return at < 0 ? undefined : ['kernel', 'util', ...STAGES.slice(0, at + 1)];
}

/** Imports that run backwards (or from a shared folder into a stage), as `from -> to` paths under src/. */
export function backwardImports(graph: Array<[string, string[]]>): string[] {
  const folderOf = (p: string) => (p.includes('/') ? p.split('/')[0] : '');
  return graph.flatMap(([from, targets]) => {
    const ok = allowed(folderOf(from));
    return ok ? targets.filter((t) => !ok.includes(folderOf(t))).map((t) => `${from} -> ${t}`) : [];
  });
}

describe('the stage order', () => {
  const graph = (): Array<[string, string[]]> =>
    files(SRC).map((f) => [relative(SRC, f), importsOf(f).map((t) => relative(SRC, t))]);
  test('every folder under src/ is a stage, a shared folder or an entry', () => {
    const folders = new Set(
      files(SRC)
        .map((f) => relative(SRC, f).split('/'))
        .filter((p) => p.length > 1)
        .map((p) => p[0]),
    );
    expect([...folders].filter((f) => allowed(f) === undefined).sort()).toEqual(['action', 'cli']);
  });
  test('no import runs backwards', () => {
    expect(backwardImports(graph())).toEqual([]);
  });
  test('a planted backwards import is found', () => {
    const planted = graph().map(([f, t]): [string, string[]] =>
      f === 'check/policy.ts' ? [f, [...t, 'publish/publisher.ts']] : [f, t],
    );
    expect(backwardImports(planted)).toEqual(['check/policy.ts -> publish/publisher.ts']);
    expect(backwardImports([['kernel/arch.ts', ['inputs/platform.ts']]])).toEqual([
      'kernel/arch.ts -> inputs/platform.ts',
    ]);
  });
});

describe('pure modules stay pure', () => {
  const pure = [
    'kernel',
    'inputs',
    'check/policy.ts',
    'check/deps.ts',
    'check/vuln',
    'image',
    'layer/tar.ts',
    'layer/layer.ts',
    'layer/untar.ts',
    'report',
    'plan/plan.ts',
    'plan/rootfs.ts',
    'cli/inspect-line.ts',
    'build/toolchain/gomod.ts',
    'build/toolchain/goenv.ts',
    'build/toolchain/pypi.ts',
    'build/toolchain/zig-targets.ts',
    'build/toolchain/sumdb/note.ts',
    'build/toolchain/sumdb/tlog.ts',
    'attach/purl.ts',
    'attach/spdx.ts',
    'attach/provenance.ts',
    'attach/artifact.ts',
    'publish/referrers.ts',
    'test/user.ts',
    'test/expect.ts',
  ];
  test.each(pure)('%s imports no @actions, fs, child_process or process.env', (entry) => {
    for (const file of files(join(SRC, entry))) {
      const text = readFileSync(file, 'utf8');
      const where = rel(file);
      expect([where, /from '@actions\//.test(text)]).toEqual([where, false]);
      expect([where, /from 'node:(fs|child_process)/.test(text) || /from '(fs|child_process)/.test(text)]).toEqual([
        where,
        false,
      ]);
      expect([where, /process\.env/.test(text)]).toEqual([where, false]);
    }
  });
  test('only the action entry (src/action/) imports @actions/core', () => {
    const users = files(SRC)
      .filter((f) => /from '@actions\/core'/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(users.filter((f) => !f.startsWith('src/action/'))).toEqual([]);
    expect(users).toContain('src/action/main.ts');
  });
});

/** Fields of an architecture's facts that are missing, or a None without a reason, as `<platform>: <field>`. */
export function archGaps(rows: Array<{ id: string; facts: object }>): string[] {
  return rows.flatMap(({ id, facts }) =>
    ARCH_FIELDS.filter((field) => {
      const v = (facts as Record<string, unknown>)[field];
      if (v === undefined || v === null) return true;
      return typeof v === 'object' && 'none' in v && !(v as { none: string }).none.trim();
    }).map((field) => `${id}: ${field}`),
  );
}

describe('one table per architecture (src/kernel/arch.ts)', () => {
  test('every architecture has every field, or a None with its reason', () => {
    expect(everyArch().length).toBeGreaterThanOrEqual(GOARCHES.length);
    expect(archGaps(everyArch())).toEqual([]);
  });
  test('a row missing a field, or a None without a reason, is found', () => {
    const rows: Array<{ id: string; facts: Record<string, unknown> }> = everyArch().map((r) => ({
      id: r.id,
      facts: { ...r.facts },
    }));
    delete rows[0].facts.qemu;
    rows[1].facts.wheel = { none: '' };
    expect(archGaps(rows)).toEqual([`${rows[0].id}: qemu`, `${rows[1].id}: wheel`]);
  });
  test('no other source file keeps a per-architecture table', () => {
    // A table keyed by GOARCH: two or more lines such as `arm64: …` or `'386': …`.
    const keyed = /^\s*(?:amd64|arm64|arm|'386'|ppc64le|ppc64|s390x|riscv64|loong64|mips64le):\s/gm;
    const tables = files(SRC)
      .filter((f) => !f.endsWith(join('kernel', 'arch.ts')))
      .filter((f) => /^\s*(?:amd64|arm64):\s/m.test(readFileSync(f, 'utf8')))
      .filter((f) => (readFileSync(f, 'utf8').match(keyed) ?? []).length >= 2)
      .map(rel);
    expect(tables).toEqual([]);
  });
});

describe('one error hierarchy (src/kernel/errors.ts)', () => {
  // Plain Errors only for what a user never sees: invariants that would be bugs, and errors caught at once.
  const internal: Record<string, string> = {
    'src/kernel/arch.ts': 'every parsed Platform has a row',
    'src/kernel/errors.ts': 'asError wraps a thrown non-Error for a promise rejection',
    'src/build/provide.ts': 'binaries never asks for a C compiler',
    'src/pipeline.ts': 'the reason given to publishers when a run stops; never shown',
    'src/util/http.ts': 'an errno-shaped error that the retry policy classifies',
    'src/layer/tar.ts': 'paths are cleaned, and file references streamed, before the tar writer sees them',
    'src/layer/gzip-pool.ts': 'members are cut to MEMBER_SIZE before they reach the pool',
    'src/layer/compress-worker.mjs': 'the worker is given a compressor and a bound that fit',
    'src/check/deps.ts': 'a rejection that the resolver catches at once',
    'src/action/loader.cjs': 'runs before the action, and fails only on a broken install',
  };
  test('no user-facing plain Error: every other throw extends ActionError', () => {
    const plain = files(SRC)
      .concat(join(SRC, 'action', 'loader.cjs'))
      .filter((f) => /new Error\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(plain.filter((f) => !(f in internal))).toEqual([]);
  });
  test('no (e as Error).message: messageOf reads any thrown value', () => {
    expect(
      files(SRC)
        .filter((f) => /as Error\)\.message/.test(readFileSync(f, 'utf8')))
        .map(rel),
    ).toEqual([]);
  });
  test('every error class extends ActionError', () => {
    const stray = files(SRC).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/class (\w+) extends Error\b/g)].map((m) => `${rel(f)}: ${m[1]}`),
    );
    expect(stray).toEqual(['src/kernel/errors.ts: ActionError']);
  });
});

import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/action.js';

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

describe('pure modules stay pure', () => {
  const pure = [
    'inputs',
    'check/elf',
    'check/policy.ts',
    'image',
    'layer/tar.ts',
    'layer/rootfs.ts',
    'layer/layer.ts',
    'report',
    'plan/plan.ts',
    'util/errors.ts',
    'cli/inspect-line.ts',
    'build/toolchain/gover.ts',
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
    'verify/user.ts',
    'verify/expect.ts',
    'layer/untar.ts',
    'inputs/binaries.ts',
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

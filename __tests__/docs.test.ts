import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS } from '../src/inputs/inputs.js';
import { ROOT } from './helpers/action.js';
// @ts-expect-error plain ESM script without types
import { readmeTables } from '../scripts/readme-tables.mjs';

const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionYml);
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('action.yml, the code and the README agree', () => {
  test('runs on node24 from the bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
  test('every input has a description and a default equal to the code default', () => {
    for (const [name, input] of Object.entries(action.inputs) as Array<
      [string, { description: string; default: string }]
    >) {
      expect(input.description.length).toBeGreaterThan(10);
      expect(String(input.default)).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]);
    }
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
  });
  test('every output has a description', () => {
    expect(Object.keys(action.outputs)).toEqual([
      'digest',
      'images',
      'oci-layout',
      'binaries',
      'metadata',
      'image',
      'digests',
    ]);
    for (const o of Object.values(action.outputs) as Array<{ description: string }>)
      expect(o.description.length).toBeGreaterThan(10);
  });
  test('the README tables are generated from action.yml (refresh: node scripts/readme-tables.mjs)', () => {
    const m = /<!-- tables:start -->\n([\s\S]*?)\n<!-- tables:end -->/.exec(readme);
    expect(m?.[1]).toBe(readmeTables(actionYml));
  });
  test('the README gives the two local commands', () => {
    expect(readme).toContain('npm ci && npm test');
    expect(readme).toContain('npm run demo');
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
  ];
  const files = (p: string): string[] =>
    statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(join(p, f))) : [p];
  test.each(pure)('%s imports no @actions, fs, child_process or process.env', (entry) => {
    for (const file of files(join(ROOT, 'src', entry))) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      expect([where, /from '@actions\//.test(text)]).toEqual([where, false]);
      expect([where, /from 'node:(fs|child_process)/.test(text) || /from '(fs|child_process)/.test(text)]).toEqual([
        where,
        false,
      ]);
      expect([where, /process\.env/.test(text)]).toEqual([where, false]);
    }
  });
  test('only main.ts and inputs.ts import @actions/core', () => {
    const users = files(join(ROOT, 'src'))
      .filter((f) => /from '@actions\/core'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(users.sort()).toEqual(['src/action/main.ts', 'src/action/read-inputs.ts']);
  });
});

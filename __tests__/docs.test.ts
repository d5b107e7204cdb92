import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS } from '../src/inputs/inputs.js';
import { ROOT } from './helpers/action.js';
// @ts-expect-error plain ESM script without types
import { readmeTables } from '../scripts/readme-tables.mjs';

const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionYml) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default: string }>;
  outputs: Record<string, { description: string }>;
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('action.yml, the code and the README agree', () => {
  test('runs on node24 from the bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.cjs' });
  });
  test('every input has a description and a default equal to the code default', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length).toBeGreaterThan(10);
      expect(input.default).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]);
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
      'attachments',
      'digests',
      'vulnerabilities',
    ]);
    for (const o of Object.values(action.outputs)) expect(o.description.length).toBeGreaterThan(10);
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

describe('a repository that explains itself', () => {
  test("the README is the user's guide: quick start, inputs, recipes, troubleshooting, security model", () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    for (const h of ['Use it', 'Inputs and outputs', 'Troubleshooting', 'Security model'])
      expect(headings).toContain(h);
    // History and design notes live elsewhere.
    for (const h of ['Status', 'How it is built']) expect(headings).not.toContain(h);
  });
  test('CHANGELOG, CONTRIBUTING, LICENSE, docs, .node-version and .gitattributes are there', () => {
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain('## [Unreleased]');
    expect(readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')).toContain('npx jest __tests__/');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(join(ROOT, '.node-version'), 'utf8').trim()).toBe(action.runs.using.replace('node', ''));
    expect(readFileSync(join(ROOT, '.gitattributes'), 'utf8')).toMatch(/^dist\/\*\* linguist-generated=true$/m);
    for (const doc of ['architecture.md', 'decisions.md'])
      expect(readFileSync(join(ROOT, 'docs', doc), 'utf8')).toBeTruthy();
  });
  test('CI runs .ci/run, and every action it uses is pinned by commit SHA', () => {
    const dir = join(ROOT, '.github', 'workflows');
    const workflows = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(workflows.some((w) => /run: bash \.ci\/run/.test(w))).toBe(true);
    const uses = workflows.flatMap((w) => [...w.matchAll(/uses: (\S+)/g)].map((m) => m[1]));
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => u !== './' && !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(u))).toEqual([]);
  });
});

import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS } from '../src/inputs/inputs.js';
import { ROOT } from './helpers/action.js';
// @ts-expect-error plain ESM script without types
import { readmeTables } from '../scripts/readme-tables.mjs';

const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(actionYml) as {
  runs: unknown;
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

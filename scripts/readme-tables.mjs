// Prints the README's inputs and outputs tables from action.yml, so the README can be refreshed by hand:
//   node scripts/readme-tables.mjs
// __tests__/docs.test.ts fails when the README's tables differ from this output.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Renders both tables as Markdown. */
export function readmeTables(actionYml) {
  const action = parse(actionYml);
  const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();
  const inputs = Object.entries(action.inputs).map(
    ([name, i]) => `| \`${name}\` | ${i.default === '' ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`);
  return [
    '| input | default | meaning |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | meaning |',
    '| --- | --- |',
    ...outputs,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(readmeTables(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) + '\n');
}

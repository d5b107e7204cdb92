// Issue #30's groundwork: symbol-level findings from a stripped binary, checked against the Go vulnerability
// database's own advisories (golang.org/x/vulndb, offline), by govulncheck itself.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBlob } from '../src/check/vuln/extract.js';
import { parseFindings } from '../src/check/vuln/findings.js';
import { readGoSymbols } from '../src/kernel/elf/gosyms.js';
import { parseElf } from '../src/kernel/elf/parse.js';
import { sh } from './helpers/action.js';
import { goBuild } from './helpers/fixtures.js';
import { vulnDb } from './helpers/vulndb.js';

const GOVULNCHECK = join(
  process.env.SCRATCHPACK_CACHE ?? join(homedir(), '.cache', 'scratchpack'),
  'bin',
  'govulncheck',
);
/** Every published golang.org/x/text advisory that v0.3.5 is affected by, and one it is not (fixed in 0.3.3). */
const TEXT_ADVISORIES = ['GO-2020-0015', 'GO-2021-0113', 'GO-2022-1059', 'GO-2026-5970', 'GO-2026-6629'];

/** A program that calls language.Parse (GO-2021-0113) and nothing else of x/text's advisories. */
function program(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-vulnprog-'));
  writeFileSync(join(dir, 'go.mod'), 'module example.com/vp\n\ngo 1.22\n\nrequire golang.org/x/text v0.3.5\n');
  writeFileSync(
    join(dir, 'main.go'),
    'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"golang.org/x/text/language"\n)\n\n' +
      'func main() {\n\tt, err := language.Parse(os.Args[len(os.Args)-1])\n\tfmt.Println(t, err)\n}\n',
  );
  sh('go', ['mod', 'tidy'], { cwd: dir, env: { GOFLAGS: '-mod=mod' } });
  return dir;
}

/** The advisories govulncheck reports at symbol level (a finding whose trace names a function). */
function symbolLevel(json: string): string[] {
  const found = new Set<string>();
  for (const chunk of json.split(/\n(?=\{)/).filter((c) => c.trim())) {
    const msg = JSON.parse(chunk) as { finding?: { osv: string; trace: Array<{ function?: string }> } };
    if (msg.finding?.trace[0]?.function) found.add(msg.finding.osv);
  }
  return [...found].sort();
}

describe('symbol-level precision from a stripped Go binary', () => {
  const db = `file://${vulnDb(TEXT_ADVISORIES)}`;
  const dir = program();
  test.each(['amd64', 'arm64'])(
    'linux/%s: the blob finds GO-2021-0113 alone; the stripped binary, four',
    (arch) => {
      const bin = goBuild(dir, join(dir, `app-${arch}`), { GOARCH: arch, GOFLAGS: '-mod=mod' }, ['-ldflags=-s -w']);
      const bytes = readFileSync(bin);
      const go = parseElf(bytes).go;
      const symbols = readGoSymbols(bytes);
      if (!go || !symbols) throw new Error('no Go build info or symbols');
      const blob = join(dir, `blob-${arch}`);
      writeFileSync(blob, extractBlob(go, symbols));
      const check = (file: string) => sh(GOVULNCHECK, ['-db', db, '-format', 'json', '-mode=binary', file]);
      const fromBlob = check(blob);
      expect(symbolLevel(fromBlob)).toEqual(['GO-2021-0113']);
      // Our reading of the stream: each advisory once, at its most precise level, with the functions present.
      expect(parseFindings(fromBlob).map((f) => [f.id, f.precision, f.fixed, f.symbols.join(',')])).toEqual([
        ['GO-2021-0113', 'symbol', 'v0.3.7', 'language.Parse'],
        ['GO-2022-1059', 'package', 'v0.3.8', ''],
        ['GO-2026-5970', 'module', 'v0.39.0', ''],
        ['GO-2026-6629', 'module', 'v0.41.0', ''],
      ]);
      expect(parseFindings(fromBlob)[0]).toMatchObject({ module: 'golang.org/x/text', version: 'v0.3.5' });
      // What govulncheck makes of the stripped binary itself: every advisory of the module, as if called.
      expect(symbolLevel(check(bin))).toEqual(['GO-2021-0113', 'GO-2022-1059', 'GO-2026-5970', 'GO-2026-6629']);
    },
    120_000,
  );
});

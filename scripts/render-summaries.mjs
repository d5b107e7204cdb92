// Renders the job summary of four runs as GitHub would show them, for review by eye (issue #27): a passing server
// test, a failing one, a gather run, and fifteen platforms with one compile error. Runs the committed bundle as the
// runner does, turns each GITHUB_STEP_SUMMARY into HTML with marked (GitHub-flavoured Markdown) and a GitHub-like
// style sheet 1200 px wide, and screenshots it with headless Chromium into docs/summary/<name>.png.
// A fifth run checks bench/service against the whole Go vulnerability database (issue #30).
// Usage: [ONLY=vulnerabilities] node scripts/render-summaries.mjs   (needs chromium on PATH: apt-get install chromium)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import { importTs, sh } from '../bench/lib.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, 'docs', 'summary');
const FIFTEEN = [
  ...['amd64', 'arm64', 'arm/v5', 'arm/v6', 'arm/v7', '386', 'ppc64le', 'ppc64', 's390x', 'riscv64'],
  ...['mips64le', 'mips64', 'mipsle', 'mips', 'loong64'],
].map((a) => `linux/${a}`);
const runs = {
  'server-passed': {
    'working-directory': '__tests__/fixtures/server',
    platforms: 'linux/amd64,linux/arm64',
    expose: '8080',
    'test-http': '/healthz',
  },
  'server-failed': {
    'working-directory': '__tests__/fixtures/server',
    platforms: 'linux/amd64,linux/arm64',
    'test-args': '-mode\nfail',
    'test-http': '8080/healthz',
    'test-timeout': '3',
  },
  gather: {
    'working-directory': '__tests__/fixtures/cgo',
    platforms: 'linux/amd64,linux/arm64',
    cgo: 'true',
    linkage: 'gather',
  },
  'fifteen-failed': { 'working-directory': '__tests__/fixtures/broken', platforms: FIFTEEN.join(',') },
  vulnerabilities: {
    'working-directory': 'bench/service',
    platforms: 'linux/amd64,linux/arm64',
    vulnerabilities: 'report',
    'ignore-vulnerabilities': 'GO-2026-6809 # we verify only our own pinned certificates\nGO-2020-0015 # stale entry',
    'vuln-db': async () => {
      const { vulnDb, VULNDB_MODULE } = await importTs('__tests__/helpers/vulndb.ts');
      const info = JSON.parse(sh('go', ['mod', 'download', '-json', VULNDB_MODULE], { env: { GOFLAGS: '' } }));
      return `file://${vulnDb(readdirSync(join(info.Dir, 'data', 'osv')).map((f) => f.replace(/\.json$/, '')))}`;
    },
  },
};
const CSS = `body{font-family:-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;
width:1168px;margin:16px;color:#1f2328}table{border-collapse:collapse;display:block;overflow:auto;max-width:100%}
td,th{border:1px solid #d0d7de;padding:6px 13px}code{background:#eff1f3;padding:.2em .4em;border-radius:6px;font-size:85%}
pre{background:#f6f8fa;padding:16px;border-radius:6px;overflow:auto}pre code{background:none;padding:0}`;

/** Runs the bundle as the runner does and returns the step summary it wrote. */
async function summaryOf(inputs) {
  const dir = mkdtempSync(join(tmpdir(), 'scratchpack-render-'));
  const summary = join(dir, 'summary');
  writeFileSync(summary, '');
  writeFileSync(join(dir, 'output'), '');
  const env = { ...process.env, GITHUB_WORKSPACE: ROOT, RUNNER_TEMP: dir, GITHUB_STEP_SUMMARY: summary };
  env.GITHUB_OUTPUT = join(dir, 'output');
  for (const [k, v] of Object.entries({ 'source-date-epoch': '1700000000', ...inputs }))
    env[`INPUT_${k.toUpperCase()}`] = typeof v === 'function' ? await v() : v;
  spawnSync(process.execPath, [join(ROOT, 'dist', 'index.cjs')], { env, encoding: 'utf8' });
  return readFileSync(summary, 'utf8').replaceAll(dir, '/home/runner/work/_temp');
}

mkdirSync(OUT, { recursive: true });
for (const [name, inputs] of Object.entries(runs)) {
  if (process.env.ONLY && process.env.ONLY !== name) continue;
  const html = join(tmpdir(), `scratchpack-${name}.html`);
  writeFileSync(
    html,
    `<!doctype html><meta charset=utf-8><style>${CSS}</style>${marked.parse(await summaryOf(inputs))}`,
  );
  const png = join(OUT, `${name}.png`);
  const r = spawnSync('chromium', [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--window-size=1200,1400',
    `--screenshot=${png}`,
    `file://${html}`,
  ]);
  if (r.status !== 0) throw new Error(`chromium failed for ${name}: ${r.stderr}`);
  console.log(`${png}`);
}

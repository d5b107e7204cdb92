import type { Finding } from '../check/vuln/findings.js';
import { fewSymbols, type VulnReport } from '../check/vuln/verdict.js';
import { esc } from './escape.js';

/** An advisory's page on pkg.go.dev, as govulncheck links it. */
const link = (id: string) => `[${esc(id)}](https://pkg.go.dev/vuln/${encodeURIComponent(id)})`;
const code = (s: string) => `\`${esc(s).replace(/`/g, "'")}\``;

/** One row per advisory, module version and precision, naming the platforms it was found on. */
function findingRows(r: VulnReport): string[] {
  const rows = new Map<string, { f: Finding; platforms: string[] }>();
  for (const p of r.platforms)
    for (const f of p.found ?? []) {
      const key = JSON.stringify([f.id, f.module, f.version, f.precision, f.symbols]);
      const row = rows.get(key) ?? { f, platforms: [] };
      row.platforms.push(p.platform);
      rows.set(key, row);
    }
  return [...rows.values()].map(({ f, platforms }) => {
    const cells = [
      `${link(f.id)}${f.summary ? ` ${esc(f.summary)}` : ''}`,
      code(f.module === 'stdlib' ? 'Go standard library' : f.module),
      esc(f.version),
      f.fixed ? esc(f.fixed) : 'no fix yet',
      f.precision === 'symbol' ? fewSymbols(f.symbols, 8, code) : 'unknown: symbols unreadable',
      platforms.map(code).join(', '),
    ];
    return `| ${cells.join(' | ')} |`;
  });
}

/** A platform's line: how many count, how many more were near, whether the result came from the cache. */
function platformLine(p: VulnReport['platforms'][number]): string {
  const o = p.outcome;
  if (o.state === 'not go') return `- ${code(p.platform)}: not Go: not checked`;
  if (o.state === 'unchecked') return `- ${code(p.platform)}: **not checked**: ${esc(o.reason)}`;
  const found = p.found?.length ?? 0;
  const near = p.nearby?.length ?? 0;
  const nearText = near
    ? `; ${near} more ${near === 1 ? 'advisory' : 'advisories'} of modules it holds, whose vulnerable functions it does not`
    : '';
  const how = o.cached ? 'from the cache' : `in ${(o.ms / 1000).toFixed(2)} s`;
  return `- ${code(p.platform)}: ${found ? `**${found} found**` : 'none found'} at ${o.precision} precision${nearText} (${how})`;
}

/** What was ignored on purpose, with the team's reason, and ignore entries that matched nothing. */
function ignoredLines(r: VulnReport): string[] {
  const by = new Map<string, { reason: string; platforms: string[] }>();
  for (const p of r.platforms)
    for (const f of p.ignored ?? []) {
      const e = by.get(f.id) ?? { reason: f.reason, platforms: [] };
      e.platforms.push(p.platform);
      by.set(f.id, e);
    }
  const lines = [...by].map(
    ([id, e]) => `- ${link(id)} on ${e.platforms.map(code).join(', ')}: ${esc(e.reason).replace(/[_*]/g, '\\$&')}`,
  );
  const unused = r.unused.map((i) => code(i.id));
  return [
    ...(lines.length ? ['**Ignored** (ignore-vulnerabilities):', ...lines, ''] : []),
    ...(unused.length
      ? [
          `**Listed in ignore-vulnerabilities but not found:** ${unused.join(', ')}; remove them once no image needs them.`,
          '',
        ]
      : []),
  ];
}

/** The summary's vulnerability section: a headline, a row per finding, a line per platform, and what was ignored. */
export function vulnLines(r: VulnReport): string[] {
  const checked = r.platforms.filter((p) => p.outcome.state === 'checked');
  const found = new Set(r.platforms.flatMap((p) => (p.found ?? []).map((f) => f.id)));
  const on = r.platforms.filter((p) => p.found?.length).length;
  const head = found.size
    ? `${found.size} known ${found.size === 1 ? 'vulnerability' : 'vulnerabilities'} on ${on} of ${r.platforms.length} platforms`
    : `none known on ${checked.length} checked of ${r.platforms.length} platforms`;
  const db = `${esc(r.db)}${r.dbModified ? ` as of ${esc(r.dbModified)}` : ''}`;
  const tool = r.tool ? `govulncheck ${esc(r.tool.version)}` : 'govulncheck';
  const gate = r.mode === 'fail' ? 'vulnerabilities: fail' : 'vulnerabilities: report';
  const out = [`**Vulnerabilities:** ${head} (${tool}, database ${db}; ${gate})`, ''];
  const rows = findingRows(r);
  if (rows.length)
    out.push(
      '| Advisory | Module | Version | Fixed in | Vulnerable functions it holds | Platforms |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    );
  out.push(...r.platforms.map(platformLine), '', ...ignoredLines(r));
  return out;
}

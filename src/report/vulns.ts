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
      f.module === 'stdlib' ? 'Go standard library' : code(f.module),
      esc(f.version),
      f.fixed ? esc(f.fixed) : 'no fix yet',
      f.precision === 'symbol' ? fewSymbols(f.symbols, 4, code) : 'unknown: symbols unreadable',
      platforms.map(code).join(', '),
    ];
    return `| ${cells.join(' | ')} |`;
  });
}

/** `v1.26.10` against `v1.26.9`, by their numbers (https://semver.org/#spec-item-11); a pre-release sorts first. */
function compareSemver(a: string, b: string): number {
  const parts = (v: string) => {
    const bare = v.replace(/^v/, '');
    const core = bare.split('-')[0] ?? '';
    return [...core.split('.').map(Number), bare.includes('-') ? 0 : 1];
  };
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * What fixes every finding, per module: the newest fixed version among its advisories (`go get m@v`, or the Go
 * release for the standard library), and how many have no fix yet.
 */
function fixLine(r: VulnReport): string[] {
  const by = new Map<string, { fixed?: string; ids: Set<string>; unfixed: number }>();
  for (const f of r.platforms.flatMap((p) => p.found ?? [])) {
    const e = by.get(f.module) ?? { ids: new Set<string>(), unfixed: 0 };
    if (!e.ids.has(f.id)) {
      e.ids.add(f.id);
      if (!f.fixed) e.unfixed++;
      else if (!e.fixed || compareSemver(f.fixed, e.fixed) > 0) e.fixed = f.fixed;
    }
    by.set(f.module, e);
  }
  const steps = [...by].map(([module, e]) => {
    const n = e.ids.size - e.unfixed;
    const how =
      module === 'stdlib' || module === 'toolchain'
        ? `build with Go ${esc((e.fixed ?? '').replace(/^v/, ''))} or later`
        : code(`go get ${module}@${e.fixed ?? ''}`);
    const fix = e.fixed ? `${how} (fixes ${n})` : '';
    const none = e.unfixed ? `${e.unfixed} in ${code(module)} ${e.unfixed === 1 ? 'has' : 'have'} no fix yet` : '';
    return [fix, none].filter(Boolean).join('; ');
  });
  return steps.length ? [`**To fix:** ${steps.join(' · ')}.`, ''] : [];
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
  const out = [`**Vulnerabilities:** ${head} (${tool}, database ${db}; ${gate})`, '', ...fixLine(r)];
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

import type { ImageContents, PlatformReport, Report, ToolReport } from './model.js';
import { humanSize } from '../util/format.js';
import { esc } from './escape.js';
import { vulnLines } from './vulns.js';

/** Settings shown in the details; DefaultGODEBUG and the long flag lists are left to `scratchpack inspect`. */
const SHOWN_SETTINGS =
  /^(-buildmode|-tags|-ldflags|-trimpath|CGO_ENABLED|GOOS|GOARCH|GOARM|GOAMD64|GOARM64|GO386|GOPPC64|GORISCV64|GOMIPS|GOMIPS64|vcs|vcs\..*)$/;
const MAX_VALUE = 200;

/** The linkage cell: under `gather`, the count and total size of the libraries, listed in full below the table. */
function linkageCell(p: PlatformReport): string {
  if (!p.binary) return '—';
  const libs = p.binary.libraries ?? [];
  if (libs.length === 0) return esc(p.binary.linkage);
  const total = libs.reduce((n, l) => n + l.size, 0);
  return `${esc(p.binary.linkage)}, ${libs.length} ${libs.length === 1 ? 'file' : 'files'} gathered (${humanSize(total)})`;
}

/** The gathered files of every platform, folded below the table: each with its size and where it came from. */
function gatheredDetails(r: Report): string[] {
  const lines = ['<details><summary>Gathered loader and libraries</summary>', ''];
  for (const p of r.platforms) {
    const libs = p.binary?.libraries ?? [];
    if (libs.length === 0) continue;
    lines.push(`- \`${esc(p.platform)}\` from \`${esc(p.binary?.sysroot ?? '/')}\`:`);
    for (const l of libs)
      lines.push(
        `  - \`${esc(l.soname === '(loader)' ? l.path : l.soname)}\` ${humanSize(l.size)} ← \`${esc(l.source)}\``,
      );
  }
  return [...lines, '', '</details>'];
}

function row(p: PlatformReport): string {
  const cells = [
    `\`${esc(p.platform)}\``,
    p.source ? `\`${esc(p.source)}\`` : '—',
    p.binary ? humanSize(p.binary.size) : '—',
    linkageCell(p),
    p.layer ? humanSize(p.layer.size) : '—',
    p.manifest ? `\`${p.manifest.digest}\`` : `**${p.status}**`,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Every ELF checked per platform: the entrypoint, then each `files` source that is one. */
function elfDetails(r: Report): string[] {
  const lines = ['<details><summary>Checked ELFs</summary>', ''];
  for (const p of r.platforms) {
    const all = [
      ...(p.binary ? [{ path: p.binary.path, source: p.source ?? '', linkage: p.binary.linkage }] : []),
      ...(p.others ?? []),
    ];
    const items = all.map((e) => `\`${esc(e.path)}\` ← \`${esc(e.source)}\` (${esc(e.linkage)})`);
    lines.push(`- \`${esc(p.platform)}\`: ${items.join(', ')}`);
  }
  lines.push('', '</details>');
  return lines;
}

function goDetails(r: Report): string[] {
  const lines = ['<details><summary>Go build info</summary>', ''];
  for (const p of r.platforms) {
    if (!p.binary?.go) continue;
    const settings = Object.entries(p.binary.go.settings)
      .filter(([k]) => SHOWN_SETTINGS.test(k))
      .map(([k, v]) => `${esc(k)}=${esc(v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) + '…' : v)}`);
    lines.push(`- \`${esc(p.platform)}\`: ${esc(p.binary.go.version)}; ${settings.map((s) => `\`${s}\``).join(' ')}`);
    if (p.binary.interpreter)
      lines.push(
        `  - interpreter \`${esc(p.binary.interpreter)}\`, needs ${p.binary.needed.map((n) => `\`${esc(n)}\``).join(', ') || 'no library'}`,
      );
  }
  lines.push('', '</details>');
  return lines;
}

/**
 * GitHub refuses a step summary over 1 MiB
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#step-isolation-and-limits).
 */
export const SUMMARY_LIMIT = 1024 * 1024;

/** How much to leave out to fit: the tests' output first, then the tail of the error and warning lists. */
interface Cut {
  testOutput: boolean;
  maxListed: number;
}

/**
 * Renders the job summary, every user string escaped. When it would pass `limit` bytes, the tests' output goes
 * first, then the tail of the error and warning lists, and the summary says what it left out.
 */
export function renderSummary(r: Report, limit = SUMMARY_LIMIT): string {
  const fits = (s: string) => Buffer.byteLength(s) <= limit;
  let out = render(r, { testOutput: true, maxListed: Infinity });
  if (fits(out)) return out;
  out = render(r, { testOutput: false, maxListed: Infinity });
  for (let n = Math.max(r.errors.length, r.warnings.length); !fits(out) && n > 0; n = Math.floor(n / 2))
    out = render(r, { testOutput: false, maxListed: n });
  return fits(out) ? out : render(r, { testOutput: false, maxListed: 0 });
}

function render(r: Report, cut: Cut): string {
  const ok = r.errors.length === 0;
  const out = [
    `## ${ok ? '✅' : '❌'} Scratchpack: ${r.platforms.length} platform${r.platforms.length === 1 ? '' : 's'}`,
    '',
  ];
  if (r.platforms.length > 0) {
    out.push(
      '| Platform | From | Binary | Linkage | Layer (gzip) | Manifest digest |',
      '| --- | --- | --- | --- | --- | --- |',
      ...r.platforms.map(row),
      '',
    );
  }
  if (r.indexDigest) out.push(`**Index digest:** \`${r.indexDigest}\``, '');
  if (r.ociLayout)
    out.push(
      `**OCI layout:** \`${esc(r.ociLayout)}\`${r.refs.length ? ` (${r.refs.map((x) => `\`${esc(x)}\``).join(', ')})` : ''}`,
      '',
    );
  if (r.image) out.push(`**Image:** \`${esc(r.image)}\``, '');
  if (r.vulnerabilities) out.push(...vulnLines(r.vulnerabilities));
  if (r.push) out.push(...pushLines(r.push), '');
  if (r.tests?.length) out.push(...testLines(r, cut.testOutput), '');
  if (r.attachments?.length) out.push(...attachmentLines(r), '');
  if (r.contents) out.push(...contentsLines(r.contents));
  out.push(...strippedLines(r.platforms));
  if (r.tools?.length) out.push(`**Toolchains:** ${r.tools.map(toolLine).join(' · ')}`, '');
  if (r.epoch)
    out.push(
      `**Created:** ${new Date(r.epoch.value * 1000).toISOString().replace('.000Z', 'Z')} (epoch ${r.epoch.value}, from ${esc(r.epoch.source)})`,
      '',
    );
  if (r.phases.length > 0) {
    const cache = r.layersFromCache
      ? ` (${r.layersFromCache} of ${r.platforms.length} layers from the layer cache)`
      : '';
    out.push(
      `**Time:** ${r.phases.map((p) => `${esc(p.name)} ${(p.ms / 1000).toFixed(2)} s`).join(' · ')}${cache}`,
      '',
    );
  }
  out.push(...listLines('Errors', r.errors, cut.maxListed), ...listLines('Warnings', r.warnings, cut.maxListed));
  if (r.platforms.some((p) => p.binary?.libraries?.length)) out.push(...gatheredDetails(r), '');
  if (r.platforms.some((p) => p.others?.length)) out.push(...elfDetails(r), '');
  if (r.platforms.some((p) => p.binary?.go)) out.push(...goDetails(r), '');
  return out.join('\n');
}

/** Every error or warning, or the first `max` and how many more the log has. */
function listLines(heading: string, items: string[], max: number): string[] {
  if (items.length === 0) return [];
  // Markdown's emphasis characters are escaped: a path such as __tests__/main.go is not bold text.
  const line = (e: string) => `- ${esc(e.length > 2000 ? e.slice(0, 2000) + '…' : e).replace(/[_*]/g, '\\$&')}`;
  const more = items.length - Math.min(max, items.length);
  const left =
    more > 0 ? [`- … and ${more} more, left out to fit GitHub's 1 MiB summary limit: see the step's log`] : [];
  return [`### ${heading}`, '', ...items.slice(0, max).map(line), ...left, ''];
}

/** `**Also in every image:** the CA bundle (214 KiB), zoneinfo (600 files, 1.2 MiB), /etc/app.yaml (1 KiB)`. */
function contentsLines(c: ImageContents): string[] {
  const parts = [
    ...(c.caBundle ? [`the CA bundle \`${esc(c.caBundle.path)}\` (${humanSize(c.caBundle.bytes)})`] : []),
    ...(c.zoneinfo ? [`zoneinfo (${c.zoneinfo.files} files, ${humanSize(c.zoneinfo.bytes)})`] : []),
    ...c.files.map((f) => `\`${esc(f.dest)}\` ← \`${esc(f.source)}\` (${humanSize(f.bytes)})`),
  ];
  return parts.length ? [`**Also in every image:** ${parts.join(', ')}`, ''] : [];
}

/** A hint per binary that carries symbols or debug info: its size, and how to drop it on the path the user took. */
function strippedLines(platforms: PlatformReport[]): string[] {
  return platforms.flatMap((p) => {
    const n = p.binary?.symbolBytes ?? 0;
    if (!p.binary || n === 0) return [];
    const how =
      p.source === 'go build'
        ? 'keep `-s -w` in the `ldflags` input'
        : 'run `strip` on it, or link with `-s` (Cargo: `strip = true` in the release profile)';
    return [
      `**Not stripped:** \`${esc(p.platform)}\` carries ${humanSize(n)} of symbols and debug info; to ship less, ${how}.`,
      '',
    ];
  });
}

/** What was pushed, and what the registries were sent. */
function pushLines(push: NonNullable<Report['push']>): string[] {
  const s = push.stats;
  const present = s.manifestsPresent ? `, ${s.manifestsPresent} already there` : '';
  return [
    `**Pushed:** ${push.refs.map((x) => `\`${esc(x)}\``).join(', ') || 'nothing'}`,
    '',
    `**Blobs:** ${s.uploaded} uploaded, ${s.present} already present, ${s.mounted} mounted · ${humanSize(s.bytes)} sent · ${s.manifests} manifests put${present} · ${s.retries} retries`,
  ];
}

/** `Go 1.22.0 (downloaded: 69.5 MB in 4.10 s; go.mod:3: go 1.22)`. */
function toolLine(t: ToolReport): string {
  const how =
    t.source === 'downloaded' && t.bytes !== undefined && t.ms !== undefined
      ? `downloaded and verified${t.verifiedBy ? ` against ${esc(t.verifiedBy)}` : ''}: ${humanSize(t.bytes)} in ${(t.ms / 1000).toFixed(2)} s`
      : t.source === 'built'
        ? `built from the Go module proxy, checked against the checksum database${t.ms === undefined ? '' : `, in ${(t.ms / 1000).toFixed(2)} s`}`
        : `from ${t.source}`;
  // A path such as __tests__/… is code, or Markdown would read its underscores as emphasis.
  return `${esc(t.name)} ${esc(t.version)} (${how}${t.requirement ? `; \`${t.requirement.replace(/`/g, "'")}\`` : ''})`;
}

/** `fallback tag sha256-ab…` with the tag as code. */
const foundBy = (how: string) => esc(how).replace(/(sha256-[0-9a-f]+)/g, '`$1`');

/** Per platform: the SBOM's package count, each referrer's digest, and how the registry gave them back. */
function attachmentLines(r: Report): string[] {
  const by = new Map<string, NonNullable<Report['attachments']>>();
  for (const a of r.attachments ?? []) by.set(a.platform, [...(by.get(a.platform) ?? []), a]);
  return [
    '**Attached (OCI referrers):**',
    ...[...by].map(
      ([platform, docs]) =>
        `- \`${esc(platform)}\`: ${docs
          .map((d) =>
            d.packages !== undefined ? `SBOM (${d.packages} packages) \`${d.digest}\`` : `provenance \`${d.digest}\``,
          )
          .join(', ')}${docs[0]?.foundBy ? `; found back by the ${foundBy(docs[0].foundBy)}` : ''}`,
    ),
  ];
}

/** Per platform: the test's status, time and how it ran, with the first lines of its output folded. */
function testLines(r: Report, withOutput: boolean): string[] {
  return [
    withOutput
      ? '**Tests:**'
      : "**Tests:** (their output is left out to fit GitHub's 1 MiB summary limit: see the step's log)",
    ...(r.tests ?? []).flatMap((t) => [
      `<details><summary>${t.status === 'passed' ? '✅' : '❌'} <code>${esc(t.platform)}</code> ${t.status} (${esc(t.detail)}) in ${(t.ms / 1000).toFixed(2)} s (${esc(t.via)})</summary>`,
      '',
      ...(t.answer ? ['It answered:', '', '```', t.answer.replace(/```/g, "'''"), '```', ''] : []),
      ...(withOutput
        ? ['```', t.output.split('\n').slice(0, 20).join('\n').replace(/```/g, "'''").slice(0, 4000), '```']
        : []),
      '</details>',
    ]),
  ];
}

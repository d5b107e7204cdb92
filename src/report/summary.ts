import type { ImageContents, PlatformReport, Report, ToolReport } from './model.js';
import { humanSize } from '../util/format.js';

/** Escapes user-controlled text for a Markdown table cell or inline HTML. */
export function esc(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

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

/** Renders the job summary; every user string is escaped and long values are cut, so it stays far below 1 MiB. */
export function renderSummary(r: Report): string {
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
  if (r.push) out.push(...pushLines(r.push), '');
  if (r.tests?.length) out.push(...testLines(r), '');
  if (r.attachments?.length) out.push(...attachmentLines(r), '');
  if (r.contents) out.push(...contentsLines(r.contents));
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
  if (r.errors.length > 0)
    out.push(
      '### Errors',
      '',
      // Markdown's emphasis characters are escaped: a path such as __tests__/main.go is not bold text.
      ...r.errors
        .slice(0, 50)
        .map((e) => `- ${esc(e.length > 2000 ? e.slice(0, 2000) + '…' : e).replace(/[_*]/g, '\\$&')}`),
      '',
    );
  if (r.warnings.length > 0) out.push('### Warnings', '', ...r.warnings.slice(0, 50).map((w) => `- ${esc(w)}`), '');
  if (r.platforms.some((p) => p.binary?.libraries?.length)) out.push(...gatheredDetails(r), '');
  if (r.platforms.some((p) => p.others?.length)) out.push(...elfDetails(r), '');
  if (r.platforms.some((p) => p.binary?.go)) out.push(...goDetails(r), '');
  return out.join('\n');
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
      : `from ${t.source}`;
  // A path such as __tests__/… is code, or Markdown would read its underscores as emphasis.
  return `${esc(t.name)} ${esc(t.version)} (${how}${t.requirement ? `; \`${t.requirement.replace(/`/g, "'")}\`` : ''})`;
}

/** Per platform: the SBOM's package count and each referrer's digest. */
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
          .join(', ')}`,
    ),
  ];
}

/** Per platform: the test's status, time and how it ran, with the first lines of its output folded. */
function testLines(r: Report): string[] {
  return [
    '**Tests:**',
    ...(r.tests ?? []).flatMap((t) => [
      `<details><summary>${t.status === 'passed' ? '✅' : '❌'} <code>${esc(t.platform)}</code> ${t.status} (${esc(t.detail)}) in ${(t.ms / 1000).toFixed(2)} s (${esc(t.via)})</summary>`,
      '',
      ...(t.answer ? ['It answered:', '', '```', t.answer.replace(/```/g, "'''"), '```', ''] : []),
      '```',
      t.output.split('\n').slice(0, 20).join('\n').replace(/```/g, "'''").slice(0, 4000),
      '```',
      '</details>',
    ]),
  ];
}

import type { Diagnostic } from '../../kernel/diagnostic.js';
import type { IgnoredVuln, VulnMode } from '../../inputs/vulnerabilities.js';
import { parseGoModVersions, requireLineOf } from '../../build/toolchain/gomod.js';
import type { Finding } from './findings.js';

/** The govulncheck that ran, as the summary names it. */
export interface VulnTool {
  version: string;
  source: 'tool cache' | 'built';
  ms?: number | undefined;
}

/**
 * What checking one binary came to: not a Go binary; not checked, and why (no database, no govulncheck); or checked,
 * at symbol precision (its functions were read) or module precision (they could not be: a stripped binary older
 * than Go 1.20 is assumed to call every vulnerable function of the modules it holds).
 */
export type VulnOutcome =
  | { state: 'not go' }
  | { state: 'unchecked'; reason: string }
  | { state: 'checked'; precision: 'symbol' | 'module'; findings: Finding[]; cached: boolean; ms: number };

/** A checked binary's findings, sorted: those that count, those the team accepted, and the rest. */
export interface SortedFindings {
  /** Vulnerable functions the binary holds (or, at module precision, may hold). */
  found: Finding[];
  ignored: Array<Finding & { reason: string }>;
  /** Advisories of modules or packages it holds whose vulnerable functions it does not: not counted. */
  nearby: Finding[];
}

/** One platform's part of the report. */
export interface PlatformVulns {
  platform: string;
  outcome: VulnOutcome;
}

/** The report's view of the check: per platform what counts, and the ignore entries nothing matched. */
export interface VulnReport {
  mode: Exclude<VulnMode, 'off'>;
  db: string;
  /** The database's `modified` time, when it answered. */
  dbModified?: string | undefined;
  /** The govulncheck that ran; absent when every result came from the cache. */
  tool?: VulnTool | undefined;
  platforms: Array<{ platform: string; outcome: VulnOutcome } & Partial<SortedFindings>>;
  /** ignore-vulnerabilities entries that matched no finding: stale, and worth removing. */
  unused: IgnoredVuln[];
}

/** The entry of the ignore list that names a finding, by its ID or one of its aliases. */
const ignoreOf = (f: Finding, ignore: IgnoredVuln[]) =>
  ignore.find((i) => i.id === f.id || (f.aliases ?? []).includes(i.id));

/** Splits a checked binary's findings into those that count, those ignored (with the reason), and the rest. */
export function sortFindings(o: Extract<VulnOutcome, { state: 'checked' }>, ignore: IgnoredVuln[]): SortedFindings {
  const out: SortedFindings = { found: [], ignored: [], nearby: [] };
  for (const f of o.findings) {
    if (o.precision === 'symbol' && f.precision !== 'symbol') out.nearby.push(f);
    else {
      const accepted = ignoreOf(f, ignore);
      if (accepted) out.ignored.push({ ...f, reason: accepted.reason });
      else out.found.push(f);
    }
  }
  return out;
}

/** The rule: in `fail` mode, a binary nothing was proven about, or one with a finding that counts, stops the run. */
const stops = (mode: VulnMode, o: VulnOutcome, found: Finding[] | undefined): boolean =>
  mode === 'fail' && (o.state === 'unchecked' || (found?.length ?? 0) > 0);

/** Whether this outcome stops the run, as its target's check ends (the gate before any write). */
export function blocks(o: VulnOutcome, mode: VulnMode, ignore: IgnoredVuln[]): boolean {
  return stops(mode, o, o.state === 'checked' ? sortFindings(o, ignore).found : undefined);
}

/** Whether a platform of the report stopped the run: the same rule, read from the report. */
export function blockedIn(r: VulnReport, platform: string): boolean {
  const p = r.platforms.find((x) => x.platform === platform);
  return p !== undefined && stops(r.mode, p.outcome, p.found);
}

/** The `vulnerabilities` output: each checked platform's IDs that count, ignored ones left out. */
export function vulnOutputOf(r: VulnReport): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of r.platforms) if (p.found) out[p.platform] = p.found.map((f) => f.id);
  return out;
}

/** The step's report of the check, in `platforms` order. */
export function vulnReport(
  list: PlatformVulns[],
  settings: {
    mode: Exclude<VulnMode, 'off'>;
    db: string;
    dbModified?: string | undefined;
    tool?: VulnTool | undefined;
    ignore: IgnoredVuln[];
  },
): VulnReport {
  const platforms = list.map(({ platform, outcome }) => ({
    platform,
    outcome,
    ...(outcome.state === 'checked' ? sortFindings(outcome, settings.ignore) : {}),
  }));
  const used = new Set(platforms.flatMap((p) => (p.ignored ?? []).map((f) => ignoreOf(f, settings.ignore)?.id)));
  return {
    mode: settings.mode,
    db: settings.db,
    ...(settings.dbModified ? { dbModified: settings.dbModified } : {}),
    ...(settings.tool
      ? { tool: { version: settings.tool.version, source: settings.tool.source, ms: settings.tool.ms } }
      : {}),
    platforms,
    unused: settings.ignore.filter((i) => !used.has(i.id)),
  };
}

/** `a, b, c and 40 more`: an advisory of net/http names most of the package, which no message should list. */
export function fewSymbols(symbols: string[], max: number, show = (s: string) => s): string {
  const shown = symbols.slice(0, max).map(show).join(', ');
  return symbols.length > max ? `${shown} and ${symbols.length - max} more` : shown;
}

/** What to do about a finding: the upgrade that fixes it, or that nothing does yet; and how to accept it. */
function advice(f: Finding): string {
  const accept = `or accept it in ignore-vulnerabilities with the reason (${f.id} # why)`;
  if (!f.fixed) return `No release fixes it yet; remove the dependency, ${accept}.`;
  if (f.module === 'stdlib' || f.module === 'toolchain')
    return `Fixed in Go ${f.fixed.replace(/^v/, '')}: build with it (go-version, or the go line of go.mod), ${accept}.`;
  return `Fixed in ${f.fixed}: go get ${f.module}@${f.fixed}, ${accept}.`;
}

/** One finding as the run page says it, the same for every platform it was found on, so that they merge. */
function findingMessage(f: Finding, precision: 'symbol' | 'module'): string {
  const what = f.summary ? `: ${f.summary}` : '';
  const where =
    precision === 'module'
      ? `The binary's functions could not be read (stripped, and older than Go 1.20), so it may or may not call the vulnerable code.`
      : `The binary holds ${fewSymbols(f.symbols, 5)}.`;
  const module = f.module === 'stdlib' ? 'the Go standard library' : f.module;
  return `${f.id} in ${module} ${f.version}${what}. ${where} ${advice(f)} https://pkg.go.dev/vuln/${f.id}`;
}

/** Where go.mod decides a module's version: its require line, or for the standard library the toolchain or go line. */
function lineOf(text: string, module: string): number | undefined {
  if (module !== 'stdlib' && module !== 'toolchain') return requireLineOf(text, module);
  const v = parseGoModVersions(text);
  return (v.toolchain ?? v.go)?.line;
}

/**
 * The run page's view: one annotation per distinct finding, its title naming every platform it was found on, at the
 * `require` line of go.mod when there is one; and one per reason a binary could not be checked. Errors in `fail`
 * mode, warnings in `report` mode.
 */
export function vulnDiagnostics(
  list: PlatformVulns[],
  mode: Exclude<VulnMode, 'off'>,
  ignore: IgnoredVuln[],
  goMod?: { file: string; text: string },
): Diagnostic[] {
  const level = mode === 'fail' ? 'error' : 'warning';
  const byMessage = new Map<string, Diagnostic & { platforms: string[] }>();
  const add = (message: string, platform: string, title: string, module?: string) => {
    const had = byMessage.get(message);
    if (had) return void had.platforms.push(platform);
    const line = goMod && module ? lineOf(goMod.text, module) : undefined;
    const at = goMod && line ? { file: goMod.file, startLine: line } : {};
    byMessage.set(message, { level, message, title, ...at, platforms: [platform] });
  };
  for (const { platform, outcome } of list) {
    if (outcome.state === 'unchecked') {
      const then = mode === 'fail' ? 'nothing was pushed' : 'the images go on unchecked';
      add(`Not checked for known vulnerabilities: ${outcome.reason}; ${then}`, platform, 'vulnerabilities');
    }
    if (outcome.state !== 'checked') continue;
    for (const f of sortFindings(outcome, ignore).found) {
      add(findingMessage(f, outcome.precision), platform, `vulnerability ${f.id}`, f.module);
    }
  }
  return [...byMessage.values()].map(({ platforms, title, ...d }) => ({
    ...d,
    title: `${title} (${platforms.join(', ')})`,
  }));
}

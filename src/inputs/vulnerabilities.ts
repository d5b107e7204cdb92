import { ParseError } from '../kernel/errors.js';

/** What the vulnerability check does: nothing, report findings, or fail the step on them before anything is written. */
export type VulnMode = 'off' | 'report' | 'fail';

/** An advisory the team accepted, and why. */
export interface IgnoredVuln {
  id: string;
  reason: string;
}

/** The Go project's vulnerability database (https://go.dev/security/vuln/database). */
export const GO_VULN_DB = 'https://vuln.go.dev';

/** An OSV ID as the Go database and its aliases spell them: GO-2021-0113, CVE-2021-38561, GHSA-ppp9-7jff-5vj2. */
const ADVISORY_ID = /^(GO-\d{4}-\d{4,}|CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;

export function parseVulnMode(text: string): VulnMode {
  if (text === 'off' || text === 'report' || text === 'fail') return text;
  throw new ParseError(`"${text}" is not a vulnerability mode; expected off, report or fail`);
}

/** `GO-2021-0113 # only parses our own constants` lines: one ID each, with a reason after `#`. */
export function parseIgnoredVulns(lines: string[]): IgnoredVuln[] {
  const out: IgnoredVuln[] = [];
  for (const line of lines) {
    const hash = line.indexOf('#');
    const id = (hash < 0 ? line : line.slice(0, hash)).trim();
    const reason = hash < 0 ? '' : line.slice(hash + 1).trim();
    if (!ADVISORY_ID.test(id))
      throw new ParseError(`"${id}" is not an advisory ID; expected one per line, e.g. GO-2021-0113 # why it is safe`);
    if (!reason) throw new ParseError(`"${line}" gives no reason; write why after "#", e.g. ${id} # not reachable`);
    if (out.some((i) => i.id === id)) throw new ParseError(`"${id}" is listed twice`);
    out.push({ id, reason });
  }
  return out;
}

/**
 * The database govulncheck reads: HTTPS, or a `file://` directory for an air-gapped runner; never plain HTTP, where
 * anyone on the path could hide an advisory.
 */
export function parseVulnDb(text: string): string {
  const v = text.replace(/\/+$/, '') || GO_VULN_DB;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ParseError(`"${text}" is not a URL; expected https://… or file:///path/to/db`);
  }
  if (url.protocol === 'file:' && url.host === '' && url.pathname.length > 1) return v;
  if (url.protocol === 'https:' && url.username === '' && url.password === '') return v;
  throw new ParseError(
    `"${text}" is neither an HTTPS URL without credentials nor a file:///absolute/path; plain HTTP could hide advisories`,
  );
}

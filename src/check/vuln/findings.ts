/** How close a finding is to the program: its vulnerable function is in it, its package, or only its module. */
export type Precision = 'symbol' | 'package' | 'module';

/** One advisory that applies to a binary, at the most precise level govulncheck reported it. */
export interface Finding {
  id: string;
  module: string;
  /** The module's version in the binary, and the first that fixes it (undefined: no fix yet). */
  version: string;
  fixed?: string | undefined;
  precision: Precision;
  /** The vulnerable functions the binary holds (`language.Parse`, `http.Server.Serve`), symbol level only. */
  symbols: string[];
  /** The advisory's one-line summary, when the database gave one. */
  summary?: string | undefined;
  /** Its other names (CVE-…, GHSA-…), by which an ignore list may name it too. */
  aliases?: string[] | undefined;
}

interface Frame {
  module?: string;
  version?: string;
  package?: string;
  function?: string;
  receiver?: string;
}

interface Message {
  osv?: { id: string; summary?: string; aliases?: string[] };
  finding?: { osv: string; fixed_version?: string; trace: Frame[] };
}

const RANK: Record<Precision, number> = { module: 0, package: 1, symbol: 2 };

/** The level of one finding message: a function in its first frame, else a package, else the module. */
function precisionOf(f: Frame): Precision {
  if (f.function) return 'symbol';
  return f.package ? 'package' : 'module';
}

/** `golang.org/x/text/language`, `(*Tag)` and `Parse` → `language.Tag.Parse`, as govulncheck's text output names it. */
function symbolOf(f: Frame, fn: string): string {
  const pkg = f.package ?? '';
  const receiver = f.receiver ? `${f.receiver.replace(/^\*/, '')}.` : '';
  return `${pkg ? `${pkg.slice(pkg.lastIndexOf('/') + 1)}.` : ''}${receiver}${fn}`;
}

/** govulncheck's `-format json` stream (one JSON value after another) as its messages; anything else is skipped. */
function messages(stream: string): Message[] {
  const out: Message[] = [];
  for (const chunk of stream.split(/\n(?=\{)/)) {
    if (!chunk.trim()) continue;
    try {
      out.push(JSON.parse(chunk) as Message);
    } catch {
      /* not a message of the protocol: ignored, as govulncheck's own readers do */
    }
  }
  return out;
}

/**
 * The findings of one govulncheck run (https://go.dev/security/vuln/ "govulncheck -json"), one per advisory at its
 * most precise level, with the vulnerable functions present, sorted by ID.
 */
export function parseFindings(stream: string): Finding[] {
  const osvs = new Map<string, NonNullable<Message['osv']>>();
  const by = new Map<string, Finding & { seen: Set<string> }>();
  for (const m of messages(stream)) {
    if (m.osv) osvs.set(m.osv.id, m.osv);
    const f = m.finding;
    const top = f?.trace[0];
    if (!f || !top?.module) continue;
    const precision = precisionOf(top);
    const had = by.get(f.osv);
    const entry = had ?? {
      id: f.osv,
      module: top.module,
      version: top.version ?? '',
      fixed: f.fixed_version,
      precision,
      symbols: [],
      seen: new Set<string>(),
    };
    if (RANK[precision] > RANK[entry.precision]) entry.precision = precision;
    if (top.function) entry.seen.add(symbolOf(top, top.function));
    by.set(f.osv, entry);
  }
  return [...by.values()]
    .map(({ seen, ...f }) => ({
      ...f,
      symbols: [...seen].sort(),
      summary: osvs.get(f.id)?.summary,
      aliases: osvs.get(f.id)?.aliases ?? [],
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

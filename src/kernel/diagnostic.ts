/**
 * A message for the run page, optionally pinned to a file and line: a GitHub workflow command (::error and friends,
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions#setting-an-error-message), as
 * data. Not to be confused with an OCI annotation, which is a key and value inside a manifest or index.
 */
export interface Diagnostic {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** `go build (linux/amd64)` and `go build (linux/arm64)` → `go build (linux/amd64, linux/arm64)`. */
function mergeTitles(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return undefined;
  const m = /^(.*) \((.*)\)$/.exec(a);
  const n = /^(.*) \((.*)\)$/.exec(b ?? '');
  if (!m || !n || m[1] !== n[1]) return a;
  const platforms = [...new Set([...m[2].split(', '), ...n[2].split(', ')])];
  return `${m[1]} (${platforms.join(', ')})`;
}

/**
 * One diagnostic for what several targets reported identically, in the first one's place, its title naming every
 * target (the same compile error on fifteen platforms is one annotation that names the fifteen).
 */
export function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const byKey = new Map<string, Diagnostic>();
  for (const d of list) {
    const key = JSON.stringify([d.level, d.file, d.startLine, d.startColumn, d.message]);
    const first = byKey.get(key);
    const title = first ? mergeTitles(first.title, d.title) : undefined;
    if (!first) byKey.set(key, { ...d });
    else if (title !== undefined) first.title = title;
  }
  return [...byKey.values()];
}

/** The targets a diagnostic's title names (`test (linux/arm64)` → `linux/arm64`), or undefined. */
export function platformsOf(d: Diagnostic): string | undefined {
  return /\((linux\/[^)]*)\)$/.exec(d.title ?? '')?.[1];
}

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions): past `limit` of a level, the
 * first `limit - 1` stay as they are and the rest become one annotation that lists each with its platforms.
 */
export function fitAnnotations(list: Diagnostic[], limit: Record<Diagnostic['level'], number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const all = list.filter((d) => d.level === level);
    const keep = all.length > limit[level] ? limit[level] - 1 : all.length;
    out.push(...all.slice(0, keep));
    const rest = all.slice(keep);
    if (rest.length === 0) continue;
    const lines = rest.map((d) => {
      const where = d.file ? `${d.file}${d.startLine ? `:${d.startLine}` : ''}: ` : '';
      return `- ${where}${d.message.split('\n')[0]}${d.title ? ` (${d.title})` : ''}`;
    });
    out.push({
      level,
      title: `${rest.length} more ${level}s`,
      message: `GitHub shows ${limit[level]} ${level} annotations per step; these ${rest.length} are also in the job summary:\n${lines.join('\n')}`,
    });
  }
  return out;
}

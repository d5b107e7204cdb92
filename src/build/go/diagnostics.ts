/** A message to show on the run page, optionally pinned to a file and line: the one shape all annotations take. */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

const LINE = /^(\S[^:]*\.(?:go|s|c|h|cc|cpp|mod)):(\d+)(?::(\d+))?: (.*)$/;

/**
 * Turns `go build` stderr into one annotation per compiler message, with paths made relative to the repository root.
 * `resolve(file)` maps a path as go printed it (relative to the build directory) to that form.
 */
export function parseGoDiagnostics(stderr: string, resolve: (file: string) => string, title: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m) {
      out.push({
        level: 'error',
        title,
        file: resolve(m[1]),
        startLine: Number(m[2]),
        ...(m[3] ? { startColumn: Number(m[3]) } : {}),
        message: m[4],
      });
    } else if (line.startsWith('\t') && out.length > 0) {
      out[out.length - 1].message += '\n' + line.trim();
    }
  }
  return out;
}

/** Drops annotations that several targets reported identically, keeping the first one's order. */
export function dedupeAnnotations(list: Annotation[]): Annotation[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = JSON.stringify([a.level, a.file, a.startLine, a.startColumn, a.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

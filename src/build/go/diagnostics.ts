import type { Diagnostic } from '../../kernel/diagnostic.js';

const LINE = /^(\S[^:]*\.(?:go|s|c|h|cc|cpp|mod)):(\d+)(?::(\d+))?: (.*)$/;

/**
 * Turns `go build` stderr into one diagnostic per compiler message, with paths made relative to the repository root.
 * `resolve(file)` maps a path as go printed it (relative to the build directory) to that form.
 */
export function parseGoDiagnostics(stderr: string, resolve: (file: string) => string, title: string): Diagnostic[] {
  const out: Diagnostic[] = [];
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

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

/** Drops diagnostics that several targets reported identically, keeping the first one's order. */
export function dedupeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = JSON.stringify([d.level, d.file, d.startLine, d.startColumn, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import * as core from '@actions/core';
import type { Diagnostic } from '../report/diagnostic.js';

/** Shows a diagnostic on the run page as the workflow command its level names. */
export function emitDiagnostic(d: Diagnostic): void {
  const props = { title: d.title, file: d.file, startLine: d.startLine, startColumn: d.startColumn };
  if (d.level === 'error') core.error(d.message, props);
  else if (d.level === 'warning') core.warning(d.message, props);
  else core.notice(d.message, props);
}

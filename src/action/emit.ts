import * as core from '@actions/core';
import type { Diagnostic } from '../kernel/diagnostic.js';
import { redactCredentials } from '../util/url-credentials.js';

/** Shows a diagnostic on the run page as the workflow command its level names. */
export function emitDiagnostic(d: Diagnostic): void {
  // Only the properties the diagnostic has: @actions/core writes each key it is given.
  const props = Object.fromEntries(
    Object.entries({ title: d.title, file: d.file, startLine: d.startLine, startColumn: d.startColumn }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as core.AnnotationProperties;
  const message = redactCredentials(d.message);
  if (d.level === 'error') core.error(message, props);
  else if (d.level === 'warning') core.warning(message, props);
  else core.notice(message, props);
}

import { ParseError } from '../kernel/errors.js';

/** Options for splitting a multi-value input. */
export interface ListOptions {
  /** Split on commas as well as newlines (off for values that may contain commas, e.g. labels). */
  commas?: boolean;
}

/** Splits a list input the way build-push-action does: newlines (and commas), trimmed, `#` comments dropped. */
export function parseList(text: string, options: ListOptions = {}): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = options.commas ? line.split(',') : [line];
    for (const part of parts) {
      const item = part.trim();
      if (item !== '') out.push(item);
    }
  }
  return out;
}

/** Reads a YAML-1.2 core boolean as @actions/core does, so `True` and `FALSE` work but `yes` does not. */
export function parseBool(text: string): boolean {
  const t = text.trim();
  if (['true', 'True', 'TRUE'].includes(t)) return true;
  if (['false', 'False', 'FALSE'].includes(t)) return false;
  throw new ParseError(`"${text}" is not a boolean; expected true or false`);
}

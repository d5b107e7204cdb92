import { ParseError } from '../kernel/errors.js';

/** Largest epoch we accept: the end of year 9999, the last one RFC 3339 can write. */
const MAX_EPOCH = 253402300799;

/** Parses SOURCE_DATE_EPOCH-style integer seconds; everything reproducible hangs off this value. */
export function parseEpoch(text: string): number {
  const t = text.trim();
  if (!/^\d+$/.test(t)) {
    throw new ParseError(
      `"${text}" is not a SOURCE_DATE_EPOCH; expected whole seconds since 1970-01-01 UTC, e.g. 1700000000`,
    );
  }
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n > MAX_EPOCH) {
    throw new ParseError(`"${text}" is out of range; expected whole seconds between 0 and ${MAX_EPOCH}`);
  }
  return n;
}

/** RFC 3339 UTC with no fractional seconds, the form OCI `created` fields use. */
export function epochToRfc3339(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}

import { ActionError } from '../../kernel/errors.js';

/** A registry operation that failed for good: names the registry, the operation and the status, never a credential. */
export class RegistryError extends ActionError {
  constructor(
    readonly registry: string,
    readonly operation: string,
    readonly status: number | string,
    detail: string,
  ) {
    super(`registry ${registry}: ${operation} failed (${status})${detail ? `: ${detail}` : ''}`);
  }
}

/** Reads the OCI error body (`{"errors":[{code,message}]}`) into one short line. */
export function errorDetail(body: Uint8Array): string {
  const text = Buffer.from(body.subarray(0, 4096)).toString('utf8');
  try {
    const parsed = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> };
    if (Array.isArray(parsed.errors))
      return parsed.errors.map((e) => [e.code, e.message].filter(Boolean).join(' ')).join('; ');
  } catch {
    /* not JSON */
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

import type { Fetch, HttpRequest, HttpResponse } from '../../util/http.js';
import { RegistryError } from './errors.js';
import { backoffMs, deadlineMs, retryAfterMs, type RetryPolicy } from './retry.js';

/** The bytes a request sends: its buffer, or the content-length a streamed body declares. */
const bodySize = (req: HttpRequest) =>
  req.body instanceof Uint8Array ? req.body.length : Number(req.headers?.['content-length'] ?? 0) || 0;

/** Counters for the summary. */
export interface TransportStats {
  requests: number;
  retries: number;
}

/** Sends requests under a retry policy: only transient statuses and socket errors are retried, each retry is logged. */
export class Transport {
  readonly stats: TransportStats = { requests: 0, retries: 0 };

  constructor(
    private readonly fetch: Fetch,
    readonly policy: RetryPolicy,
    private readonly onRetry: (line: string) => void,
    /** How to wait and what jitter to use; tests pass their own. */
    private readonly clock: { sleep?: (ms: number) => Promise<void>; random?: () => number } = {},
  ) {}

  /** Sends `req`; returns the last response (any status) or throws RegistryError once retries run out on socket errors. */
  async send(req: HttpRequest, registry: string, operation: string): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      this.stats.requests++;
      let res: HttpResponse | undefined;
      let err: NodeJS.ErrnoException | undefined;
      try {
        res = await this.fetch(req, {
          idleMs: this.policy.timeoutMs,
          deadlineMs: deadlineMs(this.policy, bodySize(req)),
        });
      } catch (e) {
        err = e as NodeJS.ErrnoException;
      }
      const transientStatus = res !== undefined && this.policy.statuses.includes(res.status);
      const transientError =
        err !== undefined &&
        (this.policy.errorCodes.includes(err.code ?? '') || /socket hang up|ECONNRESET/.test(err.message));
      if (!transientStatus && !transientError) {
        if (res) return res;
        throw new RegistryError(registry, operation, err?.code ?? 'network error', err?.message ?? '');
      }
      if (attempt >= this.policy.delaysMs.length) {
        if (res) return res;
        throw new RegistryError(
          registry,
          operation,
          err?.code ?? 'network error',
          `${err?.message ?? ''} (after ${attempt + 1} attempts)`,
        );
      }
      const wait = backoffMs(
        this.policy,
        attempt + 1,
        retryAfterMs(res?.headers['retry-after'], Date.now()),
        this.clock.random ?? Math.random,
      );
      this.stats.retries++;
      this.onRetry(
        `${operation} on ${registry}: ${res ? `HTTP ${res.status}` : (err?.code ?? err?.message)}; retry ${attempt + 1}/${this.policy.delaysMs.length} in ${wait} ms`,
      );
      await (this.clock.sleep ?? sleep)(wait);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

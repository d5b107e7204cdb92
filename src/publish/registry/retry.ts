/** A bounded retry policy kept as data, so tests and hardening runs can tighten it without touching code. */
export interface RetryPolicy {
  /** Delays before the 2nd, 3rd, ... attempt; its length bounds the retries. */
  delaysMs: number[];
  /** ±fraction of random jitter on each delay. */
  jitter: number;
  /** HTTP statuses worth another try. */
  statuses: number[];
  /** Socket error codes worth another try. */
  errorCodes: string[];
  /** Longest Retry-After we honour; longer ones are cut to this. */
  maxRetryAfterMs: number;
  /** Longest silence on a connection before a request is given up. */
  timeoutMs: number;
  /** Longest a request may take in all, however steadily a server trickles, before the time its body needs. */
  deadlineMs: number;
  /** The slowest upload rate allowed for: a body of n bytes adds n / this seconds to the deadline. */
  minBytesPerSecond: number;
}

/** 4 attempts, about 13 s of backoff: a registry that stays down fails the step well within a minute. */
export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [1000, 3000, 9000],
  jitter: 0.1,
  statuses: [408, 429, 500, 502, 503, 504],
  errorCodes: [
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
    'EAI_AGAIN',
    'ERR_STREAM_PREMATURE_CLOSE',
  ],
  maxRetryAfterMs: 30_000,
  timeoutMs: 60_000,
  deadlineMs: 120_000,
  minBytesPerSecond: 256 * 1024,
};

/** The deadline for a request with a body of `bodyBytes`: a large layer may take as long as its size needs. */
export function deadlineMs(policy: RetryPolicy, bodyBytes: number): number {
  return policy.deadlineMs + Math.ceil((bodyBytes / policy.minBytesPerSecond) * 1000);
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** The wait before attempt `attempt` (1-based retry count), honouring Retry-After within the policy's cap. */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: number | undefined,
  random: () => number,
): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, policy.maxRetryAfterMs);
  const base = policy.delaysMs[Math.min(attempt, policy.delaysMs.length) - 1] ?? 0;
  return Math.round(base * (1 + policy.jitter * (2 * random() - 1)));
}

/** Maps with at most `limit` calls in flight; results keep the input order, whatever order they finish in. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * A counting semaphore: stages of a pipeline share the cores without one stage waiting for all of another. A finished
 * task hands its slot straight to the first waiter, so a newcomer arriving during the hand-over cannot take it too.
 */
export function limiter(limit: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (active >= Math.max(1, limit)) await new Promise<void>((r) => waiting.push(r));
    else active++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** Waits for `count` arrivals; `all` says whether every one succeeded (an early push needs all targets checked). */
export function barrier(count: number): { arrive(ok: boolean): void; all: Promise<boolean> } {
  let left = count;
  let ok = true;
  let open!: (v: boolean) => void;
  const all = new Promise<boolean>((r) => (open = r));
  if (left <= 0) open(true);
  return {
    arrive(success) {
      ok &&= success;
      if (--left === 0) open(ok);
    },
    all,
  };
}

/**
 * Waits for every task, unlike Promise.all, so nothing runs on after the caller has given up; `onFailure` hears of
 * the first rejection at once (to stop work that has not started), and that first rejection is what is thrown.
 */
export async function settleAll<T>(tasks: Array<Promise<T>>, onFailure: (reason: unknown) => void): Promise<T[]> {
  let first: { reason: unknown } | undefined;
  const watched = tasks.map((t) =>
    t.catch((reason: unknown) => {
      if (!first) {
        first = { reason };
        onFailure(reason);
      }
      throw reason;
    }),
  );
  const settled = await Promise.allSettled(watched);
  if (first) throw first.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

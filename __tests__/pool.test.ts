import { describe, expect, test } from '@jest/globals';
import { limiter, mapLimit } from '../src/util/pool.js';

/** Queues `fn` after `depth` more microtask hops, so a caller can land at any point of another task's hand-over. */
const afterHops = (depth: number, fn: () => void) => {
  const hop = (n: number) => queueMicrotask(() => (n === 0 ? fn() : hop(n - 1)));
  hop(depth);
};

describe('limiter', () => {
  // A caller that arrives while a finished task hands its slot to a waiter must wait too, at every point of the
  // hand-over: the bound is what keeps parallel links and gzip workers from oversubscribing the cores.
  test.each(Array.from({ length: 12 }, (_, i) => i))(
    'never more than the limit in flight, a newcomer %i hops after release',
    async (depth) => {
      const slot = limiter(1);
      let active = 0;
      let most = 0;
      const job = (release: Promise<void>) => async () => {
        most = Math.max(most, ++active);
        await release;
        active--;
      };
      let open!: () => void;
      const first = slot(job(new Promise<void>((r) => (open = r))));
      const waiter = slot(job(Promise.resolve()));
      let late: Promise<void> | undefined;
      afterHops(depth, () => {
        late = slot(job(Promise.resolve()));
      });
      open();
      await Promise.all([first, waiter]);
      await new Promise((r) => setTimeout(r, 0));
      await late;
      expect(most).toBe(1);
    },
  );

  test('runs queued tasks in arrival order and passes results and errors through', async () => {
    const slot = limiter(2);
    const order: number[] = [];
    const tasks = [1, 2, 3, 4].map((n) =>
      slot(async () => {
        order.push(n);
        if (n === 3) throw new Error('three');
        return n * 10;
      }),
    );
    const settled = await Promise.allSettled(tasks);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      10,
      20,
      'three',
      40,
    ]);
  });
});

test('mapLimit keeps input order and never exceeds its limit', async () => {
  let active = 0;
  let most = 0;
  const out = await mapLimit([30, 10, 20, 0, 5], 2, async (ms, i) => {
    most = Math.max(most, ++active);
    await new Promise((r) => setTimeout(r, ms));
    active--;
    return i;
  });
  expect(out).toEqual([0, 1, 2, 3, 4]);
  expect(most).toBe(2);
});

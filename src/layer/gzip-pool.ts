import { Worker } from 'node:worker_threads';
import { GZIP_LEVEL, MEMBER_SIZE, type GzipMember } from './layer.js';

/**
 * gzip on worker threads, so several layers compress at once without blocking the event loop. Each worker runs
 * libdeflate (WebAssembly): smaller than zlib at the same level and, being pinned code rather than the runtime's
 * zlib, byte-identical on every Node version (the reproducibility rule).
 */
export interface GzipPool {
  gzip(chunk: Uint8Array): Promise<GzipMember>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  input: Uint8Array;
  output: Uint8Array;
}

interface Task {
  chunk: Uint8Array;
  resolve: (m: GzipMember) => void;
  reject: (e: Error) => void;
}

/**
 * The worker's entry: beside this module in src/layer/, and beside the bundle in dist/ (scripts/bundle.mjs writes
 * dist/compress-worker.mjs), so the one URL serves both.
 */
const WORKER = new URL('./compress-worker.mjs', import.meta.url);

/** Room for libdeflate's worst case (stored blocks) on MEMBER_SIZE input, with margin; checked by the worker. */
const OUT_SIZE = MEMBER_SIZE + MEMBER_SIZE / 2 + 65536;

/**
 * At most `size` workers, started lazily (a cached rerun starts none). A worker stays reserved until the caller
 * releases the member it returned, because the bytes live in that worker's shared buffer.
 */
export function workerGzipPool(size: number, script: URL = WORKER): GzipPool {
  const idle: Slot[] = [];
  const all: Slot[] = [];
  const queue: Task[] = [];
  const spawn = (): Slot => {
    const shared = new SharedArrayBuffer(MEMBER_SIZE + OUT_SIZE);
    const worker = new Worker(script, { workerData: { shared, inSize: MEMBER_SIZE, level: GZIP_LEVEL } });
    const slot = { worker, input: new Uint8Array(shared, 0, MEMBER_SIZE), output: new Uint8Array(shared, MEMBER_SIZE) };
    all.push(slot);
    return slot;
  };
  const next = (slot: Slot | undefined) => {
    const task = queue.shift();
    if (task) run(slot ?? spawn(), task);
    else if (slot) idle.push(slot);
  };
  const run = (slot: Slot, t: Task) => {
    const settle = (fn: () => void) => {
      slot.worker.removeAllListeners('message').removeAllListeners('error');
      fn();
    };
    slot.worker.once('message', (n: number) =>
      settle(() => {
        let released = false;
        t.resolve({
          bytes: slot.output.subarray(0, n),
          release: () => {
            if (!released) next(slot);
            released = true;
          },
        });
      }),
    );
    slot.worker.once('error', (e: Error) =>
      settle(() => {
        all.splice(all.indexOf(slot), 1); // a worker that threw is gone; the next task starts a new one
        t.reject(e);
        next(undefined);
      }),
    );
    slot.input.set(t.chunk);
    slot.worker.postMessage(t.chunk.length);
  };
  return {
    gzip(chunk) {
      return new Promise((resolve, reject) => {
        if (chunk.length > MEMBER_SIZE)
          return reject(new Error(`gzip member of ${chunk.length} bytes exceeds ${MEMBER_SIZE}`));
        const task = { chunk, resolve, reject };
        const slot = idle.pop() ?? (all.length < size ? spawn() : undefined);
        if (slot) run(slot, task);
        else queue.push(task);
      });
    },
    async close() {
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

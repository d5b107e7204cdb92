import { Worker } from 'node:worker_threads';
import { GZIP_LEVEL, MEMBER_SIZE, ZSTD_LEVEL, type Compression, type GzipMember } from './layer.js';

/**
 * gzip (or zstd) on worker threads, so several layers compress at once without blocking the event loop. Each worker
 * runs libdeflate, and zstd when asked (both WebAssembly): being pinned code rather than the runtime's zlib or zstd,
 * byte-identical on every Node version (the reproducibility rule).
 */
export interface GzipPool {
  /** One gzip member or zstd frame of `chunk`, compressed on a worker. */
  compress(chunk: Uint8Array, compression: Compression): Promise<GzipMember>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  input: Uint8Array;
  output: Uint8Array;
}

interface Task {
  chunk: Uint8Array;
  compression: Compression;
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
  return new WorkerPool(size, script);
}

class WorkerPool implements GzipPool {
  private readonly idle: Slot[] = [];
  private readonly all: Slot[] = [];
  private readonly queue: Task[] = [];

  constructor(
    private readonly size: number,
    private readonly script: URL,
  ) {}

  compress(chunk: Uint8Array, compression: Compression): Promise<GzipMember> {
    return new Promise((resolve, reject) => {
      if (chunk.length > MEMBER_SIZE) {
        reject(new Error(`compressed member of ${chunk.length} bytes exceeds ${MEMBER_SIZE}`));
        return;
      }
      const task = { chunk, compression, resolve, reject };
      const slot = this.idle.pop() ?? (this.all.length < this.size ? this.spawn() : undefined);
      if (slot) this.run(slot, task);
      else this.queue.push(task);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const shared = new SharedArrayBuffer(MEMBER_SIZE + OUT_SIZE);
    const worker = new Worker(this.script, {
      workerData: { shared, inSize: MEMBER_SIZE, level: GZIP_LEVEL, zstdLevel: ZSTD_LEVEL },
    });
    const slot = { worker, input: new Uint8Array(shared, 0, MEMBER_SIZE), output: new Uint8Array(shared, MEMBER_SIZE) };
    this.all.push(slot);
    return slot;
  }

  /** Gives a freed slot (or a new one, when a worker died) the next task, or puts it back. */
  private next(slot: Slot | undefined): void {
    const task = this.queue.shift();
    if (task) this.run(slot ?? this.spawn(), task);
    else if (slot) this.idle.push(slot);
  }

  private run(slot: Slot, t: Task): void {
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
            if (!released) this.next(slot);
            released = true;
          },
        });
      }),
    );
    slot.worker.once('error', (e: Error) =>
      settle(() => {
        this.all.splice(this.all.indexOf(slot), 1); // a worker that threw is gone; the next task starts a new one
        t.reject(e);
        this.next(undefined);
      }),
    );
    slot.input.set(t.chunk);
    slot.worker.postMessage({ n: t.chunk.length, zstd: t.compression === 'zstd' });
  }
}

import { Worker } from 'node:worker_threads';
import { gzip } from 'libdeflate';
import { GZIP_LEVEL } from '../oci/layer.js';

/**
 * One gzip member by libdeflate (WebAssembly): smaller than zlib at the same level and, being pinned code rather
 * than the runtime's zlib, byte-identical on every Node version (the reproducibility rule).
 */
export async function inlineGzip(chunk: Uint8Array): Promise<Uint8Array> {
  return gzip(chunk, GZIP_LEVEL);
}

/** A gzip that runs on worker threads, so several layers compress at once without blocking the event loop. */
export interface GzipPool {
  gzip(chunk: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface Task {
  chunk: Uint8Array;
  resolve: (gz: Uint8Array) => void;
  reject: (e: Error) => void;
}

/** Starts workers lazily (a cached rerun starts none), at most `size` of them, running `script`. */
export function workerGzipPool(size: number, script: URL): GzipPool {
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const queue: Task[] = [];
  const start = (w: Worker, t: Task) => {
    const settle = (ok: boolean, fn: () => void) => {
      w.removeAllListeners('message').removeAllListeners('error');
      fn();
      if (!ok) all.splice(all.indexOf(w), 1); // a worker that threw is gone; the next task spawns a new one
      const next = queue.shift();
      if (next) start(ok ? w : spawn(), next);
      else if (ok) idle.push(w);
    };
    w.once('message', (gz: Uint8Array) => settle(true, () => t.resolve(gz)));
    w.once('error', (e: Error) => settle(false, () => t.reject(e)));
    w.postMessage({ chunk: t.chunk, level: GZIP_LEVEL }, [t.chunk.buffer as ArrayBuffer]);
  };
  return {
    gzip(chunk) {
      return new Promise((resolve, reject) => {
        const task = { chunk, resolve, reject };
        const w = idle.pop() ?? (all.length < size ? spawn() : undefined);
        if (w) start(w, task);
        else queue.push(task);
      });
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
  function spawn(): Worker {
    const w = new Worker(script);
    all.push(w);
    return w;
  }
}

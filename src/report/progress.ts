/**
 * What a long run says as it goes, so that it is never silent: a line per target as each stage ends, and every 30 s
 * a heartbeat naming what is still running and for how long.
 */
export class Progress {
  private readonly running = new Map<string, { what: string; since: number }>();

  constructor(
    private readonly info: (line: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A target starts a stage (`go build`, `check`, `layer`, `test`). */
  start(id: string, what: string): void {
    this.running.set(id, { what, since: this.now() });
  }

  /** A target's stage ended: its line, and the seconds since the stage started. */
  done(id: string, line: (seconds: string) => string): void {
    const at = this.running.get(id);
    const seconds = at ? ((this.now() - at.since) / 1000).toFixed(1) : '?';
    this.running.delete(id);
    this.info(`${id}: ${line(seconds)}`);
  }

  /** `still running after 30 s: linux/arm64 (go build, 30 s), linux/s390x (go build, 30 s)`, or undefined. */
  heartbeat(elapsedS: number): string | undefined {
    if (this.running.size === 0) return undefined;
    const now = this.now();
    const list = [...this.running].map(([id, r]) => `${id} (${r.what}, ${Math.round((now - r.since) / 1000)} s)`);
    return `still running after ${elapsedS} s: ${list.join(', ')}`;
  }

  /** Logs a heartbeat every `everyMs` until the returned function is called. */
  beat(everyMs = 30_000): () => void {
    const start = this.now();
    const timer = setInterval(() => {
      const line = this.heartbeat(Math.round((this.now() - start) / 1000));
      if (line) this.info(line);
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/** Bytes as the log shows them: `12.3 MiB`, `840 KiB`. */
export function sizeOf(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

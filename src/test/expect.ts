import { createContext, runInContext } from 'node:vm';
import { ActionError } from '../kernel/errors.js';

/** Longest line test-expect sees: a longer one is cut into pieces of this size. */
export const EXPECT_LINE = 4096;
/** Time test-expect may spend matching, in all, for one test. */
export const EXPECT_BUDGET_MS = 1000;

/** Why a match stopped: the expression spent its budget (a catastrophic pattern on hostile output). */
export class ExpectTooSlow extends ActionError {
  constructor() {
    super(`test-expect took over ${EXPECT_BUDGET_MS} ms on the output; simplify the expression`);
  }
}

/**
 * Matches test-expect against a program's output as it arrives, line by line (each line at most EXPECT_LINE
 * characters), so `^` and `$` anchor to lines and a match is seen while the program still runs. The image controls
 * the output, so JavaScript's backtracking engine runs under a vm timeout and a budget per test
 * (https://nodejs.org/api/vm.html#scriptrunincontextcontextoptions, `timeout`), never past EXPECT_BUDGET_MS.
 */
export class LineMatcher {
  private partial = '';
  private spentMs = 0;
  private readonly context = createContext({ re: undefined as RegExp | undefined, lines: [] as string[] });
  matched = false;

  constructor(re: RegExp) {
    // A sticky or global expression would carry lastIndex from one line to the next.
    this.context.re = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  }

  /** Feeds output; returns whether the expression has matched a line so far. Throws ExpectTooSlow. */
  push(text: string): boolean {
    if (this.matched) return true;
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    while (this.partial.length > EXPECT_LINE) {
      lines.push(this.partial.slice(0, EXPECT_LINE));
      this.partial = this.partial.slice(EXPECT_LINE);
    }
    return this.test(lines.flatMap(cut));
  }

  /** The output ended: the last line counts even without a newline. */
  end(): boolean {
    if (this.matched) return true;
    const last = this.partial;
    this.partial = '';
    return last ? this.test([last]) : false;
  }

  private test(lines: string[]): boolean {
    if (lines.length === 0) return false;
    const left = EXPECT_BUDGET_MS - this.spentMs;
    if (left <= 0) throw new ExpectTooSlow();
    this.context.lines = lines;
    const start = performance.now();
    try {
      this.matched = runInContext('lines.some((l) => re.test(l))', this.context, { timeout: Math.ceil(left) }) === true;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new ExpectTooSlow();
      throw e;
    } finally {
      this.spentMs += performance.now() - start;
    }
    return this.matched;
  }
}

/** A line longer than EXPECT_LINE, as pieces of that size. */
function cut(line: string): string[] {
  if (line.length <= EXPECT_LINE) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += EXPECT_LINE) out.push(line.slice(i, i + EXPECT_LINE));
  return out;
}

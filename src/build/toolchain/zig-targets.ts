import { factsOf, platformsWith, present, type ZigTarget } from '../../kernel/arch.js';
import type { Platform } from '../../kernel/platform.js';

/** The zig target of a platform (its amd64 level aside: C code built for the baseline runs on every level). */
export function zigTargetOf(p: Platform): ZigTarget | undefined {
  return present(factsOf(p).zig);
}

/** The platforms `cc: zig` can build, for messages. */
export const ZIG_PLATFORMS = platformsWith('zig');

/** A word for CC that Go's quoted.Split reads back as one argument. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./+=:-]+$/.test(s) ? s : `'${s.replace(/'/g, '')}'`;
}

/** CC and CXX for a target: `zig cc -target … [-mcpu=…]`. */
export function zigCompilers(zig: string, t: ZigTarget): { CC: string; CXX: string } {
  const flags = `-target ${t.target}${t.mcpu ? ` -mcpu=${t.mcpu}` : ''}`;
  return { CC: `${shellWord(zig)} cc ${flags}`, CXX: `${shellWord(zig)} c++ ${flags}` };
}

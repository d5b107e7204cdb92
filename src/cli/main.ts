import { messageOf } from '../kernel/errors.js';
import { readFile } from 'node:fs/promises';
import { parsePlatform } from '../inputs/platform.js';
import { debianTarget } from '../inputs/per-platform.js';
import { resolveDeps } from '../check/deps.js';
import { parseElf, ElfError } from '../kernel/elf/parse.js';
import { inspectBytes } from './inspect-line.js';
import { nodeDepsFs } from '../util/fs.js';

const USAGE = 'usage: scratchpack inspect [--deps --sysroot DIR] FILE...';

/** The Debian multiarch name for a binary's architecture; ARM hard-float (EF_ARM_ABI_FLOAT_HARD) means armhf. */
function multiarchOf(arch: string | null, flags: number): string | undefined {
  if (!arch) return undefined;
  const p = parsePlatform(arch === 'arm' ? (flags & 0x400 ? 'linux/arm/v7' : 'linux/arm/v6') : `linux/${arch}`);
  return debianTarget(p)?.multiarch;
}

async function deps(file: string, bytes: Uint8Array, sysroot: string): Promise<object> {
  const info = parseElf(bytes);
  const tree = await resolveDeps(info, {
    sysroot,
    multiarch: multiarchOf(info.arch, info.flags),
    originDir: '/',
    fs: nodeDepsFs,
    parse: parseElf,
  });
  return { file, arch: info.arch, linkage: info.linkage, ...tree };
}

/** `scratchpack inspect [--deps --sysroot DIR] FILE…`: one JSON object per line per file; exit 1 if any file failed. */
export async function cli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  let withDeps = false,
    sysroot = '/';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--deps') withDeps = true;
    else if (rest[i] === '--sysroot' && i + 1 < rest.length) sysroot = rest[++i];
    else files.push(rest[i]);
  }
  if (command !== 'inspect' || files.length === 0) {
    err(USAGE);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const line = withDeps ? await deps(file, bytes, sysroot) : inspectBytes(file, bytes);
      if ('error' in line || ('missing' in line && (line as { missing: unknown[] }).missing.length > 0)) status = 1;
      out(JSON.stringify(line));
    } catch (e) {
      if (!(e instanceof ElfError) && !(e as NodeJS.ErrnoException).code) throw e;
      out(JSON.stringify({ file, error: messageOf(e) }));
      status = 1;
    }
  }
  return status;
}

cli(
  process.argv.slice(2),
  (l) => process.stdout.write(l + '\n'),
  (l) => process.stderr.write(l + '\n'),
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scratchpack: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);

import { readFile } from 'node:fs/promises';
import { inspectBytes } from './inspect.js';

const USAGE = 'usage: scratchpack inspect FILE...';

/** `scratchpack inspect FILE…`: one JSON object per line per file; exit 1 if any file could not be read as ELF. */
export async function cli(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [command, ...files] = argv;
  if (command !== 'inspect' || files.length === 0) {
    err(USAGE);
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      out(JSON.stringify({ file, error: (e as Error).message }));
      status = 1;
      continue;
    }
    const line = inspectBytes(file, bytes);
    if ('error' in line) status = 1;
    out(JSON.stringify(line));
  }
  return status;
}

cli(process.argv.slice(2), (l) => process.stdout.write(l + '\n'), (l) => process.stderr.write(l + '\n')).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scratchpack: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);

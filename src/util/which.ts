import { stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

const isExecutable = (p: string) =>
  stat(p).then(
    (s) => s.isFile() && (s.mode & 0o111) !== 0,
    () => false,
  );

/** Where `command -v` would find a command on PATH (or a path, checked as is); undefined when nowhere. */
export async function which(name: string, path: string | undefined): Promise<string | undefined> {
  if (name.includes('/')) return (await isExecutable(name)) ? name : undefined;
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir && (await isExecutable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}

import { codeOf } from '../kernel/errors.js';
import { copyFile, link, mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../kernel/platform.js';

/**
 * The `binaries` output: `<dir>/<slug>/<name>`, ready to attach to a release. The last run's binary, whatever its
 * name, is removed before the platform is built, so a failed build never leaves it to be released.
 */
export class BinariesDir {
  constructor(readonly dir: string) {}

  /** Empties the platform's directory (it holds only the binaries this class put there), keeping the directory. */
  async clear(platform: Platform): Promise<void> {
    const at = join(this.dir, platform.slug);
    const names = await readdir(at).catch((e: unknown) => {
      if (codeOf(e) === 'ENOENT') return [] as string[];
      throw e;
    });
    await Promise.all(names.map((n) => unlink(join(at, n))));
  }

  /** A hard link to `file` (a copy across file systems) under its image name; returns its path. */
  async add(platform: Platform, file: string, name: string): Promise<string> {
    const to = join(this.dir, platform.slug, name);
    const place = () => link(file, to).catch(() => copyFile(file, to));
    // A rerun finds the directory there; only the first run makes it.
    await link(file, to).catch(async (e: unknown) => {
      if (codeOf(e) !== 'ENOENT') return copyFile(file, to);
      await mkdir(join(this.dir, platform.slug), { recursive: true });
      await place();
    });
    return to;
  }
}

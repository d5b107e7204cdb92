import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../inputs/platform.js';

/**
 * The `binaries` output: `<dir>/<slug>/<name>`, ready to attach to a release. The last run's binary, whatever its
 * name, is removed before the platform is built, so a failed build never leaves it to be released.
 */
export class BinariesDir {
  constructor(readonly dir: string) {}

  async clear(platform: Platform): Promise<void> {
    await rm(join(this.dir, platform.slug), { recursive: true, force: true });
  }

  /** A hard link to `file` (a copy across file systems) under its image name; returns its path. */
  async add(platform: Platform, file: string, name: string): Promise<string> {
    const to = join(this.dir, platform.slug, name);
    await mkdir(join(this.dir, platform.slug), { recursive: true });
    await link(file, to).catch(() => copyFile(file, to));
    return to;
  }
}

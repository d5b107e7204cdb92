import { ElfError, parseElf } from '../../kernel/elf/parse.js';
import type { GoBuildInfo } from '../../kernel/elf/buildinfo.js';
import { withFileSource } from '../../util/fs.js';
import { limiter } from '../../util/pool.js';
import type { BinarySource } from '../source.js';
import type { GoBuildOptions } from './argv.js';
import { buildDiagnostics, buildOne, type BuildContext } from './build.js';
import { askGo, defaultBinaryName, type GoContext } from './package.js';

/** What the go source needs: the shared `go build` options, where builds run, and how go is asked on failure. */
export interface GoSourceOptions {
  build: GoBuildOptions;
  context: BuildContext;
  /** `go build`s running at once. */
  concurrency: number;
  /** For `go env` and `go list`, which run only when a build fails or gives no command. */
  go: GoContext;
  /** Maps a path as go printed it (relative to the build directory) to the repository-relative form. */
  toRepoPath: (file: string) => string;
}

/**
 * `go build` for each platform, bounded by the cores, starting at once: nothing asks go anything first. The package's
 * import path comes from the first binary's build info; `go env` and `go list` run at most once, and only when a
 * build failed, wrote no command, or `package` is a pattern that go alone can resolve.
 */
export function goSource(o: GoSourceOptions): BinarySource {
  const slot = limiter(o.concurrency);
  const pkg = o.build.pkg;
  let asked: Promise<string> | undefined;
  const ask = () => (asked ??= askGo(pkg, o.go));
  return {
    obtain: (platform) => slot(() => buildOne(platform, o.build, o.context)),
    async describe(binary) {
      // A pattern (./cmd/...) could match other than one command; go says which, whatever go build did with it.
      const pattern = pkg.includes('...') ? await ask() : undefined;
      // No Go build info means go wrote a library's archive, and then go explains what is wrong.
      const importPath = pattern ?? goBuildInfoOf(binary)?.path ?? (await ask());
      return {
        defaultName: defaultBinaryName(importPath),
        createdBy: `scratchpack: go build -trimpath ${pkg} (${importPath})`,
      };
    },
    async explain(results) {
      if (results.some((r) => !r.ok)) await ask();
      return buildDiagnostics(results, o.toRepoPath);
    },
  };
}

/** The Go build info of a binary, or null when it has none or is not an ELF file (go wrote a library's archive). */
export function goBuildInfoOf(path: string): GoBuildInfo | null {
  try {
    return withFileSource(path, (src) => parseElf(src).go);
  } catch (e) {
    if (e instanceof ElfError) return null;
    throw e;
  }
}

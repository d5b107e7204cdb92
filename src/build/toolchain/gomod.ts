import { ActionError } from '../../kernel/errors.js';
import { compareGo, isLanguageVersion, parseGoVersion } from '../../kernel/gover.js';

/** A go.mod directive this action reads, with its line for error messages. */
export interface GoModLine {
  value: string;
  line: number;
}

/** The `go` and `toolchain` directives of a go.mod (https://go.dev/ref/mod#go-mod-file). */
export interface GoModVersions {
  go?: GoModLine;
  toolchain?: GoModLine;
}

/** Reads the `go` and `toolchain` lines; other directives, and comments, are skipped. */
export function parseGoModVersions(text: string): GoModVersions {
  const out: GoModVersions = {};
  text.split('\n').forEach((raw, i) => {
    const words = raw
      .replace(/\/\/.*/, '')
      .trim()
      .split(/\s+/);
    if (words.length === 2 && (words[0] === 'go' || words[0] === 'toolchain'))
      out[words[0]] = { value: words[1], line: i + 1 };
  });
  return out;
}

/** The toolchain a go.mod asks for: the least version that satisfies it, and the one to download when none does. */
export interface Requirement {
  /** The go command's minimum: the newer of the go line and the toolchain line. */
  minimum: string;
  /** What GOTOOLCHAIN=auto would fetch: a language version's first release, 1.22 → 1.22.0 (go.dev/issue/62278). */
  download: string;
  /** Where the requirement comes from, e.g. `go.mod:3: toolchain go1.26.1`, for messages and the summary. */
  source: string;
}

/** The version in a toolchain name: go1.22.3 → 1.22.3, go1.22.3-custom → 1.22.3. */
export function versionOfToolchain(name: string): string | undefined {
  const m = /^go([0-9][0-9a-z.]*)(?:[-+].*)?$/.exec(name);
  return m && parseGoVersion(m[1]) ? m[1] : undefined;
}

/**
 * The requirement of a go.mod, by the go command's rule (cmd/go/internal/toolchain/select.go): a toolchain line counts
 * only when it is newer than the go line. Throws a message naming the line when a line is not a version.
 */
export function requirementOf(mod: GoModVersions, file: string): Requirement {
  const at = (l: GoModLine, directive: string) => `${file}:${l.line}: ${directive} ${l.value}`;
  if (!mod.go) throw new ActionError(`${file} has no go line; add one (e.g. go 1.22) or set go-version`);
  if (!parseGoVersion(mod.go.value))
    throw new ActionError(`${at(mod.go, 'go')} is not a Go version; expected e.g. go 1.22`);
  const fromGo: Requirement = {
    minimum: mod.go.value,
    download:
      isLanguageVersion(mod.go.value) && compareGo(mod.go.value, '1.21') >= 0 ? `${mod.go.value}.0` : mod.go.value,
    source: at(mod.go, 'go'),
  };
  const t = mod.toolchain;
  if (!t || t.value === 'default') return fromGo;
  const v = versionOfToolchain(t.value);
  if (!v) throw new ActionError(`${at(t, 'toolchain')} is not a toolchain name; expected e.g. toolchain go1.22.3`);
  if (compareGo(v, mod.go.value) <= 0) return fromGo;
  return { minimum: v, download: isLanguageVersion(v) ? `${v}.0` : v, source: at(t, 'toolchain') };
}

/**
 * The line of go.mod that requires `module`, in a `require` line or block (https://go.dev/ref/mod#go-mod-file-require),
 * or undefined when go.mod does not name it (an indirect dependency go.mod leaves out, before Go 1.17).
 */
export function requireLineOf(text: string, module: string): number | undefined {
  let inBlock = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const words = lines[i]
      .replace(/\/\/.*/, '')
      .trim()
      .split(/\s+/);
    if (words[0] === 'require' && words[1] === '(') inBlock = true;
    else if (inBlock && words[0] === ')') inBlock = false;
    else if ((inBlock ? words[0] : words[0] === 'require' && words[1]) === module) return i + 1;
  }
  return undefined;
}

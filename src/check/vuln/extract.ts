import type { GoBuildInfo } from '../../kernel/elf/buildinfo.js';
import type { GoSymbol } from '../../kernel/elf/gosyms.js';

/** govulncheck's extract protocol (golang.org/x/vuln internal/scan/extract.go): a header line, then the binary. */
const HEADER = { name: 'govulncheck-extract', version: '0.1.0' };

/** A module as govulncheck's blob carries it (golang.org/x/tools/go/packages.Module's JSON). */
const moduleOf = (m: { path: string; version: string }) => ({ Path: m.path, Version: m.version });

/**
 * What `govulncheck -mode=extract` would write for a binary linked with its symbol table, made from a stripped one:
 * its build info and the functions read from its .gopclntab (kernel/elf/gosyms.ts). `govulncheck -mode=binary` on
 * this file checks at symbol level, where the stripped binary itself gets module level (golang/go#57764).
 */
export function extractBlob(go: GoBuildInfo, symbols: GoSymbol[]): string {
  const bin = {
    path: go.path ?? '',
    ...(go.main ? { main: moduleOf(go.main) } : {}),
    modules: go.deps.map(moduleOf),
    pkgSymbols: symbols.map((s) => (s.pkg ? { pkg: s.pkg, name: s.name } : { name: s.name })),
    goVersion: go.version,
    goos: 'GOOS' in go.settings ? go.settings.GOOS : '',
    goarch: 'GOARCH' in go.settings ? go.settings.GOARCH : '',
  };
  return `${JSON.stringify(HEADER)}\n${JSON.stringify(bin)}\n`;
}

/**
 * Go release versions as the go command orders them (https://go.dev/doc/toolchain#version): 1.21 < 1.21rc1 <
 * 1.21.0 < 1.21.1; before Go 1.21, 1.20 means 1.20.0. Text that is not a version parses to undefined.
 */
export interface GoVersion {
  major: string;
  minor: string;
  /** '' for a language version (1.22) or a prerelease (1.22rc1). */
  patch: string;
  /** '', alpha, beta or rc. */
  kind: string;
  pre: string;
}

const INT = /^(0|[1-9][0-9]*)/;

function cutInt(x: string): [string, string] | undefined {
  const m = INT.exec(x);
  return m ? [m[1], x.slice(m[1].length)] : undefined;
}

/** Parses 1.22, 1.22.3 or 1.22rc1 (no "go" prefix). */
export function parseGoVersion(text: string): GoVersion | undefined {
  const major = cutInt(text);
  if (!major) return undefined;
  const maj = major[0];
  let x = major[1];
  if (x === '') return { major: maj, minor: '0', patch: '0', kind: '', pre: '' };
  if (x[0] !== '.') return undefined;
  const minor = cutInt(x.slice(1));
  if (!minor) return undefined;
  const [min, rest] = minor;
  x = rest;
  const base = { major: maj, minor: min, patch: '', kind: '', pre: '' };
  if (x === '') return cmpInt(min, '21') < 0 ? { ...base, patch: '0' } : base;
  if (x[0] === '.') {
    const patch = cutInt(x.slice(1));
    return patch && patch[1] === '' ? { ...base, patch: patch[0] } : undefined;
  }
  const kind = /^[a-z]+/.exec(x)?.[0];
  if (!kind) return undefined;
  x = x.slice(kind.length);
  if (x === '') return { ...base, kind };
  const pre = cutInt(x);
  return pre && pre[1] === '' ? { ...base, kind, pre: pre[0] } : undefined;
}

function cmpInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

/** The go command's order; versions that do not parse sort first, as in cmd/go/internal/gover. */
export function compareGo(a: string, b: string): number {
  const x = parseGoVersion(a) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
  const y = parseGoVersion(b) ?? { major: '', minor: '', patch: '', kind: '', pre: '' };
  return (
    cmpInt(x.major, y.major) ||
    cmpInt(x.minor, y.minor) ||
    cmpInt(x.patch, y.patch) ||
    (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) ||
    cmpInt(x.pre, y.pre)
  );
}

/** A language version (1.22): no patch and no prerelease, from Go 1.21 on. */
export function isLanguageVersion(v: string): boolean {
  const p = parseGoVersion(v);
  return p !== undefined && p.patch === '' && p.kind === '';
}

/** The language a version belongs to: 1.22.3 → 1.22. */
export function languageOf(v: string): string {
  const p = parseGoVersion(v);
  return p ? `${p.major}.${p.minor}` : v;
}

/** Levenshtein distance, for "did you mean" (small strings only: input names). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(
        Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The closest of `names` to `given`, when it is close enough to be a typo (at most a third of it differs). */
export function closest(given: string, names: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = editDistance(given, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(given.length / 3)) ? best.name : undefined;
}

/**
 * The inputs an environment names that this action does not have: the runner sets INPUT_<NAME> for every `with:` key
 * and only warns about unknown ones, so a misspelled input would silently leave its default in place.
 */
export function unknownInputs(envKeys: readonly string[], known: readonly string[]): string[] {
  return envKeys
    .filter((k) => k.startsWith('INPUT_'))
    .map((k) => k.slice('INPUT_'.length).toLowerCase())
    .filter((name) => !known.some((n) => n.replace(/ /g, '_') === name));
}

/** Other names people write for an architecture, and the GOARCH (and variant) the platform list wants. */
export const ARCH_ALIASES: Readonly<Record<string, string>> = {
  aarch64: 'arm64',
  arm64v8: 'arm64',
  x86_64: 'amd64',
  'x86-64': 'amd64',
  x64: 'amd64',
  amd: 'amd64',
  i386: '386',
  i686: '386',
  x86: '386',
  armhf: 'arm/v7',
  armv7: 'arm/v7',
  armv7l: 'arm/v7',
  armel: 'arm/v5',
  armv6: 'arm/v6',
  armv6l: 'arm/v6',
  ppc64el: 'ppc64le',
  powerpc64le: 'ppc64le',
  riscv: 'riscv64',
  loongarch64: 'loong64',
  mips64el: 'mips64le',
  mipsel: 'mipsle',
};

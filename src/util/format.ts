/** Bytes as B/KiB/MiB/GiB with one decimal, for people. */
export function humanSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}

/** A digest or reference cut to `sha256:` and 12 hex digits, enough to tell them apart in a log line. */
export function shortDigest(digestOrRef: string): string {
  return digestOrRef.slice(0, 19);
}

/**
 * A URL as it may be shown: without the user:password@ part that GOPROXY and PIP_INDEX_URL often carry
 * (https://pip.pypa.io/en/stable/topics/authentication/). Text that is not a URL is returned as it is.
 */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href.replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return url;
  }
}

/** The secrets in the URLs of a list (GOPROXY's entries, a package index), raw and percent-decoded, for masking. */
export function credentialsIn(list: string | undefined): string[] {
  const out: string[] = [];
  for (const entry of (list ?? '').split(/[,|\s]/)) {
    try {
      const u = new URL(entry);
      for (const part of [u.password, u.username]) if (part) out.push(part, decodeURIComponent(part));
    } catch {
      // not a URL: direct, off, or empty
    }
  }
  return [...new Set(out)].filter((s) => s.length >= 3);
}

/**
 * A message with every credential a URL or reference carries replaced by `***`: `scheme://user:password@host` and
 * `scheme://token@host`, and a bare `user:password@host/…` as a mistyped tag would hold. Applied to every line the
 * action writes (annotations, the log, the summary), whatever produced it.
 */
export function redactCredentials(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@"'<>]+@/gi, '$1***@')
    .replace(/(^|[\s"'(=])[^\s/@"'<>:=]+:[^\s/@"'<>]+@(?=[a-z0-9][a-z0-9.-]*[/:])/gi, '$1***@');
}

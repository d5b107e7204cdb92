/** One authentication challenge from a WWW-Authenticate header, e.g. Bearer with realm, service and scope. */
export interface Challenge {
  scheme: string;
  params: Partial<Record<string, string>>;
}

/**
 * Parses a WWW-Authenticate value (RFC 7235 §4.1): several challenges, quoted strings with commas and escapes,
 * token68 values. A split on commas breaks on `scope="repository:a:pull,push"`.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipWs = () => {
    while (i < n && /[\s,]/.test(header[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i])) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skipWs();
    const scheme = token();
    if (!scheme) {
      i++;
      continue;
    }
    const ch: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(ch);
    for (;;) {
      while (i < n && /[ \t]/.test(header[i])) i++;
      const save = i;
      if (header[i] === ',') {
        i++;
        while (i < n && /[ \t]/.test(header[i])) i++;
      }
      const key = token();
      while (i < n && /[ \t]/.test(header[i])) i++;
      if (!key || header[i] !== '=') {
        i = save;
        break;
      }
      i++;
      while (i < n && /[ \t]/.test(header[i])) i++;
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i++];
        }
        i++;
      } else {
        const start = i;
        while (i < n && !/[\s,]/.test(header[i])) i++;
        value = header.slice(start, i);
      }
      ch.params[key.toLowerCase()] = value;
    }
    // A comma that ends a challenge and starts the next one.
    while (i < n && /[\s]/.test(header[i])) i++;
    if (header[i] === ',') i++;
  }
  return out;
}

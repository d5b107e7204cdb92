import { ActionError } from '../../kernel/errors.js';

/** The Go module proxy and checksum database a toolchain download goes through, from the job's go environment. */
export interface GoNetwork {
  /** The first HTTP(S) entry of GOPROXY, without a trailing slash. */
  proxy: string;
  sumdb: SumDb;
}

/** A checksum database: its name, its verifier key (name+hash+key) and where it answers when no proxy does. */
export interface SumDb {
  name: string;
  key: string;
  url: string;
}

/** The go command's default (https://go.dev/ref/mod#environment-variables). */
export const DEFAULT_GOPROXY = 'https://proxy.golang.org,direct';

/** The public key of sum.golang.org, as cmd/go/internal/modfetch/key.go carries it. */
const KNOWN_SUMDB: Partial<Record<string, { key: string; url: string }>> = {
  'sum.golang.org': {
    key: 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
    url: 'https://sum.golang.org',
  },
  'sum.golang.google.cn': {
    key: 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8',
    url: 'https://sum.golang.google.cn',
  },
};

/** GOPROXY's first HTTP(S) entry; the list separates entries by `,` or `|` (https://go.dev/ref/mod#goproxy-protocol). */
export function proxyOf(goproxy: string | undefined): string {
  const list = goproxy?.trim() || DEFAULT_GOPROXY;
  const entry = list.split(/[,|]/).find((e) => /^https?:\/\//.test(e.trim()));
  if (!entry)
    throw new ActionError(
      `GOPROXY="${list}" names no HTTP proxy to download a Go toolchain from; set GOPROXY, or use go-version: local with actions/setup-go`,
    );
  return entry.trim().replace(/\/+$/, '');
}

/** GOSUMDB as the go command reads it: off, a known name, or `<name+hash+key> [url]` (https://go.dev/ref/mod#checksum-database). */
export function sumDbOf(gosumdb: string | undefined): SumDb {
  const text = gosumdb?.trim() || 'sum.golang.org';
  if (text === 'off')
    throw new ActionError(
      'GOSUMDB=off: a Go toolchain is run only after the checksum database has vouched for it; unset GOSUMDB, or use go-version: local',
    );
  const words = text.split(/\s+/);
  const [given = '', url] = [words.at(0), words.at(1)];
  if (words.length > 2) throw new ActionError(`GOSUMDB="${text}" is not "<key> [url]"`);
  const known = KNOWN_SUMDB[given];
  if (!given.includes('+') && !known)
    throw new ActionError(`GOSUMDB="${text}" is not a known checksum database; give its key, name+hash+key`);
  const key = known?.key ?? given;
  // The database's name is its key's (sum.golang.google.cn serves sum.golang.org), as cmd/go's dbDial has it.
  const name = key.slice(0, key.indexOf('+'));
  return { name, key, url: (url ?? known?.url ?? `https://${name}`).replace(/\/+$/, '') };
}

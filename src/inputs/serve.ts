import { ParseError } from '../kernel/errors.js';

/** How a pre-ship test decides a server is ready: an HTTP GET that answers 2xx or 3xx, or a TCP connection. */
export type ReadyProbe = { kind: 'http'; port: number; path: string } | { kind: 'tcp'; port: number };

const PORT = /^\d{1,5}$/;

/** A TCP port, 1..65535. */
function portOf(text: string, what: string): number {
  const n = Number(text);
  if (!PORT.test(text) || n < 1 || n > 65535) throw new ParseError(`${what} "${text}" is not a port from 1 to 65535`);
  return n;
}

/**
 * Parses `test-http`: `PORT[/path]` (`8080/healthz`), `tcp:PORT`, or `/path` alone, which takes the first TCP port of
 * `expose` (as a Kubernetes probe names a container port). Empty means no probe.
 */
export function parseReadyProbe(text: string, exposed: string[]): ReadyProbe | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t.startsWith('tcp:')) return { kind: 'tcp', port: portOf(t.slice(4), 'port') };
  const slash = t.indexOf('/');
  const head = slash < 0 ? t : t.slice(0, slash);
  const path = slash < 0 ? '/' : t.slice(slash);
  if (/\s/.test(path) || /[^\x21-\x7e]/.test(path))
    throw new ParseError(`"${t}": the path must be printable ASCII without spaces, e.g. 8080/healthz`);
  if (head !== '') return { kind: 'http', port: portOf(head, 'port'), path };
  const tcp = exposed.find((p) => p.endsWith('/tcp'));
  if (!tcp) throw new ParseError(`"${t}" gives no port, and expose lists no TCP port; write e.g. 8080${path}`);
  return { kind: 'http', port: Number(tcp.split('/')[0]), path };
}

/** Parses `expose` lines (`8080`, `8080/tcp`, `53/udp`) into ExposedPorts keys, as Dockerfile EXPOSE writes them. */
export function parseExpose(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(item.trim());
    if (!m) throw new ParseError(`"${item}" is not a port; expected e.g. 8080 or 8080/tcp`);
    const key = `${portOf(m[1], 'port')}/${(m.at(2) ?? 'tcp').toLowerCase()}`;
    if (out.includes(key)) throw new ParseError(`port "${key}" is given twice`);
    out.push(key);
  }
  return out;
}

/** Parses `stop-signal`: a signal name (SIGTERM, or TERM) or number, as Dockerfile STOPSIGNAL takes it. */
export function parseStopSignal(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  if (/^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 64) return t;
  const name = t.toUpperCase().startsWith('SIG') ? t.toUpperCase() : `SIG${t.toUpperCase()}`;
  if (!/^SIG(RTMIN|RTMAX)([+-]\d{1,2})?$|^SIG[A-Z0-9]{2,7}$/.test(name))
    throw new ParseError(`"${t}" is not a signal; expected e.g. SIGTERM, SIGINT or 15`);
  return name;
}

/** Parses `workdir`: an absolute directory in the image, as Dockerfile WORKDIR takes it (normalised; `..` refused). */
export function parseWorkdir(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  if (!t.startsWith('/')) throw new ParseError(`"${t}" must be absolute, e.g. /app`);
  const parts = t.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new ParseError(`"${t}" must not contain ".."`);
  return '/' + parts.join('/');
}

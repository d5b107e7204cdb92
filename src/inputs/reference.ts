import { ParseError } from '../kernel/errors.js';

/** A parsed image reference, normalised the way the docker CLI does (docker.io/library/...). */
export interface ImageRef {
  /** Registry host[:port], e.g. `ghcr.io`, `localhost:5000`, `docker.io`. */
  registry: string;
  /** Repository path inside the registry, e.g. `owner/app`. */
  repository: string;
  tag?: string | undefined;
  digest?: string | undefined;
  /** The normalised full reference, e.g. `docker.io/library/app:1.0`. */
  full: string;
  /** The reference as written, when it named no registry and Docker Hub was implied (`myapp:latest`). */
  given?: string | undefined;
}

/** The line that says, once, what a tag with no registry host means, as docker reads it. */
export function impliedRegistryNote(tags: ImageRef[]): string | undefined {
  const implied = tags.filter((t) => t.given !== undefined);
  if (implied.length === 0) return undefined;
  const list = implied.map((t) => `"${t.given ?? ''}" as ${t.full}`).join(', ');
  return `tags: read ${list}: a tag with no registry host is a Docker Hub tag, as docker reads it; write the host (e.g. ghcr.io/owner/app:1.0) to push elsewhere`;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_PART = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const SHA256 = /^sha256:[a-f0-9]{64}$/;

function isDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

function checkDomain(text: string, domain: string): void {
  const m = /^(\[[0-9a-fA-F:]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(domain);
  const host = m?.[1] ?? '';
  const hostOk = m !== null && (/^\[[0-9a-fA-F:]+\]$/.test(host) || host.split('.').every((p) => HOST_PART.test(p)));
  if (!hostOk) throw new ParseError(`reference "${text}": registry "${domain}" is not a host[:port]`);
}

/** Parses `[registry/]repo[:tag][@digest]`, saying exactly which part broke the grammar. */
export function parseReference(text: string): ImageRef {
  const ref = text.trim();
  if (ref === '') throw new ParseError('empty reference; expected e.g. ghcr.io/owner/app:1.0');
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest) || (digest.startsWith('sha256:') && !SHA256.test(digest))) {
      throw new ParseError(`reference "${text}": digest "${digest}" is not algorithm:hex, e.g. sha256:<64 hex>`);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw new ParseError(
        `reference "${text}": tag "${tag}" must be 1-128 of [A-Za-z0-9_.-], not starting with . or -`,
      );
    }
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && isDomain(parts[0])) {
    registry = parts.shift() as string;
    checkDomain(text, registry);
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  for (const c of parts) {
    if (!COMPONENT.test(c)) {
      throw new ParseError(
        `reference "${text}": repository part "${c}" must be lowercase letters, digits and separators (. _ __ -)`,
      );
    }
  }
  const repository = parts.join('/');
  if (registry.length + 1 + repository.length > 255) {
    throw new ParseError(`reference "${text}": name is longer than 255 characters`);
  }
  const full = `${registry}/${repository}` + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
  const implied = registry === 'docker.io' && !/^(index\.)?docker\.io\//.test(ref);
  return { registry, repository, tag, digest, full, ...(implied ? { given: ref } : {}) };
}

/** Parses an entry of `tags`: a full reference whose tag defaults to `latest`, and which may not pin a digest. */
export function parseTag(text: string): ImageRef {
  const ref = parseReference(text);
  if (ref.digest) throw new ParseError(`tag "${text}": a tag cannot carry a digest; expected registry/repo:tag`);
  const tag = ref.tag ?? 'latest';
  return { ...ref, tag, full: `${ref.registry}/${ref.repository}:${tag}` };
}

import type { Readable } from 'node:stream';
import type { Authenticator } from './auth.js';
import { RegistryError, errorDetail } from './errors.js';
import type { HttpRequest, HttpResponse } from '../../util/http.js';
import { MediaType, type Blob } from '../../kernel/oci.js';
import type { Transport } from './transport.js';
import { shortDigest } from '../../util/format.js';
import { sha256Digest } from '../../kernel/digest.js';

/** A blob to upload, opened lazily so a retry can stream it again from disk. */
export interface BlobSource {
  digest: string;
  size: number;
  open: () => Readable;
}

/** True for hosts where plain HTTP is always allowed: localhost, 127.0.0.0/8 and ::1 (with any port). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '');
  return h === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '[::1]';
}

/** The API host for a registry name (Docker Hub's API is not at docker.io). */
export function apiHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}

const pushScope = (repo: string) => `repository:${repo}:push,pull`;
const pullScope = (repo: string) => `repository:${repo}:pull`;

/**
 * The OCI distribution API for one registry (https://github.com/opencontainers/distribution-spec/blob/main/spec.md):
 * existence checks, uploads, mounts and manifests.
 */
export class RegistryClient {
  private base = '';

  constructor(
    readonly registry: string,
    private readonly transport: Transport,
    private readonly auth: Authenticator,
    private readonly plainHttpAllowed: boolean,
  ) {}

  /** GET /v2/: picks https (or http where allowed and TLS is not spoken) and learns the auth challenge. */
  async ping(): Promise<void> {
    const host = apiHost(this.registry);
    const schemes = this.plainHttpAllowed ? ['https', 'http'] : ['https'];
    let last: unknown;
    for (const scheme of schemes) {
      try {
        const res = await this.transport.send({ method: 'GET', url: `${scheme}://${host}/v2/` }, this.registry, 'ping');
        this.base = `${scheme}://${host}`;
        this.auth.reachedAt(new URL(this.base));
        if (res.status === 401) this.auth.learn(res.headers['www-authenticate']);
        else if (res.status !== 200)
          throw new RegistryError(this.registry, 'ping /v2/', res.status, errorDetail(res.body));
        return;
      } catch (e) {
        last = e;
        // Only a TLS failure means "this host speaks plain HTTP"; refused or timed out is the same on both.
        const tls = e instanceof RegistryError && /^(EPROTO|ERR_SSL_|ECONNRESET)/.test(String(e.status));
        if (!tls) throw e;
      }
    }
    throw last;
  }

  /**
   * Sends a request to the registry, or to a URL it gave (an upload Location, a redirect). A URL may leave TLS only
   * when the registry itself answered over plain HTTP: a TLS-terminating proxy that hands out http:// Locations would
   * otherwise receive the credentials and the layers in cleartext. Credentials go only to the registry's own origin.
   */
  private async send(req: HttpRequest, scopes: string[], operation: string): Promise<HttpResponse> {
    const url = new URL(req.url);
    const base = new URL(this.base);
    if (url.protocol !== base.protocol && url.protocol !== 'https:') {
      throw new RegistryError(
        this.registry,
        operation,
        'refused',
        `the registry, reached over ${base.protocol.slice(0, -1)}, sent us to ${url.protocol}//${url.host}; ` +
          'nothing is sent over plain HTTP to a registry that speaks TLS (check the proxy in front of it)',
      );
    }
    const sameOrigin = url.origin === base.origin;
    const withAuth = async (force: boolean): Promise<HttpRequest> => {
      const authz = sameOrigin ? await this.auth.header(scopes, force) : undefined;
      return { ...req, headers: { ...req.headers, ...(authz ? { authorization: authz } : {}) } };
    };
    let res = await this.transport.send(await withAuth(false), this.registry, operation);
    if (res.status === 401 && sameOrigin && this.auth.learn(res.headers['www-authenticate'])) {
      res = await this.transport.send(await withAuth(true), this.registry, operation);
    }
    return res;
  }

  private fail(operation: string, res: HttpResponse): never {
    throw new RegistryError(this.registry, operation, res.status, errorDetail(res.body));
  }

  /** HEAD a blob: 200 means present; 404, and the 403 some registries send instead, mean "upload it". */
  async blobExists(repo: string, digest: string): Promise<boolean> {
    const res = await this.send(
      { method: 'HEAD', url: `${this.base}/v2/${repo}/blobs/${digest}` },
      [pushScope(repo)],
      `HEAD blob ${shortDigest(digest)}`,
    );
    if (res.status === 200) return true;
    if (res.status === 404 || res.status === 403) return false;
    this.fail(`HEAD blob ${digest}`, res);
  }

  /** Tries a cross-repository mount; returns true if mounted, else the upload session the registry opened instead. */
  async mountBlob(repo: string, digest: string, from: string): Promise<true | string> {
    const url = `${this.base}/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`;
    const res = await this.send(
      { method: 'POST', url, headers: { 'content-length': '0' } },
      [pushScope(repo), pullScope(from)],
      `mount ${shortDigest(digest)}`,
    );
    if (res.status === 201) return true;
    if (res.status === 202 && res.headers.location) return new URL(res.headers.location, url).href;
    this.fail(`mount blob ${digest} from ${from}`, res);
  }

  /** Uploads a blob as one POST and one monolithic PUT, streamed, and checks the digest the registry reports. */
  async uploadBlob(repo: string, blob: BlobSource, session?: string): Promise<void> {
    let location = session;
    if (!location) {
      const url = `${this.base}/v2/${repo}/blobs/uploads/`;
      const res = await this.send(
        { method: 'POST', url, headers: { 'content-length': '0' } },
        [pushScope(repo)],
        `start upload ${shortDigest(blob.digest)}`,
      );
      if (res.status !== 202 || !res.headers.location) this.fail(`start upload of ${blob.digest}`, res);
      // Relative or absolute, keep whatever query the registry put in it.
      location = new URL(res.headers.location, url).href;
    }
    const put = location + (location.includes('?') ? '&' : '?') + `digest=${encodeURIComponent(blob.digest)}`;
    const res = await this.send(
      {
        method: 'PUT',
        url: put,
        body: blob.open,
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) },
      },
      [pushScope(repo)],
      `upload ${shortDigest(blob.digest)}`,
    );
    if (res.status !== 201 && res.status !== 204) this.fail(`upload blob ${blob.digest}`, res);
    const said = res.headers['docker-content-digest'];
    if (said && said !== blob.digest)
      throw new RegistryError(
        this.registry,
        `upload blob ${blob.digest}`,
        'digest mismatch',
        `registry stored ${said}`,
      );
  }

  /**
   * HEAD a manifest by tag or digest: the digest the registry holds there, or undefined for 404 (and the 403 some
   * registries send instead) or an answer without Docker-Content-Digest, where the caller simply PUTs.
   */
  async manifestDigest(repo: string, ref: string, accept: string[]): Promise<string | undefined> {
    const res = await this.send(
      { method: 'HEAD', url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(', ') } },
      [pushScope(repo)],
      `HEAD manifest ${shortDigest(ref)}`,
    );
    if (res.status === 200) return res.headers['docker-content-digest'] || undefined;
    if (res.status === 404 || res.status === 403) return undefined;
    this.fail(`HEAD manifest ${repo}:${ref}`, res);
  }

  /** PUTs manifest bytes by tag or digest with Content-Type = its mediaType, and checks the digest the registry reports. */
  /** PUTs a manifest and returns the answer's headers (OCI-Subject says the registry took a referrer). */
  async putManifest(
    repo: string,
    ref: string,
    { mediaType, data, digest }: Pick<Blob, 'mediaType' | 'data' | 'digest'>,
    extra: Record<string, string> = {},
  ): Promise<Record<string, string>> {
    const res = await this.send(
      {
        method: 'PUT',
        url: `${this.base}/v2/${repo}/manifests/${ref}`,
        body: data,
        headers: { 'content-type': mediaType, 'content-length': String(data.length), ...extra },
      },
      [pushScope(repo)],
      `PUT manifest ${repo}:${shortDigest(ref)}`,
    );
    if (res.status !== 201 && res.status !== 200) this.fail(`PUT manifest ${repo}:${ref}`, res);
    const said = res.headers['docker-content-digest'];
    if (said && said !== digest)
      throw new RegistryError(
        this.registry,
        `PUT manifest ${repo}:${ref}`,
        'digest mismatch',
        `registry computed ${said}, we sent ${digest}`,
      );
    return res.headers;
  }

  /**
   * The digests the referrers API lists for a subject, or undefined when the registry has no such API (any answer but
   * 200 with an image index). Read only to find documents back: whether the registry keeps referrers itself is decided
   * by OCI-Subject on the PUT (distribution-spec, "Pushing Manifests with Subject"), never by this GET.
   */
  async listReferrers(repo: string, digest: string): Promise<Set<string> | undefined> {
    const res = await this.send(
      { method: 'GET', url: `${this.base}/v2/${repo}/referrers/${digest}`, headers: { accept: MediaType.index } },
      [pullScope(repo)],
      `GET referrers ${shortDigest(digest)}`,
    );
    if (res.status !== 200) return undefined;
    return indexDigests(res.body);
  }

  /** GETs a manifest that may not exist (a referrers fallback tag): undefined on 404, else its bytes and ETag. */
  async findManifest(
    repo: string,
    ref: string,
    accept: string[],
  ): Promise<{ mediaType: string; data: Buffer; etag?: string } | undefined> {
    const res = await this.send(
      { method: 'GET', url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(', ') } },
      [pushScope(repo)],
      `GET manifest ${ref}`,
    );
    if (res.status === 404) return undefined;
    if (res.status !== 200) this.fail(`GET manifest ${repo}:${ref}`, res);
    const mediaType = (res.headers['content-type'] ?? '').split(';')[0].trim();
    return { mediaType, data: res.body, ...(res.headers.etag ? { etag: res.headers.etag } : {}) };
  }

  /** GETs a manifest by digest (merge job), with the exact bytes so the digest can be checked. */
  async getManifest(repo: string, ref: string, accept: string[]): Promise<{ mediaType: string; data: Buffer }> {
    const res = await this.send(
      { method: 'GET', url: `${this.base}/v2/${repo}/manifests/${ref}`, headers: { accept: accept.join(', ') } },
      [pullScope(repo)],
      `GET manifest ${shortDigest(ref)}`,
    );
    if (res.status !== 200) this.fail(`GET manifest ${repo}@${ref}`, res);
    return { mediaType: (res.headers['content-type'] ?? '').split(';')[0].trim(), data: res.body };
  }

  /**
   * GETs a small blob (an image config), following the registry's redirect without our credentials, and checks the
   * bytes against the digest and size that named it before anyone reads them: they may come from another host.
   */
  async getBlob(repo: string, digest: string, size: number): Promise<Buffer> {
    let url = `${this.base}/v2/${repo}/blobs/${digest}`;
    for (let hops = 0; hops < 5; hops++) {
      const res = await this.send({ method: 'GET', url }, [pullScope(repo)], `GET blob ${shortDigest(digest)}`);
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        url = new URL(res.headers.location, url).href;
        continue;
      }
      if (res.status !== 200) this.fail(`GET blob ${repo}@${digest}`, res);
      const got = sha256Digest(res.body);
      if (got !== digest || res.body.length !== size) {
        throw new RegistryError(
          this.registry,
          `GET blob ${repo}@${digest}`,
          'digest mismatch',
          `the registry returned ${res.body.length} bytes with digest ${got}, not the ${size} bytes the manifest names`,
        );
      }
      return res.body;
    }
    throw new RegistryError(this.registry, `GET blob ${digest}`, 'redirect loop', '');
  }
}

/** The digests an image index lists, or undefined when the bytes are not one. */
export function indexDigests(body: Uint8Array): Set<string> | undefined {
  try {
    const index = JSON.parse(Buffer.from(body).toString('utf8')) as { manifests?: Array<{ digest?: unknown }> };
    if (!Array.isArray(index.manifests)) return undefined;
    return new Set(index.manifests.map((m) => m.digest).filter((d): d is string => typeof d === 'string'));
  } catch {
    return undefined;
  }
}

import { parseChallenges, type Challenge } from './challenge.js';
import { RegistryError, errorDetail } from './errors.js';
import type { Transport } from './transport.js';
import type { HttpResponse } from '../../util/http.js';

/** A credential for one registry; which source it came from is shown to the user, the secret never is. */
export interface Credential {
  username?: string | undefined;
  password?: string | undefined;
  /** docker login's identitytoken: an OAuth2 refresh token. */
  identityToken?: string | undefined;
  source: string;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

const basic = (c: Credential) => 'Basic ' + Buffer.from(`${c.username ?? ''}:${c.password ?? ''}`).toString('base64');

/**
 * Answers a registry's challenges, as distribution's token spec describes them
 * (https://distribution.github.io/distribution/spec/auth/token/). Basic credentials go to the registry host only; Bearer tokens
 * come from the realm the registry names, which must be HTTPS unless the registry itself is plain HTTP.
 */
export class Authenticator {
  private challenge?: Challenge;
  private readonly tokens = new Map<string, CachedToken>();
  private refreshToken: string | undefined;
  private origin?: URL;

  constructor(
    private readonly registry: string,
    private readonly credential: Credential | undefined,
    private readonly transport: Transport,
    /** Masks a secret in the log (core.setSecret): the tokens a token server hands out are secrets too. */
    private readonly mask: (secret: string) => void = () => undefined,
  ) {
    this.refreshToken = credential?.identityToken;
  }

  /** The origin the registry answered on: only a registry reached over plain HTTP may name a plain-HTTP realm. */
  reachedAt(origin: URL): void {
    this.origin = origin;
  }

  /** Remembers the challenge from a 401; returns false when there is nothing new to answer with. */
  learn(header: string | undefined): boolean {
    const found = parseChallenges(header ?? '');
    const ch = found.find((c) => c.scheme === 'bearer') ?? found.find((c) => c.scheme === 'basic');
    if (!ch) return false;
    this.challenge = ch;
    return true;
  }

  /** The Authorization header for a request needing `scopes`, fetching a token when needed (or when `force`). */
  async header(scopes: string[], force = false): Promise<string | undefined> {
    const ch = this.challenge;
    if (!ch) return undefined;
    if (ch.scheme === 'basic') return this.credential?.username !== undefined ? basic(this.credential) : undefined;
    if (ch.scheme !== 'bearer') return undefined;
    const key = scopes.join(' ');
    const cached = this.tokens.get(key);
    if (cached && !force && cached.expiresAt > Date.now()) return `Bearer ${cached.token}`;
    const token = await this.fetchToken(ch, scopes);
    this.tokens.set(key, token);
    return `Bearer ${token.token}`;
  }

  private realmUrl(ch: Challenge): URL {
    let realm: URL;
    try {
      realm = new URL(ch.params.realm ?? '');
    } catch {
      throw new RegistryError(
        this.registry,
        'authenticate',
        'bad challenge',
        `realm "${ch.params.realm ?? ''}" is not a URL`,
      );
    }
    const plain =
      realm.protocol === 'http:' && this.origin?.protocol === 'http:' && realm.hostname === this.origin.hostname;
    if (realm.protocol !== 'https:' && !plain) {
      throw new RegistryError(
        this.registry,
        'authenticate',
        'refused',
        `token realm ${realm.origin} is not HTTPS; credentials go over plain HTTP only to the host of a registry that ` +
          'itself answered over plain HTTP (loopback, or listed in insecure-registries)',
      );
    }
    return realm;
  }

  /** The OAuth2 refresh-token grant (POST); undefined when the server does not take it (404, 405). */
  private async oauth2(
    realm: URL,
    service: string,
    scopes: string[],
    refreshToken: string,
  ): Promise<HttpResponse | undefined> {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      service,
      client_id: 'scratchpack',
      scope: scopes.join(' '),
      refresh_token: refreshToken,
    });
    const res = await this.transport.send(
      {
        method: 'POST',
        url: realm.href,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString()),
      },
      this.registry,
      'token (oauth2)',
    );
    return res.status === 404 || res.status === 405 ? undefined : res;
  }

  /** The token GET (https://distribution.github.io/distribution/spec/auth/token/), with basic credentials if any. */
  private tokenGet(realm: URL, service: string, scopes: string[]): Promise<HttpResponse> {
    const url = new URL(realm.href);
    if (service) url.searchParams.set('service', service);
    for (const s of scopes) url.searchParams.append('scope', s);
    const headers: Record<string, string> = {};
    if (this.credential?.username !== undefined) headers.authorization = basic(this.credential);
    return this.transport.send({ method: 'GET', url: url.href, headers }, this.registry, 'token');
  }

  private async fetchToken(ch: Challenge, scopes: string[]): Promise<CachedToken> {
    const realm = this.realmUrl(ch);
    const service = ch.params.service ?? '';
    const res =
      (this.refreshToken ? await this.oauth2(realm, service, scopes, this.refreshToken) : undefined) ??
      (await this.tokenGet(realm, service, scopes));
    if (res.status !== 200) {
      throw new RegistryError(
        this.registry,
        `token for ${scopes.join(' ')}`,
        res.status,
        errorDetail(res.body) ||
          (this.credential ? `credentials from ${this.credential.source} were refused` : 'anonymous access refused'),
      );
    }
    let body: { token?: string; access_token?: string; expires_in?: number; refresh_token?: string };
    try {
      body = JSON.parse(res.body.toString('utf8')) as typeof body;
    } catch {
      // JSON.parse quotes the start of its input in its message, and that may be a token: say only what went wrong.
      throw new RegistryError(
        this.registry,
        'token',
        'bad response',
        'the token server answered with something that is not JSON',
      );
    }
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(this.registry, 'token', 'bad response', 'no token in the token server answer');
    this.mask(token);
    if (body.refresh_token) {
      this.mask(body.refresh_token);
      this.refreshToken = body.refresh_token;
    }
    const ttl = Math.max(60, body.expires_in ?? 60);
    return { token, expiresAt: Date.now() + (ttl - 10) * 1000 };
  }
}

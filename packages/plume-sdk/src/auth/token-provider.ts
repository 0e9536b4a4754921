import type { EmitEvent } from '../events';
import { abortable } from '../http/abort';
import { readJwt, tokenLifetimeMs } from './jwt';
import type { CachedToken, TokenCache } from './token-cache';
import type { TokenResponse } from './token-request';

/** A token just obtained from the SSO, with what the SSO said about it. */
export interface IssuedToken extends CachedToken {
  /** When the token itself expires (epoch ms); `expiresAt` is earlier by the refresh margin. */
  readonly expiresAtLatest: number;
  readonly scope: string | undefined;
  readonly clientId: string | undefined;
}

/** What the provider needs: how to ask the SSO, where to keep tokens, and the clock. */
export interface TokenProviderDeps {
  readonly request: () => Promise<TokenResponse>;
  readonly cache: TokenCache;
  readonly cacheKey: string;
  readonly marginMs: number;
  readonly now: () => number;
  /** `undefined` without a listener. */
  readonly emit: EmitEvent | undefined;
}

/**
 * Hands out access tokens: reuses the cached one until `min(expires_in, JWT lifetime)` minus the
 * margin, shares one in-flight lookup or token request among all concurrent callers, and drops a
 * token the API rejected. A failing cache is treated as empty.
 */
export class TokenProvider {
  readonly #deps: TokenProviderDeps;
  /** The token this provider last obtained or found: the fast path, without touching the cache. */
  #current: CachedToken | undefined;
  #lookup: Promise<string> | undefined;
  #request: Promise<IssuedToken> | undefined;
  /** The token the API last rejected: never taken from the cache again (a cache may lack `delete`, or another process may put it back). */
  #rejected: string | undefined;

  constructor(deps: TokenProviderDeps) {
    this.#deps = deps;
  }

  /** The token in hand while it is usable, synchronously: the fast path every call takes; else `undefined`. */
  peek(): string | undefined {
    const current = this.#current;
    return current && current.expiresAt > this.#deps.now() ? current.accessToken : undefined;
  }

  /** A usable access token; `signal` lets this caller stop waiting without cancelling it for others. */
  getToken(signal?: AbortSignal): Promise<string> {
    const current = this.peek();
    if (current !== undefined) return Promise.resolve(current);
    if (!this.#lookup) {
      const lookup = this.#cachedOrNew().finally(() => {
        if (this.#lookup === lookup) this.#lookup = undefined;
      });
      this.#lookup = lookup;
    }
    return abortable(this.#lookup, signal);
  }

  /** Requests a new token from the SSO (joining one already in flight) and caches it. */
  refresh(signal?: AbortSignal): Promise<IssuedToken> {
    if (!this.#request) {
      const request = this.#requestAndStore().finally(() => {
        if (this.#request === request) this.#request = undefined;
      });
      this.#request = request;
    }
    return abortable(this.#request, signal);
  }

  /** Drops `token` from the cache if it is still the cached one (a newer token is kept). */
  async invalidate(token: string | undefined): Promise<void> {
    const { cache, cacheKey, emit } = this.#deps;
    emit?.({ type: 'token', action: 'rejected' });
    this.#rejected = token;
    // A lookup still in flight may be about to hand out the rejected token: later callers start afresh.
    if (this.#current?.accessToken === token) this.#current = undefined;
    this.#lookup = undefined;
    if (!cache.delete) return;
    try {
      if ((await cache.get(cacheKey))?.accessToken === token) await cache.delete(cacheKey);
    } catch {
      // A failing cache only means the next lookup asks the SSO.
    }
  }

  async #cachedOrNew(): Promise<string> {
    const { cache, cacheKey, now } = this.#deps;
    let cached: CachedToken | undefined;
    try {
      cached = await cache.get(cacheKey);
    } catch {
      cached = undefined;
    }
    if (cached && cached.expiresAt > now() && cached.accessToken !== this.#rejected) {
      this.#current = cached;
      return cached.accessToken;
    }
    return (await this.refresh()).accessToken;
  }

  async #requestAndStore(): Promise<IssuedToken> {
    const { request, cache, cacheKey, marginMs, now, emit } = this.#deps;
    emit?.({ type: 'token', action: 'requested' });
    let response: TokenResponse;
    try {
      response = await request();
    } catch (error) {
      emit?.({ type: 'token', action: 'failed' });
      throw error;
    }
    const receivedAt = now();
    const jwt = readJwt(response.access_token);
    const lifetime = tokenLifetimeMs(response.expires_in, jwt, receivedAt);
    const usableForMs = lifetime - Math.min(marginMs, lifetime / 2);
    const token: IssuedToken = {
      accessToken: response.access_token,
      expiresAt: receivedAt + usableForMs,
      expiresAtLatest: receivedAt + lifetime,
      scope: response.scope,
      clientId: jwt.cid,
    };
    emit?.({ type: 'token', action: 'received', usableForMs });
    this.#current = token;
    try {
      await cache.set(cacheKey, { accessToken: token.accessToken, expiresAt: token.expiresAt });
    } catch {
      // Still usable by this call; the next lookup will simply ask again.
    }
    return token;
  }
}

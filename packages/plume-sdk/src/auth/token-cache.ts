/** An access token as the client stores it. */
export interface CachedToken {
  /** The bearer token. Treat it as a secret. */
  readonly accessToken: string;
  /**
   * Epoch milliseconds after which the client stops using the token: the token's real expiry
   * minus the refresh margin.
   */
  readonly expiresAt: number;
}

/**
 * Where the client keeps its access token, so that several clients or processes can share one
 * (for example in Redis). Methods may be synchronous or return promises; only `get` and `set` are
 * required. Keys are derived from the SSO URL, partner id and client id; they hold no secret. The
 * SDK treats a failing cache as empty.
 *
 * @example
 * ```ts
 * const redisCache: TokenCache = {
 *   async get(key) { const raw = await redis.get(key); return raw ? JSON.parse(raw) : undefined; },
 *   async set(key, token) { await redis.set(key, JSON.stringify(token), { PXAT: token.expiresAt }); },
 *   async delete(key) { await redis.del(key); },
 * };
 * ```
 */
export interface TokenCache {
  /** The token stored under `key`, or `undefined`. An expired one is fine: the client checks `expiresAt`. */
  get(key: string): CachedToken | undefined | Promise<CachedToken | undefined>;
  /** Stores a new token under `key`; it may be dropped after `token.expiresAt`. */
  set(key: string, token: CachedToken): void | Promise<void>;
  /**
   * Optional: drops a token the API rejected (401), so that other clients sharing the cache stop
   * using it. Without it, this client still never reuses a rejected token: it asks the SSO instead.
   */
  delete?(key: string): void | Promise<void>;
}

/**
 * The default {@link TokenCache}: a `Map` owned by one client (pass one instance to several
 * clients to share it within a process). Tokens are lost when the process ends.
 *
 * @example
 * ```ts
 * const cache = new MemoryTokenCache();
 * const a = new PlumeClient({ ...options, tokenCache: cache });
 * const b = new PlumeClient({ ...options, tokenCache: cache }); // reuses a's token
 * ```
 */
export class MemoryTokenCache implements TokenCache {
  readonly #tokens = new Map<string, CachedToken>();

  /** The token stored under `key`, or `undefined`. */
  get(key: string): CachedToken | undefined {
    return this.#tokens.get(key);
  }

  /** Stores `token` under `key`, replacing any other. */
  set(key: string, token: CachedToken): void {
    this.#tokens.set(key, token);
  }

  /** Forgets the token under `key`. */
  delete(key: string): void {
    this.#tokens.delete(key);
  }
}

import type { CachedToken, TokenCache } from '@org/plume-sdk';
import type { Pool } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';

/** The context an access token is sealed for (AES-GCM associated data): its cache key. */
const tokenContext = (key: string) => `plume-token:${key}`;

/**
 * The SDK's {@link TokenCache} in PostgreSQL, so that replicas share each credential's access token
 * instead of each asking Plume's SSO for one. Tokens are sealed by the app (bound to their key) like
 * every credential; one that does not open counts as absent (the SDK then fetches a new one).
 * @example new PlumeClient({ ...options, tokenCache: pgTokenCache(pool, cipher, logger) })
 */
export function pgTokenCache(pool: Pool, cipher: Cipher, logger: Logger): TokenCache {
  return {
    async get(key): Promise<CachedToken | undefined> {
      const { rows } = await pool.query<{ sealed: string; expires_at: number }>(
        'SELECT sealed, expires_at FROM plume_tokens WHERE cache_key = $1',
        [key],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      try {
        return { accessToken: cipher.open(row.sealed, tokenContext(key)), expiresAt: row.expires_at };
      } catch {
        logger.warn('A cached Plume access token cannot be decrypted; a new one will be fetched.');
        return undefined;
      }
    },
    async set(key, token) {
      await pool.query(
        `INSERT INTO plume_tokens (cache_key, sealed, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (cache_key) DO UPDATE SET sealed = excluded.sealed, expires_at = excluded.expires_at`,
        [key, cipher.seal(token.accessToken, tokenContext(key)), token.expiresAt],
      );
    },
    async delete(key) {
      await pool.query('DELETE FROM plume_tokens WHERE cache_key = $1', [key]);
    },
  };
}

import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { openPgPool, pgTransaction, preparePgDatabase } from './pg-database';
import { decodeUserRow, encodeUserRow, type UserRow } from './user-row';
import type { UserStore } from './user-store';
import { emptyUserState, type UserState } from './user-state';

export interface PgUserStoreOptions {
  /** A PostgreSQL URL, from `parseDatabaseUrl` (database-url.ts). */
  url: string;
  /** What logs and errors call the database: the redacted URL, never `url` (it may hold a password). */
  name: string;
  /** Encrypts the secret part of each row (a /setup draft), as in the SQLite store. */
  cipher: Cipher;
  logger: Logger;
  clock?: () => number;
  /** Connections at most; default 5. */
  poolSize?: number;
}

/**
 * The {@link UserStore} on PostgreSQL, for several replicas sharing one database: rows as in
 * SQLite (the secret part sealed by the app, bound to the user id). Each `update` is one
 * transaction holding the user's row lock (`SELECT … FOR UPDATE`, after making sure the row
 * exists), so concurrent updates of one user, from any connection or replica, apply one after the
 * other and none is lost. At open it applies the missing schema steps and checks the key.
 * @throws {EncryptionKeyMismatchError} when the cipher's key is not the one the database was sealed with
 * @throws {DatabaseUnavailableError} when the database cannot be reached
 * @example const store = await openPgUserStore({ url, name: redacted, cipher, logger });
 */
export async function openPgUserStore(options: PgUserStoreOptions): Promise<UserStore> {
  const clock = options.clock ?? Date.now;
  const pool: Pool = openPgPool({
    url: options.url,
    name: options.name,
    logger: options.logger,
    max: options.poolSize ?? 5,
  });
  try {
    await preparePgDatabase(pool, options.cipher, options.name, clock());
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    ...pgUserStore(pool, options.cipher, options.logger, clock),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The {@link UserStore} on a pool someone else owns and has prepared (`preparePgDatabase`): the
 * storage factory's shared pool. Its `close` does nothing; the pool's owner ends the pool.
 * @example const users = pgUserStore(pool, cipher, logger, Date.now); await users.count() // 0
 */
export function pgUserStore(pool: Pool, cipher: Cipher, logger: Logger, clock: () => number): UserStore {
  async function read(client: Pool | PoolClient, userId: number, lock = false): Promise<UserState> {
    const { rows } = await client.query<UserRow>(
      `SELECT public_state, secret_state FROM users WHERE user_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [userId],
    );
    return decodeUserRow(rows[0], userId, cipher, logger);
  }

  return {
    get: (userId) => read(pool, userId),
    update: (userId, change) =>
      pgTransaction(pool, async (client) => {
        // A new user has no row to lock: insert an empty one first (a concurrent insert waits for
        // this transaction), then lock it. Rolled back with the rest if `change` throws.
        await client.query(
          `INSERT INTO users (user_id, public_state, secret_state, updated_at) VALUES ($1, $2, NULL, $3)
           ON CONFLICT (user_id) DO NOTHING`,
          [userId, JSON.stringify(emptyUserState()), clock()],
        );
        const next = change(await read(client, userId, true));
        const row = encodeUserRow(next, userId, cipher);
        await client.query(
          'UPDATE users SET public_state = $2, secret_state = $3, updated_at = $4 WHERE user_id = $1',
          [userId, row.public_state, row.secret_state, clock()],
        );
        return next;
      }),
    delete: async (userId) => {
      await pool.query('DELETE FROM users WHERE user_id = $1', [userId]);
    },
    noteRefusal: async (userId) => {
      const result = await pool.query(
        'INSERT INTO refusals (user_id, refused_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING',
        [userId, clock()],
      );
      return result.rowCount === 1;
    },
    count: async () => {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*) AS n FROM users');
      return rows[0]?.n ?? 0;
    },
    close: () => Promise.resolve(),
  };
}

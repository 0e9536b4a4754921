import type { Pool } from 'pg';
import type { Logger } from '../logger';
import { DatabaseUnavailableError, lockForTransaction, openPgPool, pgTransaction } from './pg-database';
import { migratePostgres } from './pg-schema';
import { decodeRoute, decodeSettings, settingsWrite, type RouteRow } from './settings-row';
import type { SettingsStore } from './settings-store';

export interface PgSettingsStoreOptions {
  /** A PostgreSQL URL, from `parseDatabaseUrl` (database-url.ts). */
  url: string;
  /** What logs and errors call the database: the redacted URL, never `url` (it may hold a password). */
  name: string;
  logger: Logger;
  clock?: () => number;
  /** Connections at most; default 5. */
  poolSize?: number;
}

/**
 * The {@link SettingsStore} on a PostgreSQL database of its own pool (the storage factory shares
 * one pool instead: {@link pgSettingsStore}). At open it applies the missing schema steps; it seals
 * nothing, so it needs no key.
 * @throws {DatabaseUnavailableError} when the database cannot be reached or prepared
 * @example const settings = await openPgSettingsStore({ url, name: redacted, logger }); await settings.get(42) // the defaults
 */
export async function openPgSettingsStore(options: PgSettingsStoreOptions): Promise<SettingsStore> {
  const pool = openPgPool({ url: options.url, name: options.name, logger: options.logger, max: options.poolSize ?? 5 });
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    if (error instanceof Error && /newer than this bot/.test(error.message)) throw error;
    throw new DatabaseUnavailableError(options.name, { cause: error });
  }
  return {
    ...pgSettingsStore(pool, options.logger, options.clock ?? Date.now),
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The {@link SettingsStore} on a pool someone else owns and has prepared (`preparePgDatabase`), for
 * several replicas sharing one database. Each `update` is one transaction holding the person's
 * advisory lock (a person without a row has no row to lock `FOR UPDATE`), so concurrent updates of
 * one person, from any connection or replica, apply one after the other and none is lost. Its
 * `close` does nothing; the pool's owner ends the pool.
 * @example const settings = pgSettingsStore(pool, logger, Date.now); await settings.route(42) // undefined
 */
export function pgSettingsStore(pool: Pool, logger: Logger, clock: () => number): SettingsStore {
  const read = async (client: Pick<Pool, 'query'>, userId: number) => {
    const { rows } = await client.query<{ settings: string }>(
      'SELECT settings FROM alert_settings WHERE user_id = $1',
      [userId],
    );
    return decodeSettings(rows[0]?.settings, userId, logger);
  };

  return {
    get: (userId) => read(pool, userId),
    update: (userId, change) =>
      pgTransaction(pool, async (client) => {
        await lockForTransaction(client, 'alert-settings', userId);
        const now = clock();
        const write = settingsWrite(await read(client, userId), change, now);
        await client.query(
          `INSERT INTO alert_settings (user_id, settings, digest_date, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at,
             digest_date = COALESCE(excluded.digest_date, alert_settings.digest_date)`,
          [userId, write.json, write.digestDate, now],
        );
        return write.settings;
      }),
    async route(userId) {
      const { rows } = await pool.query<RouteRow>(
        'SELECT chat_id, thread_id, chat_title FROM alert_routes WHERE user_id = $1',
        [userId],
      );
      return decodeRoute(rows[0]);
    },
    async setRoute(userId, route) {
      await pool.query(
        `INSERT INTO alert_routes (user_id, chat_id, thread_id, chat_title, set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE SET chat_id = excluded.chat_id, thread_id = excluded.thread_id,
           chat_title = excluded.chat_title, set_at = excluded.set_at`,
        [userId, route.chatId, route.threadId ?? null, route.chatTitle, clock()],
      );
    },
    async clearRoute(userId) {
      const result = await pool.query('DELETE FROM alert_routes WHERE user_id = $1', [userId]);
      return (result.rowCount ?? 0) > 0;
    },
    async moveChat(fromChatId, toChatId) {
      // One statement: a migration seen twice (two replicas, or a replay) moves nothing the second time.
      const result = await pool.query('UPDATE alert_routes SET chat_id = $1 WHERE chat_id = $2', [
        toChatId,
        fromChatId,
      ]);
      return result.rowCount ?? 0;
    },
    close: () => Promise.resolve(),
  };
}

import { Pool, types, type CustomTypesConfig, type PoolClient } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { EncryptionKeyMismatchError, opensKeyCheck, sealKeyCheck } from './key-check';
import { migratePostgres } from './pg-schema';

/**
 * Type parsers of the bot's pools: `bigint` (which node-postgres hands back as a string) as a number (ids and ms times stay far below 2^53; `count(*)`
 * is a bigint too). Per pool, never node-postgres's global `types.setTypeParser`.
 */
const botTypes: CustomTypesConfig = {
  getTypeParser: (oid, format) => {
    if (oid === types.builtins.INT8) return (value: string) => Number(value); // node-postgres asks for text, never binary
    const parser: unknown = types.getTypeParser(oid, format);
    return parser;
  },
};

/** How the bot's connections name themselves to the server (`pg_stat_activity.application_name`). */
export const PG_APPLICATION_NAME = 'plume-telegram-bot';

export interface PgPoolOptions {
  /** A PostgreSQL URL, from `parseDatabaseUrl` (database-url.ts). */
  url: string;
  /** What logs and errors call the database (the redacted URL): never the URL itself, which may hold a password. */
  name: string;
  logger: Logger;
  /** Connections at most; default 5. */
  max?: number;
}

/**
 * A pool of connections to the bot's PostgreSQL database. A connection that fails while idle (the
 * server restarted) is logged and replaced, never thrown at the process.
 * @example const pool = openPgPool({ url, name: redacted, logger });
 */
export function openPgPool(options: PgPoolOptions): Pool {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max ?? 5,
    types: botTypes,
    application_name: PG_APPLICATION_NAME,
  });
  pool.on('error', (error) =>
    options.logger.warn({ database: options.name, error: error.message }, 'An idle PostgreSQL connection failed.'),
  );
  return pool;
}

/**
 * Runs `work` in one transaction on a connection of `pool`: committed when it resolves, rolled back
 * when it throws (the error is passed on).
 * @example await pgTransaction(pool, (client) => client.query('DELETE FROM users WHERE user_id = $1', [7]))
 */
export async function pgTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}

/**
 * Takes a transaction-scoped advisory lock on `(scope, id)`, e.g. one workspace, so that changes to
 * it run one after the other across every connection and replica; released at commit or rollback.
 * @example await lockForTransaction(client, 'workspace', workspaceId)
 */
export async function lockForTransaction(client: PoolClient, scope: string, id: number): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2::text, 0))", [scope, id]);
}

/** The database could not be reached or prepared at start; the message names it without its password. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(database: string, options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Cannot open the PostgreSQL database ${database}: ${reason}. Check DATABASE_URL and that the server is up.`, {
      cause: options.cause,
    });
  }
}

/**
 * Prepares a PostgreSQL database for the bot's stores: applies the missing schema steps (under an
 * advisory lock, see pg-schema.ts), then checks the key against the database's key check, writing
 * one first on a new database (a replica starting at the same time finds and checks that one).
 * @throws {EncryptionKeyMismatchError} when the cipher's key is not the one the database was sealed with
 * @throws {DatabaseUnavailableError} when the server cannot be reached or refuses the connection
 * @example await preparePgDatabase(pool, cipher, 'postgres://bot:***@db/bot', Date.now())
 */
export async function preparePgDatabase(pool: Pool, cipher: Cipher, name: string, now: number): Promise<void> {
  try {
    await migratePostgres(pool);
  } catch (error) {
    if (error instanceof Error && /newer than this bot/.test(error.message)) throw error;
    throw new DatabaseUnavailableError(name, { cause: error });
  }
  await pool.query('INSERT INTO key_check (id, sealed, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING', [
    sealKeyCheck(cipher),
    now,
  ]);
  const { rows } = await pool.query<{ sealed: string }>('SELECT sealed FROM key_check WHERE id = 1');
  if (!opensKeyCheck(cipher, rows[0]?.sealed ?? '')) throw new EncryptionKeyMismatchError(name, 'postgres');
}

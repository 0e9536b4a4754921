import type { PoolClient } from 'pg';
import type { Logger } from '../logger';
import { createCipher, type Cipher } from '../security/cipher';
import { EncryptionKeyMismatchError, opensKeyCheck, sealKeyCheck, secretContext, workspaceContext } from './key-check';
import { DatabaseUnavailableError, openPgPool, PG_APPLICATION_NAME, pgTransaction } from './pg-database';
import { migratePostgres } from './pg-schema';
import { resealOrStop, RotationError, type RotationResult } from './rotate-key';

/**
 * Re-seals one kind of sealed row inside the rotation's transaction (on `client`), returning how
 * many it moved; it throws a {@link RotationError} naming the row when `from` does not open one.
 */
export type PgResealer = (client: PoolClient, from: Cipher, to: Cipher) => Promise<number>;

export interface PgRotateKeyOptions {
  /** A PostgreSQL URL, from `parseDatabaseUrl` (database-url.ts). */
  url: string;
  /** What messages call the database: the redacted URL, never `url` (it may hold a password). */
  name: string;
  /** The key the rows are sealed with now. */
  from: Buffer;
  /** The key to seal them with. */
  to: Buffer;
  /**
   * Re-seals the update inbox (pending updates and their recorded effects): the inbox store's
   * business, passed in so that its sealing rules stay in one place.
   */
  resealInbox: PgResealer;
  logger: Logger;
  clock?: () => number;
}

/** The advisory lock a rotation holds for its transaction: a second rotation of the same database stops at once. */
export const ROTATION_LOCK = 0x706c756d65_02n; // "plume", 2

/**
 * Re-seals every sealed value of a PostgreSQL database (users' secret state, workspaces'
 * credentials, the update inbox through `resealInbox`) and the key check under a new key, in one
 * transaction: every row moves to the new key or none does. Cached Plume access tokens are
 * deleted rather than re-sealed (replicas fetch new ones). Every replica must be stopped first:
 * the rotation refuses while one is connected, and a replica that starts meanwhile waits for it
 * (the key check is locked), then finds the new key check and stops unless it has the new key.
 * (A replica that kept running without a connection, idle past its pool's idle timeout, cannot be
 * seen: it would write values sealed under the old key after the rotation. Hence: stop them all.)
 * @throws {EncryptionKeyMismatchError} when `from` is not the key the database was sealed with
 * @throws {RotationError} when a replica is connected, another rotation runs, or a row does not open with `from`
 * @throws {DatabaseUnavailableError} when the server cannot be reached
 * @example await rotatePgEncryptionKey({ url, name: redacted, from: oldKey, to: newKey, resealInbox, logger }) // { resealed: 2, workspaces: 1 }
 */
export async function rotatePgEncryptionKey(options: PgRotateKeyOptions): Promise<RotationResult> {
  const from = createCipher(options.from);
  const to = createCipher(options.to);
  const now = (options.clock ?? Date.now)();
  const pool = openPgPool({ url: options.url, name: options.name, logger: options.logger, max: 1 });
  try {
    try {
      await migratePostgres(pool);
    } catch (error) {
      if (error instanceof Error && /newer than this bot/.test(error.message)) throw error;
      throw new DatabaseUnavailableError(options.name, { cause: error });
    }
    return await pgTransaction(pool, (client) => rotate(client, from, to, options, now));
  } finally {
    await pool.end();
  }
}

async function rotate(
  client: PoolClient,
  from: Cipher,
  to: Cipher,
  options: PgRotateKeyOptions,
  now: number,
): Promise<RotationResult> {
  const { rows: locked } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [
    ROTATION_LOCK.toString(),
  ]);
  if (locked[0]?.locked !== true)
    throw new RotationError(`Another key rotation is running on ${options.name}; nothing was changed.`);
  // A replica starting now writes its key check first (preparePgDatabase): it waits here until we
  // commit, then reads the new check. Reads go on, so the replicas seen below are all there are.
  await client.query('LOCK TABLE key_check IN EXCLUSIVE MODE');
  await refuseWhileReplicasConnected(client, options.name);
  const { rows: checks } = await client.query<{ sealed: string }>('SELECT sealed FROM key_check WHERE id = 1');
  const check = checks[0];
  if (check !== undefined && !opensKeyCheck(from, check.sealed))
    throw new EncryptionKeyMismatchError(options.name, 'postgres');

  const users = await client.query<{ user_id: number; secret_state: string }>(
    'SELECT user_id, secret_state FROM users WHERE secret_state IS NOT NULL ORDER BY user_id FOR UPDATE',
  );
  for (const row of users.rows) {
    const what = `The stored state of user ${row.user_id}`;
    const sealed = resealOrStop(from, to, row.secret_state, secretContext(row.user_id), what);
    await client.query('UPDATE users SET secret_state = $1 WHERE user_id = $2', [sealed, row.user_id]);
  }
  const workspaces = await client.query<{ workspace_id: number; credentials: string }>(
    'SELECT workspace_id, credentials FROM workspaces WHERE credentials IS NOT NULL ORDER BY workspace_id FOR UPDATE',
  );
  for (const row of workspaces.rows) {
    const what = `The credentials of workspace ${row.workspace_id}`;
    const sealed = resealOrStop(from, to, row.credentials, workspaceContext(row.workspace_id), what);
    await client.query('UPDATE workspaces SET credentials = $1 WHERE workspace_id = $2', [sealed, row.workspace_id]);
  }
  try {
    await options.resealInbox(client, from, to); // updates a stop left pending: the next start resumes them
  } catch (error) {
    if (error instanceof RotationError || !(error instanceof Error)) throw error;
    throw new RotationError(`${error.message}; nothing was changed.`);
  }
  await client.query('DELETE FROM plume_tokens');
  await client.query(
    `INSERT INTO key_check (id, sealed, created_at) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed, created_at = excluded.created_at`,
    [sealKeyCheck(to), now],
  );
  return { resealed: users.rows.length, workspaces: workspaces.rows.length };
}

/**
 * A running replica would go on sealing with the old key: the rotation refuses while one is
 * connected. The bot's connections are named `plume-telegram-bot`, its job scheduler's (pg-boss)
 * `plume-telegram-bot-jobs`: both are counted, whatever follows the name.
 */
async function refuseWhileReplicasConnected(client: PoolClient, name: string): Promise<void> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*) AS n FROM pg_stat_activity
     WHERE datname = current_database() AND (application_name = $1 OR application_name LIKE $1 || '-%')
       AND pid <> pg_backend_pid()`,
    [PG_APPLICATION_NAME],
  );
  const connected = rows[0]?.n ?? 0;
  if (connected > 0) {
    throw new RotationError(
      `${connected} connection${connected === 1 ? ' of the bot is' : 's of the bot are'} open to ${name}: stop every replica, then run the rotation again. Nothing was changed.`,
    );
  }
}

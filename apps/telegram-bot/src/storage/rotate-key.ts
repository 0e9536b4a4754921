import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { createCipher, type Cipher } from '../security/cipher';
import { checkEncryptionKey, secretContext, workspaceContext, writeKeyCheck } from './key-check';
import { migrate } from './schema';
import { resealUpdateInbox } from './sqlite-update-inbox';

export interface RotateKeyOptions {
  /** The bot's database file (`DATA_DIR/bot.sqlite`). */
  file: string;
  /** The key the rows are sealed with now. */
  from: Buffer;
  /** The key to seal them with. */
  to: Buffer;
  clock?: () => number;
}

/** A row whose sealed state the current key does not open: the rotation stops and changes nothing. */
export class RotationError extends Error {
  override readonly name = 'RotationError';
}

/** What a rotation re-sealed. */
export interface RotationResult {
  /** Users whose secret state (a /setup in progress) was re-sealed. */
  resealed: number;
  /** Workspaces whose credentials were re-sealed. */
  workspaces: number;
}

/**
 * `sealed` re-sealed under `to`, bound to the same context: the one step of every rotation.
 * @throws {RotationError} naming `what` when `from` does not open it (the whole rotation is then undone)
 * @example resealOrStop(from, to, row.credentials, workspaceContext(7), 'The credentials of workspace 7')
 */
export function resealOrStop(from: Cipher, to: Cipher, sealed: string, context: string, what: string): string {
  let plain: string;
  try {
    plain = from.open(sealed, context);
  } catch {
    throw new RotationError(`${what} cannot be opened with the current key (damaged?); nothing was changed.`);
  }
  return to.seal(plain, context);
}

/**
 * Re-seals every user's secret state, every workspace's credentials, the inbox's pending updates,
 * and the key check, under a new
 * key, in one transaction: all rows move to the new key or none does (a crash or a row that does
 * not open leaves the database as it was). Run it with the bot stopped; then start the bot with the new key.
 * @throws {EncryptionKeyMismatchError} when `from` is not the key the database was sealed with
 * @throws {RotationError} when the database is missing, or a row does not open with `from`
 * @example rotateEncryptionKey({ file: 'data/bot.sqlite', from: oldKey, to: newKey }) // { resealed: 12, workspaces: 3 }
 */
export function rotateEncryptionKey(options: RotateKeyOptions): RotationResult {
  if (!existsSync(options.file)) throw new RotationError(`There is no database at ${options.file}: check DATA_DIR.`);
  const from = createCipher(options.from);
  const to = createCipher(options.to);
  const now = (options.clock ?? Date.now)();
  const db = new DatabaseSync(options.file);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    migrate(db);
    db.exec('BEGIN IMMEDIATE');
    try {
      checkEncryptionKey(db, from, options.file, now);
      const rows = db.prepare('SELECT user_id, secret_state FROM users WHERE secret_state IS NOT NULL').all() as Array<{
        user_id: number;
        secret_state: string;
      }>;
      const reseal = db.prepare('UPDATE users SET secret_state = ? WHERE user_id = ?');
      for (const row of rows) {
        const what = `The stored state of user ${row.user_id}`;
        reseal.run(resealOrStop(from, to, row.secret_state, secretContext(row.user_id), what), row.user_id);
      }
      const workspaces = db
        .prepare('SELECT workspace_id, credentials FROM workspaces WHERE credentials IS NOT NULL')
        .all() as Array<{ workspace_id: number; credentials: string }>;
      const resealWorkspace = db.prepare('UPDATE workspaces SET credentials = ? WHERE workspace_id = ?');
      for (const row of workspaces) {
        const what = `The credentials of workspace ${row.workspace_id}`;
        const sealed = resealOrStop(from, to, row.credentials, workspaceContext(row.workspace_id), what);
        resealWorkspace.run(sealed, row.workspace_id);
      }
      try {
        resealUpdateInbox(db, from, to); // updates a stop left pending: the next start resumes them
      } catch (error) {
        throw new RotationError(`${(error as Error).message}; nothing was changed.`);
      }
      writeKeyCheck(db, to, now);
      db.exec('COMMIT');
      return { resealed: rows.length, workspaces: workspaces.length };
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}

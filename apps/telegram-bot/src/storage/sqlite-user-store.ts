import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { checkEncryptionKey } from './key-check';
import { migrate } from './schema';
import { decodeUserRow, encodeUserRow, type UserRow } from './user-row';
import type { UserStore } from './user-store';
import type { UserState } from './user-state';
import { settle } from './settle';

/** Name of the database file inside `DATA_DIR`. */
export const DATABASE_FILE_NAME = 'bot.sqlite';

export interface SqliteUserStoreOptions {
  /** Path of the database file; its folder is created (0700) when missing. */
  file: string;
  /** Encrypts the secret part of each row (a /setup draft). */
  cipher: Cipher;
  logger: Logger;
  clock?: () => number;
}

/**
 * The embedded {@link UserStore}: one SQLite file (node:sqlite), one row per user. The public part
 * is JSON; the secret part (a /setup in progress) is sealed with the cipher, bound to the user id, so the file never holds
 * a header or token in clear. Each update is one `BEGIN IMMEDIATE` transaction in WAL mode with
 * `synchronous = NORMAL`: atomic and crash-safe; a power cut may lose the last commits, never tear one.
 * The key is checked against the database's key check when it opens.
 * @throws {EncryptionKeyMismatchError} when the cipher's key is not the one the database was sealed with
 */
export function createSqliteUserStore(options: SqliteUserStoreOptions): UserStore {
  const { cipher, logger } = options;
  const clock = options.clock ?? Date.now;
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(options.file);
  chmodSync(options.file, 0o600);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  migrate(db);
  try {
    checkEncryptionKey(db, cipher, options.file, clock());
  } catch (error) {
    db.close();
    throw error;
  }
  const select = db.prepare('SELECT public_state, secret_state FROM users WHERE user_id = ?');
  const upsert = db.prepare(
    `INSERT INTO users (user_id, public_state, secret_state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET public_state = excluded.public_state, secret_state = excluded.secret_state, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM users WHERE user_id = ?');
  const countRows = db.prepare('SELECT COUNT(*) AS n FROM users');
  const insertRefusal = db.prepare('INSERT OR IGNORE INTO refusals (user_id, refused_at) VALUES (?, ?)');

  const read = (userId: number): UserState =>
    decodeUserRow(select.get(userId) as UserRow | undefined, userId, cipher, logger);

  function write(userId: number, state: UserState): void {
    const row = encodeUserRow(state, userId, cipher);
    upsert.run(userId, row.public_state, row.secret_state, clock());
  }

  function transaction<T>(work: () => T): T {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  return {
    get: (userId) => settle(() => read(userId)),
    update: (userId, change) =>
      settle(() =>
        transaction(() => {
          const next = change(read(userId));
          write(userId, next);
          return next;
        }),
      ),
    delete: (userId) => settle(() => void remove.run(userId)),
    noteRefusal: (userId) => settle(() => Number(insertRefusal.run(userId, clock()).changes) === 1),
    count: () => settle(() => Number((countRows.get() as { n: number }).n)),
    close: () =>
      settle(() => {
        if (db.isOpen) db.close();
      }),
  };
}

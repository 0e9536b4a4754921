import type { DatabaseSync } from 'node:sqlite';
import type { Cipher } from '../security/cipher';

/** The context a user's sealed state is bound to (AES-GCM associated data). */
export const secretContext = (userId: number) => `user:${userId}`;

/** The context a workspace's sealed credentials are bound to (AES-GCM associated data). */
export const workspaceContext = (workspaceId: number) => `workspace:${workspaceId}`;

const CHECK_CONTEXT = 'key-check';
const CHECK_TEXT = 'telegram-bot encryption key check v1';
/** Sealed rows tried on a database from before the key check. */
const SAMPLE = 20;

/**
 * The encryption key is not the one that sealed the stored credentials. Thrown at start, before
 * anything is read or written, so that a wrong key never makes users look "not set up" (and never
 * leads them to overwrite what they had).
 */
export class EncryptionKeyMismatchError extends Error {
  override readonly name = 'EncryptionKeyMismatchError';
  /**
   * @param file the SQLite file, or the PostgreSQL database's redacted URL with `backend` 'postgres'
   * @param backend which database: the fix differs (a PostgreSQL database is shared by replicas)
   */
  constructor(
    readonly file: string,
    backend: 'sqlite' | 'postgres' = 'sqlite',
  ) {
    super(
      backend === 'sqlite'
        ? `BOT_ENCRYPTION_KEY is not the key that sealed the credentials stored in ${file}. ` +
            'Set BOT_ENCRYPTION_KEY to the key used before (when it was never set: restore encryption.key in DATA_DIR). ' +
            'To move to a new key, stop the bot and run `npm run rotate-key` in apps/telegram-bot with BOT_ENCRYPTION_KEY (the current key) ' +
            'and BOT_NEW_ENCRYPTION_KEY (the new one). Nothing was changed.'
        : `BOT_ENCRYPTION_KEY is not the key that sealed the credentials stored in the PostgreSQL database ${file}. ` +
            'Set BOT_ENCRYPTION_KEY to the key the database was sealed with (every replica needs that same key). ' +
            'To move to a new key, stop every replica and run `npm run rotate-key` in apps/telegram-bot with DATABASE_URL, ' +
            'BOT_ENCRYPTION_KEY (the current key) and BOT_NEW_ENCRYPTION_KEY (the new one). Nothing was changed.',
    );
  }
}

const opens = (cipher: Cipher, sealed: string, context: string, expected?: string) => {
  try {
    const text = cipher.open(sealed, context);
    return expected === undefined || text === expected;
  } catch {
    return false;
  }
};

/**
 * The key check sealed under `cipher`: what a database stores (table `key_check`) to recognise the
 * key that seals its rows, in SQLite and in PostgreSQL alike.
 * @example db.prepare('INSERT INTO key_check (id, sealed, created_at) VALUES (1, ?, ?)').run(sealKeyCheck(cipher), now)
 */
export function sealKeyCheck(cipher: Cipher): string {
  return cipher.seal(CHECK_TEXT, CHECK_CONTEXT);
}

/**
 * Whether `sealed` (a database's key check) was sealed under `cipher`'s key.
 * @example opensKeyCheck(cipher, sealKeyCheck(cipher)) // true
 */
export function opensKeyCheck(cipher: Cipher, sealed: string): boolean {
  return opens(cipher, sealed, CHECK_CONTEXT, CHECK_TEXT);
}

/** Replaces the key check with one sealed under `cipher` (after a rotation). `db` has the schema (see schema.ts). */
export function writeKeyCheck(db: DatabaseSync, cipher: Cipher, now: number): void {
  db.prepare('INSERT OR REPLACE INTO key_check (id, sealed, created_at) VALUES (1, ?, ?)').run(
    sealKeyCheck(cipher),
    now,
  );
}

/**
 * Checks the key against the database's key check: a known text sealed under the key that seals
 * every row. A database without one (new, or from before the check) gets one, once the key has
 * opened one of its sealed rows, if it has any. `db` has the schema (see schema.ts).
 * @throws {EncryptionKeyMismatchError} when the key does not open the check (or, without a check, any sealed row)
 * @example checkEncryptionKey(db, createCipher(key), 'data/bot.sqlite')
 */
export function checkEncryptionKey(db: DatabaseSync, cipher: Cipher, file: string, now = Date.now()): void {
  const check = db.prepare('SELECT sealed FROM key_check WHERE id = 1').get() as { sealed: string } | undefined;
  if (check !== undefined) {
    if (!opensKeyCheck(cipher, check.sealed)) throw new EncryptionKeyMismatchError(file);
    return;
  }
  const rows = db
    .prepare(`SELECT user_id, secret_state FROM users WHERE secret_state IS NOT NULL LIMIT ${SAMPLE}`)
    .all() as Array<{
    user_id: number;
    secret_state: string;
  }>;
  if (rows.length > 0 && !rows.some((row) => opens(cipher, row.secret_state, secretContext(row.user_id)))) {
    throw new EncryptionKeyMismatchError(file);
  }
  writeKeyCheck(db, cipher, now);
}

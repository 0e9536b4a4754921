import { openPgStorage } from './open-pg-storage';
import { openSqliteStorage } from './open-sqlite-storage';
import type { Storage, StorageOptions } from './storage';

export {
  EncryptionKeyRequiredError,
  NotYetOnPostgresError,
  type Storage,
  type StorageOptions,
  type Stores,
} from './storage';

/**
 * Opens every store the bot uses: on SQLite, one file in `dataDir` (the default: nothing to
 * install); on PostgreSQL when `database` is given, one pool shared by the stores, after the
 * schema steps (run under an advisory lock, so replicas starting together don't race) and the key check.
 * @throws {EncryptionKeyMismatchError} when the key is not the one the database was sealed with
 * @throws {DatabaseUnavailableError} when the PostgreSQL server cannot be reached or prepared
 * @throws {EncryptionKeyRequiredError} with `database` but no `encryptionKey`
 * @throws {NotYetOnPostgresError} with `database`, while some stores have no PostgreSQL implementation
 * @example const storage = await openStorage({ dataDir: './data', logger }); await storage.users.count(); await storage.close();
 */
export function openStorage(options: StorageOptions): Promise<Storage> {
  return options.database === undefined
    ? Promise.resolve().then(() => openSqliteStorage(options))
    : openPgStorage({ ...options, database: options.database });
}

import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './schema';

/**
 * The connection the SQLite monitoring stores share (watches, alert state, incidents, the outbox).
 * The stores' interfaces are asynchronous; on SQLite their work is synchronous underneath, and a
 * transaction's `work` is synchronous too: it never awaits, so two callers' transactions can never
 * interleave on this one connection (each runs from BEGIN to COMMIT before anything else does).
 */
export interface MonitoringDatabase {
  readonly db: DatabaseSync;
  /**
   * Runs `work` (synchronous) in one `BEGIN IMMEDIATE` transaction: all of it commits, or none. A
   * nested call joins the outer transaction. Bound: may be destructured.
   */
  transaction<T>(this: void, work: () => T): T;
  close(): void;
}

/**
 * Opens the bot's database file for monitoring on a connection of its own (WAL lets it share the
 * file with the user store and the inbox), bringing the schema up to date.
 * @throws {Error} when the file cannot be opened or its schema is newer than this bot's.
 * @example const monitoring = openMonitoringDatabase('data/bot.sqlite'); monitoring.transaction(() => 1) // 1
 */
export function openMonitoringDatabase(file: string): MonitoringDatabase {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new DatabaseSync(file);
  chmodSync(file, 0o600);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  migrate(db);
  let depth = 0;
  return {
    db,
    transaction<T>(work: () => T): T {
      if (depth > 0) return work();
      db.exec('BEGIN IMMEDIATE');
      depth += 1;
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      } finally {
        depth -= 1;
      }
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

import { join } from 'node:path';
import { createInProcessScheduler } from '../jobs/in-process-scheduler';
import { createCipher } from '../security/cipher';
import { loadEncryptionKey } from '../security/encryption-key';
import { openMonitoringDatabase } from './sqlite-monitoring-db';
import { openSettingsStore } from './settings-store';
import { openSqliteTeamStore } from './sqlite-team-store';
import { createSqliteUserStore, DATABASE_FILE_NAME } from './sqlite-user-store';
import { closeStores, type Storage, type StorageOptions } from './storage';
import { openSqliteUpdateInbox } from './sqlite-update-inbox';

/**
 * The SQLite branch of `openStorage`: every store on its own connection to `DATA_DIR/bot.sqlite`
 * (WAL lets them share the file), sealed with the configured key or one generated into the data folder.
 * @throws {EncryptionKeyMismatchError} when the key is not the one the file was sealed with
 * @example const storage = openSqliteStorage({ dataDir: './data', logger }); await storage.close();
 */
export function openSqliteStorage(options: StorageOptions): Storage {
  const { logger } = options;
  const key = loadEncryptionKey({ configured: options.encryptionKey, dataDir: options.dataDir, logger });
  const file = join(options.dataDir, DATABASE_FILE_NAME);
  const cipher = createCipher(key);
  const clock = options.clock === undefined ? {} : { clock: options.clock };
  const opened: Array<{ close(): void | Promise<void> }> = [];
  const track = <T extends { close(): void | Promise<void> }>(store: T): T => (opened.push(store), store);
  try {
    const users = track(createSqliteUserStore({ file, cipher, logger, ...clock }));
    const inbox = track(openSqliteUpdateInbox({ file, cipher, logger, ...clock }));
    const team = track(openSqliteTeamStore({ file, cipher, logger, ...clock }));
    const settings = track(openSettingsStore({ file, logger, ...clock }));
    const monitoring = track(openMonitoringDatabase(file));
    const jobs = createInProcessScheduler({ logger });
    track({ close: () => jobs.stop() });
    return {
      backend: 'sqlite',
      jobs,
      users,
      team,
      settings,
      inbox,
      monitoring,
      ping: () => Promise.resolve().then(() => void monitoring.db.prepare('SELECT 1').get()),
      close: () => closeStores(opened.splice(0)),
    };
  } catch (error) {
    // Every store opened so far is synchronous on SQLite apart from its close: nothing is left open.
    void closeStores(opened.splice(0)).catch(() => undefined);
    throw error;
  }
}

import { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { checkEncryptionKey } from './key-check';
import { moveLegacyCredentials } from './legacy-credentials';
import { migrate } from './schema';
import { sqliteAudit } from './sqlite-audit';
import { sqliteInvites } from './sqlite-invites';
import { sqlitePurposes } from './sqlite-purposes';
import { sqliteTeamChats } from './sqlite-team-chats';
import { sqliteWorkspaces } from './sqlite-workspaces';
import type { TeamStore } from './team-store';
import { settle } from './settle';

export interface SqliteTeamStoreOptions {
  /** The bot's database file, the user store's (open that first: it creates the file and its folder). */
  file: string;
  /** Seals each workspace's credentials. */
  cipher: Cipher;
  logger: Logger;
  clock?: () => number;
}

/**
 * The embedded {@link TeamStore}: its own connection to the bot's SQLite database (WAL, like the
 * user store and the inbox). At open it checks the key and moves credentials stored by a bot from
 * before workspaces into their one-person workspaces (see {@link moveLegacyCredentials}).
 * @throws {EncryptionKeyMismatchError} when the cipher's key is not the one the database was sealed with
 * @example const team = openSqliteTeamStore({ file: 'data/bot.sqlite', cipher, logger });
 */
export function openSqliteTeamStore(options: SqliteTeamStoreOptions): TeamStore {
  const { cipher, logger } = options;
  const clock = options.clock ?? Date.now;
  const db = new DatabaseSync(options.file);
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    migrate(db);
    checkEncryptionKey(db, cipher, options.file, clock());
    moveLegacyCredentials(db, cipher, logger);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    ...sqliteWorkspaces(db, cipher, logger, clock),
    ...sqliteInvites(db, clock),
    ...sqliteTeamChats(db),
    ...sqliteAudit(db, clock),
    ...sqlitePurposes(db, clock),
    close() {
      return settle(() => {
        if (db.isOpen) db.close();
      });
    },
  };
}

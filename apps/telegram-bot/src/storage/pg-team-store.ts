import type { Pool } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import { pgAudit } from './pg-audit';
import { openPgPool, preparePgDatabase } from './pg-database';
import { pgInvites } from './pg-invites';
import { pgPurposes } from './pg-purposes';
import { pgTeamChats } from './pg-team-chats';
import { pgWorkspaces } from './pg-workspaces';
import type { TeamStore } from './team-store';

export interface PgTeamStoreOptions {
  /** A PostgreSQL URL, from `parseDatabaseUrl` (database-url.ts). */
  url: string;
  /** What logs and errors call the database: the redacted URL, never `url` (it may hold a password). */
  name: string;
  /** Seals each workspace's credentials. */
  cipher: Cipher;
  logger: Logger;
  clock?: () => number;
  /** Connections at most; default 5. */
  poolSize?: number;
}

/**
 * The {@link TeamStore} on PostgreSQL, with its own pool (like the SQLite one's own connection).
 * At open it applies the missing schema steps and checks the key. (A PostgreSQL database is new:
 * there are no credentials from before workspaces to move, unlike SQLite's.)
 * @throws {EncryptionKeyMismatchError} when the cipher's key is not the one the database was sealed with
 * @throws {DatabaseUnavailableError} when the database cannot be reached
 * @example const team = await openPgTeamStore({ url, name: redacted, cipher, logger });
 */
export async function openPgTeamStore(options: PgTeamStoreOptions): Promise<TeamStore> {
  const clock = options.clock ?? Date.now;
  const pool = openPgPool({ url: options.url, name: options.name, logger: options.logger, max: options.poolSize ?? 5 });
  try {
    await preparePgDatabase(pool, options.cipher, options.name, clock());
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    ...pgTeamStore(pool, options.cipher, options.logger, clock),
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The {@link TeamStore} on a pool someone else owns and has prepared (`preparePgDatabase`): the
 * storage factory's shared pool. Its `close` does nothing; the pool's owner ends the pool.
 * @example const team = pgTeamStore(pool, cipher, logger, Date.now); await team.membership(42) // null
 */
export function pgTeamStore(pool: Pool, cipher: Cipher, logger: Logger, clock: () => number): TeamStore {
  return {
    ...pgWorkspaces(pool, cipher, logger, clock),
    ...pgInvites(pool, clock),
    ...pgTeamChats(pool),
    ...pgAudit(pool, clock),
    ...pgPurposes(pool, clock),
    close: () => Promise.resolve(),
  };
}

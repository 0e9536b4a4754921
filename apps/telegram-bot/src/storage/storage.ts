import type { DatabaseUrl } from '../database-url';
import type { JobScheduler } from '../jobs/job-scheduler';
import type { Logger } from '../logger';
import type { SharedPlumeState } from '../plume/gateway';
import type { MonitoringDatabase } from './monitoring-db';
import type { SettingsStore } from './settings-store';
import type { TeamStore } from './team-store';
import type { UpdateInbox } from './update-inbox';
import type { UserStore } from './user-store';

/** Every store the bot uses, on one backend. */
export interface Stores {
  users: UserStore;
  team: TeamStore;
  settings: SettingsStore;
  inbox: UpdateInbox;
  /** The connection the monitoring stores share (watches, alerts, incidents, the outbox, the schedule). */
  monitoring: MonitoringDatabase;
}

/** The bot's storage, opened and ready: migrations applied, the encryption key checked. */
export interface Storage extends Stores {
  /** Which database holds the state. */
  backend: 'sqlite' | 'postgres';
  /**
   * Background jobs, once per key and period: in this process on SQLite, on pg-boss (shared by
   * the replicas) on PostgreSQL. Not started: the jobs are declared first (see start-monitoring.ts).
   */
  jobs: JobScheduler;
  /**
   * Plume's budgets and access tokens, shared by every replica on this database (PostgreSQL);
   * undefined on SQLite, where the one process keeps them in memory.
   */
  plume?: SharedPlumeState | undefined;
  /**
   * Resolves when the database answers a trivial query now, rejects when it does not (readiness:
   * a PostgreSQL server that went away). Never throws synchronously. Bound: may be passed on alone.
   */
  ping(this: void): Promise<void>;
  /** Closes every store and connection; safe to call twice. */
  close(): Promise<void>;
}

export interface StorageOptions {
  /** The data folder: SQLite's database file, and the generated key when none is configured. */
  dataDir: string;
  /** PostgreSQL instead of SQLite (from `parseDatabaseUrl` in database-url.ts). */
  database?: DatabaseUrl | undefined;
  /** `BOT_ENCRYPTION_KEY`, decoded; required with `database` (every replica must hold the same key). */
  encryptionKey?: Buffer | undefined;
  logger: Logger;
  /** The clock of stored times (key check, audit, invites, …). @default Date.now */
  clock?: () => number;
  /**
   * This process among the replicas (`REPLICA_ID`): the owner of the updates it takes, and its name
   * in pg-boss's instance registry (PostgreSQL). Must differ between replicas running at once. @default the host name and process id
   */
  replicaId?: string | undefined;
  /** How long an update a replica took stays its own without being renewed (PostgreSQL). @default 30 s */
  updateLeaseMs?: number | undefined;
  /** How often a replica running a background job says it is alive (pg-boss, PostgreSQL). @default 30 */
  jobHeartbeatSeconds?: number | undefined;
}

/** PostgreSQL storage needs a configured key: a key generated per replica would differ from the database's. */
export class EncryptionKeyRequiredError extends Error {
  override readonly name = 'EncryptionKeyRequiredError';
  constructor() {
    super(
      'BOT_ENCRYPTION_KEY is required with DATABASE_URL: every replica must hold the same key (openssl rand -base64 32).',
    );
  }
}

/** Some stores have no PostgreSQL implementation yet: the bot cannot run on PostgreSQL. */
export class NotYetOnPostgresError extends Error {
  override readonly name = 'NotYetOnPostgresError';
  constructor(readonly stores: readonly string[]) {
    super(`Not yet on PostgreSQL: ${stores.join(', ')}. Unset DATABASE_URL to run on SQLite.`);
  }
}

/**
 * Closes stores one after the other, the last opened first; the first failure is thrown after all were tried.
 * @example await closeStores([users, inbox])
 */
export async function closeStores(stores: ReadonlyArray<{ close(): void | Promise<void> }>): Promise<void> {
  const failures: unknown[] = [];
  for (const store of [...stores].reverse()) {
    try {
      await store.close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

import { defaultReplicaId } from '../config';
import type { DatabaseUrl } from '../database-url';
import { createPgBossScheduler } from '../jobs/pg-boss-scheduler';
import { createCipher } from '../security/cipher';
import { pgBudgetStore } from './pg-budget-store';
import { openPgPool, preparePgDatabase } from './pg-database';
import { pgMonitoringDatabase } from './pg-monitoring-db';
import { pgSettingsStore } from './pg-settings-store';
import { pgTeamStore } from './pg-team-store';
import { pgTokenCache } from './pg-token-cache';
import { pgUpdateInbox } from './pg-update-inbox';
import { pgUserStore } from './pg-user-store';
import {
  closeStores,
  EncryptionKeyRequiredError,
  NotYetOnPostgresError,
  type Storage,
  type StorageOptions,
  type Stores,
} from './storage';

/** Connections of one replica's pool, which every store shares. */
const POOL_SIZE = 10;

/**
 * The PostgreSQL branch of `openStorage`: one pool for every store, the schema brought up to date
 * under an advisory lock and the key checked (see `preparePgDatabase`) before any store is used.
 * @throws {EncryptionKeyRequiredError} when no key is configured
 * @throws {DatabaseUnavailableError} when the server cannot be reached or prepared
 * @throws {EncryptionKeyMismatchError} when the key is not the database's
 * @throws {NotYetOnPostgresError} naming the stores that have no PostgreSQL implementation yet
 * @example const storage = await openPgStorage({ dataDir, database: parseDatabaseUrl(url), encryptionKey, logger });
 */
export async function openPgStorage(options: StorageOptions & { database: DatabaseUrl }): Promise<Storage> {
  const { logger, database } = options;
  if (options.encryptionKey === undefined) throw new EncryptionKeyRequiredError();
  const cipher = createCipher(options.encryptionKey);
  const clock = options.clock ?? Date.now;
  const pool = openPgPool({ url: database.url, name: database.redacted, logger, max: POOL_SIZE });
  try {
    await preparePgDatabase(pool, cipher, database.redacted, clock());
    // Each store joins here once it has a PostgreSQL implementation, on the shared pool.
    const stores = requireAll({
      users: pgUserStore(pool, cipher, logger, clock),
      team: pgTeamStore(pool, cipher, logger, clock),
      settings: pgSettingsStore(pool, logger, clock),
      inbox: pgUpdateInbox({
        pool,
        cipher,
        logger,
        clock,
        replicaId: options.replicaId ?? defaultReplicaId(),
        ...(options.updateLeaseMs === undefined ? {} : { leaseMs: options.updateLeaseMs }),
      }),
      monitoring: pgMonitoringDatabase(pool),
    });
    // pg-boss has a pool and a schema (`pgboss`) of its own in the same database; it migrates that
    // schema when the monitoring starts it.
    const jobs = createPgBossScheduler({
      url: database.url,
      name: database.redacted,
      logger,
      ...(options.replicaId === undefined ? {} : { replicaId: options.replicaId }),
      ...(options.jobHeartbeatSeconds === undefined ? {} : { heartbeatSeconds: options.jobHeartbeatSeconds }),
    });
    return {
      backend: 'postgres',
      ...stores,
      jobs,
      plume: { budgetStore: (key) => pgBudgetStore(pool, key), tokenCache: pgTokenCache(pool, cipher, logger) },
      ping: async () => void (await pool.query('SELECT 1')),
      async close() {
        try {
          await closeStores([
            stores.users,
            stores.team,
            stores.settings,
            stores.inbox,
            stores.monitoring,
            { close: () => jobs.stop() },
          ]);
        } finally {
          if (!pool.ended) await pool.end();
        }
      },
    };
  } catch (error) {
    if (!pool.ended) await pool.end();
    throw error;
  }
}

/** What the error calls each store. */
const STORE_NAMES: Readonly<Record<keyof Stores, string>> = {
  users: 'users',
  team: 'team',
  settings: 'alert settings',
  inbox: 'update inbox',
  monitoring: 'monitoring (watches, alerts, incidents, outbox, schedule, history)',
};

function requireAll(stores: Partial<Stores>): Stores {
  const missing = (Object.keys(STORE_NAMES) as Array<keyof Stores>).filter((name) => stores[name] === undefined);
  if (missing.length > 0) throw new NotYetOnPostgresError(missing.map((name) => STORE_NAMES[name]));
  return stores as Stores;
}

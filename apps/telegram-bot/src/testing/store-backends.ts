import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Client } from 'pg';
import type { Logger } from '../logger';
import type { Cipher } from '../security/cipher';
import type { MonitoringDatabase } from '../storage/monitoring-db';
import { openPgPool } from '../storage/pg-database';
import { pgMonitoringDatabase } from '../storage/pg-monitoring-db';
import { migratePostgres } from '../storage/pg-schema';
import { openPgSettingsStore } from '../storage/pg-settings-store';
import { openPgTeamStore } from '../storage/pg-team-store';
import { pgUpdateInbox } from '../storage/pg-update-inbox';
import { openPgUserStore } from '../storage/pg-user-store';
import { openSettingsStore, type SettingsStore } from '../storage/settings-store';
import { openMonitoringDatabase } from '../storage/sqlite-monitoring-db';
import { openSqliteTeamStore } from '../storage/sqlite-team-store';
import { openSqliteUpdateInbox } from '../storage/sqlite-update-inbox';
import { createSqliteUserStore } from '../storage/sqlite-user-store';
import type { TeamStore } from '../storage/team-store';
import type { UpdateInbox } from '../storage/update-inbox';
import type { UserStore } from '../storage/user-store';
import { captureLogger } from './capture-logger';
import { createTestDatabase } from './postgres';

/** One new, empty database of a backend, on which any number of stores (connections) can be opened. */
export interface BackendDatabase {
  /** A user store on this database; each call opens its own connection(s), as another replica would. */
  openUsers(cipher: Cipher, clock?: () => number): Promise<UserStore>;
  /** A team store on this database, likewise. */
  openTeam(cipher: Cipher, clock?: () => number): Promise<TeamStore>;
  /** An alert settings store on this database, likewise (it seals nothing: no cipher). */
  openSettings(logger: Logger, clock?: () => number): Promise<SettingsStore>;
  /**
   * An update inbox on this database, likewise: on PostgreSQL each one is another replica (its own
   * pool and replica id, `leaseMs` its lease); on SQLite, the next process to open the file.
   */
  openInbox(cipher: Cipher, options?: InboxOptions): Promise<UpdateInbox>;
  /** The monitoring database (watches, alerts, outbox, schedule) on this database, on connection(s) of its own. */
  openMonitoring(): Promise<MonitoringDatabase>;
  /** Runs one SQL statement directly, as an operator would (values inline: placeholders differ). */
  sql(statement: string): Promise<Array<Record<string, unknown>>>;
  /** Closes everything opened here and deletes the database. */
  destroy(): Promise<void>;
}

/** The clock and lease of an inbox opened by a test. */
export interface InboxOptions {
  clock?: () => number;
  /** PostgreSQL only: how long a claim lasts unrenewed. */
  leaseMs?: number;
}

/** A kind of database the stores run on, for the store contract suites. */
export interface StoreBackend {
  name: string;
  create(): Promise<BackendDatabase>;
}

const logger = () => captureLogger().logger;

/** The embedded stores: one SQLite file in a temporary folder. */
export const sqliteBackend: StoreBackend = {
  name: 'SQLite',
  create() {
    const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
    const file = join(dir, 'bot.sqlite');
    const opened: Array<{ close(): Promise<void> }> = [];
    const track = <T extends { close(): Promise<void> }>(store: T) => (opened.push(store), store);
    return Promise.resolve({
      openUsers: (cipher, clock) =>
        Promise.resolve().then(() =>
          track(createSqliteUserStore({ file, cipher, logger: logger(), ...(clock ? { clock } : {}) })),
        ),
      openTeam: (cipher, clock) =>
        Promise.resolve().then(() =>
          track(openSqliteTeamStore({ file, cipher, logger: logger(), ...(clock ? { clock } : {}) })),
        ),
      openSettings: (log, clock) =>
        Promise.resolve().then(() => track(openSettingsStore({ file, logger: log, ...(clock ? { clock } : {}) }))),
      openInbox: (cipher, inbox) =>
        Promise.resolve().then(() =>
          track(
            openSqliteUpdateInbox({ file, cipher, logger: logger(), ...(inbox?.clock ? { clock: inbox.clock } : {}) }),
          ),
        ),
      openMonitoring: () => Promise.resolve().then(() => track(openMonitoringDatabase(file))),
      sql: (statement) =>
        Promise.resolve().then(() => {
          const db = new DatabaseSync(file);
          try {
            const prepared = db.prepare(statement);
            if (!/^\s*select/i.test(statement)) return (prepared.run(), []);
            return prepared.all();
          } finally {
            db.close();
          }
        }),
      async destroy() {
        for (const store of opened.splice(0)) await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};

/** The PostgreSQL stores: a new database on the tests' throwaway server, each store with its own pool. */
export const postgresBackend: StoreBackend = {
  name: 'PostgreSQL',
  async create() {
    const database = await createTestDatabase();
    let replicas = 0;
    const opened: Array<{ close(): Promise<void> }> = [];
    const track = <T extends { close(): Promise<void> }>(store: T) => (opened.push(store), store);
    const options = (cipher: Cipher, clock?: () => number) => ({
      url: database.url,
      name: database.name,
      cipher,
      logger: logger(),
      ...(clock ? { clock } : {}),
    });
    return {
      openUsers: async (cipher, clock) => track(await openPgUserStore(options(cipher, clock))),
      openTeam: async (cipher, clock) => track(await openPgTeamStore(options(cipher, clock))),
      openSettings: async (log, clock) =>
        track(
          await openPgSettingsStore({
            url: database.url,
            name: database.name,
            logger: log,
            ...(clock ? { clock } : {}),
          }),
        ),
      async openInbox(cipher, inbox) {
        const pool = openPgPool({ url: database.url, name: database.name, logger: logger(), max: 3 });
        await migratePostgres(pool);
        const opened = pgUpdateInbox({
          pool,
          cipher,
          logger: logger(),
          replicaId: `replica-${(replicas += 1)}`,
          ...(inbox?.clock ? { clock: inbox.clock } : {}),
          ...(inbox?.leaseMs === undefined ? {} : { leaseMs: inbox.leaseMs }),
        });
        return track({
          ...opened,
          async close() {
            await opened.close();
            if (!pool.ended) await pool.end();
          },
        });
      },
      async openMonitoring() {
        const pool = openPgPool({ url: database.url, name: database.name, logger: logger() });
        track({ close: () => pool.end() });
        await migratePostgres(pool);
        return pgMonitoringDatabase(pool);
      },
      async sql(statement) {
        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          return (await client.query(statement)).rows as Array<Record<string, unknown>>;
        } finally {
          await client.end();
        }
      },
      async destroy() {
        for (const store of opened.splice(0)) await store.close();
        await database.drop();
      },
    };
  },
};

/** Every backend the store contract suites run on. */
export const STORE_BACKENDS: readonly StoreBackend[] = [sqliteBackend, postgresBackend];

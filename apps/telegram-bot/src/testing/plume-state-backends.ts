import { randomBytes } from 'node:crypto';
import { MemoryBudgetStore, MemoryTokenCache } from '@org/plume-sdk';
import type { Pool } from 'pg';
import { createCipher, type Cipher } from '../security/cipher';
import { pgBudgetStore } from '../storage/pg-budget-store';
import { openPgPool, preparePgDatabase } from '../storage/pg-database';
import { pgTokenCache } from '../storage/pg-token-cache';
import { captureLogger } from './capture-logger';
import type { PlumeStateBackend } from './plume-state-contract';
import { createTestDatabase, type TestDatabase } from './postgres';

/** The SDK's own stores: shared within one process by sharing the instance. */
export const memoryPlumeState: PlumeStateBackend = {
  name: 'memory',
  create() {
    const budget = new MemoryBudgetStore();
    const cache = new MemoryTokenCache();
    return Promise.resolve({
      budgetStores: (count) => Promise.resolve(Array.from({ length: count }, () => budget)),
      tokenCaches: (count) => Promise.resolve(Array.from({ length: count }, () => cache)),
      destroy: () => Promise.resolve(),
    });
  },
};

/** A PostgreSQL database for the bot's shared Plume state, and a way to open more pools on it. */
export interface PgPlumeState {
  database: TestDatabase;
  cipher: Cipher;
  /** A new pool on the database (another process), prepared like the bot's. */
  pool(): Promise<Pool>;
  destroy(): Promise<void>;
}

/** A new database with the bot's schema; each `pool()` stands for another process. */
export async function openPgPlumeState(): Promise<PgPlumeState> {
  const database = await createTestDatabase();
  const cipher = createCipher(randomBytes(32));
  const pools: Pool[] = [];
  return {
    database,
    cipher,
    async pool() {
      const pool = openPgPool({ url: database.url, name: database.name, logger: captureLogger().logger });
      pools.push(pool);
      await preparePgDatabase(pool, cipher, database.name, Date.now());
      return pool;
    },
    async destroy() {
      for (const pool of pools.splice(0)) await pool.end();
      await database.drop();
    },
  };
}

/** The bot's PostgreSQL stores: each store on a pool of its own, as each replica has. */
export const postgresPlumeState: PlumeStateBackend = {
  name: 'PostgreSQL',
  async create() {
    const state = await openPgPlumeState();
    const many = async <T>(count: number, make: (pool: Pool) => T) => {
      const made: T[] = [];
      for (let i = 0; i < count; i += 1) made.push(make(await state.pool()));
      return made;
    };
    return {
      budgetStores: (count) => many(count, (pool) => pgBudgetStore(pool, 'cloud via egress')),
      tokenCaches: (count) => many(count, (pool) => pgTokenCache(pool, state.cipher, captureLogger().logger)),
      destroy: () => state.destroy(),
    };
  },
};

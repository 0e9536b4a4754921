import { MemoryBudgetStore, type BudgetSnapshot, type BudgetStore } from '@org/plume-sdk';
import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { pgTransaction } from './pg-database';

const snapshotSchema = z.object({
  calls: z.array(z.number()),
  backgroundCalls: z.array(z.number()),
  pausedUntil: z.number(),
  backgroundDue: z.number(),
});

const EMPTY = JSON.stringify(new MemoryBudgetStore().snapshot());

/** `updated_at` is for operators only (which budgets are in use): the server's clock, in ms. */
const SERVER_NOW = '(extract(epoch FROM now()) * 1000)::bigint';

/** The budget's counters, locked for the rest of the transaction (made empty first when new). */
async function lockedCounters(client: PoolClient, key: string): Promise<MemoryBudgetStore> {
  await client.query(
    `INSERT INTO plume_budgets (budget_key, state, updated_at) VALUES ($1, $2, ${SERVER_NOW})
     ON CONFLICT (budget_key) DO NOTHING`,
    [key, EMPTY],
  );
  const { rows } = await client.query<{ state: string }>(
    'SELECT state FROM plume_budgets WHERE budget_key = $1 FOR UPDATE',
    [key],
  );
  return counters(rows[0]?.state ?? EMPTY);
}

const counters = (state: string): MemoryBudgetStore =>
  MemoryBudgetStore.fromSnapshot(snapshotSchema.parse(JSON.parse(state)) satisfies BudgetSnapshot);

async function save(client: PoolClient, key: string, store: MemoryBudgetStore): Promise<void> {
  await client.query(`UPDATE plume_budgets SET state = $2, updated_at = ${SERVER_NOW} WHERE budget_key = $1`, [
    key,
    JSON.stringify(store.snapshot()),
  ]);
}

/**
 * A Plume {@link BudgetStore} in PostgreSQL, shared by every replica behind one egress address, so
 * that N processes together stay within Plume's limits. Each `take` locks the budget's row and
 * applies @org/plume-sdk's own rules to its counters (a `MemoryBudgetStore` restored from the row's
 * snapshot), then writes them back: the rules live once, in the SDK. `key` names the budget: one per
 * Plume cloud and egress address.
 * @example new PlumeBudget({ store: pgBudgetStore(pool, `${apiBase} via ${egress}`) })
 */
export function pgBudgetStore(pool: Pool, key: string): BudgetStore {
  return {
    take: (lane, now, limits) =>
      pgTransaction(pool, async (client) => {
        const store = await lockedCounters(client, key);
        // Replicas' clocks differ, and a replica reads its clock before it waits for this row's
        // lock: a time before the newest recorded call counts as that call's time. The times stay in
        // order (the SDK's rules and snapshots rely on it), and a replica whose clock is behind waits
        // that much longer: never more calls than the budget.
        const decision = store.take(lane, Math.max(now, store.snapshot().calls.at(-1) ?? now), limits);
        if (decision.granted) await save(client, key, store);
        return decision;
      }),
    pause: (until) =>
      pgTransaction(pool, async (client) => {
        const store = await lockedCounters(client, key);
        store.pause(until);
        await save(client, key, store);
      }),
    async usage(now, limits) {
      const { rows } = await pool.query<{ state: string }>('SELECT state FROM plume_budgets WHERE budget_key = $1', [
        key,
      ]);
      return counters(rows[0]?.state ?? EMPTY).usage(now, limits);
    },
  };
}

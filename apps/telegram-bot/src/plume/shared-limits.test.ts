import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import { Client } from 'pg';
import { captureLogger } from '../testing/capture-logger';
import { openPgPlumeState, type PgPlumeState } from '../testing/plume-state-backends';
import { pgBudgetStore } from '../storage/pg-budget-store';
import { pgTokenCache } from '../storage/pg-token-cache';
import type { Credentials } from '../storage/user-state';
import { budgetKey, createPlumeGateway, type PlumeGateway } from './gateway';

const BEACH = fixtures.locations.adaBeach;
/** A small budget, so that the replicas' combined demand is well above it. */
const RATE = { requestsPerSecond: 3, burst: 3 };

// Two replicas' gateways (each with its own pool, as each process has) on one PostgreSQL database,
// against one simulated Plume cloud.
describe('two replicas sharing Plume limits through PostgreSQL', () => {
  let simulator: Simulator;
  let state: PgPlumeState;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => simulator.close());
  afterEach(async () => {
    while (simulator.log.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    simulator.log.clear();
    await state.destroy();
  });

  async function replica(egressId = 'default'): Promise<PlumeGateway> {
    const pool = await state.pool();
    const { logger } = captureLogger();
    return createPlumeGateway({
      defaults: { ssoUrl: simulator.ssoUrl, apiBase: simulator.apiBase, reportsBase: simulator.reportsBase },
      clientOptions: { rateLimit: RATE },
      queue: { maxWaitMs: 120_000 },
      shared: {
        state: { budgetStore: (key) => pgBudgetStore(pool, key), tokenCache: pgTokenCache(pool, state.cipher, logger) },
        egressId,
      },
    });
  }

  async function budgetCalls(egressId: string): Promise<number[]> {
    const client = new Client({ connectionString: state.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ state: string }>('SELECT state FROM plume_budgets WHERE budget_key = $1', [
        budgetKey(simulator.apiBase, egressId),
      ]);
      return rows[0] === undefined ? [] : (JSON.parse(rows[0].state) as { calls: number[] }).calls;
    } finally {
      await client.end();
    }
  }

  /** The most calls that started within any `windowMs` (times sorted). */
  const busiest = (times: number[], windowMs: number) =>
    Math.max(0, ...times.map((start, i) => times.slice(i).filter((t) => t < start + windowMs).length));

  it('fetch one token for a credential, whichever replica asks first', async () => {
    state = await openPgPlumeState();
    const [one, two] = [await replica(), await replica()];
    const credentials: Credentials = simulator.credentials;
    await one.client(credentials).locations.get(BEACH.customerId, BEACH.id);
    await two.client(credentials).locations.get(BEACH.customerId, BEACH.id);
    await two.client(credentials).nodes.list(BEACH.customerId, BEACH.id);
    expect(simulator.log.count('locations.get')).toBe(2);
    // The second replica found the first one's token in the database. (Two replicas missing the
    // cache at the same moment would each fetch one: the duplicate window, harmless, last write kept.)
    expect(simulator.log.count('token')).toBe(1);
  });

  it('stay together within the budget of their egress address, each call counted once', async () => {
    state = await openPgPlumeState();
    const replicas = [await replica(), await replica()];
    const credentials: Credentials = simulator.credentials;
    // Both hold the token first, so that only the budget paces the calls.
    await Promise.all(replicas.map((gateway) => gateway.client(credentials).locations.get(BEACH.customerId, BEACH.id)));
    simulator.log.clear();
    const before = (await budgetCalls('default')).length;

    // 2 × 9 calls asked at once: 6 times the rate of 3 calls a second.
    await Promise.all(
      replicas.flatMap((gateway) =>
        Array.from({ length: 9 }, () => gateway.client(credentials).locations.get(BEACH.customerId, BEACH.id)),
      ),
    );

    const calls = (await budgetCalls('default')).slice(before);
    expect(simulator.log.count('locations.get')).toBe(18);
    expect(calls).toHaveLength(18); // every call of both replicas went through the one shared budget
    expect(busiest(calls, 1000)).toBeLessThanOrEqual(RATE.burst);
  }, 60_000);

  it('keep apart the budgets of replicas behind different egress addresses', async () => {
    state = await openPgPlumeState();
    const [office, cloud] = [await replica('office-nat'), await replica('cloud-nat')];
    const credentials: Credentials = simulator.credentials;
    await office.client(credentials).locations.get(BEACH.customerId, BEACH.id);
    await cloud.client(credentials).locations.get(BEACH.customerId, BEACH.id);
    await cloud.client(credentials).locations.get(BEACH.customerId, BEACH.id);
    expect((await budgetCalls('office-nat')).length).toBe(1);
    expect((await budgetCalls('cloud-nat')).length).toBe(2);
  });
});

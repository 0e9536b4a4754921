import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtures, startSimulator, type Simulator } from '@org/plume-simulator';
import { Client } from 'pg';
import type { JobScheduler } from '../jobs/job-scheduler';
import { createPlumeGateway } from '../plume/gateway';
import { createAlertStore } from '../storage/alert-store';
import { openMonitoringDatabase, type SqliteMonitoringDatabase } from '../storage/sqlite-monitoring-db';
import { createWatchStore } from '../storage/watch-store';
import { captureLogger } from '../testing/capture-logger';
import { createPgBossQueue } from '../testing/job-scheduler-contract';
import { until } from '../testing/until';
import { createMonitor, type Monitor } from './monitor';
import type { Timers } from './timers';

// Two monitors stand for two replicas: each its own connection to the watches and its own pg-boss
// scheduler on one PostgreSQL database. Their clock is moved by hand and their timers never fire:
// the test wakes them, so "an interval" is exactly what it says.

const INTERVAL = 60_000;
const stillTimers: Timers = { setTimeout: () => undefined, clearTimeout: () => undefined };
const customers = [fixtures.customers.ada, fixtures.customers.grace, fixtures.customers.chain];

describe('the monitor on two replicas (pg-boss)', () => {
  let simulator: Simulator;
  let dir: string;
  let queue: Awaited<ReturnType<typeof createPgBossQueue>>;
  const databases: SqliteMonitoringDatabase[] = [];
  let now = 1_000 * INTERVAL;

  beforeAll(async () => {
    simulator = await startSimulator({ port: 0, wafLimit: false });
    simulator.scenarios.load({ locations: {} });
    dir = mkdtempSync(join(tmpdir(), 'monitor-replicas-'));
    queue = await createPgBossQueue();
    const watches = createWatchStore(openDatabase(), () => now);
    const targets = customers.flatMap((customer) =>
      customer.locations.map((key) => {
        const location = fixtures.locations[key];
        return {
          cloud: simulator.apiBase,
          customerId: customer.id,
          customerName: customer.name,
          locationId: location.id,
          locationName: location.name,
        };
      }),
    );
    expect((await watches.watch(1, targets, 100)).added).toBe(targets.length);
  });
  afterAll(async () => {
    await queue.destroy();
    for (const database of databases.splice(0)) await database.close();
    rmSync(dir, { recursive: true, force: true });
    await simulator.close();
  });

  function openDatabase(): SqliteMonitoringDatabase {
    const database = openMonitoringDatabase(join(dir, 'bot.sqlite'));
    databases.push(database);
    return database;
  }

  function replica(): { monitor: Monitor; scheduler: JobScheduler; checks: () => number } {
    const scheduler = queue.scheduler();
    const plume = createPlumeGateway({
      defaults: { apiBase: simulator.apiBase, ssoUrl: simulator.ssoUrl, reportsBase: simulator.reportsBase },
      clientOptions: { rateLimit: false },
      queue: { maxWaitMs: 30_000 },
    });
    const { authorization, partnerId } = simulator.credentials;
    let checks = 0;
    const monitor = createMonitor({
      alerts: createAlertStore(openDatabase()),
      scheduler,
      credentialsOf: () => Promise.resolve({ authorization, partnerId }),
      plume,
      logger: captureLogger().logger,
      intervalMs: INTERVAL,
      clock: () => now,
      timers: stillTimers,
      // What a tick may queue follows the tick: every customer at once here.
      tickMs: INTERVAL / 2,
      onCheck: () => (checks += 1),
    });
    return { monitor, scheduler, checks: () => checks };
  }

  /** Calls of `customers.locations` per customer so far: one per check. */
  const callsPerCustomer = () => {
    const calls = new Map<string, number>(customers.map((customer) => [customer.id, 0]));
    for (const request of simulator.log.requests('locations.list'))
      calls.set(request.params.customerId ?? '', (calls.get(request.params.customerId ?? '') ?? 0) + 1);
    return customers.map((customer) => calls.get(customer.id));
  };

  /** No check job waiting or running anywhere. */
  async function drained(): Promise<boolean> {
    const client = new Client({ connectionString: queue.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'watch-check' AND state IN ('created', 'retry', 'active')",
      );
      return rows[0]?.n === 0;
    } finally {
      await client.end();
    }
  }

  it('checks each customer once per interval between them, though both find it due', async () => {
    const one = replica();
    const two = replica();
    await Promise.all([one.scheduler.start(), two.scheduler.start()]);
    try {
      for (let interval = 1; interval <= 3; interval += 1) {
        one.monitor.wake();
        two.monitor.wake();
        await until(
          () => callsPerCustomer().every((calls) => (calls ?? 0) >= interval),
          `every customer to be checked in interval ${interval}`,
        );
        await until(drained, 'both replicas to be done with the interval');
        now += INTERVAL;
      }
    } finally {
      // Waits for their loops and runs: nothing can call Plume after this.
      await Promise.all([one.monitor.stop(), two.monitor.stop()]);
      await Promise.all([one.scheduler.stop(), two.scheduler.stop()]);
    }
    expect(callsPerCustomer()).toEqual(customers.map(() => 3));
    expect(one.checks() + two.checks()).toBe(3 * customers.length);
  });
});

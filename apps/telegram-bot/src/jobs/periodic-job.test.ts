import { afterEach, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import type { Timers } from '../monitoring/timers';
import { captureLogger } from '../testing/capture-logger';
import { createPgBossQueue, inProcessScheduler, pgBossScheduler } from '../testing/job-scheduler-contract';
import { until } from '../testing/until';
import type { JobScheduler } from './job-scheduler';
import { periodicJob } from './periodic-job';

const HOUR = 3_600_000;
/** Timers that never fire: the tests wake the loops themselves. */
const stillTimers: Timers = { setTimeout: () => undefined, clearTimeout: () => undefined };

function recordedJob(scheduler: JobScheduler, clock: () => number) {
  const runs: number[] = [];
  const loop = periodicJob({
    scheduler,
    name: 'hourly',
    periodMs: HOUR,
    run: (now) => Promise.resolve(void runs.push(now)),
    expireMs: 60_000,
    clock,
    timers: stillTimers,
    logger: captureLogger().logger,
  });
  return { runs, loop };
}

describe.each([inProcessScheduler, pgBossScheduler])('a periodic job on the $name scheduler', (backend) => {
  const queues: Array<{ destroy(): Promise<void> }> = [];
  afterEach(async () => {
    for (const created of queues.splice(0)) await created.destroy();
  });

  it('runs once per period however often it is woken, and again in the next period', async () => {
    const created = await backend.create();
    queues.push(created);
    const scheduler = created.scheduler();
    let now = 10 * HOUR + 5;
    const { runs, loop } = recordedJob(scheduler, () => now);
    await scheduler.start();
    loop.wake();
    await until(() => runs.length === 1, 'the first run');
    loop.wake();
    now += HOUR / 2; // same period
    loop.wake();
    now += HOUR; // the next one
    loop.wake();
    await until(() => runs.length === 2, 'the run of the next period');
    await loop.stop();
    expect(runs.map((at) => Math.floor(at / HOUR))).toEqual([10, 11]);
  });
});

describe('a periodic job on two pg-boss replicas', () => {
  it('runs once per period between them', async () => {
    const created = await createPgBossQueue();
    try {
      const now = 10 * HOUR;
      const [one, two] = [created.scheduler(), created.scheduler()];
      const first = recordedJob(one, () => now);
      const second = recordedJob(two, () => now);
      await Promise.all([one.start(), two.start()]);
      first.loop.wake();
      second.loop.wake();
      await until(() => first.runs.length + second.runs.length > 0, 'a run');
      // Both replicas queued it again: still one job for the period.
      first.loop.wake();
      second.loop.wake();
      await Promise.all([first.loop.stop(), second.loop.stop()]);
      await Promise.all([one.stop(), two.stop()]); // waits for any run in progress
      expect(first.runs.length + second.runs.length).toBe(1);
      const client = new Client({ connectionString: created.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'hourly'",
        );
        expect(rows[0]?.n).toBe(1); // nothing else queued that a later poll would run
      } finally {
        await client.end();
      }
    } finally {
      await created.destroy();
    }
  });
});

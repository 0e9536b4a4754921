import { afterEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { createInProcessScheduler } from '../jobs/in-process-scheduler';
import type { Job, JobKind, JobScheduler } from '../jobs/job-scheduler';
import { createPgBossScheduler } from '../jobs/pg-boss-scheduler';
import { captureLogger } from './capture-logger';
import { createTestDatabase } from './postgres';
import { until } from './until';

/** Schedulers sharing one queue (one process, or replicas on one database), for the contract suite. */
export interface SchedulerBackend {
  name: string;
  /** A new, empty queue; `scheduler()` opens one more scheduler on it (another replica, where there can be several). */
  create(): Promise<{ scheduler(): JobScheduler; destroy(): Promise<void> }>;
}

/** The in-process scheduler: a queue is one scheduler (it is not shared). */
export const inProcessScheduler: SchedulerBackend = {
  name: 'in-process',
  create() {
    const scheduler = createInProcessScheduler({ logger: captureLogger().logger });
    return Promise.resolve({ scheduler: () => scheduler, destroy: () => scheduler.stop() });
  },
};

/** A database of its own on the tests' PostgreSQL server, and pg-boss schedulers on it (replicas). */
export async function createPgBossQueue(): Promise<{
  url: string;
  scheduler(): JobScheduler;
  destroy(): Promise<void>;
}> {
  const database = await createTestDatabase();
  const opened: JobScheduler[] = [];
  return {
    url: database.url,
    scheduler() {
      // As fast as pg-boss allows: a poll every 0.5 s, a supervisor pass and a sweep of finished jobs
      // every second, a heartbeat every 10 s.
      const scheduler = createPgBossScheduler({
        url: database.url,
        name: database.name,
        logger: captureLogger().logger,
        pollingIntervalSeconds: 0.5,
        superviseIntervalSeconds: 1,
        heartbeatSeconds: 10,
        sweepIntervalSeconds: 1,
      });
      opened.push(scheduler);
      return scheduler;
    },
    async destroy() {
      for (const scheduler of opened.splice(0)) await scheduler.stop();
      await database.drop();
    },
  };
}

/** pg-boss, each queue on a database of its own. */
export const pgBossScheduler: SchedulerBackend = { name: 'pg-boss', create: createPgBossQueue };

/** A kind that records every job it runs, and can be told to hold a run until released. */
export function recordingKind(
  name: string,
  options: { batchSize?: number; expireMs?: number; concurrency?: number; keepFinishedMs?: number } = {},
) {
  const runs: Array<Job<{ n: number }>> = [];
  const batches: Array<Array<Job<{ n: number }>>> = [];
  let hold: Promise<void> | undefined;
  let release = () => {};
  const kind: JobKind<{ n: number }> = {
    name,
    data: z.object({ n: z.number() }),
    expireMs: options.expireMs ?? 60_000,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.keepFinishedMs === undefined ? {} : { keepFinishedMs: options.keepFinishedMs }),
    async run(jobs) {
      runs.push(...jobs);
      batches.push([...jobs]);
      if (hold !== undefined) await hold;
    },
  };
  return {
    kind,
    runs,
    batches,
    holdRuns() {
      hold = new Promise((resolve) => (release = resolve));
    },
    release() {
      hold = undefined;
      release();
    },
  };
}

const job = (key: string, slot: string, n = 0): Job<{ n: number }> => ({ key, slot, data: { n } });

/** What every {@link JobScheduler} does: run inside a `describe` per backend. */
export function jobSchedulerContract(backend: SchedulerBackend): void {
  describe(`the ${backend.name} JobScheduler`, () => {
    const queues: Array<{ destroy(): Promise<void> }> = [];
    const queue = async () => {
      const created = await backend.create();
      queues.push(created);
      return created;
    };
    afterEach(async () => {
      for (const created of queues.splice(0)) await created.destroy();
    });

    it('runs each key and slot once, however often it is queued, with its data', async () => {
      const recorder = recordingKind('contract-once');
      const scheduler = (await queue()).scheduler();
      scheduler.define(recorder.kind);
      await scheduler.start();
      expect(await scheduler.enqueue(recorder.kind, [job('a', '1', 7), job('b', '1')])).toBe(2);
      expect(await scheduler.enqueue(recorder.kind, [job('a', '1', 8), job('a', '2', 9)])).toBe(1);
      await until(() => recorder.runs.length >= 3, 'the three jobs to run');
      expect(await scheduler.enqueue(recorder.kind, [job('a', '1'), job('a', '2'), job('b', '1')])).toBe(0);
      expect(recorder.runs.map((run) => `${run.key}@${run.slot}:${run.data.n}`).sort()).toEqual([
        'a@1:7',
        'a@2:9',
        'b@1:0',
      ]);
    });

    it('says it runs from the end of its start to its stop (what readiness waits for)', async () => {
      const scheduler = (await queue()).scheduler();
      scheduler.define(recordingKind('contract-running').kind);
      expect(scheduler.running()).toBe(false);
      await scheduler.start();
      expect(scheduler.running()).toBe(true);
      await scheduler.stop();
      expect(scheduler.running()).toBe(false);
    });

    it('never runs two jobs of one key at the same time: the later waits for the earlier', async () => {
      const recorder = recordingKind('contract-serial', { batchSize: 10, concurrency: 2 });
      const scheduler = (await queue()).scheduler();
      scheduler.define(recorder.kind);
      await scheduler.start();
      recorder.holdRuns();
      await scheduler.enqueue(recorder.kind, [job('a', '1')]);
      await until(() => recorder.runs.length === 1, 'the first job to start');
      await scheduler.enqueue(recorder.kind, [job('a', '2'), job('b', '2')]);
      await until(() => recorder.runs.length === 2, 'the job of the other key to start');
      expect(recorder.runs.map((run) => `${run.key}@${run.slot}`)).toEqual(['a@1', 'b@2']);
      recorder.release();
      await until(() => recorder.runs.length === 3, 'the waiting job to run once the first finished');
      expect(recorder.runs[2]).toMatchObject({ key: 'a', slot: '2' });
    });

    it('hands a kind its jobs in batches of at most batchSize, each key once per batch', async () => {
      const recorder = recordingKind('contract-batch', { batchSize: 3 });
      const scheduler = (await queue()).scheduler();
      scheduler.define(recorder.kind);
      const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      await scheduler.start();
      await scheduler.enqueue(
        recorder.kind,
        keys.map((key) => job(key, '1')),
      );
      await until(() => recorder.runs.length === keys.length, 'every job to run');
      for (const batch of recorder.batches) {
        expect(batch.length).toBeLessThanOrEqual(3);
        expect(new Set(batch.map((run) => run.key)).size).toBe(batch.length);
      }
      expect(recorder.runs.map((run) => run.key).sort()).toEqual(keys);
    });

    it('refuses a kind declared twice or after start, and jobs of a kind never declared', async () => {
      const scheduler = (await queue()).scheduler();
      const recorder = recordingKind('contract-declared');
      scheduler.define(recorder.kind);
      expect(() => scheduler.define(recorder.kind)).toThrow(/declared twice/);
      await scheduler.start();
      expect(() => scheduler.define(recordingKind('contract-late').kind)).toThrow(/after start/);
      await expect(scheduler.enqueue(recordingKind('contract-unknown').kind, [job('a', '1')])).rejects.toThrow(
        /not declared/,
      );
    });
  });
}

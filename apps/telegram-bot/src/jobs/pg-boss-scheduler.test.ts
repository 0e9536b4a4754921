import { afterEach, describe, expect, it } from '@jest/globals';
import type { Job } from './job-scheduler';
import { createPgBossQueue, recordingKind } from '../testing/job-scheduler-contract';
import { claimInChildProcess } from '../testing/pg-boss-claimer';
import { until } from '../testing/until';

// pg-boss schedulers on one database stand for replicas of the bot.
describe('the pg-boss JobScheduler on two replicas', () => {
  const queues: Array<{ destroy(): Promise<void> }> = [];
  const queue = async () => {
    const created = await createPgBossQueue();
    queues.push(created);
    return created;
  };
  afterEach(async () => {
    for (const created of queues.splice(0)) await created.destroy();
  });
  const job = (key: string, slot: string): Job<{ n: number }> => ({ key, slot, data: { n: 1 } });

  it('runs each key once per slot across both, though both queue every job', async () => {
    const created = await queue();
    const [one, two] = [created.scheduler(), created.scheduler()];
    const first = recordingKind('replica-once', { batchSize: 5, concurrency: 2 });
    const second = recordingKind('replica-once', { batchSize: 5, concurrency: 2 });
    one.define(first.kind);
    two.define(second.kind);
    await Promise.all([one.start(), two.start()]);
    const jobs: Array<Job<{ n: number }>> = [];
    for (const slot of ['0', '300000', '600000']) for (let c = 0; c < 10; c += 1) jobs.push(job(`c${c}`, slot));
    const [queuedByOne, queuedByTwo] = await Promise.all([
      one.enqueue(first.kind, jobs),
      two.enqueue(second.kind, [...jobs].reverse()),
    ]);
    expect(queuedByOne + queuedByTwo).toBe(jobs.length);
    await until(() => first.runs.length + second.runs.length >= jobs.length, 'every job to run');
    // Queued again once they all ran (a replica late to a slot): nothing is queued, nothing runs.
    expect(await one.enqueue(first.kind, jobs)).toBe(0);
    expect(await two.enqueue(second.kind, jobs)).toBe(0);
    const ran = [...first.runs, ...second.runs].map((run) => `${run.key}@${run.slot}`).sort();
    expect(ran).toEqual(jobs.map((queued) => `${queued.key}@${queued.slot}`).sort());
  });

  it('refuses a finished slot on every replica while its kind keeps it, then lets pg-boss delete it', async () => {
    const created = await queue();
    const [one, two] = [created.scheduler(), created.scheduler()];
    // Kept 8 s (a check's two intervals, shortened), beside a kind that keeps its jobs the default day.
    const [brief, briefOnTwo] = [
      recordingKind('kept-briefly', { keepFinishedMs: 8000 }),
      recordingKind('kept-briefly', { keepFinishedMs: 8000 }),
    ];
    const [daily, dailyOnTwo] = [recordingKind('kept-a-day'), recordingKind('kept-a-day')];
    one.define(brief.kind);
    one.define(daily.kind);
    two.define(briefOnTwo.kind);
    two.define(dailyOnTwo.kind);
    await Promise.all([one.start(), two.start()]);
    await one.enqueue(brief.kind, [job('c1', '0')]);
    await one.enqueue(daily.kind, [job('c1', '0')]);
    await until(
      () => brief.runs.length + briefOnTwo.runs.length + daily.runs.length + dailyOnTwo.runs.length === 2,
      'both jobs to run',
    );
    // Finished, and kept: a replica late to the slot queues nothing.
    expect(await two.enqueue(briefOnTwo.kind, [job('c1', '0')])).toBe(0);
    expect(await two.enqueue(dailyOnTwo.kind, [job('c1', '0')])).toBe(0);
    // Once deleted (its keep passed, then a sweep), the brief kind's slot is a new job; the other kind's is still refused.
    await until(
      async () => (await two.enqueue(briefOnTwo.kind, [job('c1', '0')])) === 1,
      "the brief kind's finished job to be deleted",
      60_000,
    );
    expect(await one.enqueue(daily.kind, [job('c1', '0')])).toBe(0);
  });

  it('runs a job on the other replica after its expiry when the replica holding it was killed (kill -9)', async () => {
    const created = await queue();
    const name = 'replica-killed';
    // The queue, with the kind's expiry, as a replica's start creates it.
    const first = created.scheduler();
    first.define(recordingKind(name, { expireMs: 1000 }).kind);
    await first.start();
    await first.stop();
    // Another replica queues the job and takes it, then dies without settling it.
    const claimer = await claimInChildProcess(created.url, 'pgboss', name, job('c1', '0'));
    await claimer.kill();
    const survivor = created.scheduler();
    const healthy = recordingKind(name, { expireMs: 1000 });
    survivor.define(healthy.kind);
    await survivor.start();
    await until(() => healthy.runs.length === 1, 'the surviving replica to run the job after its expiry', 60_000);
    expect(healthy.runs).toEqual([job('c1', '0')]);
    // Taken over, not queued anew: the slot is still refused.
    expect(await survivor.enqueue(healthy.kind, [job('c1', '0')])).toBe(0);
  });

  it("puts a killed replica's job back once its heartbeat lapses, long before its expiry", async () => {
    const created = await queue();
    const name = 'replica-heartbeat';
    // An expiry of an hour: only the missing heartbeat (every 10 s at the least) can free the job.
    const first = created.scheduler();
    first.define(recordingKind(name, { expireMs: 3_600_000 }).kind);
    await first.start();
    await first.stop();
    const claimer = await claimInChildProcess(created.url, 'pgboss', name, job('c1', '0'));
    await claimer.kill();
    const survivor = created.scheduler();
    const healthy = recordingKind(name, { expireMs: 3_600_000 });
    survivor.define(healthy.kind);
    await survivor.start();
    await until(
      () => healthy.runs.length === 1,
      'the surviving replica to run the job after its heartbeat lapsed',
      60_000,
    );
    expect(healthy.runs).toEqual([job('c1', '0')]);
  });

  it('gives a run that outlives its expiry up to the other replica: the one duplicate run', async () => {
    const created = await queue();
    const [one, two] = [created.scheduler(), created.scheduler()];
    const slow = recordingKind('replica-slow', { expireMs: 1000 });
    const healthy = recordingKind('replica-slow', { expireMs: 1000 });
    one.define(slow.kind);
    two.define(healthy.kind);
    // Replica one takes the job and is still running it at its expiry: pg-boss fails the job there
    // (and that worker takes nothing more until the run returns); replica two runs it again.
    slow.holdRuns();
    await one.start();
    await one.enqueue(slow.kind, [job('c1', '0')]);
    await until(() => slow.runs.length === 1, 'replica one to take the job');
    await two.start();
    await until(() => healthy.runs.length === 1, 'replica two to take the job over after its expiry', 60_000);
    expect(healthy.runs).toEqual([job('c1', '0')]);
    slow.release();
    expect(await one.enqueue(slow.kind, [job('c1', '0')])).toBe(0);
  });
});

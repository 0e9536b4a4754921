import { afterEach, describe, expect, it } from '@jest/globals';
import type { Job } from './job-scheduler';
import { pgBossScheduler, recordingKind } from '../testing/job-scheduler-contract';
import { until } from '../testing/until';

// Two pg-boss schedulers on one database stand for two replicas of the bot.
describe('the pg-boss JobScheduler on two replicas', () => {
  const queues: Array<{ destroy(): Promise<void> }> = [];
  const twoReplicas = async () => {
    const created = await pgBossScheduler.create();
    queues.push(created);
    return [created.scheduler(), created.scheduler()] as const;
  };
  afterEach(async () => {
    for (const created of queues.splice(0)) await created.destroy();
  });

  it('runs each key once per slot across both, though both queue every job', async () => {
    const [one, two] = await twoReplicas();
    const first = recordingKind('replica-once', { batchSize: 5, concurrency: 2 });
    const second = recordingKind('replica-once', { batchSize: 5, concurrency: 2 });
    one.define(first.kind);
    two.define(second.kind);
    await Promise.all([one.start(), two.start()]);
    const jobs: Array<Job<{ n: number }>> = [];
    for (const slot of ['0', '300000', '600000'])
      for (let customer = 0; customer < 10; customer += 1) jobs.push({ key: `c${customer}`, slot, data: { n: 1 } });
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
    expect(ran).toEqual(jobs.map((job) => `${job.key}@${job.slot}`).sort());
  });

  it('runs a job on the other replica after its expiry when the replica that took it stopped mid-job', async () => {
    const [one, two] = await twoReplicas();
    const stuck = recordingKind('replica-expiry', { expireMs: 1000 });
    const healthy = recordingKind('replica-expiry', { expireMs: 1000 });
    one.define(stuck.kind);
    two.define(healthy.kind);
    // Replica one's worker takes the job and never finishes it: from the database's side, exactly
    // what a replica killed mid-job leaves (an active job whose claim nobody settles).
    stuck.holdRuns();
    await one.start();
    await one.enqueue(stuck.kind, [{ key: 'c1', slot: '0', data: { n: 1 } }]);
    await until(() => stuck.runs.length === 1, 'replica one to take the job');
    await two.start();
    await until(() => healthy.runs.length === 1, 'replica two to take the job over after its expiry', 60_000);
    expect(healthy.runs[0]).toEqual({ key: 'c1', slot: '0', data: { n: 1 } });
    stuck.release();
    // Taken over once, not queued anew: the slot is still refused on both replicas.
    expect(await two.enqueue(healthy.kind, [{ key: 'c1', slot: '0', data: { n: 1 } }])).toBe(0);
    expect(await one.enqueue(stuck.kind, [{ key: 'c1', slot: '0', data: { n: 1 } }])).toBe(0);
  });
});

import { describe, expect, it } from '@jest/globals';
import { createFairQueue, type FairQueueOptions } from './fair-queue';
import { isQueueBusyError, QueueBusyError } from './queue-busy-error';

/** A job the test finishes by hand, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async (signal: AbortSignal) => {
      started.push(name);
      await done;
      return { name, abortedWhileRunning: signal.aborted };
    },
    finish,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function queueWith(overrides: Partial<FairQueueOptions> = {}) {
  let time = 0;
  const clock = { now: () => time, advance: (ms: number) => (time += ms) };
  const queue = createFairQueue({
    concurrency: 1,
    maxWaitMs: 10_000,
    initialIntervalMs: 1000,
    now: clock.now,
    ...overrides,
  });
  return { queue, clock };
}

describe('createFairQueue', () => {
  it('serves keys in turn: one key’s burst does not hold back the others', async () => {
    const { queue } = queueWith();
    const started: string[] = [];
    const jobs = ['a1', 'a2', 'a3', 'b1', 'c1', 'b2'].map((name) => ({ name, ...gate(started, name) }));
    const tickets = jobs.map((job) => queue.enqueue(job.name.slice(0, 1), job.work));
    for (const job of ['a1', 'b1', 'c1', 'a2', 'b2', 'a3']) {
      await tick();
      expect(started.at(-1)).toBe(job);
      jobs.find((j) => j.name === job)?.finish();
    }
    await Promise.all(tickets.map((t) => t.result));
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });

  it('runs up to `concurrency` jobs at once and reports each waiting job’s place', async () => {
    const { queue } = queueWith({ concurrency: 2, initialIntervalMs: 500 });
    const started: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const tickets = jobs.map((job, i) => queue.enqueue(`user${i}`, job.work));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect([queue.running(), queue.waiting()]).toEqual([2, 2]);
    // Done once two jobs have ended before it starts and the two then running beside it have turned over.
    expect(tickets.map((t) => t.place())).toEqual([
      undefined,
      undefined,
      { ahead: 0, waitMs: 1500 },
      { ahead: 1, waitMs: 2000 },
    ]);
    jobs[0]?.finish();
    await tickets[2]?.started;
    expect(started).toEqual(['a', 'b', 'c']);
    expect(tickets[3]?.place()).toEqual({ ahead: 0, waitMs: 1500 });
    for (const job of jobs) job.finish();
    expect(await tickets[3]?.result).toEqual({ name: 'd', abortedWhileRunning: false });
  });

  it('refuses at once a job that would wait longer than maxWaitMs, saying when to retry', () => {
    const { queue } = queueWith({ maxWaitMs: 3000, initialIntervalMs: 1000 });
    const started: string[] = [];
    const jobs = ['a', 'b', 'c'].map((name) => gate(started, name));
    jobs.forEach((job, i) => queue.enqueue(`user${i}`, job.work)); // a runs; b is done in about 2 s, c in 3 s
    let refusal: unknown;
    try {
      queue.enqueue('user3', gate(started, 'd').work); // would be done in about 4 s
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(QueueBusyError);
    expect(isQueueBusyError(refusal)).toBe(true);
    expect(refusal).toMatchObject({ code: 'queue_busy', retryAfterMs: 1000, maxWaitMs: 3000 });
    expect((refusal as Error).message).toBe('The queue is full (more than 3 s of work ahead): try again in 1 s.');
    expect(queue.waiting()).toBe(2);
    for (const job of jobs) job.finish();
  });

  it('admits a newcomer ahead of a busy key’s later jobs even when the end of the queue is full', async () => {
    const { queue } = queueWith({ maxWaitMs: 3000, initialIntervalMs: 1000 });
    const started: string[] = [];
    const a = ['a1', 'a2', 'a3'].map((name) => gate(started, name));
    a.forEach((job) => queue.enqueue('a', job.work)); // a1 runs; a2 (round 1), a3 (round 2) wait
    const b = gate(started, 'b1');
    const ticket = queue.enqueue('b', b.work); // round 0: first in line, though a4 would now be refused
    expect(ticket.place()).toEqual({ ahead: 0, waitMs: 2000 });
    expect(() => queue.enqueue('a', gate(started, 'a4').work)).toThrow(QueueBusyError);
    for (const job of [...a, b]) job.finish();
    await ticket.result;
  });

  it('measures the interval between starts from completions while jobs wait', async () => {
    const { queue, clock } = queueWith({ concurrency: 1, initialIntervalMs: 1000, maxWaitMs: 60_000 });
    const started: string[] = [];
    const jobs = Array.from({ length: 20 }, (_, i) => gate(started, `j${i}`));
    const tickets = jobs.map((job, i) => queue.enqueue(`user${i}`, job.work));
    for (const job of jobs.slice(0, 13)) {
      clock.advance(200);
      job.finish();
      await tick();
    }
    // 12 completions 200 ms apart were measured: one job ends every 200 ms.
    expect(tickets[19]?.place()).toEqual({ ahead: 5, waitMs: 1400 });
    for (const job of jobs) job.finish();
    await Promise.all(tickets.map((t) => t.result));
  });

  it('drops a job cancelled while waiting: it never runs, and its result rejects with the reason', async () => {
    const { queue } = queueWith();
    const started: string[] = [];
    const first = gate(started, 'first');
    const cancelled = gate(started, 'cancelled');
    const controller = new AbortController();
    const one = queue.enqueue('a', first.work);
    const two = queue.enqueue('b', cancelled.work, controller.signal);
    const reason = new Error('answered already');
    controller.abort(reason);
    await expect(two.result).rejects.toBe(reason);
    await two.started; // settles as it leaves
    expect(two.place()).toBeUndefined();
    expect(queue.waiting()).toBe(0);
    first.finish();
    await one.result;
    await tick();
    expect(started).toEqual(['first']);
  });

  it('aborts a running job’s signal when its caller’s signal aborts, and after the job settles', async () => {
    const { queue } = queueWith();
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const running = queue.enqueue(
      'a',
      (signal) => {
        signals.push(signal);
        return new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason as Error)),
        );
      },
      controller.signal,
    );
    await tick();
    controller.abort(new Error('gave up'));
    await expect(running.result).rejects.toThrow('gave up');
    const settled = queue.enqueue('b', (signal) => (signals.push(signal), Promise.resolve('done')));
    expect(await settled.result).toBe('done');
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    expect(queue.running()).toBe(0);
  });

  it('passes on a job’s failure and goes on with the next one', async () => {
    const { queue } = queueWith();
    const failing = queue.enqueue('a', () => Promise.reject(new Error('Plume said no')));
    const next = queue.enqueue('b', () => Promise.resolve(42));
    await expect(failing.result).rejects.toThrow('Plume said no');
    expect(await next.result).toBe(42);
  });
});

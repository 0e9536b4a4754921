import type { Logger } from '../logger';
import type { Job, JobKind, JobScheduler } from './job-scheduler';

/** Slots remembered per key: enough for the slots a caller queues out of order (a confirmation between two intervals). */
const REMEMBERED_SLOTS = 16;

interface KindState {
  kind: JobKind<unknown>;
  waiting: Job<unknown>[];
  active: Set<string>;
  /** Runs in progress. */
  running: number;
  /** The last slots queued per key, newest last. */
  slots: Map<string, string[]>;
}

/**
 * The scheduler of one process (the bot on SQLite): jobs run in this process as soon as they are
 * queued, batched by their kind's `batchSize`, at most `concurrency` runs at once, one key at a time. What was queued is remembered in
 * memory only (the last 16 slots of each key): after a restart a slot may run again, as the
 * monitor's own loops did before this interface existed. `expireMs` is unused: when the process
 * dies, its queue dies with it, and the callers work out again what is due from the database.
 * @example const scheduler = createInProcessScheduler({ logger }); scheduler.define(kind); await scheduler.start();
 */
export function createInProcessScheduler(options: { logger: Logger }): JobScheduler {
  const { logger } = options;
  const kinds = new Map<string, KindState>();
  const runs = new Set<Promise<void>>();
  let started = false;
  let stopped = false;

  function pump(state: KindState): void {
    if (!started || stopped) return;
    const size = Math.max(1, state.kind.batchSize ?? 1);
    const concurrency = Math.max(1, state.kind.concurrency ?? 1);
    while (state.running < concurrency) {
      const batch: Job<unknown>[] = [];
      const busy = new Set(state.active);
      for (const job of state.waiting) {
        if (batch.length === size) break;
        if (busy.has(job.key)) continue;
        busy.add(job.key);
        batch.push(job);
      }
      if (batch.length === 0) return;
      state.waiting = state.waiting.filter((job) => !batch.includes(job));
      for (const job of batch) state.active.add(job.key);
      state.running += 1;
      const run = state.kind
        .run(batch)
        .catch((error: unknown) =>
          logger.error({ err: error, job: state.kind.name, keys: batch.length }, 'A background job failed'),
        )
        .finally(() => {
          state.running -= 1;
          for (const job of batch) state.active.delete(job.key);
          runs.delete(run);
          pump(state);
        });
      runs.add(run);
    }
  }

  return {
    define<T>(kind: JobKind<T>): void {
      if (started) throw new Error(`The job kind ${kind.name} was declared after start.`);
      if (kinds.has(kind.name)) throw new Error(`The job kind ${kind.name} is declared twice.`);
      kinds.set(kind.name, { kind, waiting: [], active: new Set(), running: 0, slots: new Map() });
    },
    enqueue<T>(kind: JobKind<T>, jobs: readonly Job<T>[]): Promise<number> {
      const state = kinds.get(kind.name);
      if (state === undefined)
        return Promise.reject(new Error(`The job kind ${kind.name} was not declared before start.`));
      let queued = 0;
      for (const job of jobs) {
        const slots = state.slots.get(job.key) ?? [];
        if (slots.includes(job.slot)) continue;
        state.slots.set(job.key, [...slots, job.slot].slice(-REMEMBERED_SLOTS));
        state.waiting.push(job);
        queued += 1;
      }
      pump(state);
      return Promise.resolve(queued);
    },
    start(): Promise<void> {
      started = true;
      for (const state of kinds.values()) pump(state);
      return Promise.resolve();
    },
    running: () => started && !stopped,
    async stop(): Promise<void> {
      stopped = true;
      while (runs.size > 0) await Promise.allSettled([...runs]);
    },
  };
}

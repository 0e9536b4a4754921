import type { ZodType } from 'zod';

/** One job: who it is for (`key`, e.g. a customer), which period it belongs to (`slot`), and its data. */
export interface Job<T> {
  key: string;
  /** The period the job belongs to (e.g. the start of an interval, in ms): one run per key and slot. */
  slot: string;
  data: T;
}

/** A kind of background job and how to run it. Declared once, with {@link JobScheduler.define}. */
export interface JobKind<T> {
  /** The queue's name: lowercase letters, digits and dashes, e.g. `watch-check`. */
  name: string;
  /** Checks a job's data where it comes back from the queue (pg-boss hands back stored JSON). */
  data: ZodType<T>;
  /**
   * Runs a batch of jobs, each of a different key. A rejection fails the batch: pg-boss tries its
   * jobs again (at most twice), the in-process scheduler logs it and drops them (the caller's next
   * pass queues the key again).
   */
  run(jobs: readonly Job<T>[]): Promise<void>;
  /**
   * How long a run may take before its jobs count as abandoned (the replica running them died)
   * and another replica takes them over. With pg-boss this is the queue's expiry; a run still
   * going at that point is not stopped, so the job may then run twice: keep it well above the
   * slowest run (pg-boss fails the job there, and that worker takes nothing more until the run
   * returns). In-process it is unused (a dead process takes its queue with it).
   */
  expireMs: number;
  /**
   * How long a finished job of this kind is kept: its id is what refuses a second job for its key
   * and slot, so keep it as long as any replica could still queue that slot (a slot per interval:
   * about two intervals; a slot per day: a day). With pg-boss, a finished job is deleted at the
   * first sweep after that (see `sweepIntervalSeconds`); in-process it is unused (the last 16 slots
   * of each key are remembered). @default one day
   */
  keepFinishedMs?: number;
  /** Jobs handed to one `run` at most. @default 1 */
  batchSize?: number;
  /** Runs of this kind at the same time in one process (replicas each run as many). @default 1 */
  concurrency?: number;
}

/**
 * Background jobs, once per key and slot: "check this customer in this interval", "write the
 * digests of this minute", "prune history today". Two implementations behind this interface:
 * in-process (one bot on SQLite; see in-process-scheduler.ts) and pg-boss (several replicas on
 * PostgreSQL; see pg-boss-scheduler.ts), where every replica may queue the same job and only the
 * first one counts, whichever replica runs it.
 * @example
 * scheduler.define(checkKind);
 * await scheduler.start();
 * await scheduler.enqueue(checkKind, [{ key: 'cloud\ncustomer', slot: String(slotStart), data: {} }]);
 */
export interface JobScheduler {
  /**
   * Declares a kind of job; every kind is declared before {@link start}.
   * @throws {Error} after start, or when a kind of that name was declared already
   */
  define<T>(kind: JobKind<T>): void;
  /**
   * Queues each job unless a job of this kind with the same key and slot was queued before (by
   * this process or, with pg-boss, by any replica): each (kind, key, slot) runs once. Jobs of one
   * key never run at the same time: one waits for the other. Resolves once they are queued, not run.
   * @returns how many of `jobs` this call queued (the others were there already)
   * @throws {Error} when the kind was not declared
   */
  enqueue<T>(kind: JobKind<T>, jobs: readonly Job<T>[]): Promise<number>;
  /** Starts running jobs (pg-boss: installs or migrates its schema first). */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the runs in progress. */
  stop(): Promise<void>;
  /**
   * True from the end of a {@link start} that succeeded (pg-boss: its schema installed or migrated,
   * every kind's queue created) until {@link stop} is called: what readiness waits for. Bound: may
   * be passed on alone.
   */
  running(this: void): boolean;
}

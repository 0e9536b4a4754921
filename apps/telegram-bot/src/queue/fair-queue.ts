import { QueueBusyError } from './queue-busy-error';

/** Where a waiting job stands: how many jobs will start before it, and roughly when it is done. */
export interface QueuePlace {
  /** Jobs still waiting that will start before this one. */
  readonly ahead: number;
  /** Estimated time until it has run, in ms (what the person waits for). */
  readonly waitMs: number;
}

export interface FairQueueOptions {
  /** Jobs that may run at once. */
  readonly concurrency: number;
  /** A job that would not be done within this many ms is refused at once with a {@link QueueBusyError}. */
  readonly maxWaitMs: number;
  /**
   * The time between two job starts while the queue is full, until it has been measured (the
   * queue measures it from the last completions while jobs wait).
   */
  readonly initialIntervalMs: number;
  /** The clock, in ms. @default performance.now */
  readonly now?: () => number;
}

/** A job in the queue. */
export interface QueueTicket<T> {
  /** Settles as the job does; rejects with the signal's reason when it was cancelled while waiting. */
  readonly result: Promise<T>;
  /** Resolves when the job starts, or leaves the queue without starting (cancelled). */
  readonly started: Promise<void>;
  /** Its place while it waits; `undefined` once it has started (or was cancelled). */
  place(): QueuePlace | undefined;
}

/** A bounded queue that serves its keys (people) in turn; see {@link createFairQueue}. */
export interface FairQueue {
  /**
   * Queues `work` for `key`. It starts when a slot is free and its turn has come, and receives a
   * signal that aborts when `signal` does, and once the work has settled (what it still has under
   * way is no longer wanted).
   *
   * @throws {QueueBusyError} at once, when the estimated wait is longer than `maxWaitMs`.
   */
  enqueue<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): QueueTicket<T>;
  /** Jobs waiting to start. */
  waiting(): number;
  /** Jobs running. */
  running(): number;
}

interface Job {
  /** The job's round: jobs start in order of round, then of arrival. */
  readonly round: number;
  start(): void;
}

/** Completions needed before the measured interval replaces the initial one, and how many are kept. */
const MIN_SAMPLES = 12;
const MAX_SAMPLES = 32;

/**
 * A fair, bounded job queue. Keys take turns: each key's n-th waiting job belongs to round n
 * (counted from the round being served), and jobs start round by round, in arrival order within a
 * round, so one key's burst never holds back another key's single job. At most `concurrency` jobs
 * run at once.
 *
 * The wait (until the job is done) is estimated from the interval between completions while the
 * queue is full, measured over the last ones (`initialIntervalMs` until there are enough). A job
 * whose estimated wait exceeds `maxWaitMs` is refused at once, saying when to try again, instead of
 * waiting in vain.
 * A job cancelled while waiting leaves without ever running.
 *
 * @example
 * ```ts
 * const queue = createFairQueue({ concurrency: 3, maxWaitMs: 30_000, initialIntervalMs: 333 });
 * const ticket = queue.enqueue('user-42', (signal) => client.nodes.list(customerId, locationId, { signal }));
 * ticket.place(); // { ahead: 14, waitMs: 5000 } while it waits
 * const nodes = await ticket.result;
 * ```
 */
export function createFairQueue(options: FairQueueOptions): FairQueue {
  const now = options.now ?? (() => performance.now());
  /** Waiting jobs in service order. */
  const waiting: Job[] = [];
  /** The round of each key's latest job, while it may still matter. */
  const lastRound = new Map<string, number>();
  /** Completion times while jobs were waiting (the queue was full), oldest first. */
  const completions: number[] = [];
  let round = 0;
  let running = 0;

  const intervalMs = (): number => {
    const first = completions[0];
    const last = completions.at(-1);
    if (completions.length < MIN_SAMPLES || first === undefined || last === undefined) return options.initialIntervalMs;
    return (last - first) / (completions.length - 1);
  };

  /**
   * While the queue is full one job ends every interval: the job at `index` starts after `index + 1`
   * of them, and is done once the `running` jobs then beside it have turned over (Little's law).
   */
  const placeAt = (index: number): QueuePlace => ({
    ahead: index,
    waitMs: Math.round((index + 1 + running) * intervalMs()),
  });

  /** Where a job of `round` arriving now goes: after every job of an earlier or the same round. */
  const insertionIndex = (jobRound: number): number => {
    let low = 0;
    let high = waiting.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((waiting[mid] as Job).round <= jobRound) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  const pump = (): void => {
    while (running < options.concurrency) {
      const job = waiting.shift();
      if (job === undefined) return;
      round = Math.max(round, job.round);
      running += 1;
      job.start();
    }
  };

  const finished = (): void => {
    running -= 1;
    if (waiting.length > 0) {
      completions.push(now());
      if (completions.length > MAX_SAMPLES) completions.shift();
    } else {
      // An idle stretch says nothing about how fast jobs can go.
      completions.length = 0;
    }
    if (lastRound.size > 1000) for (const [key, r] of lastRound) if (r < round) lastRound.delete(key);
    pump();
  };

  return {
    enqueue<T>(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): QueueTicket<T> {
      if (signal?.aborted)
        return { result: Promise.reject(signal.reason as Error), started: Promise.resolve(), place: () => undefined };
      const jobRound = Math.max(round, (lastRound.get(key) ?? round - 1) + 1);
      const index = insertionIndex(jobRound);
      if (running >= options.concurrency || waiting.length > 0) {
        const { waitMs } = placeAt(index);
        if (waitMs > options.maxWaitMs) throw new QueueBusyError(waitMs - options.maxWaitMs, options.maxWaitMs);
      }
      lastRound.set(key, jobRound);
      let job!: Job;
      let left!: () => void;
      const started = new Promise<void>((resolve) => (left = resolve));
      const result = new Promise<T>((resolve, reject) => {
        const controller = new AbortController();
        const onAbort = (): void => {
          const at = waiting.indexOf(job);
          if (at >= 0) {
            waiting.splice(at, 1);
            left();
            reject(signal?.reason as Error);
          } else {
            controller.abort(signal?.reason);
          }
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        job = {
          round: jobRound,
          start: () => {
            const settle = (): void => {
              signal?.removeEventListener('abort', onAbort);
              controller.abort(new Error('The job has settled.'));
              finished();
            };
            void Promise.resolve()
              .then(() => work(controller.signal))
              .then(
                (value) => {
                  settle();
                  resolve(value);
                },
                (error: unknown) => {
                  settle();
                  reject(error);
                },
              );
            left();
          },
        };
      });
      waiting.splice(index, 0, job);
      pump();
      return {
        result,
        started,
        place: () => {
          const at = waiting.indexOf(job);
          return at < 0 ? undefined : placeAt(at);
        },
      };
    },
    waiting: () => waiting.length,
    running: () => running,
  };
}

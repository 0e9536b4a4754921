import { z } from 'zod';
import type { Logger } from '../logger';
import { createLoop, realTimers, type Loop, type Timers } from '../monitoring/timers';
import type { JobScheduler } from './job-scheduler';

export interface PeriodicJobOptions {
  scheduler: JobScheduler;
  /** The job's name (its queue), e.g. `history-retention`. */
  name: string;
  /** One run per period, across all replicas: periods are counted from the epoch (`floor(now / periodMs)`). */
  periodMs: number;
  /** The work, given the time it starts at. */
  run: (now: number) => Promise<void>;
  /** How long a run may take before another replica takes it over (see `JobKind.expireMs`). */
  expireMs: number;
  clock: () => number;
  timers?: Timers | undefined;
  logger: Logger;
}

/**
 * Work done once per period by whichever replica gets to it: declares a kind on `scheduler` (so
 * call it before the scheduler starts) and returns a loop that, on every replica, queues the
 * current period's job when woken and at the start of each period. The scheduler keeps one job per
 * period: the other replicas' are dropped, and so is a second wake in one period. A run that fails
 * is logged and not tried again before the next period (the in-process scheduler) or tried again
 * twice (pg-boss).
 * @example const retention = periodicJob({ scheduler, name: 'history-retention', periodMs: 86_400_000, run, expireMs: 600_000, clock: Date.now, logger }); retention.wake();
 */
export function periodicJob(options: PeriodicJobOptions): Loop {
  const { scheduler, periodMs, clock, logger } = options;
  const kind = {
    name: options.name,
    data: z.object({}),
    expireMs: options.expireMs,
    // A replica waking later in the period queues the period's job again: refused while it is kept.
    keepFinishedMs: periodMs,
    run: () => options.run(clock()),
  };
  scheduler.define(kind);
  return createLoop(
    async () => {
      const period = Math.floor(clock() / periodMs);
      await scheduler.enqueue(kind, [{ key: options.name, slot: String(period), data: {} }]);
      return (period + 1) * periodMs;
    },
    {
      clock,
      timers: options.timers ?? realTimers,
      onError: (error) =>
        logger.error({ err: error, job: options.name }, 'Could not queue a periodic job; trying again shortly'),
    },
  );
}

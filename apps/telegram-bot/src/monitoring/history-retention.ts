import type { JobScheduler } from '../jobs/job-scheduler';
import { periodicJob } from '../jobs/periodic-job';
import type { Logger } from '../logger';
import type { HistoryPruner } from '../storage/history-prune';
import type { Loop, Timers } from './timers';

/**
 * How long monitoring history is kept once it is over: notifications after they were sent (or
 * given up on), incidents after they closed. The digest needs the last day's incidents, a recovery
 * its alert (kept while the incident is open, however long), so a week leaves room to look into
 * what the bot said without letting the database grow for ever.
 */
export const HISTORY_RETENTION_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Prunes the monitoring history older than {@link HISTORY_RETENTION_DAYS} once per UTC day, on one
 * replica (a periodic job on `scheduler`): when woken (at start) unless today's pruning ran
 * already, then at each midnight UTC. A failure is logged; pg-boss tries again at once (twice),
 * the in-process scheduler the next day (or at the next start).
 * @example const retention = createHistoryRetention({ pruner, scheduler, logger, clock: Date.now }); retention.wake();
 */
export function createHistoryRetention(options: {
  pruner: HistoryPruner;
  scheduler: JobScheduler;
  logger: Logger;
  clock: () => number;
  timers?: Timers | undefined;
}): Loop {
  const { pruner, logger } = options;
  return periodicJob({
    scheduler: options.scheduler,
    name: 'history-retention',
    periodMs: DAY_MS,
    async run(now) {
      const deleted = await pruner.prune(now - HISTORY_RETENTION_DAYS * DAY_MS);
      if (deleted.notifications + deleted.incidents > 0)
        logger.info({ ...deleted, days: HISTORY_RETENTION_DAYS }, 'Deleted monitoring history past its retention');
    },
    // Deleting a day of history takes seconds; an hour means it hangs.
    expireMs: 3_600_000,
    clock: options.clock,
    timers: options.timers,
    logger,
  });
}

import type { Logger } from '../logger';
import type { HistoryPruner } from '../storage/history-prune';
import { createLoop, realTimers, type Loop, type Timers } from './timers';

/**
 * How long monitoring history is kept once it is over: notifications after they were sent (or
 * given up on), incidents after they closed. The digest needs the last day's incidents, a recovery
 * its alert (kept while the incident is open, however long), so a week leaves room to look into
 * what the bot said without letting the database grow for ever.
 */
export const HISTORY_RETENTION_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Prunes the monitoring history older than {@link HISTORY_RETENTION_DAYS} when woken (at start),
 * then once a day. Failures are logged and tried again shortly.
 * @example const retention = createHistoryRetention({ pruner, logger, clock: Date.now }); retention.wake();
 */
export function createHistoryRetention(options: {
  pruner: HistoryPruner;
  logger: Logger;
  clock: () => number;
  timers?: Timers | undefined;
}): Loop {
  const { pruner, logger, clock } = options;
  return createLoop(
    async () => {
      const now = clock();
      const deleted = await pruner.prune(now - HISTORY_RETENTION_DAYS * DAY_MS);
      if (deleted.notifications + deleted.incidents > 0)
        logger.info({ ...deleted, days: HISTORY_RETENTION_DAYS }, 'Deleted monitoring history past its retention');
      return now + DAY_MS;
    },
    {
      clock,
      timers: options.timers ?? realTimers,
      onError: (error) => logger.error({ err: error }, 'Could not prune the monitoring history; trying again shortly'),
      retryMs: 60_000,
    },
  );
}

import type { Update } from 'telegraf/types';
import type { Logger } from '../logger';
import { createLoop, realTimers, type Timers } from '../monitoring/timers';
import type { UpdateInbox } from '../storage/update-inbox';
import type { UpdateDispatcher } from './dispatcher';

export interface ClaimKeeperOptions {
  inbox: UpdateInbox;
  dispatcher: UpdateDispatcher;
  /** Runs a taken-over update (telegraf's `handleUpdate`). */
  handle: (update: Update) => Promise<void>;
  /** How often: well within the inbox's lease (a third of it). */
  everyMs: number;
  logger: Logger;
  clock?: () => number;
  timers?: Timers;
}

/** The periodic work that keeps this replica's claims and takes over those of replicas that died. */
export interface ClaimKeeper {
  /** Takes nothing over from now on (the replica is stopping), but goes on renewing what it holds. */
  drain(): void;
  /** Stops renewing and taking over; waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Every `everyMs`: renews the lease of every update this replica holds, then takes over (and runs,
 * with their journals) the pending updates whose lease ran out, a replica having died, or that a
 * stopping replica handed back. On SQLite, one process owns the file: nothing is ever taken over.
 * @example const keeper = keepClaims({ inbox, dispatcher, handle: (u) => telegraf.handleUpdate(u), everyMs: 10_000, logger });
 */
export function keepClaims(options: ClaimKeeperOptions): ClaimKeeper {
  const { inbox, dispatcher, logger } = options;
  const clock = options.clock ?? Date.now;
  let draining = false;
  const loop = createLoop(
    async () => {
      await inbox.renew();
      if (draining) return clock() + options.everyMs;
      const taken = await dispatcher.resume(options.handle);
      if (taken > 0) logger.info({ updates: taken }, 'Took over updates another replica left unfinished.');
      return clock() + options.everyMs;
    },
    {
      clock,
      timers: options.timers ?? realTimers,
      onError: (err) => logger.warn({ err }, 'Could not renew or take over update claims; trying again.'),
      retryMs: options.everyMs,
    },
  );
  loop.wake();
  return {
    drain() {
      draining = true;
    },
    stop: () => loop.stop(),
  };
}

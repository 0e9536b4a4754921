import type { MiddlewareFn } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { BotContext } from '../context';
import type { Logger } from '../logger';
import type { UpdateInbox } from '../storage/update-inbox';
import { createJournal, journalMethods, journalSettings, journalStore, journalTelegram } from './update-journal';

/** Runs updates off telegraf's polling loop: stored first, then one queue per user, users in parallel. */
export interface UpdateDispatcher {
  middleware: MiddlewareFn<BotContext>;
  /** Updates accepted and not yet finished. */
  inFlight(): number;
  /** Resolves once every accepted update has finished. */
  idle(): Promise<void>;
  /**
   * Hands the inbox's pending updates (left by the last run) to `handle`, oldest first, and returns
   * how many. Call it once at start, before new updates arrive, so that each user's order holds.
   */
  resume(handle: (update: Update) => Promise<void>): Promise<number>;
  /**
   * Gives up on the updates still running (a stop whose grace ran out): they start no more effects
   * (those under way are still recorded while the inbox is open) and stay pending in the inbox;
   * updates arriving from now on are stored and not run. The next start resumes them all.
   */
  abandon(): void;
}

export interface UpdateDispatcherOptions {
  inbox: UpdateInbox;
  logger: Logger;
  /** Anything escaping the error boundary. */
  onError: (error: unknown) => void;
}

/** The inbox could not store an update: it must not be acknowledged to Telegram. */
export class UpdateInboxError extends Error {
  override readonly name = 'UpdateInboxError';
  constructor(cause: unknown) {
    super('The update inbox could not store an update (is the data folder writable and the disk not full?).', {
      cause,
    });
  }
}

/**
 * telegraf's long polling awaits a whole batch of updates before fetching the next (which tells
 * Telegram the batch arrived), and a webhook answers 200 once this middleware returns. So the
 * middleware first stores the update in the inbox, synchronously, and only then returns, running
 * the rest of the chain on a per-user queue: one user's updates keep their order (a /setup answer
 * can't overtake the /setup), different users never wait for each other. An update id already in
 * the inbox is dropped, unless it is pending and not running (a restart): then it is resumed with
 * its journal, so the effects it had completed (messages sent, state written) are not repeated.
 * Errors are the error boundary's job, which runs inside the queue; anything escaping it goes to `onError`.
 * @throws {UpdateInboxError} from the middleware when the inbox cannot store the update.
 * @example telegraf.use(createUpdateDispatcher({ inbox, logger, onError }).middleware)
 */
export function createUpdateDispatcher(options: UpdateDispatcherOptions): UpdateDispatcher {
  const { inbox, logger, onError } = options;
  const queues = new Map<string, Promise<void>>();
  const running = new Set<number>();
  let abandoned = false;
  let waiters: Array<() => void> = [];

  const settle = (updateId: number) => {
    running.delete(updateId);
    if (running.size === 0) {
      const done = waiters;
      waiters = [];
      done.forEach((resolve) => resolve());
    }
  };

  // Once abandoned, the inbox may already be closed: the update then simply stays pending.
  const finish = (updateId: number) => {
    try {
      inbox.finish(updateId);
    } catch (error) {
      if (!abandoned) throw error;
    }
  };

  const admit = (update: Update) => {
    try {
      return inbox.admit(update);
    } catch (error) {
      throw new UpdateInboxError(error);
    }
  };

  return {
    middleware(ctx, next) {
      const updateId = ctx.update.update_id;
      if (running.has(updateId)) {
        logger.debug({ updateId }, 'Duplicate update dropped (already running).');
        return Promise.resolve();
      }
      const admission = admit(ctx.update);
      if (admission.status === 'done') {
        logger.debug({ updateId }, 'Duplicate update dropped (already handled).');
        return Promise.resolve();
      }
      if (abandoned) return Promise.resolve(); // stored: the next start runs it
      const journal = createJournal({
        recorded: admission.status === 'pending' ? admission.journal : [],
        save: (entry) => inbox.record(updateId, entry),
        forget: (position) => inbox.forget(updateId, position),
        abandoned: () => abandoned,
        onDiverge: (at) =>
          logger.info(
            { updateId, ...at },
            'A resumed update took another path than before the restart; running the rest afresh.',
          ),
      });
      journalTelegram(ctx.telegram, journal);
      ctx.services = {
        ...ctx.services,
        store: journalStore(ctx.services.store, journal),
        team: journalMethods(ctx.services.team, 'team', journal),
        settings: journalSettings(ctx.services.settings, journal),
      };

      const key = String(ctx.from?.id ?? ctx.chat?.id ?? 'anonymous');
      running.add(updateId);
      const previous = queues.get(key) ?? Promise.resolve();
      const current = previous
        .then(async () => {
          await next();
          if (!journal.refused()) finish(updateId);
        })
        .catch(onError)
        .finally(() => settle(updateId));
      queues.set(key, current);
      void current.then(() => {
        if (queues.get(key) === current) queues.delete(key);
      });
      return Promise.resolve();
    },
    inFlight: () => running.size,
    idle: () => (running.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    async resume(handle) {
      const pending = inbox.pending();
      if (pending.length > 0)
        logger.info({ updates: pending.length }, 'Resuming the updates the last run left unfinished.');
      for (const { update } of pending) await handle(update);
      return pending.length;
    },
    abandon() {
      abandoned = true;
    },
  };
}

import type { MiddlewareFn } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { BotContext } from '../context';
import type { Logger } from '../logger';
import { realTimers, type Timers } from '../monitoring/timers';
import type { Admission, UpdateInbox } from '../storage/update-inbox';
import { createPersonLanes, type LaneRun } from './person-lanes';
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

/** The chat and message an overdue update came from, for telling the person. */
export interface OverdueUpdate {
  updateId: number;
  chatId: number | undefined;
  /** The person's message (or the message whose button they pressed). */
  messageId: number | undefined;
}

export interface UpdateDispatcherOptions {
  inbox: UpdateInbox;
  logger: Logger;
  /** Anything escaping the error boundary. */
  onError: (error: unknown) => void;
  /**
   * How long one update may hold up its person's later updates. Past it, `notify` tells the person
   * and their next updates run; the overdue one keeps running and stays in the inbox until it ends.
   */
  deadline: {
    /** @default 120_000 */
    afterMs?: number | undefined;
    /** @default the process's timers */
    timers?: Timers | undefined;
    /** Tells the person; outside the update's journal (a resumed update must not replay it). */
    notify: (update: OverdueUpdate) => Promise<unknown>;
  };
  /** How soon a person's update asks again for its turn while another replica runs an earlier one. @default 100 */
  turnRetryMs?: number;
}

/** The default time one update may hold up its person's later ones: beyond any queue wait and Plume retry. */
export const DEFAULT_UPDATE_DEADLINE_MS = 120_000;

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
 * middleware first stores the update in the inbox, waiting for the write to commit, and only then
 * returns, running the rest of the chain in the person's lane: one person's updates run one at a
 * time, oldest first (a /setup answer can't overtake the /setup), and with a shared inbox also
 * across replicas (the inbox's `begin`); different people never wait for each other. An update id
 * already in the inbox is dropped, unless it is pending and no live replica runs it (a restart, a
 * replica that died): then it is resumed with its journal, so the effects it had completed
 * (messages sent, state written) are not repeated. Errors are the error boundary's job, which runs
 * in the lane; anything escaping it goes to `onError`.
 *
 * An update still running after the deadline (a call that never answers, a hung handler) stops
 * holding up its person: they are told, and their next updates run. It keeps running; whatever it
 * still sends (its late answer) arrives after that notice, and it stays pending in the inbox until it
 * ends, so a restart before then resumes it: nothing is lost. Only its order with the person's later
 * updates is given up.
 * @throws {UpdateInboxError} from the middleware when the inbox cannot store the update.
 * @example telegraf.use(createUpdateDispatcher({ inbox, logger, onError }).middleware)
 */
export function createUpdateDispatcher(options: UpdateDispatcherOptions): UpdateDispatcher {
  const { inbox, logger, onError } = options;
  const deadlineMs = options.deadline.afterMs ?? DEFAULT_UPDATE_DEADLINE_MS;
  const timers = options.deadline.timers ?? realTimers;
  const running = new Set<number>();
  let abandoned = false;
  const lanes = createPersonLanes({
    begin: (updateId) => inbox.begin(updateId),
    abandoned: () => abandoned,
    timers: realTimers,
    logger,
    ...(options.turnRetryMs === undefined ? {} : { retryMs: options.turnRetryMs }),
  });
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
  const finish = (updateId: number) =>
    inbox.finish(updateId).catch((error: unknown) => {
      if (!abandoned) throw error;
    });

  /** Settles when `handled` does, or at the deadline, after which the person is told and the queue moves on. */
  const untilDeadline = (handled: Promise<void>, overdue: OverdueUpdate, userId: number | undefined) =>
    new Promise<void>((resolve) => {
      const timer = timers.setTimeout(() => {
        logger.warn(
          { updateId: overdue.updateId, userId, afterMs: deadlineMs },
          'An update is overdue: the person is told, and their next updates run; it stays in the inbox until it ends.',
        );
        void options.deadline
          .notify(overdue)
          .catch((err: unknown) => logger.warn({ err, userId }, 'Could not tell the person about an overdue update'));
        // Other replicas too stop waiting for it; until that is written, a replica may still wait.
        void inbox
          .overdue(overdue.updateId)
          .catch((err: unknown) => logger.warn({ err, userId }, 'Could not mark an update overdue'))
          .finally(resolve);
      }, deadlineMs);
      void handled.finally(() => {
        timers.clearTimeout(timer);
        resolve();
      });
    });

  const admit = (update: Update, person: string) =>
    inbox.admit(update, person).catch((error: unknown) => {
      throw new UpdateInboxError(error);
    });

  return {
    async middleware(ctx, next) {
      const updateId = ctx.update.update_id;
      if (running.has(updateId)) {
        logger.debug({ updateId }, 'Duplicate update dropped (already running).');
        return;
      }
      // Taken at arrival, before the inbox answers: a second delivery arriving meanwhile is dropped
      // above, and the update holds up the person's later ones already while it is being admitted.
      running.add(updateId);
      const person = String(ctx.from?.id ?? ctx.chat?.id ?? 'anonymous');
      let start!: (run: LaneRun | undefined) => void;
      lanes.enqueue(person, updateId, new Promise<LaneRun | undefined>((resolve) => (start = resolve)));
      const skip = () => {
        start(undefined);
        settle(updateId);
      };

      let admission: Admission;
      try {
        admission = await admit(ctx.update, person);
      } catch (error) {
        skip();
        throw error;
      }
      if (admission.status === 'done' || admission.status === 'held') {
        logger.debug(
          { updateId },
          admission.status === 'done'
            ? 'Duplicate update dropped (already handled).'
            : 'Duplicate update dropped (another replica holds it).',
        );
        return skip();
      }
      if (abandoned) return skip(); // stored: the next start runs it
      // Set when another replica took the update over (this one's lease ran out): it starts no more effects.
      let lost = false;
      const journal = createJournal({
        recorded: admission.status === 'pending' ? admission.journal : [],
        save: async (entry) => {
          if (!(await inbox.record(updateId, entry))) lost = true;
        },
        forget: (position) => inbox.forget(updateId, position),
        abandoned: () => abandoned || lost,
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
      const overdue = { updateId, chatId: ctx.chat?.id, messageId: ctx.msg?.message_id };
      start(() => {
        const handled = Promise.resolve()
          .then(() => next())
          .then(() => (journal.refused() ? undefined : finish(updateId)))
          .catch(onError)
          .finally(() => settle(updateId));
        return untilDeadline(handled, overdue, ctx.from?.id);
      });
    },
    inFlight: () => running.size,
    idle: () => (running.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    async resume(handle) {
      const pending = await inbox.pending();
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

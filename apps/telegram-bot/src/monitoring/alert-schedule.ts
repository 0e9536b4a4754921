import { analyzeDigest, nextReminderAt } from '@org/plume-analytics';
import type { JobScheduler } from '../jobs/job-scheduler';
import { periodicJob } from '../jobs/periodic-job';
import type { Logger } from '../logger';
import { digestDueFor } from '../settings/local-time';
import type { ScheduleStore } from '../storage/schedule-store';
import type { Loop, Timers } from './timers';

/** Reminders, when a person switches them on: every 4 hours, at most 3 per alert. */
export const REMINDER_POLICY = { enabled: true, everyHours: 4, max: 3 } as const;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface AlertScheduleOptions {
  store: ScheduleStore;
  /** Runs each minute's pass once, on one replica. */
  scheduler: JobScheduler;
  logger: Logger;
  clock: () => number;
  timers?: Timers | undefined;
  /** Time between passes (tests shorten it). @default a pass at the start of every minute */
  tickMs?: number | undefined;
  /** Called after a pass wrote notifications (the relay sends them). */
  onNotify: () => void;
}

/**
 * The daily digests and the reminders: once a minute (and on wake, unless this minute's pass ran
 * already), on one replica (a periodic job on `scheduler`), writes each digest that is due
 * (its hour has come in the person's zone, none written yet for that local day) and each reminder
 * that is due (`nextReminderAt` of an open, unacknowledged alert of a person with reminders on) to
 * the outbox, each in the transaction that records it. A digest covers the 24 hours before it.
 * @example const schedule = createAlertSchedule({ store, scheduler, logger, clock: Date.now, onNotify: () => relay.wake() }); schedule.wake();
 */
export function createAlertSchedule(options: AlertScheduleOptions): Loop {
  const { store, logger, clock } = options;

  async function digests(now: number): Promise<number> {
    let written = 0;
    for (const subscriber of await store.digestSubscribers()) {
      const date = digestDueFor(subscriber.settings, now, subscriber.digestDate);
      if (date === undefined) continue;
      const from = now - DAY_MS;
      const digest = analyzeDigest({ from, to: now, ...(await store.digestInput(subscriber.userId, from)) });
      if (await store.writeDigest(subscriber.userId, date, digest, subscriber.settings.timeZone, now)) {
        written += 1;
        logger.info({ userId: subscriber.userId, date, locations: digest.availability.length }, 'Daily digest written');
      }
    }
    return written;
  }

  async function reminders(now: number): Promise<number> {
    let written = 0;
    for (const candidate of await store.reminderCandidates(now)) {
      const due = nextReminderAt(
        {
          firedAt: candidate.firedAt,
          remindersSent: candidate.remindersSent,
          lastReminderAt: candidate.lastReminderAt,
        },
        REMINDER_POLICY,
      );
      if (due === null || Date.parse(due) > now) continue;
      if (await store.writeReminder(candidate, REMINDER_POLICY.max, now)) {
        written += 1;
        logger.info(
          { userId: candidate.userId, incidentId: candidate.incidentId, reminder: candidate.remindersSent + 1 },
          'Reminder written',
        );
      }
    }
    return written;
  }

  return periodicJob({
    scheduler: options.scheduler,
    name: 'alert-schedule',
    periodMs: options.tickMs ?? MINUTE_MS,
    async run(now) {
      if ((await digests(now)) + (await reminders(now)) > 0) options.onNotify();
    },
    // A pass writes a few rows per person: minutes would mean it hangs.
    expireMs: 10 * MINUTE_MS,
    clock,
    timers: options.timers,
    logger,
  });
}

import { AnalyticsError } from '../errors';
import { parseTimestamp, toIso } from '../time';
import type { AlertInstant } from './input-types';

/**
 * When to remind people of an incident that is still firing.
 *
 * @example
 * ```ts
 * const policy: ReminderPolicy = { enabled: true, everyHours: 4, max: 3 };
 * ```
 */
export interface ReminderPolicy {
  /** Reminders are off unless this is `true`. @default false */
  readonly enabled?: boolean | undefined;
  /** Hours between the firing (or the last reminder) and the next reminder. @default 4 */
  readonly everyHours?: number | undefined;
  /** At most this many reminders per incident. @default 3 */
  readonly max?: number | undefined;
}

/**
 * What the caller stored about a firing incident it delivered.
 *
 * @example
 * ```ts
 * const incident: IncidentReminders = { firedAt: '2024-12-04T10:05:00Z', remindersSent: 1, lastReminderAt: '2024-12-04T14:07:00Z' };
 * ```
 */
export interface IncidentReminders {
  /** When the `firing` was delivered. */
  readonly firedAt: AlertInstant;
  /** Reminders delivered so far. */
  readonly remindersSent: number;
  /** When the last reminder was delivered (counted from, so a late one does not bunch the next). */
  readonly lastReminderAt?: AlertInstant | null | undefined;
}

/**
 * When the next reminder of a still-firing incident is due, from the times the caller stored:
 * `everyHours` after the last reminder (or the firing), as long as fewer than `max` were sent; `null`
 * when reminders are off (the default) or used up. The state machine never repeats a decision
 * itself; a caller that wants reminders checks this on its own schedule, and stops at `resolved`.
 *
 * @param incident - the stored times and count
 * @param policy - off by default; when on, every 4 hours, at most 3
 * @returns the due time, ISO-8601 UTC, or `null`
 * @throws {@link AnalyticsError} `INVALID_VALUE` when a time does not parse or `remindersSent` is
 *   not a whole number ≥ 0; `INVALID_OPTION` when `everyHours` is not positive or `max` is negative.
 *
 * @example
 * ```ts
 * nextReminderAt({ firedAt: '2024-12-04T10:00:00Z', remindersSent: 0 }); // null (off by default)
 * nextReminderAt({ firedAt: '2024-12-04T10:00:00Z', remindersSent: 0 }, { enabled: true }); // '2024-12-04T14:00:00.000Z'
 * nextReminderAt({ firedAt: '2024-12-04T10:00:00Z', remindersSent: 3 }, { enabled: true }); // null (at most 3)
 * ```
 */
export function nextReminderAt(incident: IncidentReminders, policy?: ReminderPolicy | null): string | null {
  const everyHours = policy?.everyHours ?? 4;
  const max = policy?.max ?? 3;
  if (typeof everyHours !== 'number' || !Number.isFinite(everyHours) || everyHours <= 0) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      `nextReminderAt: everyHours must be a positive number, got ${String(everyHours)}.`,
    );
  }
  if (!Number.isInteger(max) || max < 0) {
    throw new AnalyticsError('INVALID_OPTION', `nextReminderAt: max must be a whole number ≥ 0, got ${String(max)}.`);
  }
  const sent = incident?.remindersSent;
  const from = parseTimestamp(incident?.lastReminderAt ?? incident?.firedAt);
  if (from === null || typeof sent !== 'number' || !Number.isInteger(sent) || sent < 0) {
    throw new AnalyticsError(
      'INVALID_VALUE',
      'nextReminderAt: the incident needs firedAt (ISO-8601 or epoch ms) and remindersSent (a whole number ≥ 0).',
    );
  }
  if (policy?.enabled !== true || sent >= max) return null;
  return toIso(from + everyHours * 3_600_000);
}

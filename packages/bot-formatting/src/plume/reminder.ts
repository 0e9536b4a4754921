import type { AlertDecision } from '@org/plume-analytics';
import { concat, type FormattedText } from '../rich-text';
import { bold } from '../styles';
import { renderAlert, type AlertPlace, type AlertRenderOptions } from './alerts';

/** Options of {@link renderReminder}. */
export interface ReminderRenderOptions extends AlertRenderOptions {
  /** Which reminder this is (1, 2…). */
  readonly reminder: number;
  /** How many reminders there are at most. */
  readonly of: number;
}

/**
 * A reminder of an alert still open and not acknowledged: a first line saying so, then the alert
 * itself (what, where, since when — "ago" measured from `now` — and what to do next).
 *
 * @throws {RangeError} When the decision is not a `firing` one, the time zone is unknown, or
 *   `reminder` / `of` are not whole numbers with 1 ≤ reminder ≤ of.
 * @example
 * ```ts
 * renderReminder({ decision, location: { name: 'Flaky Flat' } }, { now, reminder: 1, of: 3 })[0].text;
 * // '🔁 Reminder 1 of 3: still open, not acknowledged\n🔴 Offline\n🏠 Flaky Flat\nSince … (4 h ago)…'
 * ```
 */
export function renderReminder(
  input: AlertPlace & { readonly decision: AlertDecision },
  options: ReminderRenderOptions,
): FormattedText[] {
  const { reminder, of } = options;
  if (!Number.isInteger(reminder) || !Number.isInteger(of) || reminder < 1 || reminder > of) {
    throw new RangeError(`renderReminder() needs whole numbers 1 ≤ reminder ≤ of, got ${reminder} of ${of}`);
  }
  const heading = concat(bold(`🔁 Reminder ${reminder} of ${of}`), ': still open, not acknowledged\n');
  const limit = (options.limit ?? 4096) - heading.text.length;
  const [first, ...rest] = renderAlert(input, { ...options, limit });
  return [first === undefined ? heading : concat(heading, first), ...rest];
}

/**
 * Timestamps in an IANA time zone through the built-in `Intl.DateTimeFormat`, in a fixed,
 * locale-independent layout (`2024-12-04 11:30`). Reports state the zone once
 * ({@link formatTimeZone}) instead of repeating it on every time. One formatter per zone is built
 * and reused (`intl-cache.ts`).
 */
import { dateTimeFormat } from './intl-cache';

/** A point in time: a `Date`, an ISO-8601 string or milliseconds since the epoch. */
export type Instant = Date | string | number;

function toDate(at: Instant): Date {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid point in time: ${String(at)}`);
  return date;
}

/**
 * True when `timeZone` is an IANA time zone this runtime knows (`Europe/Berlin`, `UTC`…).
 *
 * @example
 * ```ts
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** The zone's formatter, or `null` when the runtime does not know the zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  try {
    return dateTimeFormat(timeZone);
  } catch {
    return null;
  }
}

function parts(at: Instant, timeZone: string): Record<string, string> {
  const format = formatterFor(timeZone);
  if (!format) throw new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as "Europe/Berlin"`);
  return Object.fromEntries(format.formatToParts(toDate(at)).map((p) => [p.type, p.value]));
}

/**
 * Date and time in a time zone, to the minute: `2024-12-04 11:30`.
 *
 * @throws {RangeError} When `at` is not a valid time or `timeZone` is unknown.
 * @example
 * ```ts
 * formatDateTime('2024-12-04T10:30:00Z', 'Europe/Berlin'); // '2024-12-04 11:30'
 * ```
 */
export function formatDateTime(at: Instant, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * Time of day in a time zone: `11:30`.
 *
 * @throws {RangeError} When `at` is not a valid time or `timeZone` is unknown.
 * @example
 * ```ts
 * formatTime('2024-12-04T10:30:00Z', 'Europe/Berlin'); // '11:30'
 * ```
 */
export function formatTime(at: Instant, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.hour}:${p.minute}`;
}

/**
 * Calendar date in a time zone: `2024-12-04`.
 *
 * @throws {RangeError} When `at` is not a valid time or `timeZone` is unknown.
 * @example
 * ```ts
 * formatDate('2024-12-04T23:30:00Z', 'Asia/Tokyo'); // '2024-12-05'
 * ```
 */
export function formatDate(at: Instant, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * A time zone with its UTC offset at a given moment, for stating the zone once in a report:
 * `Europe/Berlin (UTC+01:00)`.
 *
 * @default at now
 * @throws {RangeError} When `at` is not a valid time or `timeZone` is unknown.
 * @example
 * ```ts
 * formatTimeZone('Europe/Berlin', '2024-07-01T00:00:00Z'); // 'Europe/Berlin (UTC+02:00)'
 * formatTimeZone('UTC'); // 'UTC'
 * ```
 */
export function formatTimeZone(timeZone: string, at: Instant = Date.now()): string {
  const offset = (parts(at, timeZone).timeZoneName ?? 'GMT').replace(/^GMT/, 'UTC');
  return timeZone === 'UTC' || timeZone === 'Etc/UTC'
    ? 'UTC'
    : `${timeZone} (${offset === 'UTC' ? 'UTC+00:00' : offset})`;
}

import type { AlertSettings } from './settings';

/** A moment as a clock in some zone shows it: its calendar date and minutes since midnight. */
export interface LocalClock {
  /** `2024-12-04` */
  date: string;
  /** 0–1439 */
  minutes: number;
}

/**
 * The local date and time of day of `at` (epoch ms) in `timeZone`.
 * @throws {RangeError} when `timeZone` is not one Intl knows
 * @example localClock(Date.UTC(2024, 11, 4, 23, 30), 'Europe/Berlin') // { date: '2024-12-05', minutes: 30 }
 */
export function localClock(at: number, timeZone: string): LocalClock {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

/**
 * Whether `at` falls in the person's quiet hours (start included, end excluded; a span may cross
 * midnight). Alerts then arrive silently, never dropped.
 * @example isQuietAt({ ...settings, timeZone: 'UTC', quietHours: { start: 1320, end: 420 } }, Date.UTC(2024, 0, 1, 23)) // true
 */
export function isQuietAt(settings: Pick<AlertSettings, 'timeZone' | 'quietHours'>, at: number): boolean {
  const quiet = settings.quietHours;
  if (quiet === null) return false;
  const { minutes } = localClock(at, settings.timeZone);
  return quiet.start < quiet.end
    ? minutes >= quiet.start && minutes < quiet.end
    : minutes >= quiet.start || minutes < quiet.end;
}

/**
 * The local date whose digest is due at `at`, or undefined: due once the digest hour has come on a
 * local day for which none was written yet (`lastDigestDate`), so a bot that was stopped at that
 * hour sends it when it is back, and never twice for one day.
 * @example digestDueFor({ timeZone: 'UTC', digestHour: 8 }, Date.UTC(2024, 11, 4, 8, 1), '2024-12-03') // '2024-12-04'
 */
export function digestDueFor(
  settings: Pick<AlertSettings, 'timeZone' | 'digestHour'>,
  at: number,
  lastDigestDate: string | null,
): string | undefined {
  if (settings.digestHour === null) return undefined;
  const local = localClock(at, settings.timeZone);
  if (local.minutes < settings.digestHour * 60 || local.date === lastDigestDate) return undefined;
  return local.date;
}

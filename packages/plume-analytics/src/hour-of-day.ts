// Internal: hour of day of an instant in an IANA time zone, via Intl only (no `node:` import).
import { AnalyticsError } from './errors';
import { DAY_MS, HOUR_MS } from './time';

/** Returns the local hour (0–23) of an epoch-ms instant. */
export type HourOfDay = (epochMs: number) => number;

function utcHour(epochMs: number): number {
  return Math.floor((((epochMs % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

/**
 * Formatters by time zone. Building one costs about 0.1 ms, more than analysing a day of samples,
 * so they are kept. This is a memo of immutable objects, not state: results never depend on it.
 * It is bounded, in case a caller passes many distinct zones.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_FORMATTERS = 64;

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  const formatter = newFormatter(timeZone);
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

function newFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      `timeZone '${timeZone}' is not an IANA time zone this runtime knows; use e.g. 'UTC' or 'Europe/Berlin'.`,
      { cause },
    );
  }
}

/** Returns the offset of a time zone's wall clock from UTC at an epoch-ms instant, ms. */
export type UtcOffset = (epochMs: number) => number;

/**
 * Builds a UTC-offset function for a time zone. `UTC` takes a fast path; other zones ask
 * `Intl.DateTimeFormat` for the offset at both ends of each UTC day and cache it per day, so a day
 * of 96 samples costs two Intl calls. A day whose two offsets differ (a DST change) is resolved
 * per instant.
 *
 * @throws {@link AnalyticsError} `INVALID_OPTION` for an unknown or empty time zone.
 */
export function createUtcOffset(timeZone: string): UtcOffset {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    throw new AnalyticsError('INVALID_OPTION', "timeZone must be a non-empty IANA time zone name such as 'UTC'.");
  }
  if (timeZone.toUpperCase() === 'UTC') return () => 0;
  const formatter = createFormatter(timeZone);

  function offsetAt(epochMs: number): number {
    const fields: Record<string, number> = {};
    for (const part of formatter.formatToParts(epochMs)) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wall = new Date(0);
    wall.setUTCFullYear(fields['year'] ?? 1970, (fields['month'] ?? 1) - 1, fields['day'] ?? 1);
    wall.setUTCHours((fields['hour'] ?? 0) % 24, fields['minute'] ?? 0, fields['second'] ?? 0, 0);
    return wall.getTime() - Math.floor(epochMs / 1000) * 1000;
  }

  const offsetByDay = new Map<number, number>();
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY_MS);
    let offset = offsetByDay.get(day);
    if (offset === undefined) {
      const start = offsetAt(day * DAY_MS);
      offset = start === offsetAt(day * DAY_MS + DAY_MS - 1000) ? start : Number.NaN;
      offsetByDay.set(day, offset);
    }
    return Number.isNaN(offset) ? offsetAt(epochMs) : offset;
  };
}

/**
 * Builds an hour-of-day function for a time zone (see {@link createUtcOffset}).
 *
 * @throws {@link AnalyticsError} `INVALID_OPTION` for an unknown or empty time zone.
 */
export function createHourOfDay(timeZone: string): HourOfDay {
  if (typeof timeZone === 'string' && timeZone.toUpperCase() === 'UTC') return utcHour;
  const offset = createUtcOffset(timeZone);
  return (epochMs) => utcHour(epochMs + offset(epochMs));
}

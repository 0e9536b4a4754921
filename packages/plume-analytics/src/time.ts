// Internal: timestamp parsing shared by the analyses. Not exported from the package.

/**
 * The instants an ISO-8601 string with a 4-digit year can name: 0000-01-01T00:00:00.000Z to
 * 9999-12-31T23:59:59.999Z. Numbers are held to the same range, so an analysis that adds an
 * interval to a timestamp, or asks `Intl` about the end of its day, stays far inside what a `Date`
 * holds (±8.64e15 ms) and never throws.
 */
const MIN_EPOCH_MS = -62_167_219_200_000;
const MAX_EPOCH_MS = 253_402_300_799_999;
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;
const HAS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const HAS_ZONE = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/** One hour and one day, ms. */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

function inRange(ms: number): number | null {
  return ms >= MIN_EPOCH_MS && ms <= MAX_EPOCH_MS ? ms : null;
}

/**
 * Parses a timestamp to epoch ms, or `null` when it cannot be used.
 * - numbers are epoch ms (finite, within years 0000–9999);
 * - strings must start with an ISO-8601 date (`YYYY-MM-DD`); a date-time without a zone designator
 *   is read as UTC, so the result never depends on the machine's time zone.
 */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? inRange(value) : null;
  }
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (!ISO_DATE_PREFIX.test(text)) return null;
  if (HAS_TIME.test(text)) {
    if (text.charCodeAt(10) === 32) text = `${text.slice(0, 10)}T${text.slice(11)}`;
    if (!HAS_ZONE.test(text)) text += 'Z';
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : inRange(ms);
}

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Whether `value` is written as {@link toIso} writes it (`2024-12-04T10:00:00.000Z`). Such strings
 * sort as their instants do, so two of them can be compared without parsing.
 */
export function isCanonicalIso(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL_ISO.test(value);
}

/** Epoch ms to an ISO-8601 UTC string. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

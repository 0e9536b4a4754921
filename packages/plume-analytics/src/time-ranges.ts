import { DAY_MS, HOUR_MS } from './time';

/**
 * The keys of the shared online-statistics ranges: last 3 hours, last 24 hours, last 7 days.
 *
 * @example
 * ```ts
 * const key: OnlineStatsRangeKey = '24h';
 * ONLINE_STATS_RANGES[key].limit; // 24
 * ```
 */
export type OnlineStatsRangeKey = '3h' | '24h' | '7d';

/**
 * The Reports API `granularity` query parameter of `onlineStats`.
 *
 * @example
 * ```ts
 * const granularity: OnlineStatsGranularity = ONLINE_STATS_RANGES['7d'].granularity; // 'days'
 * ```
 */
export type OnlineStatsGranularity = 'hours' | 'days';

/**
 * A time range for online statistics and the `onlineStats` request it maps to
 * (`?granularity=<granularity>&limit=<limit>`).
 *
 * @example
 * ```ts
 * const twoDays: OnlineStatsRange = { key: '2d', label: 'Last 2 Days', granularity: 'days', limit: 2, durationMs: 172_800_000 };
 * analyzeOnlineStats([], twoDays).range.label; // 'Last 2 Days'
 * ```
 */
export interface OnlineStatsRange {
  /** A preset's key; a custom range may use any string. */
  readonly key: string;
  /** Plain-text label, e.g. `Last 24 Hours`. */
  readonly label: string;
  readonly granularity: OnlineStatsGranularity;
  /** Number of periods of `granularity` to request. */
  readonly limit: number;
  /** The span the range covers, ms (limit × one period). */
  readonly durationMs: number;
}

/**
 * The three shared ranges. 24 h is 24 hourly periods, not one daily period (which is too coarse).
 *
 * | key | granularity | limit | label |
 * |---|---|---|---|
 * | `3h` | `hours` | 3 | Last 3 Hours |
 * | `24h` | `hours` | 24 | Last 24 Hours |
 * | `7d` | `days` | 7 | Last 7 Days |
 *
 * @example
 * ```ts
 * ONLINE_STATS_RANGES['24h']; // { key: '24h', label: 'Last 24 Hours', granularity: 'hours', limit: 24, durationMs: 86400000 }
 * ```
 */
export const ONLINE_STATS_RANGES: Readonly<
  Record<OnlineStatsRangeKey, OnlineStatsRange & { key: OnlineStatsRangeKey }>
> = Object.freeze({
  '3h': Object.freeze({ key: '3h', label: 'Last 3 Hours', granularity: 'hours', limit: 3, durationMs: 3 * HOUR_MS }),
  '24h': Object.freeze({ key: '24h', label: 'Last 24 Hours', granularity: 'hours', limit: 24, durationMs: DAY_MS }),
  '7d': Object.freeze({ key: '7d', label: 'Last 7 Days', granularity: 'days', limit: 7, durationMs: 7 * DAY_MS }),
});

/**
 * The range keys in display order (shortest first), e.g. for a keyboard row.
 *
 * @example
 * ```ts
 * ONLINE_STATS_RANGE_KEYS; // ['3h', '24h', '7d']
 * ```
 */
export const ONLINE_STATS_RANGE_KEYS: readonly OnlineStatsRangeKey[] = Object.freeze(['3h', '24h', '7d']);

/**
 * The range the bot opens `/stats` with.
 *
 * @example
 * ```ts
 * DEFAULT_ONLINE_STATS_RANGE; // '7d'
 * ```
 */
export const DEFAULT_ONLINE_STATS_RANGE: OnlineStatsRangeKey = '7d';

/**
 * Tells whether a string (e.g. from callback data) is a preset key.
 *
 * @example
 * ```ts
 * isOnlineStatsRangeKey('24h'); // true
 * isOnlineStatsRangeKey('1y'); // false
 * ```
 */
export function isOnlineStatsRangeKey(value: unknown): value is OnlineStatsRangeKey {
  return value === '3h' || value === '24h' || value === '7d';
}

/**
 * The length of one period of a granularity, ms.
 *
 * @example
 * ```ts
 * granularityMs('hours'); // 3600000
 * ```
 */
export function granularityMs(granularity: OnlineStatsGranularity): number {
  return granularity === 'hours' ? HOUR_MS : DAY_MS;
}

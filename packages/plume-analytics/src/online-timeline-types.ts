/**
 * The chart-ready parts of `analyzeOnlineStats`: a timeline of states and uptime per period.
 * Timestamps are ISO-8601 UTC strings, durations milliseconds, percentages 0–100.
 *
 * @packageDocumentation
 */

/**
 * A state on the timeline: the three known sample states, or `noData` where no known sample
 * covers the time (a hole in the data, or samples with an unknown value).
 *
 * @example
 * ```ts
 * const states: readonly TimelineState[] = ['online', 'intermittent', 'offline', 'noData'];
 * ```
 */
export type TimelineState = 'online' | 'intermittent' | 'offline' | 'noData';

/**
 * A run of one state on the timeline.
 *
 * @example
 * ```ts
 * const segment: OnlineTimelineSegment = {
 *   state: 'offline',
 *   startAt: '2024-12-04T11:00:00.000Z',
 *   endAt: '2024-12-04T12:00:00.000Z',
 *   durationMs: 3_600_000,
 * };
 * ```
 */
export interface OnlineTimelineSegment {
  readonly state: TimelineState;
  readonly startAt: string;
  readonly endAt: string;
  readonly durationMs: number;
}

/**
 * The whole range as consecutive segments, oldest first. Each known sample covers min(time to the
 * next known sample, `sampleIntervalMs`), the rule `downtimeMs` uses; the rest is `noData`. The
 * timeline ends where the last known sample's cover ends and spans at least the range's duration
 * (or back to the first known sample when that is earlier).
 *
 * @example
 * ```ts
 * const stats = analyzeOnlineStats([{ timestamp: '2024-12-04T10:00:00Z', value: 'online' }], '3h');
 * const timeline: OnlineTimeline | null = stats.hasData ? stats.timeline : null;
 * // { startAt: '2024-12-04T08:00:00.000Z', endAt: '2024-12-04T11:00:00.000Z', segments: [
 * //   { state: 'noData', startAt: '2024-12-04T08:00:00.000Z', endAt: '2024-12-04T10:00:00.000Z', durationMs: 7200000 },
 * //   { state: 'online', startAt: '2024-12-04T10:00:00.000Z', endAt: '2024-12-04T11:00:00.000Z', durationMs: 3600000 } ] }
 * ```
 */
export interface OnlineTimeline {
  readonly startAt: string;
  readonly endAt: string;
  readonly segments: readonly OnlineTimelineSegment[];
}

/**
 * Uptime over one period of the range's granularity (an hour for `hours`, a day for `days`),
 * periods aligned to the wall clock of the analysis time zone. Uptime counts samples as the overall
 * `uptimePercent` does: online × 100 ÷ known samples in the period.
 *
 * @example
 * ```ts
 * const bucket: UptimeBucket = {
 *   startAt: '2024-12-04T00:00:00.000Z',
 *   endAt: '2024-12-05T00:00:00.000Z',
 *   online: 95,
 *   intermittent: 0,
 *   offline: 1,
 *   uptimePercent: 98.95833333333333,
 * };
 * ```
 */
export interface UptimeBucket {
  readonly startAt: string;
  readonly endAt: string;
  readonly online: number;
  readonly intermittent: number;
  readonly offline: number;
  /** `null` when no known sample fell in the period. */
  readonly uptimePercent: number | null;
}

/**
 * Options of `analyzeOnlineStats`.
 *
 * @example
 * ```ts
 * const options: OnlineStatsOptions = { timeZone: 'Europe/Berlin' };
 * ```
 */
export interface OnlineStatsOptions {
  /**
   * IANA time zone whose wall clock the periods of `uptimeBuckets` follow (days start at local
   * midnight).
   * @default 'UTC'
   */
  readonly timeZone?: string | undefined;
}

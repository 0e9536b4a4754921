/**
 * Inputs and outputs of `analyzeOnlineStats`. Timestamps in results are ISO-8601 UTC strings,
 * durations are milliseconds, percentages are 0–100.
 *
 * @packageDocumentation
 */
import type { OnlineTimeline, UptimeBucket } from './online-timeline-types';
import type { OnlineStatsRange } from './time-ranges';

/**
 * One item of the `onlineStats` response's `locationState` array.
 *
 * @example
 * ```ts
 * const sample: OnlineStateSample = { timestamp: '2024-12-04T10:00:00Z', value: 'online' };
 * ```
 */
export interface OnlineStateSample {
  /** ISO-8601 (a missing zone designator means UTC) or epoch ms. */
  readonly timestamp?: string | number | null | undefined;
  /** `online`, `offline`, `intermittent` (any case); anything else counts as unknown. */
  readonly value?: string | null | undefined;
}

/**
 * A sample's state after normalisation; also the keys of {@link OnlineStateCounts}.
 *
 * @example
 * ```ts
 * const states: readonly OnlineState[] = ['online', 'offline', 'intermittent', 'unknown'];
 * ```
 */
export type OnlineState = 'online' | 'offline' | 'intermittent' | 'unknown';

/**
 * Samples per state, one per timestamp (the last of samples sharing one). `unknown` are values
 * other than the three known ones, and nulls.
 *
 * @example
 * ```ts
 * const stats = analyzeOnlineStats([
 *   { timestamp: '2024-12-04T10:00:00Z', value: 'ONLINE' },
 *   { timestamp: '2024-12-04T11:00:00Z', value: 'maintenance' },
 * ], '3h');
 * stats.counts; // { online: 1, offline: 0, intermittent: 0, unknown: 1 }
 * ```
 */
export interface OnlineStateCounts {
  readonly online: number;
  readonly offline: number;
  readonly intermittent: number;
  readonly unknown: number;
}

/**
 * Second half of the known samples vs the first: more than ±5 points of uptime is a change.
 *
 * @example
 * ```ts
 * const stats = analyzeOnlineStats([
 *   { timestamp: '2024-12-04T10:00:00Z', value: 'offline' },
 *   { timestamp: '2024-12-04T11:00:00Z', value: 'online' },
 * ], '3h');
 * const trend: UptimeTrend | null = stats.hasData ? stats.trend : null; // 'improving' (0 % → 100 %)
 * ```
 */
export type UptimeTrend = 'improving' | 'stable' | 'declining';

/**
 * Excellent ≥ 99.5 %, Good ≥ 98, Fair ≥ 95, Poor ≥ 90, else Critical.
 *
 * @example
 * ```ts
 * const label: UptimeLabel = uptimeLabel(98.7); // 'Good'
 * ```
 */
export type UptimeLabel = 'Excellent' | 'Good' | 'Fair' | 'Poor' | 'Critical';

/**
 * One outage: a run of consecutive offline samples (unknown samples in between are skipped).
 *
 * @example
 * ```ts
 * // One hourly sample offline at 11:00, between online samples at 10:00 and 12:00:
 * const outage: Outage = {
 *   startedAt: '2024-12-04T11:00:00.000Z',
 *   endedAt: '2024-12-04T12:00:00.000Z',
 *   durationMs: 3_600_000,
 *   samples: 1,
 * };
 * ```
 */
export interface Outage {
  /** Timestamp of the first offline sample, ISO-8601 UTC. */
  readonly startedAt: string;
  /** When it ended: startedAt + durationMs, ISO-8601 UTC. */
  readonly endedAt: string;
  readonly durationMs: number;
  /** Offline samples in the run. */
  readonly samples: number;
}

/**
 * Fields both variants of {@link OnlineStatsAnalysis} share.
 *
 * @example
 * ```ts
 * const { range, totalSamples }: OnlineStatsBase = analyzeOnlineStats([], '7d');
 * range.label; // 'Last 7 Days'
 * totalSamples; // 0
 * ```
 */
export interface OnlineStatsBase {
  /** The range analysed (the resolved preset, or the custom range given). */
  readonly range: OnlineStatsRange;
  readonly counts: OnlineStateCounts;
  /** Samples received, including those skipped (no usable timestamp) or ignored as duplicates. */
  readonly totalSamples: number;
  /** Samples skipped for a missing or unparseable timestamp. */
  readonly skippedSamples: number;
  /**
   * Samples ignored because a later sample has the same timestamp; only the last in input order is
   * used (and counted in `counts`).
   */
  readonly duplicateSamples: number;
}

/**
 * The result when at least one sample has a known state.
 *
 * @example
 * ```ts
 * const stats = analyzeOnlineStats([{ timestamp: '2024-12-04T10:00:00Z', value: 'online' }], '24h');
 * if (stats.hasData) {
 *   const withData: OnlineStatsWithData = stats;
 *   withData.uptimePercent; // 100
 *   withData.sampleIntervalMs; // 3600000 (one sample: one period of the hourly granularity)
 * }
 * ```
 */
export interface OnlineStatsWithData extends OnlineStatsBase {
  readonly hasData: true;
  /** online ÷ (online + offline + intermittent) × 100, in [0, 100]. */
  readonly uptimePercent: number;
  readonly label: UptimeLabel;
  /** Transitions into offline, in time order (a run of offline samples counts once). */
  readonly incidents: number;
  /** The longest outage, or `null` when there was none. */
  readonly longestOutage: Outage | null;
  /** Every outage, in time order. */
  readonly outages: readonly Outage[];
  /** Σ of the time covered by offline samples, ms. */
  readonly downtimeMs: number;
  readonly trend: UptimeTrend;
  /** Uptime of the second half minus that of the first, percentage points (0 with < 2 samples). */
  readonly trendDeltaPoints: number;
  /**
   * The time one sample stands for, ms: the median spacing of distinct timestamps, or one period of
   * the range's granularity when fewer than two distinct timestamps exist. A sample covers
   * min(time to the next sample, this), so holes in the data are not counted as downtime.
   */
  readonly sampleIntervalMs: number;
  /** Earliest and latest sample with a known state, ISO-8601 UTC. */
  readonly firstSampleAt: string;
  readonly lastSampleAt: string;
  /** The time zone `uptimeBuckets` follow. */
  readonly timeZone: string;
  /** The range as runs of states, holes included, for a timeline strip. */
  readonly timeline: OnlineTimeline;
  /** Uptime per hour (`hours` granularity) or per day (`days`), oldest first. */
  readonly uptimeBuckets: readonly UptimeBucket[];
}

/**
 * The explicit "nothing to say" result: no sample with a known state (never 0 % Critical).
 *
 * @example
 * ```ts
 * const stats = analyzeOnlineStats([{ timestamp: '2024-12-04T10:00:00Z', value: null }], '24h');
 * if (!stats.hasData) {
 *   const noData: OnlineStatsNoData = stats;
 *   noData.counts.unknown; // 1
 * }
 * ```
 */
export interface OnlineStatsNoData extends OnlineStatsBase {
  readonly hasData: false;
}

/**
 * The result of `analyzeOnlineStats`; narrow on `hasData`.
 *
 * @example
 * ```ts
 * const stats: OnlineStatsAnalysis = analyzeOnlineStats([], '24h');
 * console.log(stats.hasData ? `${stats.uptimePercent.toFixed(1)} % ${stats.label}` : 'No data'); // 'No data'
 * ```
 */
export type OnlineStatsAnalysis = OnlineStatsWithData | OnlineStatsNoData;

/**
 * Outputs of `analyzeWanStats` (its inputs are in `wan-input-types.ts`, re-exported here). Rates
 * are in Mbps (10^6 bits per second) and volumes in megabytes (10^6 bytes), as the Plume Reports
 * API sends them; nothing converts MB to "GB" here.
 * Timestamps in results are ISO-8601 UTC strings (`toISOString()`), durations are milliseconds.
 *
 * @packageDocumentation
 */
import type { WanIntervalSeries } from './wan-interval-types';

export type { PlanSpeed, WanAnalysisOptions, WanSampleInput } from './wan-input-types';

/**
 * The highest interval peak rate and when it happened (the earliest on ties).
 *
 * @example
 * ```ts
 * const peak: WanPeak = { mbps: 40, at: '2024-12-04T10:00:00.000Z' };
 * ```
 */
export interface WanPeak {
  readonly mbps: number;
  /** Start of the interval, ISO-8601 UTC. */
  readonly at: string;
}

/**
 * Statistics for one direction (download `rx` or upload `tx`) over the valid samples used (one per
 * interval start).
 *
 * @example
 * ```ts
 * const analysis = analyzeWanStats([
 *   { timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
 *   { timestamp: '2024-12-04T10:15:00Z', rxMbytes: 450, txMbytes: 45, rxMaxMbps: 20, txMaxMbps: 2 },
 * ]);
 * const rx: WanDirectionStats | null = analysis.hasData ? analysis.rx : null;
 * // { peak: { mbps: 40, at: '2024-12-04T10:00:00.000Z' }, meanPeakMbps: 30,
 * //   averageThroughputMbps: 6, p95Mbps: 40, totalMbytes: 1350 }
 * // 6 = 1350 MB × 8 ÷ (2 × 900 s); p95 = the ⌈0.95 × 2⌉ = 2nd smallest
 * ```
 */
export interface WanDirectionStats {
  readonly peak: WanPeak;
  /** Arithmetic mean of the interval peak rates (`…MaxMbps`). Not a throughput. */
  readonly meanPeakMbps: number;
  /** True average throughput: Σ Mbytes × 8 / (valid samples × interval seconds), Mbps. */
  readonly averageThroughputMbps: number;
  /** 95th percentile of the interval peak rates, nearest rank (burstable billing): ⌈0.95·n⌉-th smallest. */
  readonly p95Mbps: number;
  /** Σ Mbytes over the valid samples. */
  readonly totalMbytes: number;
}

/**
 * A stretch with no valid sample between two valid ones.
 *
 * @example
 * ```ts
 * // Valid samples at 00:15 and 01:00 (15-minute intervals): 00:30 and 00:45 are missing.
 * const gap: WanGap = {
 *   from: '2024-12-04T00:30:00.000Z',
 *   to: '2024-12-04T01:00:00.000Z',
 *   durationMs: 1_800_000,
 *   missingIntervals: 2,
 * };
 * ```
 */
export interface WanGap {
  /** End of the last valid interval before the gap, ISO-8601 UTC. */
  readonly from: string;
  /** Start of the next valid interval, ISO-8601 UTC. */
  readonly to: string;
  readonly durationMs: number;
  /** How many whole intervals are missing. */
  readonly missingIntervals: number;
}

/**
 * How much of the requested data is usable.
 *
 * @example
 * ```ts
 * const { coverage } = analyzeWanStats([
 *   { timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
 *   { timestamp: '2024-12-04T10:15:00Z', rxMbytes: null, txMbytes: 45, rxMaxMbps: 20, txMaxMbps: 2 },
 * ]);
 * coverage;
 * // { totalSamples: 2, validSamples: 1, duplicateSamples: 0, validPercent: 50,
 * //   firstSampleAt: '2024-12-04T10:00:00.000Z', lastSampleAt: '2024-12-04T10:00:00.000Z', gaps: [],
 * //   belowQualityThreshold: false }
 * ```
 */
export interface WanCoverage {
  /** All items received, valid or not. */
  readonly totalSamples: number;
  /**
   * Valid samples used: items with a parseable timestamp and all four numbers finite and ≥ 0, one
   * per distinct interval start.
   */
  readonly validSamples: number;
  /** Valid items dropped because a later item has the same interval start; only the last is used. */
  readonly duplicateSamples: number;
  /** validSamples ÷ totalSamples × 100 (so duplicates lower it); 0 when nothing was received. */
  readonly validPercent: number;
  /** Earliest valid interval start, ISO-8601 UTC, or `null`. */
  readonly firstSampleAt: string | null;
  /** Latest valid interval start, ISO-8601 UTC, or `null`. */
  readonly lastSampleAt: string | null;
  /** Gaps between consecutive valid samples, in time order. */
  readonly gaps: readonly WanGap[];
  /**
   * `true` when valid samples plus duplicates are fewer than 80 % of the items received: the data
   * is too thin to trust, which usually points at the connection. Duplicates count as usable here:
   * they are copies of good data, not a connection problem.
   */
  readonly belowQualityThreshold: boolean;
}

/**
 * The download peak per hour over the last 24 hours of data, for a sparkline.
 *
 * @example
 * ```ts
 * const analysis = analyzeWanStats([
 *   { timestamp: '2024-12-04 10:00', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
 *   { timestamp: '2024-12-04 10:15', rxMbytes: 450, txMbytes: 45, rxMaxMbps: 20, txMaxMbps: 2 },
 * ]);
 * const hourly: WanHourlyPeaks | null = analysis.hasData ? analysis.hourlyRxPeaks : null;
 * // { startAt: '2024-12-03T11:00:00.000Z', endAt: '2024-12-04T11:00:00.000Z',
 * //   peaks: [null × 23, 40], highestMbps: 40, missingHours: 23 }
 * ```
 */
export interface WanHourlyPeaks {
  /** Start of the first hour, ISO-8601 UTC: 23 hours before the start of the last valid sample's hour. */
  readonly startAt: string;
  /** End of the last hour, ISO-8601 UTC (`startAt` + 24 h). */
  readonly endAt: string;
  /** Highest `rxMaxMbps` per hour, oldest first, 24 entries; `null` for an hour without a valid sample. */
  readonly peaks: readonly (number | null)[];
  /** The highest of `peaks` (0 when all are 0). */
  readonly highestMbps: number;
  /** How many of `peaks` are `null`. */
  readonly missingHours: number;
}

/**
 * An hour of day whose mean download peak rate stands out.
 *
 * @example
 * ```ts
 * // Hourly peaks 1, 1, 1, 9 at 00:00–03:00 UTC: the mean is 3, and 9 > 2 × 3.
 * const hourly = [1, 1, 1, 9].map((rxMaxMbps, hour) => ({
 *   timestamp: Date.UTC(2024, 11, 4, hour),
 *   rxMbytes: 1,
 *   txMbytes: 1,
 *   rxMaxMbps,
 *   txMaxMbps: 1,
 * }));
 * const analysis = analyzeWanStats(hourly);
 * const busy: readonly BusyHour[] = analysis.hasData ? analysis.busyHours : [];
 * // [{ hour: 3, level: 'high', meanRxPeakMbps: 9, meanTxPeakMbps: 1, ratioToMean: 3, samples: 1 }]
 * ```
 */
export interface BusyHour {
  /** Hour of day, 0–23, in the analysis time zone. */
  readonly hour: number;
  /** `high` above 2 × the overall mean download peak rate, `moderate` above 1.5 ×. */
  readonly level: 'high' | 'moderate';
  /** Mean `rxMaxMbps` of the samples in that hour (all days merged). */
  readonly meanRxPeakMbps: number;
  /** Mean `txMaxMbps` of the same samples. */
  readonly meanTxPeakMbps: number;
  /** meanRxPeakMbps ÷ the overall mean download peak rate. */
  readonly ratioToMean: number;
  /** Valid samples in that hour. */
  readonly samples: number;
}

/**
 * Usage as a share of a line speed, in percent (may exceed 100).
 *
 * @example
 * ```ts
 * // Peak 40, p95 40 and average throughput 6 Mbps on a 100 Mbps download plan:
 * const rx: DirectionUtilisation = { planMbps: 100, peakPercent: 40, p95Percent: 40, averagePercent: 6 };
 * ```
 */
export interface DirectionUtilisation {
  readonly planMbps: number;
  readonly peakPercent: number;
  readonly p95Percent: number;
  readonly averagePercent: number;
}

/**
 * Utilisation per direction; a direction is `null` when its plan speed is missing or not > 0.
 *
 * @example
 * ```ts
 * const analysis = analyzeWanStats(
 *   [{ timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 }],
 *   { planSpeed: { downloadMbps: 100 } },
 * );
 * const utilisation: WanUtilisation | null = analysis.hasData ? analysis.utilisation : null;
 * // { rx: { planMbps: 100, peakPercent: 40, p95Percent: 40, averagePercent: 8 }, tx: null }
 * // 8 = (900 MB × 8 ÷ 900 s = 8 Mbps) ÷ 100 Mbps × 100
 * ```
 */
export interface WanUtilisation {
  readonly rx: DirectionUtilisation | null;
  readonly tx: DirectionUtilisation | null;
}

/**
 * The result of `analyzeWanStats` when at least one sample is valid.
 *
 * @example
 * ```ts
 * const analysis = analyzeWanStats([
 *   { timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
 * ]);
 * if (analysis.hasData) {
 *   const withData: WanAnalysisWithData = analysis;
 *   withData.tx.totalMbytes; // 90
 * }
 * ```
 */
export interface WanAnalysisWithData {
  readonly hasData: true;
  readonly rx: WanDirectionStats;
  readonly tx: WanDirectionStats;
  readonly coverage: WanCoverage;
  /** The busiest hours, highest mean first, at most 3. */
  readonly busyHours: readonly BusyHour[];
  /** The time zone busy hours are expressed in. */
  readonly timeZone: string;
  readonly intervalMinutes: number;
  /** `null` unless `planSpeed` was given. */
  readonly utilisation: WanUtilisation | null;
  /** The download peak per UTC hour over the last 24 hours of data. */
  readonly hourlyRxPeaks: WanHourlyPeaks;
  /** Each interval's peak and average rates over the last 24 hours of data, gaps as `null`. */
  readonly intervalSeries: WanIntervalSeries;
}

/**
 * The result of `analyzeWanStats` when no sample is valid: no made-up zeros.
 *
 * @example
 * ```ts
 * const analysis = analyzeWanStats([{ timestamp: '2024-12-04T10:00:00Z', rxMbytes: null }]);
 * if (!analysis.hasData) {
 *   const noData: WanAnalysisNoData = analysis;
 *   noData.coverage.validPercent; // 0
 * }
 * ```
 */
export interface WanAnalysisNoData {
  readonly hasData: false;
  readonly coverage: WanCoverage;
  readonly timeZone: string;
  readonly intervalMinutes: number;
}

/**
 * The result of `analyzeWanStats`; narrow on `hasData`.
 *
 * @example
 * ```ts
 * const analysis: WanAnalysis = analyzeWanStats([]);
 * console.log(analysis.hasData ? `${analysis.rx.p95Mbps} Mbps` : 'no data'); // 'no data'
 * ```
 */
export type WanAnalysis = WanAnalysisWithData | WanAnalysisNoData;

/**
 * Inputs and outputs of `analyzeWanStats`. Rates are in Mbps (10^6 bits per second) and volumes in
 * megabytes (10^6 bytes), as the Plume Reports API sends them; nothing converts MB to "GB" here.
 * Timestamps in results are ISO-8601 UTC strings (`toISOString()`), durations are milliseconds.
 *
 * @packageDocumentation
 */

/** One 15-minute item of the `wanStats` response's `fifteenMins` array. */
export interface WanSampleInput {
  /** Start of the interval: ISO-8601 (a missing zone designator means UTC) or epoch ms. */
  readonly timestamp?: string | number | null;
  /** Megabytes downloaded in the interval. */
  readonly rxMbytes?: number | null;
  /** Megabytes uploaded in the interval. */
  readonly txMbytes?: number | null;
  /** Peak download rate in the interval, Mbps. */
  readonly rxMaxMbps?: number | null;
  /** Peak upload rate in the interval, Mbps. */
  readonly txMaxMbps?: number | null;
}

/** A plan (or measured) line speed to compare usage with, e.g. the last speed test. */
export interface PlanSpeed {
  readonly downloadMbps?: number | null;
  readonly uploadMbps?: number | null;
}

/** Options of `analyzeWanStats`. */
export interface WanAnalysisOptions {
  /**
   * IANA time zone for busy hours, e.g. `Europe/Berlin`.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * Length of one sample's interval, minutes.
   * @default 15
   */
  readonly intervalMinutes?: number;
  /**
   * Line speed to compute utilisation against; a `SpeedTestSummary` fits as is.
   * @default null (no utilisation)
   */
  readonly planSpeed?: PlanSpeed | null;
}

/** The highest interval peak rate and when it happened (the earliest on ties). */
export interface WanPeak {
  readonly mbps: number;
  /** Start of the interval, ISO-8601 UTC. */
  readonly at: string;
}

/** Statistics for one direction (download `rx` or upload `tx`) over the valid samples. */
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

/** A stretch with no valid sample between two valid ones. */
export interface WanGap {
  /** End of the last valid interval before the gap, ISO-8601 UTC. */
  readonly from: string;
  /** Start of the next valid interval, ISO-8601 UTC. */
  readonly to: string;
  readonly durationMs: number;
  /** How many whole intervals are missing. */
  readonly missingIntervals: number;
}

/** How much of the requested data is usable. */
export interface WanCoverage {
  /** All items received, valid or not. */
  readonly totalSamples: number;
  /** Items with a parseable timestamp and all four numbers finite and ≥ 0. */
  readonly validSamples: number;
  /** validSamples ÷ totalSamples × 100; 0 when nothing was received. */
  readonly validPercent: number;
  /** Earliest valid interval start, ISO-8601 UTC, or `null`. */
  readonly firstSampleAt: string | null;
  /** Latest valid interval start, ISO-8601 UTC, or `null`. */
  readonly lastSampleAt: string | null;
  /** Gaps between consecutive valid samples, in time order. */
  readonly gaps: readonly WanGap[];
}

/** An hour of day whose mean download peak rate stands out. */
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

/** Usage as a share of a line speed, in percent (may exceed 100). */
export interface DirectionUtilisation {
  readonly planMbps: number;
  readonly peakPercent: number;
  readonly p95Percent: number;
  readonly averagePercent: number;
}

/** Utilisation per direction; a direction is `null` when its plan speed is missing or not > 0. */
export interface WanUtilisation {
  readonly rx: DirectionUtilisation | null;
  readonly tx: DirectionUtilisation | null;
}

/** The result of `analyzeWanStats` when at least one sample is valid. */
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
}

/** The result of `analyzeWanStats` when no sample is valid: no made-up zeros. */
export interface WanAnalysisNoData {
  readonly hasData: false;
  readonly coverage: WanCoverage;
  readonly timeZone: string;
  readonly intervalMinutes: number;
}

/** The result of `analyzeWanStats`; narrow on `hasData`. */
export type WanAnalysis = WanAnalysisWithData | WanAnalysisNoData;

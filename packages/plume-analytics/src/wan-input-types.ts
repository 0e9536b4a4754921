/**
 * Inputs of `analyzeWanStats`: the Reports API's `wanStats` items and the options. Rates are in
 * Mbps (10^6 bits per second) and volumes in megabytes (10^6 bytes), as the API sends them.
 *
 * @packageDocumentation
 */

/**
 * One 15-minute item of the `wanStats` response's `fifteenMins` array.
 *
 * @example
 * ```ts
 * const sample: WanSampleInput = {
 *   timestamp: '2024-12-04T10:00:00Z',
 *   rxMbytes: 900,
 *   txMbytes: 90,
 *   rxMaxMbps: 40,
 *   txMaxMbps: 4,
 * };
 * ```
 */
export interface WanSampleInput {
  /** Start of the interval: ISO-8601 (a missing zone designator means UTC) or epoch ms. */
  readonly timestamp?: string | number | null | undefined;
  /** Megabytes downloaded in the interval. */
  readonly rxMbytes?: number | null | undefined;
  /** Megabytes uploaded in the interval. */
  readonly txMbytes?: number | null | undefined;
  /** Peak download rate in the interval, Mbps. */
  readonly rxMaxMbps?: number | null | undefined;
  /** Peak upload rate in the interval, Mbps. */
  readonly txMaxMbps?: number | null | undefined;
}

/**
 * A plan (or measured) line speed to compare usage with, e.g. the last speed test: a
 * `SpeedTestSummary` from `analyzeLocationHealth` fits as it is.
 *
 * @example
 * ```ts
 * const plan: PlanSpeed = { downloadMbps: 500, uploadMbps: 50 };
 * ```
 */
export interface PlanSpeed {
  readonly downloadMbps?: number | null | undefined;
  readonly uploadMbps?: number | null | undefined;
}

/**
 * Options of `analyzeWanStats`.
 *
 * @example
 * ```ts
 * const options: WanAnalysisOptions = {
 *   timeZone: 'Europe/Berlin',
 *   intervalMinutes: 15,
 *   planSpeed: { downloadMbps: 500, uploadMbps: 50 },
 *   windowHours: 3,
 * };
 * ```
 */
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
  readonly planSpeed?: PlanSpeed | null | undefined;
  /**
   * Analyse only the newest `windowHours` of data, e.g. `3` for a 3-hour chart: the items whose
   * interval starts less than `windowHours` before the newest valid sample's interval (and not after
   * it). Everything in the result, `coverage` included, is then of those items, and
   * `intervalSeries` spans the window. Items without a usable timestamp fall in no window. At most
   * 1,440 intervals (360 hours at 15 minutes).
   * @default null (every item; `intervalSeries` spans 24 hours)
   */
  readonly windowHours?: number | null | undefined;
}

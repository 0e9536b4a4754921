/**
 * The per-interval WAN series of `analyzeWanStats`, for charts: what each interval's peak and
 * average rates were over the last 24 hours of data (or the `windowHours` asked for), with missing
 * intervals left as `null`.
 *
 * @packageDocumentation
 */

/**
 * One interval of {@link WanIntervalSeries}. Rates are Mbps; every rate is `null` when no valid
 * sample fell in the interval (a gap, never a zero).
 *
 * @example
 * ```ts
 * // 900 MB down in a 15-minute interval whose peak was 40 Mbps: 900 × 8 ÷ 900 s = 8 Mbps average.
 * const point: WanIntervalPoint = {
 *   at: '2024-12-04T10:00:00.000Z',
 *   rxPeakMbps: 40,
 *   txPeakMbps: 4,
 *   rxAverageMbps: 8,
 *   txAverageMbps: 0.8,
 * };
 * ```
 */
export interface WanIntervalPoint {
  /** Start of the interval, ISO-8601 UTC. */
  readonly at: string;
  /** The interval's peak download rate (`rxMaxMbps`). */
  readonly rxPeakMbps: number | null;
  /** The interval's peak upload rate (`txMaxMbps`). */
  readonly txPeakMbps: number | null;
  /** The interval's average download throughput: `rxMbytes` × 8 ÷ interval seconds. */
  readonly rxAverageMbps: number | null;
  /** The interval's average upload throughput: `txMbytes` × 8 ÷ interval seconds. */
  readonly txAverageMbps: number | null;
}

/**
 * Every interval of the 24 hours (or the `windowHours` of `analyzeWanStats`) that end with the last
 * valid sample's interval, oldest first.
 *
 * @example
 * ```ts
 * const analysis = analyzeWanStats([
 *   { timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
 * ]);
 * const series: WanIntervalSeries | null = analysis.hasData ? analysis.intervalSeries : null;
 * // { startAt: '2024-12-03T10:15:00.000Z', endAt: '2024-12-04T10:15:00.000Z', intervalMinutes: 15,
 * //   points: [95 points with null rates, { at: '2024-12-04T10:00:00.000Z', rxPeakMbps: 40, … }],
 * //   missingIntervals: 95 }
 * ```
 */
export interface WanIntervalSeries {
  /** Start of the first interval, ISO-8601 UTC. */
  readonly startAt: string;
  /** End of the last interval, ISO-8601 UTC (the end of the last valid sample's interval). */
  readonly endAt: string;
  readonly intervalMinutes: number;
  /** One point per interval, oldest first: ⌈24 h (or the window) ÷ interval⌉ of them (at most 1,440). */
  readonly points: readonly WanIntervalPoint[];
  /** Points without a valid sample. */
  readonly missingIntervals: number;
}

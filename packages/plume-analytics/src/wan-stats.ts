import type {
  DirectionUtilisation,
  PlanSpeed,
  WanAnalysis,
  WanAnalysisOptions,
  WanDirectionStats,
  WanSampleInput,
  WanUtilisation,
} from './wan-types';
import { AnalyticsError } from './errors';
import { computeBusyHours } from './busy-hours';
import { createHourOfDay } from './hour-of-day';
import { computeHourlyPeaks } from './wan-hourly';
import { computeIntervalSeries, MAX_SERIES_POINTS } from './wan-intervals';
import { DAY_MS, HOUR_MS, parseTimestamp, toIso } from './time';
import { computeCoverage } from './wan-coverage';
import { collectValidSamples } from './wan-samples';
import { peakP95InPlace, percentOfPlan, usablePlanMbps } from './wan-peaks';
import { inWanWindow } from './wan-window';

const DEFAULT_TIME_ZONE = 'UTC';
const DEFAULT_INTERVAL_MINUTES = 15;

function resolveIntervalMinutes(value: number | undefined): number {
  if (value === undefined) return DEFAULT_INTERVAL_MINUTES;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      `intervalMinutes must be a positive number of minutes, got ${String(value)}.`,
    );
  }
  return value;
}

/** The window in ms, or `null` for none; at most {@link MAX_SERIES_POINTS} intervals long. */
function resolveWindowMs(hours: number | null | undefined, intervalMinutes: number): number | null {
  if (hours === undefined || hours === null) return null;
  const maxHours = (MAX_SERIES_POINTS * intervalMinutes) / 60;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > maxHours) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      `windowHours must be a positive number of hours, at most ${maxHours} (1,440 intervals of ${intervalMinutes} minutes), got ${String(hours)}.`,
    );
  }
  return hours * HOUR_MS;
}

/** The items whose timestamp falls in the window ending with the newest valid sample's interval. */
function itemsInWindow(
  list: readonly (WanSampleInput | null | undefined)[],
  newestMs: number,
  windowMs: number,
): (WanSampleInput | null | undefined)[] {
  return list.filter((sample) => {
    const start = sample !== null && typeof sample === 'object' ? parseTimestamp(sample.timestamp) : null;
    return start !== null && inWanWindow(start, newestMs, windowMs);
  });
}

/**
 * Statistics of one direction. `rates` is consumed: selection for the 95th percentile reorders it,
 * so it runs last.
 */
function directionStats(
  time: Float64Array,
  mbytes: Float64Array,
  rates: Float64Array,
  intervalSeconds: number,
): WanDirectionStats {
  const n = rates.length;
  let peakIndex = 0;
  let rateSum = 0;
  let totalMbytes = 0;
  for (let i = 0; i < n; i++) {
    if (rates[i]! > rates[peakIndex]!) peakIndex = i;
    rateSum += rates[i]!;
    totalMbytes += mbytes[i]!;
  }
  const peak = { mbps: rates[peakIndex]!, at: toIso(time[peakIndex]!) };
  return {
    peak,
    meanPeakMbps: rateSum / n,
    averageThroughputMbps: (totalMbytes * 8) / (n * intervalSeconds),
    p95Mbps: peakP95InPlace(rates),
    totalMbytes,
  };
}

function utilisationOf(stats: WanDirectionStats, planMbps: number | null | undefined): DirectionUtilisation | null {
  const plan = usablePlanMbps(planMbps);
  if (plan === null) return null;
  return {
    planMbps: plan,
    peakPercent: percentOfPlan(stats.peak.mbps, plan),
    p95Percent: percentOfPlan(stats.p95Mbps, plan),
    averagePercent: percentOfPlan(stats.averageThroughputMbps, plan),
  };
}

function utilisation(
  rx: WanDirectionStats,
  tx: WanDirectionStats,
  plan: PlanSpeed | null | undefined,
): WanUtilisation | null {
  if (plan === null || plan === undefined) return null;
  return { rx: utilisationOf(rx, plan.downloadMbps), tx: utilisationOf(tx, plan.uploadMbps) };
}

/**
 * Analyses WAN consumption from the Reports API's 15-minute `wanStats` items.
 *
 * A sample is valid when its timestamp parses and `rxMbytes`, `txMbytes`, `rxMaxMbps` and
 * `txMaxMbps` are all finite and ≥ 0; invalid samples are skipped everywhere and only counted in
 * `coverage`. Samples may come in any order (they are put in time order first). Of valid samples
 * with the same interval start, only the last in input order is used (a later copy of an interval,
 * e.g. from overlapping pages, replaces the earlier one); the others are counted in
 * `coverage.duplicateSamples`. Per direction (`rx` download, `tx` upload) over the n valid samples
 * used:
 * - `peak`: the highest interval peak rate (`…MaxMbps`) and its interval start; the earliest wins ties;
 * - `meanPeakMbps`: the arithmetic mean of the interval peak rates (what the old bot called
 *   "average usage"; it is not a throughput);
 * - `averageThroughputMbps`: the true average throughput, Σ Mbytes × 8 ÷ (n × interval seconds);
 * - `p95Mbps`: the nearest-rank 95th percentile of the interval peak rates, the ⌈0.95·n⌉-th
 *   smallest (burstable billing; see `percentile`);
 * - `totalMbytes`: Σ Mbytes.
 *
 * Also `coverage` (valid share, first and last sample, gaps), `busyHours` (by local hour of day in
 * `timeZone`, days merged: hours whose mean download peak rate is above 1.5 × the overall mean,
 * `high` above 2 ×, highest first, at most 3), `hourlyRxPeaks` (the highest download peak per UTC
 * hour over the 24 hours ending with the last valid sample's hour, for a sparkline), `intervalSeries`
 * (each interval's peak and average rates over the 24 hours ending with the last valid interval,
 * `null` where no valid sample fell, for charts),
 * `coverage.belowQualityThreshold` (usable items, valid or duplicate, under 80 % of those received)
 * and, with `planSpeed`, `utilisation` (peak, p95 and average as a percentage of the plan speed). With no valid sample the result is
 * `{ hasData: false, coverage, … }`, not a report of zeros. With `windowHours`, all of this is of
 * the items whose interval starts less than `windowHours` before the newest valid sample's (and not
 * after it), and `intervalSeries` spans the window: the one rule of which samples a range such as a
 * chart's "last 3 hours" shows. Runs in O(n) for time-ordered input (ascending or newest first).
 *
 * @param samples - the `fifteenMins` array; `null`/`undefined` is treated as empty
 * @param options - time zone, interval length, plan speed and window, see {@link WanAnalysisOptions}
 * @throws {@link AnalyticsError} `INVALID_OPTION` for an unknown time zone, a non-positive interval,
 * or a window that is not a positive number of hours of at most 1,440 intervals.
 *
 * @example
 * ```ts
 * const samples = [
 *   { timestamp: '2024-12-04T10:00:00Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
 *   { timestamp: '2024-12-04T10:15:00Z', rxMbytes: 450, txMbytes: 45, rxMaxMbps: 20, txMaxMbps: 2 },
 * ];
 * const analysis = analyzeWanStats(samples);
 * if (analysis.hasData) {
 *   analysis.rx.peak; // { mbps: 40, at: '2024-12-04T10:00:00.000Z' }
 *   analysis.rx.meanPeakMbps; // 30
 *   analysis.rx.averageThroughputMbps; // 6  (1350 MB × 8 ÷ (2 × 900 s))
 *   analysis.rx.p95Mbps; // 40  (rank ⌈0.95 × 2⌉ = 2)
 * }
 * // Only the last 15 minutes of data: the 10:15 sample.
 * analyzeWanStats(samples, { windowHours: 0.25 }).coverage.totalSamples; // 1
 * ```
 */
export function analyzeWanStats(
  samples: readonly (WanSampleInput | null | undefined)[] | null | undefined,
  options?: WanAnalysisOptions | null,
): WanAnalysis {
  const timeZone = options?.timeZone ?? DEFAULT_TIME_ZONE;
  const hourOfDay = createHourOfDay(timeZone);
  const intervalMinutes = resolveIntervalMinutes(options?.intervalMinutes);
  const intervalMs = intervalMinutes * 60_000;
  const windowMs = resolveWindowMs(options?.windowHours, intervalMinutes);
  let list: readonly (WanSampleInput | null | undefined)[] = Array.isArray(samples) ? samples : [];
  let columns = collectValidSamples(list);
  if (windowMs !== null && columns.length > 0) {
    list = itemsInWindow(list, columns.time[columns.length - 1]!, windowMs);
    columns = collectValidSamples(list);
  }
  const coverage = computeCoverage(columns.time, list.length, columns.duplicates, intervalMs);
  if (columns.length === 0) return { hasData: false, coverage, timeZone, intervalMinutes };

  // Before directionStats, whose percentile selection reorders the rate columns.
  const hourlyRxPeaks = computeHourlyPeaks(columns.time, columns.rxMaxMbps);
  const intervalSeries = computeIntervalSeries(columns, intervalMs, windowMs ?? DAY_MS);
  const busyHours = computeBusyHours(columns.time, columns.rxMaxMbps, columns.txMaxMbps, hourOfDay);
  const rx = directionStats(columns.time, columns.rxMbytes, columns.rxMaxMbps, intervalMs / 1000);
  const tx = directionStats(columns.time, columns.txMbytes, columns.txMaxMbps, intervalMs / 1000);
  return {
    hasData: true,
    rx,
    tx,
    coverage,
    busyHours,
    timeZone,
    intervalMinutes,
    utilisation: utilisation(rx, tx, options?.planSpeed),
    hourlyRxPeaks,
    intervalSeries,
  };
}

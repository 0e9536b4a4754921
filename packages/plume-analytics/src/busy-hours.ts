// Internal: busy hours of the WAN analysis.
import type { BusyHour } from './wan-types';
import type { HourOfDay } from './hour-of-day';

/** An hour is `moderate` above this multiple of the overall mean download peak rate… */
export const MODERATE_FACTOR = 1.5;
/** …and `high` above this one. */
export const HIGH_FACTOR = 2;
/** At most this many busy hours are reported. */
export const MAX_BUSY_HOURS = 3;

/**
 * Groups samples by local hour of day (days merged), takes each hour's mean `rxMaxMbps`, and keeps
 * the hours whose mean exceeds 1.5 × the overall mean (`high` above 2 ×), highest first (earlier
 * hour on ties), at most 3. Nothing is busy when the overall mean is 0.
 */
export function computeBusyHours(
  time: Float64Array,
  rxMaxMbps: Float64Array,
  txMaxMbps: Float64Array,
  hourOfDay: HourOfDay,
): BusyHour[] {
  const n = time.length;
  const count = new Float64Array(24);
  const rxSum = new Float64Array(24);
  const txSum = new Float64Array(24);
  let rxTotal = 0;
  for (let i = 0; i < n; i++) {
    const hour = hourOfDay(time[i]!);
    count[hour]!++;
    rxSum[hour]! += rxMaxMbps[i]!;
    txSum[hour]! += txMaxMbps[i]!;
    rxTotal += rxMaxMbps[i]!;
  }
  const mean = n === 0 ? 0 : rxTotal / n;
  if (!(mean > 0)) return [];
  const busy: BusyHour[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const samples = count[hour]!;
    if (samples === 0) continue;
    const meanRxPeakMbps = rxSum[hour]! / samples;
    if (!(meanRxPeakMbps > MODERATE_FACTOR * mean)) continue;
    busy.push({
      hour,
      level: meanRxPeakMbps > HIGH_FACTOR * mean ? 'high' : 'moderate',
      meanRxPeakMbps,
      meanTxPeakMbps: txSum[hour]! / samples,
      ratioToMean: meanRxPeakMbps / mean,
      samples,
    });
  }
  busy.sort((a, b) => b.meanRxPeakMbps - a.meanRxPeakMbps || a.hour - b.hour);
  return busy.slice(0, MAX_BUSY_HOURS);
}

// Internal: the hourly download-peak series of the WAN analysis.
import type { WanHourlyPeaks } from './wan-types';
import { HOUR_MS, toIso } from './time';

/** Hours in the series. */
const HOURS = 24;

/**
 * The highest `rxMaxMbps` per UTC hour over the 24 whole hours that end with the hour of the last
 * valid sample. `time` is ascending and non-empty, the columns are the analysis' valid samples.
 */
export function computeHourlyPeaks(time: Float64Array, rxMaxMbps: Float64Array): WanHourlyPeaks {
  const last = time[time.length - 1]!;
  const startMs = Math.floor(last / HOUR_MS) * HOUR_MS - (HOURS - 1) * HOUR_MS;
  const peaks: (number | null)[] = Array.from({ length: HOURS }, () => null);
  for (let i = 0; i < time.length; i++) {
    const index = Math.floor((time[i]! - startMs) / HOUR_MS);
    if (index < 0) continue;
    peaks[index] = Math.max(peaks[index] ?? 0, rxMaxMbps[i]!);
  }
  return {
    startAt: toIso(startMs),
    endAt: toIso(startMs + HOURS * HOUR_MS),
    peaks,
    highestMbps: peaks.reduce<number>((top, peak) => Math.max(top, peak ?? 0), 0),
    missingHours: peaks.filter((peak) => peak === null).length,
  };
}

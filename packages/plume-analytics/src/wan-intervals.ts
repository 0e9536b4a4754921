// Internal: the per-interval series of the WAN analysis.
import type { WanIntervalPoint, WanIntervalSeries } from './wan-interval-types';
import type { WanColumns } from './wan-samples';
import { toIso } from './time';

/** The series never holds more points than one a minute over a day (the window option is held to it). */
export const MAX_SERIES_POINTS = 1440;

/**
 * One point per interval over the `spanMs` ending with the last valid sample's interval. A sample
 * goes to the slot its start rounds to (so a few seconds of jitter do not matter); of samples that
 * round to one slot, the later wins. `columns` are the analysis' valid samples, ascending, non-empty.
 */
export function computeIntervalSeries(columns: WanColumns, intervalMs: number, spanMs: number): WanIntervalSeries {
  const { time } = columns;
  const count = Math.min(MAX_SERIES_POINTS, Math.max(1, Math.ceil(spanMs / intervalMs)));
  const last = time[time.length - 1]!;
  const startMs = last - (count - 1) * intervalMs;
  const slots = new Int32Array(count).fill(-1);
  for (let i = 0; i < time.length; i++) {
    const slot = Math.round((time[i]! - startMs) / intervalMs);
    if (slot >= 0 && slot < count) slots[slot] = i;
  }
  const seconds = intervalMs / 1000;
  const points: WanIntervalPoint[] = [];
  let missingIntervals = 0;
  for (let slot = 0; slot < count; slot++) {
    const at = toIso(startMs + slot * intervalMs);
    const i = slots[slot]!;
    if (i < 0) {
      missingIntervals++;
      points.push({ at, rxPeakMbps: null, txPeakMbps: null, rxAverageMbps: null, txAverageMbps: null });
      continue;
    }
    points.push({
      at,
      rxPeakMbps: columns.rxMaxMbps[i]!,
      txPeakMbps: columns.txMaxMbps[i]!,
      rxAverageMbps: (columns.rxMbytes[i]! * 8) / seconds,
      txAverageMbps: (columns.txMbytes[i]! * 8) / seconds,
    });
  }
  return {
    startAt: toIso(startMs),
    endAt: toIso(last + intervalMs),
    intervalMinutes: intervalMs / 60_000,
    points,
    missingIntervals,
  };
}

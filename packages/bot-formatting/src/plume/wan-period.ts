import type { WanAnalysisWithData } from '@org/plume-analytics';
import { formatDuration } from '../duration';
import { formatDateTime, formatTime } from '../time';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A period's length: whole hours up to two days (`24 h`), else days and hours. */
function span(ms: number): string {
  return ms <= 2 * DAY_MS && ms % HOUR_MS === 0 ? `${ms / HOUR_MS} h` : formatDuration(ms);
}

/** The period a WAN analysis covers: from its first interval's start to its last interval's end. */
export interface WanPeriod {
  /** ms from the first interval's start to the last interval's end. */
  readonly spanMs: number;
  /** `2024-12-04 01:00 → 2024-12-05 01:00 (24 h)` in `timeZone`. */
  readonly line: string;
  /** When a peak happened: a time of day within one day, else a date and time. */
  readonly at: (instant: string) => string;
}

/** The period of an analysis with data, as the WAN report and its chart caption state it. */
export function wanPeriod(analysis: WanAnalysisWithData, timeZone: string): WanPeriod {
  const first = analysis.coverage.firstSampleAt as string;
  const last = analysis.coverage.lastSampleAt as string;
  const end = Date.parse(last) + analysis.intervalMinutes * 60_000;
  const spanMs = end - Date.parse(first);
  return {
    spanMs,
    line: `${formatDateTime(first, timeZone)} → ${formatDateTime(end, timeZone)} (${span(spanMs)})`,
    at: (instant) => (spanMs <= DAY_MS ? formatTime(instant, timeZone) : formatDateTime(instant, timeZone)),
  };
}

// Internal: the timeline and per-period uptime of the online-statistics analysis.
import type { OnlineTimeline, OnlineTimelineSegment, TimelineState, UptimeBucket } from './online-timeline-types';
import type { KnownSample } from './online-samples';
import type { UtcOffset } from './hour-of-day';
import { toIso } from './time';

interface Span {
  state: TimelineState;
  start: number;
  end: number;
}

function segment({ state, start, end }: Span): OnlineTimelineSegment {
  return { state, startAt: toIso(start), endAt: toIso(end), durationMs: end - start };
}

/**
 * Each known sample covers [time, time + min(time to the next, interval)); holes are `noData`;
 * neighbouring spans of one state merge. `known` is sorted and non-empty.
 */
export function computeTimeline(known: readonly KnownSample[], intervalMs: number, durationMs: number): OnlineTimeline {
  const spans: Span[] = [];
  const push = (state: TimelineState, start: number, end: number) => {
    if (end <= start) return;
    const last = spans[spans.length - 1];
    if (last !== undefined && last.state === state && last.end === start) last.end = end;
    else spans.push({ state, start, end });
  };
  const first = known[0]!.time;
  const lastSample = known[known.length - 1]!;
  const end = lastSample.time + intervalMs;
  const start = Math.min(first, end - durationMs);
  push('noData', start, first);
  for (let i = 0; i < known.length; i++) {
    const { time, state } = known[i]!;
    const next = known[i + 1];
    const coverEnd = next === undefined ? end : Math.min(next.time, time + intervalMs);
    push(state, time, coverEnd);
    if (next !== undefined) push('noData', coverEnd, next.time);
  }
  return { startAt: toIso(start), endAt: toIso(end), segments: spans.map(segment) };
}

/** The start of the wall-clock period holding `t`, and the start of the one after it. */
function periodBounds(t: number, periodMs: number, offset: UtcOffset): { start: number; next: number } {
  const toUtc = (wall: number, near: number) => wall - offset(wall - offset(near));
  const wallStart = Math.floor((t + offset(t)) / periodMs) * periodMs;
  return { start: toUtc(wallStart, t), next: toUtc(wallStart + periodMs, t + periodMs) };
}

/** Known samples counted per wall-clock period, from the timeline's start to its end. */
export function computeUptimeBuckets(
  known: readonly KnownSample[],
  timeline: { readonly startMs: number; readonly endMs: number },
  periodMs: number,
  offset: UtcOffset,
): UptimeBucket[] {
  const buckets: UptimeBucket[] = [];
  let i = 0;
  let t = timeline.startMs;
  while (t < timeline.endMs) {
    const { start, next } = periodBounds(t, periodMs, offset);
    // A period is never empty, even where a DST change makes the bounds odd.
    const end = next > t ? next : t + periodMs;
    const counts = { online: 0, intermittent: 0, offline: 0 };
    while (i < known.length && known[i]!.time < end) counts[known[i++]!.state]++;
    const total = counts.online + counts.intermittent + counts.offline;
    buckets.push({
      startAt: toIso(Math.min(start, t)),
      endAt: toIso(end),
      ...counts,
      uptimePercent: total === 0 ? null : (counts.online * 100) / total,
    });
    t = end;
  }
  return buckets;
}

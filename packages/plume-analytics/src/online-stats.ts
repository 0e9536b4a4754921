import type { OnlineStateSample, OnlineStatsAnalysis, Outage, UptimeLabel, UptimeTrend } from './online-stats-types';
import type { OnlineStatsOptions } from './online-timeline-types';
import { AnalyticsError } from './errors';
import { createUtcOffset } from './hour-of-day';
import { computeTimeline, computeUptimeBuckets } from './online-timeline';
import { normaliseSamples, type KnownSample } from './online-samples';
import { nearestRank, selectInPlace } from './select';
import { toIso } from './time';
import {
  granularityMs,
  isOnlineStatsRangeKey,
  ONLINE_STATS_RANGES,
  type OnlineStatsRange,
  type OnlineStatsRangeKey,
} from './time-ranges';

/** A change in uptime between the halves beyond this many points is a trend. */
const TREND_THRESHOLD_POINTS = 5;

/**
 * The label of an uptime percentage: Excellent ≥ 99.5, Good ≥ 98, Fair ≥ 95, Poor ≥ 90, else
 * Critical. It says nothing about missing data; `analyzeOnlineStats` reports that separately.
 *
 * @example
 * ```ts
 * uptimeLabel(99.8); // 'Excellent'
 * uptimeLabel(97); // 'Fair'
 * ```
 */
export function uptimeLabel(uptimePercent: number): UptimeLabel {
  if (uptimePercent >= 99.5) return 'Excellent';
  if (uptimePercent >= 98) return 'Good';
  if (uptimePercent >= 95) return 'Fair';
  if (uptimePercent >= 90) return 'Poor';
  return 'Critical';
}

function resolveRange(range: OnlineStatsRangeKey | OnlineStatsRange): OnlineStatsRange {
  if (typeof range === 'string') {
    const key: string = range; // as a JavaScript caller may pass it
    if (isOnlineStatsRangeKey(key)) return ONLINE_STATS_RANGES[key];
    throw new AnalyticsError(
      'INVALID_OPTION',
      `range '${key}' is not one of '3h', '24h', '7d'; pass a key or a range object.`,
    );
  }
  if (range === null || typeof range !== 'object' || (range.granularity !== 'hours' && range.granularity !== 'days')) {
    throw new AnalyticsError(
      'INVALID_OPTION',
      "range must be '3h', '24h', '7d' or an OnlineStatsRange with granularity 'hours' or 'days'.",
    );
  }
  return range;
}

/** Median spacing of distinct consecutive timestamps (lower median), or one granularity period. */
function sampleInterval(known: readonly KnownSample[], fallbackMs: number): number {
  const spacings = new Float64Array(known.length);
  let n = 0;
  for (let i = 1; i < known.length; i++) {
    const spacing = known[i]!.time - known[i - 1]!.time;
    if (spacing > 0) spacings[n++] = spacing;
  }
  return n === 0 ? fallbackMs : selectInPlace(spacings.subarray(0, n), nearestRank(n, 50) - 1);
}

function onlineCount(known: readonly KnownSample[], from: number, to: number): number {
  let online = 0;
  for (let i = from; i < to; i++) if (known[i]!.state === 'online') online++;
  return online;
}

/** Compared as (on₂·n₁ − on₁·n₂)·100 ÷ (n₁·n₂), so a change of exactly 5 points is exactly 5. */
function trendOf(known: readonly KnownSample[]): { trend: UptimeTrend; trendDeltaPoints: number } {
  if (known.length < 2) return { trend: 'stable', trendDeltaPoints: 0 };
  const n1 = Math.floor(known.length / 2);
  const n2 = known.length - n1;
  const on1 = onlineCount(known, 0, n1);
  const on2 = onlineCount(known, n1, known.length);
  const delta = ((on2 * n1 - on1 * n2) * 100) / (n1 * n2);
  const trend = delta > TREND_THRESHOLD_POINTS ? 'improving' : delta < -TREND_THRESHOLD_POINTS ? 'declining' : 'stable';
  return { trend, trendDeltaPoints: delta };
}

/** Incidents, downtime and the outages; each sample covers min(time to the next, interval). */
function outagesOf(known: readonly KnownSample[], intervalMs: number) {
  let incidents = 0;
  let downtimeMs = 0;
  let longest: Outage | null = null;
  const outages: Outage[] = [];
  let run: { start: number; durationMs: number; samples: number } | null = null;
  const close = () => {
    if (run !== null) {
      const { start, durationMs, samples } = run;
      const outage = { startedAt: toIso(start), endedAt: toIso(start + durationMs), durationMs, samples };
      outages.push(outage);
      if (longest === null || durationMs > longest.durationMs) longest = outage;
    }
    run = null;
  };
  for (let i = 0; i < known.length; i++) {
    const sample = known[i]!;
    if (sample.state !== 'offline') {
      close();
      continue;
    }
    const next = known[i + 1];
    const covered = next === undefined ? intervalMs : Math.min(next.time - sample.time, intervalMs);
    downtimeMs += covered;
    if (run === null) {
      incidents++;
      run = { start: sample.time, durationMs: 0, samples: 0 };
    }
    run.durationMs += covered;
    run.samples++;
  }
  close();
  return { incidents, downtimeMs, longestOutage: longest as Outage | null, outages };
}

/** The range's span, ms; a custom range without a usable `durationMs` spans `limit` periods. */
function spanOf(range: OnlineStatsRange): number {
  if (Number.isFinite(range.durationMs) && range.durationMs > 0) return range.durationMs;
  const periods = Number.isFinite(range.limit) && range.limit > 0 ? range.limit : 0;
  return periods * granularityMs(range.granularity);
}

/**
 * Analyses a location's online time from the Reports API's `onlineStats` `locationState` samples.
 *
 * Samples without a parseable timestamp are skipped (and counted). Of samples that share a
 * timestamp only the last in input order is used, whatever its state (the others are counted in
 * `duplicateSamples`). The rest are counted per state (`online`, `offline`, `intermittent`, any
 * case; anything else is `unknown`) and the known ones put in time order. Definitions, over the n known samples:
 * - `uptimePercent` = online × 100 ÷ n (intermittent counts as not online; unknown is left out);
 * - `incidents`: transitions into offline (a run of offline samples counts once, unknown samples
 *   do not break a run);
 * - each sample covers min(time to the next sample, `sampleIntervalMs`), the last one
 *   `sampleIntervalMs`; `downtimeMs` sums the offline samples' cover, `longestOutage` is the run
 *   with the most (the earliest on ties);
 * - `trend`: uptime of the second half (from index ⌊n/2⌋) minus the first, beyond ±5 points;
 * - `label`: see {@link uptimeLabel};
 * - `outages`: every run of offline samples, as `longestOutage` measures it, in time order;
 * - `timeline`: the range as runs of `online`, `intermittent`, `offline` and `noData` (see
 *   {@link OnlineTimeline}); `uptimeBuckets`: uptime per hour (`hours` granularity) or per day
 *   (`days`) over the timeline, periods following the wall clock of `options.timeZone`.
 * With no known sample the result is `{ hasData: false, … }` rather than 0 % Critical.
 *
 * @param samples - the `locationState` array; `null`/`undefined` is treated as empty
 * @param range - a preset key (`'3h'`, `'24h'`, `'7d'`) or a range object
 * @param options - the time zone of the uptime periods, see {@link OnlineStatsOptions}
 * @throws {@link AnalyticsError} `INVALID_OPTION` for an unknown range key, a malformed range or an
 * unknown time zone.
 *
 * @example
 * ```ts
 * const stats = analyzeOnlineStats([
 *   { timestamp: '2024-12-04T10:00:00Z', value: 'online' },
 *   { timestamp: '2024-12-04T11:00:00Z', value: 'offline' },
 *   { timestamp: '2024-12-04T12:00:00Z', value: 'online' },
 *   { timestamp: '2024-12-04T13:00:00Z', value: 'online' },
 * ], '24h');
 * if (stats.hasData) {
 *   stats.uptimePercent; // 75  (3 × 100 ÷ 4)
 *   stats.label; // 'Critical'  (below 90)
 *   stats.incidents; // 1
 *   stats.downtimeMs; // 3600000  (one offline sample, 1 h to the next)
 *   stats.trend; // 'improving'  (first half 50 %, second half 100 %)
 * }
 * ```
 */
export function analyzeOnlineStats(
  samples: readonly (OnlineStateSample | null | undefined)[] | null | undefined,
  range: OnlineStatsRangeKey | OnlineStatsRange,
  options?: OnlineStatsOptions | null,
): OnlineStatsAnalysis {
  const resolved = resolveRange(range);
  const timeZone = options?.timeZone ?? 'UTC';
  const offset = createUtcOffset(timeZone);
  const list = Array.isArray(samples) ? samples : [];
  const { counts, skipped, duplicates, known } = normaliseSamples(list);
  const base = {
    range: resolved,
    counts,
    totalSamples: list.length,
    skippedSamples: skipped,
    duplicateSamples: duplicates,
  };
  if (known.length === 0) return { ...base, hasData: false };

  const uptimePercent = (counts.online * 100) / known.length;
  const periodMs = granularityMs(resolved.granularity);
  const sampleIntervalMs = sampleInterval(known, periodMs);
  const timeline = computeTimeline(known, sampleIntervalMs, spanOf(resolved));
  const window = { startMs: Date.parse(timeline.startAt), endMs: Date.parse(timeline.endAt) };
  return {
    ...base,
    hasData: true,
    uptimePercent,
    label: uptimeLabel(uptimePercent),
    ...outagesOf(known, sampleIntervalMs),
    ...trendOf(known),
    sampleIntervalMs,
    firstSampleAt: toIso(known[0]!.time),
    lastSampleAt: toIso(known[known.length - 1]!.time),
    timeZone,
    timeline,
    uptimeBuckets: computeUptimeBuckets(known, window, periodMs, offset),
  };
}

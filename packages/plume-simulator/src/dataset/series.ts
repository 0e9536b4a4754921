import type { HealthCase, LocationSpec } from './locations';

type Json = Record<string, unknown>;

const QUARTER_HOUR = 15 * 60_000;
const HOUR = 60 * 60_000;

/** A small deterministic PRNG (mulberry32) seeded from a string (FNV-1a). */
function prng(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The daily usage curve: quiet around 08:30 UTC, busiest around 20:30 UTC (0.1 … 1). */
function dailyCurve(hour: number): number {
  return 0.1 + 0.9 * ((1 + Math.cos((2 * Math.PI * (hour - 20.5)) / 24)) / 2) ** 2;
}

/** Which of the 96 intervals (0 = oldest) have nulls, per health case. */
function nullIntervals(healthCase: HealthCase, random: () => number): Set<number> {
  switch (healthCase) {
    case 'allWell':
      return new Set([31, 32]);
    case 'onePodDisconnected':
      return new Set([50, 51, 52, 53]);
    case 'allOffline':
      return new Set(Array.from({ length: 24 }, (_, i) => 72 + i));
    case 'fairPoorWithAlerts':
      return new Set(Array.from({ length: 10 }, () => Math.floor(random() * 96)));
    default:
      return new Set();
  }
}

/** Floors a time to its 15-minute interval. */
function floorToQuarter(time: number): number {
  return Math.floor(time / QUARTER_HOUR) * QUARTER_HOUR;
}

/**
 * The `wanStats?period=daily` body: 96 fifteen-minute intervals ending at `end`, **newest first**
 * (as a comment in panoptes says the API sends them). Nulls mark intervals without data.
 */
export function wanStatsBody(location: LocationSpec, end: number): Json {
  if (location.healthCase === 'noNodes') return { fifteenMins: [] };
  const random = prng(`wan:${location.id}`);
  const nulls = nullIntervals(location.healthCase, random);
  const peakMbps = location.profile === 'smallbusiness' ? 180 : 420;
  const last = floorToQuarter(end) - QUARTER_HOUR;
  const intervals: Json[] = [];
  for (let i = 0; i < 96; i++) {
    const start = last - (95 - i) * QUARTER_HOUR;
    const hour = new Date(start).getUTCHours() + new Date(start).getUTCMinutes() / 60;
    const rxMaxMbps = round(peakMbps * dailyCurve(hour) * (0.75 + 0.5 * random()), 2);
    const txMaxMbps = round(rxMaxMbps * (0.12 + 0.1 * random()), 2);
    const rxMbytes = round(((rxMaxMbps * 900) / 8) * (0.002 + 0.018 * random()), 1);
    const txMbytes = round(((txMaxMbps * 900) / 8) * (0.002 + 0.018 * random()), 1);
    const isNull = nulls.has(i);
    // Some null intervals miss every field, others only one.
    const partial = isNull && i % 2 === 1 && location.healthCase !== 'allOffline';
    intervals.push({
      timestamp: new Date(start).toISOString(),
      rxMbytes: isNull ? null : rxMbytes,
      txMbytes: isNull && !partial ? null : txMbytes,
      rxMaxMbps: isNull && !partial ? null : rxMaxMbps,
      txMaxMbps: isNull && !partial ? null : txMaxMbps,
    });
  }
  return { fifteenMins: intervals.reverse() };
}

/** Outages per health case, as [minutes before end where it starts, length in minutes]. */
const OUTAGES: Record<HealthCase, ReadonlyArray<readonly [number, number]>> = {
  allWell: [[3 * 24 * 60 + 20, 15]],
  onePodDisconnected: [
    [5 * 24 * 60, 45],
    [26 * 60, 30],
  ],
  allOffline: [
    [6 * 60, 6 * 60],
    [2 * 24 * 60, 120],
  ],
  fairPoorWithAlerts: [
    [4 * 24 * 60, 60],
    [100, 15],
  ],
  noServiceLevel: [],
  noNodes: [],
};

/** The value at `minutesBeforeEnd`: offline during outages; a few `unknown` samples when unstable. */
function stateAt(healthCase: HealthCase, minutesBeforeEnd: number, index: number): string {
  const down = OUTAGES[healthCase].some(
    ([from, length]) => minutesBeforeEnd <= from && minutesBeforeEnd > from - length,
  );
  if (down) return 'offline';
  if (healthCase === 'fairPoorWithAlerts' && index % 97 === 13) return 'unknown';
  return 'online';
}

/** Why an `onlineStats` query is refused, or `undefined` when it is fine. */
export function onlineStatsQueryError(granularity: string | null, limit: string | null): string | undefined {
  if (granularity !== 'hours' && granularity !== 'days') return 'granularity must be "hours" or "days"';
  const max = granularity === 'hours' ? 168 : 31;
  const value = Number(limit);
  if (!Number.isInteger(value) || value < 1 || value > max) return `limit must be an integer from 1 to ${max}`;
  return undefined;
}

/**
 * The `onlineStats` body: one `locationState` sample every 15 minutes (oldest first) over `limit`
 * hours or days ending at `end`, both ends included, and the `statsDateRange`.
 */
export function onlineStatsBody(
  location: LocationSpec,
  end: number,
  granularity: 'hours' | 'days',
  limit: number,
): Json {
  const last = floorToQuarter(end);
  const span = limit * (granularity === 'hours' ? HOUR : 24 * HOUR);
  const first = last - span;
  const locationState: Json[] = [];
  if (location.healthCase !== 'noNodes') {
    for (let time = first, index = 0; time <= last; time += QUARTER_HOUR, index++) {
      const minutesBeforeEnd = (last - time) / 60_000;
      locationState.push({
        timestamp: new Date(time).toISOString(),
        value: stateAt(location.healthCase, minutesBeforeEnd, index),
      });
    }
  }
  return {
    statsDateRange: { start: new Date(first).toISOString(), end: new Date(last).toISOString() },
    locationState,
  };
}

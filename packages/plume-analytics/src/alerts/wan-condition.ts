// Internal: `wanSaturated`, from the package's own WAN analysis (its sample validity, one sample per
// interval, and the nearest-rank 95th percentile of the interval peaks).
import { parseTimestamp, toIso } from '../time';
import { analyzeWanStats } from '../wan-stats';
import type { DirectionUtilisation, WanSampleInput } from '../wan-types';
import type { LocationObservation } from './input-types';
import type { ResolvedAlertOptions } from './options';
import { isList, keyOf, reading, type Reading } from './readings';

/** The form `toIso` writes: such strings sort as their instants do. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Whether any sample may be newer than `through`. When every timestamp is written as `toIso`
 * writes it, strings are compared (no parsing: most polls bring no new interval); otherwise `true`,
 * and the caller parses.
 */
function newerThan(samples: readonly (WanSampleInput | null)[], through: string): boolean {
  for (const sample of samples) {
    const timestamp = sample?.timestamp;
    if (typeof timestamp !== 'string' || !CANONICAL_ISO.test(timestamp) || timestamp > through) return true;
  }
  return false;
}

/**
 * The `wanSaturated` reading and the newest interval it judged; `null` when it is off (no plan
 * speed) or no samples came. The window is the last `windowMs` of data: samples whose interval
 * starts less than that before the newest sample's start (four 15-minute samples for an hour).
 * Data already judged (nothing newer than `through`) is not judged again, so polling more often
 * than the data changes counts each window once.
 */
export function wanReading(
  observation: LocationObservation,
  through: string | undefined,
  options: ResolvedAlertOptions,
): { readonly reading: Reading | null; readonly through: string } | null {
  const plan = observation.planSpeed ?? options.planSpeed;
  const samples = observation.wanSamples;
  if (plan === null || samples === null || samples === undefined || !isList(samples)) return null;
  if (through !== undefined && !newerThan(samples, through)) return { reading: null, through };
  let newest = -Infinity;
  const times = samples.map((sample) => {
    const time = sample === null || typeof sample !== 'object' ? null : parseTimestamp(sample.timestamp);
    if (time !== null && time > newest) newest = time;
    return time;
  });
  if (newest === -Infinity) return null;
  if (through !== undefined && newest <= Date.parse(through)) return { reading: null, through };
  const judged = toIso(newest);
  const window = samples.filter((_, i) => times[i] !== null && times[i]! > newest - options.wan.windowMs);
  const analysis = analyzeWanStats(window, { planSpeed: plan });
  const key = keyOf(observation.locationId, 'wanSaturated');
  if (!analysis.hasData || analysis.utilisation === null) return { reading: null, through: judged };
  const directions = [
    ['rx', analysis.utilisation.rx],
    ['tx', analysis.utilisation.tx],
  ].filter((entry): entry is ['rx' | 'tx', DirectionUtilisation] => entry[1] !== null);
  if (directions.length === 0) return { reading: null, through: judged };
  const [direction, worst] = directions.reduce((a, b) => (b[1].p95Percent > a[1].p95Percent ? b : a));
  const verdict =
    worst.p95Percent > options.wan.saturatedAbovePercent
      ? 'bad'
      : worst.p95Percent < options.wan.clearBelowPercent
        ? 'good'
        : 'hold';
  const details = {
    direction,
    p95Percent: Math.round(worst.p95Percent * 10) / 10,
    planMbps: worst.planMbps,
    samples: analysis.coverage.validSamples,
  };
  return { reading: reading(key, 'wanSaturated', null, verdict, details), through: judged };
}

// Internal: `wanSaturated`, by the rules of the package's WAN analysis (its sample validity, one
// sample per interval, the nearest-rank 95th percentile of the interval peaks and its share of the
// plan speed), through `wanPeakP95`, which computes only that percentile: an observation must stay
// far cheaper than the whole analysis with its coverage, busy hours and hourly series.
import { isCanonicalIso, toIso } from '../time';
import { percentOfPlan, wanPeakP95 } from '../wan-peaks';
import type { WanSampleInput } from '../wan-types';
import type { LocationObservation } from './input-types';
import type { ResolvedAlertOptions } from './options';
import { isList, keyOf, reading, type Reading } from './readings';
import type { LocationAlertState } from './types';
import { wanPlanSpeed } from './wan-plan';

/** One direction's 95th-percentile peak as a share of its plan speed. */
interface DirectionShare {
  readonly direction: 'rx' | 'tx';
  readonly planMbps: number;
  readonly p95Percent: number;
}

/**
 * Whether any sample may be newer than `through`. When every timestamp is written as `toIso`
 * writes it, strings are compared (no parsing: most polls bring no new interval); otherwise `true`,
 * and the caller parses.
 */
function newerThan(samples: readonly (WanSampleInput | null)[], through: string): boolean {
  for (const sample of samples) {
    const timestamp = sample?.timestamp;
    if (!isCanonicalIso(timestamp) || timestamp > through) return true;
  }
  return false;
}

/**
 * The `wanSaturated` reading and the newest interval it judged; `null` when it is off (no plan
 * speed, and no speed test to stand for one under `wan.planFromSpeedTest`) or no valid sample came. The window is the last `windowMs` of data: valid samples whose
 * interval starts less than that before the newest valid sample's start (four 15-minute samples for
 * an hour). Data already judged (no valid sample newer than `through`) is not judged again, so
 * polling more often than the data changes counts each window once; an interval first reported
 * incomplete (not valid) is judged when it comes complete.
 */
export function wanReading(
  observation: LocationObservation,
  through: string | undefined,
  speedTests: LocationAlertState['speedTests'],
  options: ResolvedAlertOptions,
): { readonly reading: Reading | null; readonly through: string } | null {
  const given = observation.planSpeed ?? options.planSpeed;
  const plan = wanPlanSpeed(options.wan.planFromSpeedTest ? { speedTests } : null, given);
  const samples = observation.wanSamples;
  if (plan === null || samples === null || samples === undefined || !isList(samples)) return null;
  if (through !== undefined && !newerThan(samples, through)) return { reading: null, through };
  const peaks = wanPeakP95(samples, options.wan.windowMs);
  if (peaks === null) return null;
  if (through !== undefined && peaks.newestMs <= Date.parse(through)) return { reading: null, through };
  const judged = toIso(peaks.newestMs);
  const directions: DirectionShare[] = [];
  const rxPlan = plan.downloadMbps;
  const txPlan = plan.uploadMbps;
  if (rxPlan !== null)
    directions.push({ direction: 'rx', planMbps: rxPlan, p95Percent: percentOfPlan(peaks.rxMbps, rxPlan) });
  if (txPlan !== null)
    directions.push({ direction: 'tx', planMbps: txPlan, p95Percent: percentOfPlan(peaks.txMbps, txPlan) });
  if (directions.length === 0) return { reading: null, through: judged };
  const worst = directions.reduce((a, b) => (b.p95Percent > a.p95Percent ? b : a));
  const verdict =
    worst.p95Percent > options.wan.saturatedAbovePercent
      ? 'bad'
      : worst.p95Percent < options.wan.clearBelowPercent
        ? 'good'
        : 'hold';
  const details = {
    direction: worst.direction,
    p95Percent: Math.round(worst.p95Percent * 10) / 10,
    planMbps: worst.planMbps,
    planSource: plan.source,
    samples: peaks.validSamples,
  };
  const key = keyOf(observation.locationId, 'wanSaturated');
  return { reading: reading(key, 'wanSaturated', null, verdict, details), through: judged };
}

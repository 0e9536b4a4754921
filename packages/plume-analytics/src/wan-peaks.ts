// Internal: the 95th percentile of WAN interval peaks and its share of a plan speed. One rule,
// used by `analyzeWanStats` (inside the whole analysis) and by the `wanSaturated` alert condition
// (alone, on the last hour's samples, without the rest of the analysis).
import type { WanSampleInput } from './wan-types';
import { nearestRank, selectInPlace } from './select';
import { collectValidSamples } from './wan-samples';
import { wanWindowStart } from './wan-window';

/**
 * The nearest-rank 95th percentile of interval peak rates: the ⌈0.95·n⌉-th smallest. `rates` is
 * non-empty and is consumed: selection reorders it.
 */
export function peakP95InPlace(rates: Float64Array): number {
  return selectInPlace(rates, nearestRank(rates.length, 95) - 1);
}

/** A plan speed that utilisation can be measured against (a finite number above 0), else `null`. */
export function usablePlanMbps(planMbps: number | null | undefined): number | null {
  return typeof planMbps === 'number' && Number.isFinite(planMbps) && planMbps > 0 ? planMbps : null;
}

/** `mbps` as a percentage of a usable plan speed (see {@link usablePlanMbps}). */
export function percentOfPlan(mbps: number, planMbps: number): number {
  return (mbps / planMbps) * 100;
}

/** The 95th percentile of each direction's interval peaks over the newest samples. */
export interface WanPeakP95 {
  /** Start of the newest valid sample's interval, epoch ms. */
  readonly newestMs: number;
  /** Valid samples in the window (one per interval start), as `coverage.validSamples` counts them. */
  readonly validSamples: number;
  /** `rx.p95Mbps` of `analyzeWanStats` on the window's samples. */
  readonly rxMbps: number;
  /** `tx.p95Mbps` of `analyzeWanStats` on the window's samples. */
  readonly txMbps: number;
}

/**
 * The 95th percentile of the download and upload interval peaks of the valid samples whose interval
 * starts less than `windowMs` before the newest valid sample's (the window rule of `analyzeWanStats`' `windowHours`), with the same sample validity and
 * one-sample-per-interval rule as `analyzeWanStats`, and nothing else (no coverage, busy hours or
 * hourly series); `null` when no sample is valid.
 */
export function wanPeakP95(
  samples: readonly (WanSampleInput | null | undefined)[],
  windowMs: number,
): WanPeakP95 | null {
  const { length, time, rxMaxMbps, txMaxMbps } = collectValidSamples(samples);
  if (length === 0) return null;
  const newestMs = time[length - 1]!;
  const start = wanWindowStart(time, windowMs);
  // The columns are this call's own: selection may reorder them.
  return {
    newestMs,
    validSamples: length - start,
    rxMbps: peakP95InPlace(rxMaxMbps.subarray(start)),
    txMbps: peakP95InPlace(txMaxMbps.subarray(start)),
  };
}

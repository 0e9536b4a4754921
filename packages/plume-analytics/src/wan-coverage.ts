// Internal: coverage (valid share, first and last sample, gaps) of the WAN analysis.
import type { WanCoverage, WanGap } from './wan-types';
import { toIso } from './time';

/** Below this share of usable items (valid or duplicate), the coverage is too thin to trust. */
const QUALITY_THRESHOLD = 0.8;

/**
 * Coverage of time-ordered valid samples, one per interval start (`duplicateSamples` more were
 * dropped as earlier copies of an interval). A gap is reported where two consecutive valid samples are
 * more than 1.5 intervals apart (so jitter of a few seconds is not a gap); it runs from the end of
 * the earlier interval to the start of the later one, and `missingIntervals` is
 * round(spacing ÷ interval) − 1.
 */
export function computeCoverage(
  time: Float64Array,
  totalSamples: number,
  duplicateSamples: number,
  intervalMs: number,
): WanCoverage {
  const validSamples = time.length;
  const gaps: WanGap[] = [];
  for (let i = 1; i < validSamples; i++) {
    const spacing = time[i]! - time[i - 1]!;
    if (spacing > 1.5 * intervalMs) {
      gaps.push({
        from: toIso(time[i - 1]! + intervalMs),
        to: toIso(time[i]!),
        durationMs: spacing - intervalMs,
        missingIntervals: Math.round(spacing / intervalMs) - 1,
      });
    }
  }
  return {
    totalSamples,
    validSamples,
    duplicateSamples,
    validPercent: totalSamples === 0 ? 0 : (validSamples * 100) / totalSamples,
    firstSampleAt: validSamples === 0 ? null : toIso(time[0]!),
    lastSampleAt: validSamples === 0 ? null : toIso(time[validSamples - 1]!),
    gaps,
    belowQualityThreshold: validSamples + duplicateSamples < QUALITY_THRESHOLD * totalSamples,
  };
}

import { describe, expect, it } from '@jest/globals';
import { deepFreeze, wanDay } from './test-support';
import { analyzeWanStats } from './wan-stats';
import type { WanAnalysis, WanAnalysisWithData, WanSampleInput } from './wan-types';

/** 96 intervals: sample i starts at 00:00 + 15 min × i, rxMaxMbps = i + 1, rxMbytes 90, txMbytes 9. */
const DAY: readonly WanSampleInput[] = wanDay(() => 1);

/** A second copy of interval 10 (02:30) with other values, as an overlapping page would send it. */
const COPY: WanSampleInput = deepFreeze({
  timestamp: '2024-12-04T02:30:00Z',
  rxMbytes: 990,
  txMbytes: 99,
  rxMaxMbps: 500,
  txMaxMbps: 7,
});

function withData(analysis: WanAnalysis): WanAnalysisWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

/** Puts `item` right after position `index` of `list`. */
function insertAfter<T>(list: readonly T[], index: number, item: T): T[] {
  return [...list.slice(0, index + 1), item, ...list.slice(index + 1)];
}

describe('analyzeWanStats with several samples for one interval start', () => {
  const ascending = insertAfter(DAY, 10, COPY);
  const newestFirst = insertAfter([...DAY].reverse(), 85, COPY); // DAY[10] is at 95 − 10 = 85
  const shuffled = [...DAY.map((_, i) => DAY[(i * 37) % 96]!), COPY]; // the copy comes last, far from the original

  it.each([
    ['ascending', ascending],
    ['newest-first', newestFirst],
    ['shuffled', shuffled],
  ])('uses only the last copy, for %s input', (_, samples) => {
    const result = withData(analyzeWanStats(deepFreeze(samples)));
    // The copy replaces interval 10 (peak 11 Mbps, 90 MB): peak 500 at 02:30,
    // total 96 × 90 − 90 + 990 = 9540 MB, mean of peaks (96 × 97 ÷ 2 − 11 + 500) ÷ 96 = 5145 ÷ 96.
    expect(result.rx.peak).toEqual({ mbps: 500, at: '2024-12-04T02:30:00.000Z' });
    expect(result.rx.totalMbytes).toBe(9540);
    expect(result.rx.meanPeakMbps).toBe(5145 / 96);
    // 9540 MB × 8 ÷ (96 intervals × 900 s), not ÷ 97.
    expect(result.rx.averageThroughputMbps).toBeCloseTo(76_320 / 86_400, 12);
    expect(result.tx.totalMbytes).toBe(96 * 9 - 9 + 99);
    expect(result.tx.peak).toEqual({ mbps: 7, at: '2024-12-04T02:30:00.000Z' });
    expect(result.busyHours.find((h) => h.hour === 2)?.samples).toBe(4);
    expect(result.coverage).toEqual({
      totalSamples: 97,
      validSamples: 96,
      duplicateSamples: 1,
      validPercent: (96 * 100) / 97,
      firstSampleAt: '2024-12-04T00:00:00.000Z',
      lastSampleAt: '2024-12-04T23:45:00.000Z',
      gaps: [],
      belowQualityThreshold: false,
    });
  });

  it('keeps the copy that comes last in the input, not the one that comes last in time order', () => {
    // The copy first, the original interval later: the original wins.
    const result = withData(analyzeWanStats(deepFreeze([COPY, ...DAY])));
    expect(result.rx.peak).toEqual({ mbps: 96, at: '2024-12-04T23:45:00.000Z' });
    expect(result.rx.totalMbytes).toBe(96 * 90);
    expect(result.coverage.duplicateSamples).toBe(1);
    expect(result.coverage.validSamples).toBe(96);
  });

  it('treats equal instants written differently as one interval start', () => {
    // 02:30 UTC as epoch ms, as +01:00 local time, and as ISO: three copies, the last one counts.
    const at = Date.parse('2024-12-04T02:30:00Z');
    const sample = { rxMbytes: 1, txMbytes: 1, txMaxMbps: 1 };
    const result = withData(
      analyzeWanStats(
        deepFreeze([
          { ...sample, timestamp: at, rxMaxMbps: 5 },
          { ...sample, timestamp: '2024-12-04T03:30:00+01:00', rxMaxMbps: 6 },
          { ...sample, timestamp: '2024-12-04T02:30:00.000Z', rxMaxMbps: 7 },
        ]),
      ),
    );
    expect(result.rx.peak.mbps).toBe(7);
    expect(result.coverage).toMatchObject({ totalSamples: 3, validSamples: 1, duplicateSamples: 2 });
  });

  it('does not let an invalid later copy replace a valid sample', () => {
    const invalidCopy = { ...COPY, rxMbytes: null };
    const result = withData(analyzeWanStats(deepFreeze(insertAfter(DAY, 10, invalidCopy))));
    expect(result.rx.totalMbytes).toBe(96 * 90);
    expect(result.coverage).toMatchObject({ totalSamples: 97, validSamples: 96, duplicateSamples: 0 });
  });

  it('reports no duplicates in the no-data result', () => {
    expect(analyzeWanStats([]).coverage.duplicateSamples).toBe(0);
  });
});

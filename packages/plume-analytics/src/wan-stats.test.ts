import { describe, expect, it } from '@jest/globals';
import { isAnalyticsError } from './errors';
import { deepFreeze, isoAfter, wanDay } from './test-support';
import { analyzeWanStats } from './wan-stats';
import type { WanAnalysis, WanAnalysisWithData, WanSampleInput } from './wan-types';

const DAY_START = '2024-12-04T00:00:00.000Z';

/**
 * A full day of 96 intervals: sample i (0–95) starts at 00:00 + 15 min × i, with rxMaxMbps = i + 1,
 * txMaxMbps = (i + 1) / 10, rxMbytes = 90 and txMbytes = 9.
 */
const DAY: readonly WanSampleInput[] = wanDay((i) => (i + 1) / 10);

function withData(analysis: WanAnalysis): WanAnalysisWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

describe('analyzeWanStats', () => {
  it('computes the worked example of a full day by hand', () => {
    const result = withData(analyzeWanStats(DAY));
    // Peak: the largest rxMaxMbps is 96, in the last interval, 23:45.
    expect(result.rx.peak).toEqual({ mbps: 96, at: '2024-12-04T23:45:00.000Z' });
    // Mean of peaks: (1 + … + 96) ÷ 96 = (96 × 97 ÷ 2) ÷ 96 = 48.5.
    expect(result.rx.meanPeakMbps).toBe(48.5);
    // p95: rank ⌈0.95 × 96⌉ = ⌈91.2⌉ = 92 → the 92nd smallest of 1..96 is 92.
    expect(result.rx.p95Mbps).toBe(92);
    // Volume: 96 × 90 MB = 8640 MB; throughput 8640 × 8 ÷ (96 × 900 s) = 69120 ÷ 86400 = 0.8 Mbps.
    expect(result.rx.totalMbytes).toBe(8640);
    expect(result.rx.averageThroughputMbps).toBeCloseTo(0.8, 12);
    // Upload: peak 9.6, total 96 × 9 = 864 MB, throughput 864 × 8 ÷ 86400 = 0.08 Mbps.
    expect(result.tx.peak.mbps).toBeCloseTo(9.6, 12);
    expect(result.tx.totalMbytes).toBe(864);
    expect(result.tx.averageThroughputMbps).toBeCloseTo(0.08, 12);
    expect(result.coverage).toEqual({
      totalSamples: 96,
      validSamples: 96,
      duplicateSamples: 0,
      validPercent: 100,
      firstSampleAt: '2024-12-04T00:00:00.000Z',
      lastSampleAt: '2024-12-04T23:45:00.000Z',
      gaps: [],
      belowQualityThreshold: false,
    });
    expect(result.utilisation).toBeNull();
  });

  it('finds busy hours relative to the mean, highest first, top 3', () => {
    // Hour h holds rx peaks 4h+1 … 4h+4, mean 4h + 2.5. Overall mean 48.5, so moderate above
    // 1.5 × 48.5 = 72.75 and high above 2 × 48.5 = 97: hours 18–23 (74.5 … 94.5) are moderate,
    // none high. Top 3: 23 (94.5), 22 (90.5), 21 (86.5).
    const result = withData(analyzeWanStats(DAY));
    expect(result.busyHours.map((h) => [h.hour, h.level, h.meanRxPeakMbps])).toEqual([
      [23, 'moderate', 94.5],
      [22, 'moderate', 90.5],
      [21, 'moderate', 86.5],
    ]);
    // Upload means of hour 23: (9.3 + 9.4 + 9.5 + 9.6) ÷ 4 = 9.45; ratio 94.5 ÷ 48.5.
    expect(result.busyHours[0]!.meanTxPeakMbps).toBeCloseTo(9.45, 12);
    expect(result.busyHours[0]!.ratioToMean).toBeCloseTo(94.5 / 48.5, 12);
    expect(result.busyHours[0]!.samples).toBe(4);
  });

  it('reads busy hours in the requested time zone', () => {
    // Berlin is UTC+1 in December: UTC 23 → 0, UTC 22 → 23, UTC 21 → 22.
    const result = withData(analyzeWanStats(DAY, { timeZone: 'Europe/Berlin' }));
    expect(result.busyHours.map((h) => h.hour)).toEqual([0, 23, 22]);
    expect(result.timeZone).toBe('Europe/Berlin');
  });

  it('marks an hour high above twice the mean', () => {
    // Peaks 1, 1, 1, 9 at hours 0–3: mean 12 ÷ 4 = 3; 9 > 2 × 3 = 6 → hour 3 is high, ratio 3.
    const samples = deepFreeze(
      [1, 1, 1, 9].map((rate, hour) => ({
        timestamp: isoAfter(DAY_START, 60 * hour),
        rxMbytes: 1,
        txMbytes: 1,
        rxMaxMbps: rate,
        txMaxMbps: 1,
      })),
    );
    const result = withData(analyzeWanStats(samples));
    expect(result.busyHours).toEqual([
      { hour: 3, level: 'high', meanRxPeakMbps: 9, meanTxPeakMbps: 1, ratioToMean: 3, samples: 1 },
    ]);
  });

  it('reports no busy hours when there was no traffic', () => {
    const idle = deepFreeze(DAY.map((s) => ({ ...s, rxMaxMbps: 0 })));
    const result = withData(analyzeWanStats(idle));
    expect(result.busyHours).toEqual([]);
    // With every peak at 0 the peak is the first interval, still with its time.
    expect(result.rx.peak).toEqual({ mbps: 0, at: '2024-12-04T00:00:00.000Z' });
  });

  it('gives the same result for newest-first and shuffled input', () => {
    const expected = analyzeWanStats(DAY, { timeZone: 'Europe/Berlin' });
    const newestFirst = deepFreeze([...DAY].reverse());
    const shuffled = deepFreeze(DAY.map((_, i) => DAY[(i * 37) % 96]!));
    expect(analyzeWanStats(newestFirst, { timeZone: 'Europe/Berlin' })).toEqual(expected);
    expect(analyzeWanStats(shuffled, { timeZone: 'Europe/Berlin' })).toEqual(expected);
  });

  it('skips invalid samples and reports coverage with gaps', () => {
    const samples = deepFreeze([
      { timestamp: '2024-12-04T00:00:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
      { timestamp: '2024-12-04T00:15:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
      { timestamp: '2024-12-04T01:00:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
      { timestamp: '2024-12-04T01:15:00Z', rxMbytes: null, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
      { timestamp: '2024-12-04T01:30:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
      null,
      { timestamp: 'not a time', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
      { timestamp: '2024-12-04T01:45:00Z', rxMbytes: -1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
    ]);
    const { coverage } = analyzeWanStats(samples);
    // 4 of 8 items are valid → 50 %. 00:15 → 01:00 is 45 min: the gap runs 00:30–01:00 (30 min,
    // round(45 ÷ 15) − 1 = 2 intervals missing). 01:00 → 01:30: gap 01:15–01:30, 1 interval.
    expect(coverage.validSamples).toBe(4);
    expect(coverage.validPercent).toBe(50);
    expect(coverage.gaps).toEqual([
      { from: '2024-12-04T00:30:00.000Z', to: '2024-12-04T01:00:00.000Z', durationMs: 1_800_000, missingIntervals: 2 },
      { from: '2024-12-04T01:15:00.000Z', to: '2024-12-04T01:30:00.000Z', durationMs: 900_000, missingIntervals: 1 },
    ]);
  });

  it('returns the no-data variant rather than zeros when nothing is valid', () => {
    for (const samples of [[], null, undefined, [{ timestamp: '2024-12-04T00:00:00Z', rxMbytes: null }]]) {
      const result = analyzeWanStats(samples);
      expect(result.hasData).toBe(false);
      expect(result.coverage.validSamples).toBe(0);
      expect(result.coverage.firstSampleAt).toBeNull();
      expect('rx' in result).toBe(false);
    }
    expect(analyzeWanStats([{}]).coverage.validPercent).toBe(0);
  });

  it('skips timestamps beyond year 9999 instead of throwing in a time zone', () => {
    // 8.64e15 ms is the last instant a Date holds; the end of its day is beyond it.
    const sample = { rxMbytes: 1, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 };
    const samples = deepFreeze([
      { ...sample, timestamp: 8.64e15 },
      { ...sample, timestamp: '9999-12-31T23:45:00Z' },
    ]);
    const { coverage } = analyzeWanStats(samples, { timeZone: 'Europe/Berlin' });
    expect(coverage.validSamples).toBe(1);
    expect(coverage.lastSampleAt).toBe('9999-12-31T23:45:00.000Z');
  });

  it('computes utilisation against a plan speed, per direction', () => {
    // Download plan 100 Mbps: peak 96 → 96 %, p95 92 → 92 %, average 0.8 → 0.8 %.
    const result = withData(analyzeWanStats(DAY, { planSpeed: { downloadMbps: 100, uploadMbps: null } }));
    expect(result.utilisation?.rx?.planMbps).toBe(100);
    expect(result.utilisation?.rx?.peakPercent).toBeCloseTo(96, 12);
    expect(result.utilisation?.rx?.p95Percent).toBeCloseTo(92, 12);
    expect(result.utilisation?.rx?.averagePercent).toBeCloseTo(0.8, 12);
    expect(result.utilisation?.tx).toBeNull();
  });

  it('uses the interval length for the throughput', () => {
    // 5-minute intervals: 8640 MB × 8 ÷ (96 × 300 s) = 2.4 Mbps.
    const result = withData(analyzeWanStats(DAY, { intervalMinutes: 5 }));
    expect(result.rx.averageThroughputMbps).toBeCloseTo(2.4, 12);
  });

  it('rejects a bad time zone or interval with INVALID_OPTION', () => {
    for (const options of [{ timeZone: 'Nowhere/Land' }, { intervalMinutes: 0 }, { intervalMinutes: Number.NaN }]) {
      let error: unknown;
      try {
        analyzeWanStats(DAY, options);
      } catch (caught) {
        error = caught;
      }
      expect(isAnalyticsError(error) && error.code).toBe('INVALID_OPTION');
    }
  });
});

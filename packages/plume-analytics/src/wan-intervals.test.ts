import { describe, expect, it } from '@jest/globals';
import { isoAfter, wanDay } from './test-support';
import { analyzeWanStats } from './wan-stats';
import type { WanAnalysis, WanAnalysisWithData, WanSampleInput } from './wan-types';

function withData(analysis: WanAnalysis): WanAnalysisWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

describe('analyzeWanStats interval series', () => {
  it('gives every 15-minute interval of a full day its peaks and average rates', () => {
    const series = withData(analyzeWanStats(wanDay((i) => i / 10))).intervalSeries;
    expect(series.startAt).toBe('2024-12-04T00:00:00.000Z');
    expect(series.endAt).toBe('2024-12-05T00:00:00.000Z');
    expect(series.intervalMinutes).toBe(15);
    expect(series.points).toHaveLength(96);
    expect(series.missingIntervals).toBe(0);
    // Sample 10: rx peak 11, tx peak 1; 90 MB × 8 ÷ 900 s = 0.8 Mbps down, 9 MB → 0.08 Mbps up.
    expect(series.points[10]).toEqual({
      at: '2024-12-04T02:30:00.000Z',
      rxPeakMbps: 11,
      txPeakMbps: 1,
      rxAverageMbps: 0.8,
      txAverageMbps: 0.08,
    });
  });

  it('leaves missing and invalid intervals as null, never zero', () => {
    const day: WanSampleInput[] = wanDay(() => 1).map((sample, i) =>
      i === 40 ? { ...sample, rxMaxMbps: null } : sample,
    );
    const series = withData(analyzeWanStats(day.filter((_, i) => i !== 50))).intervalSeries;
    expect(series.missingIntervals).toBe(2);
    expect(series.points[40]).toEqual({
      at: '2024-12-04T10:00:00.000Z',
      rxPeakMbps: null,
      txPeakMbps: null,
      rxAverageMbps: null,
      txAverageMbps: null,
    });
    expect(series.points[50]?.rxPeakMbps).toBeNull();
    expect(series.points[51]?.rxPeakMbps).toBe(52);
  });

  it('ends with the last valid interval and drops data older than 24 hours', () => {
    const samples: WanSampleInput[] = [
      { timestamp: '2024-12-02T10:00:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 500, txMaxMbps: 1 },
      { timestamp: '2024-12-04T10:00:07Z', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
    ];
    const series = withData(analyzeWanStats(samples)).intervalSeries;
    expect(series.endAt).toBe('2024-12-04T10:15:07.000Z');
    expect(series.points).toHaveLength(96);
    expect(series.points[95]?.rxPeakMbps).toBe(40);
    expect(series.points.filter((point) => point.rxPeakMbps !== null)).toHaveLength(1);
    expect(series.missingIntervals).toBe(95);
  });

  it('places jittered samples in the interval they round to, and follows intervalMinutes', () => {
    const samples: WanSampleInput[] = [0, 1, 2].map((hour) => ({
      timestamp: isoAfter('2024-12-04T00:00:00.000Z', hour * 60 + (hour === 1 ? 0.2 : 0)),
      rxMbytes: 450,
      txMbytes: 45,
      rxMaxMbps: hour + 1,
      txMaxMbps: 1,
    }));
    const series = withData(analyzeWanStats(samples, { intervalMinutes: 60 })).intervalSeries;
    expect(series.points).toHaveLength(24);
    expect(series.points.slice(-3).map((point) => point.rxPeakMbps)).toEqual([1, 2, 3]);
    // 450 MB × 8 ÷ 3,600 s = 1 Mbps.
    expect(series.points[23]?.rxAverageMbps).toBe(1);
  });
});

import { describe, expect, it } from '@jest/globals';
import { deepFreeze, isoAfter, wanDay } from './test-support';
import { analyzeWanStats } from './wan-stats';
import { wanPeakP95 } from './wan-peaks';
import type { WanAnalysis, WanAnalysisWithData, WanSampleInput } from './wan-types';

function withData(analysis: WanAnalysis): WanAnalysisWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

describe('analyzeWanStats windowHours', () => {
  it('analyses only the last 3 hours of a day, and its series spans those 3 hours', () => {
    // Samples 84–95 (21:00–23:45) are in the window: rx peaks 85–96, tx peaks 1.
    const analysis = withData(
      analyzeWanStats(
        wanDay(() => 1),
        { windowHours: 3 },
      ),
    );
    expect(analysis.coverage).toMatchObject({
      totalSamples: 12,
      validSamples: 12,
      firstSampleAt: '2024-12-04T21:00:00.000Z',
      lastSampleAt: '2024-12-04T23:45:00.000Z',
    });
    expect(analysis.rx.peak).toEqual({ mbps: 96, at: '2024-12-04T23:45:00.000Z' });
    // Nearest rank ⌈0.95 × 12⌉ = 12th smallest of 85–96.
    expect(analysis.rx.p95Mbps).toBe(96);
    // Mean of 85–96 is 90.5; 12 × 90 MB.
    expect(analysis.rx.meanPeakMbps).toBe(90.5);
    expect(analysis.rx.totalMbytes).toBe(1080);
    const series = analysis.intervalSeries;
    expect([series.startAt, series.endAt]).toEqual(['2024-12-04T21:00:00.000Z', '2024-12-05T00:00:00.000Z']);
    expect(series.points.map((point) => point.rxPeakMbps)).toEqual([85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96]);
  });

  it('gives the same answer as no window when the window holds every sample', () => {
    const day = wanDay((i) => (i * 7) % 13);
    expect(analyzeWanStats(day, { windowHours: 24 })).toEqual(analyzeWanStats(day));
  });

  it('counts the invalid items inside the window, and none outside it or without a time', () => {
    const samples: WanSampleInput[] = deepFreeze([
      { timestamp: '2024-12-04T06:45:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 900, txMaxMbps: 900 },
      { timestamp: '2024-12-04T07:15:00Z', rxMbytes: 1, txMbytes: 1, rxMaxMbps: null, txMaxMbps: 1 },
      { timestamp: '2024-12-04T08:00:00Z', rxMbytes: 8, txMbytes: 1, rxMaxMbps: 8, txMaxMbps: 1 },
      { timestamp: 'yesterday', rxMbytes: 1, txMbytes: 1, rxMaxMbps: 700, txMaxMbps: 1 },
      { timestamp: '2024-12-04T09:45:00Z', rxMbytes: 9, txMbytes: 1, rxMaxMbps: 9, txMaxMbps: 1 },
      // After the newest valid sample: outside the window, which ends with 09:45.
      { timestamp: '2024-12-04T10:00:00Z', rxMbytes: null, txMbytes: 1, rxMaxMbps: 1, txMaxMbps: 1 },
    ]);
    const analysis = withData(analyzeWanStats(samples, { windowHours: 3 }));
    expect(analysis.coverage).toMatchObject({ totalSamples: 3, validSamples: 2, duplicateSamples: 0 });
    expect(analysis.coverage.gaps).toEqual([
      {
        from: '2024-12-04T08:15:00.000Z',
        to: '2024-12-04T09:45:00.000Z',
        durationMs: 90 * 60_000,
        missingIntervals: 6,
      },
    ]);
    expect(analysis.rx.peak.mbps).toBe(9);
    expect(analysis.intervalSeries.points).toHaveLength(12);
    expect(analysis.intervalSeries.missingIntervals).toBe(10);
  });

  it('holds the series to the window: 7 days of 15-minute intervals around one day of data', () => {
    const series = withData(
      analyzeWanStats(
        wanDay(() => 1),
        { windowHours: 7 * 24 },
      ),
    ).intervalSeries;
    expect(series.points).toHaveLength(672);
    expect(series.missingIntervals).toBe(576);
    expect(series.startAt).toBe('2024-11-28T00:00:00.000Z');
  });

  it('uses the window rule of the saturation alert: the same p95 over the same hour', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({
      timestamp: isoAfter('2024-12-04T10:00:00.000Z', 15 * i + (i === 5 ? 0.1 : 0)),
      rxMbytes: 1,
      txMbytes: 1,
      rxMaxMbps: (i * 37) % 11,
      txMaxMbps: i,
    }));
    const analysis = withData(analyzeWanStats(samples, { windowHours: 1 }));
    const alert = wanPeakP95(samples, 3_600_000);
    expect(alert).toMatchObject({ validSamples: analysis.coverage.validSamples });
    expect([alert?.rxMbps, alert?.txMbps]).toEqual([analysis.rx.p95Mbps, analysis.tx.p95Mbps]);
  });

  it('gives "no data" with the coverage of every item when no sample is valid', () => {
    const analysis = analyzeWanStats([{ timestamp: '2024-12-04T10:00:00Z', rxMbytes: null }], { windowHours: 3 });
    expect(analysis.hasData).toBe(false);
    expect(analysis.coverage.totalSamples).toBe(1);
  });

  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY, 360.5])('refuses windowHours %p', (windowHours) => {
    expect(() =>
      analyzeWanStats(
        wanDay(() => 1),
        { windowHours },
      ),
    ).toThrow(
      /^\[@org\/plume-analytics\] windowHours must be a positive number of hours, at most 360 \(1,440 intervals of 15 minutes\)/,
    );
  });

  it('allows a longer window with longer intervals', () => {
    expect(() => analyzeWanStats([], { windowHours: 720, intervalMinutes: 30 })).not.toThrow();
  });
});

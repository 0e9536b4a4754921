import { describe, expect, it } from '@jest/globals';
import { wanDay } from './test-support';
import { analyzeWanStats } from './wan-stats';
import type { WanAnalysis, WanAnalysisWithData, WanSampleInput } from './wan-types';

function withData(analysis: WanAnalysis): WanAnalysisWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

describe('analyzeWanStats hourly download peaks', () => {
  it('takes the highest peak of each UTC hour over the 24 hours ending with the last sample', () => {
    // Sample i has rxMaxMbps i + 1, so hour h peaks at its last quarter: 4h + 4.
    const hourly = withData(analyzeWanStats(wanDay(() => 1))).hourlyRxPeaks;
    expect(hourly.startAt).toBe('2024-12-04T00:00:00.000Z');
    expect(hourly.endAt).toBe('2024-12-05T00:00:00.000Z');
    expect(hourly.peaks).toEqual(Array.from({ length: 24 }, (_, hour) => 4 * hour + 4));
    expect(hourly.highestMbps).toBe(96);
    expect(hourly.missingHours).toBe(0);
  });

  it('reads zone-less timestamps as UTC and leaves hours without data empty', () => {
    const samples: WanSampleInput[] = [
      { timestamp: '2024-12-04 10:00', rxMbytes: 900, txMbytes: 90, rxMaxMbps: 40, txMaxMbps: 4 },
      { timestamp: '2024-12-04 10:15', rxMbytes: 450, txMbytes: 45, rxMaxMbps: 20, txMaxMbps: 2 },
      { timestamp: '2024-12-04 08:30', rxMbytes: 450, txMbytes: 45, rxMaxMbps: 5, txMaxMbps: 2 },
      { timestamp: '2024-12-03 09:00', rxMbytes: 450, txMbytes: 45, rxMaxMbps: 99, txMaxMbps: 2 },
    ];
    const hourly = withData(analyzeWanStats(samples)).hourlyRxPeaks;
    expect(hourly.startAt).toBe('2024-12-03T11:00:00.000Z');
    expect(hourly.peaks[23]).toBe(40);
    expect(hourly.peaks[21]).toBe(5);
    expect(hourly.highestMbps).toBe(40); // the sample from 25 hours earlier is outside the window
    expect(hourly.missingHours).toBe(22);
  });
});

describe('analyzeWanStats quality verdict', () => {
  const day = wanDay(() => 1);
  const broken: WanSampleInput = {
    timestamp: '2024-12-04T00:00:00Z',
    rxMbytes: null,
    txMbytes: 1,
    rxMaxMbps: 1,
    txMaxMbps: 1,
  };

  it('is below the threshold when fewer than 80 % of the items are usable', () => {
    const thin = [...day.slice(0, 79), ...Array.from({ length: 21 }, () => broken)]; // 79 of 100
    expect(analyzeWanStats(thin).coverage.belowQualityThreshold).toBe(true);
    const enough = [...day.slice(0, 80), ...Array.from({ length: 20 }, () => broken)]; // 80 of 100
    expect(analyzeWanStats(enough).coverage.belowQualityThreshold).toBe(false);
  });

  it('does not count duplicates against the data, which are copies of good samples', () => {
    const coverage = analyzeWanStats([...day, ...day]).coverage;
    expect(coverage.validPercent).toBe(50);
    expect(coverage.duplicateSamples).toBe(96);
    expect(coverage.belowQualityThreshold).toBe(false);
  });

  it('is below the threshold when nothing received is usable, and not when nothing was received', () => {
    expect(analyzeWanStats([broken]).coverage.belowQualityThreshold).toBe(true);
    expect(analyzeWanStats([]).coverage.belowQualityThreshold).toBe(false);
  });
});

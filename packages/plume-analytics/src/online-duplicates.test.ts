import { describe, expect, it } from '@jest/globals';
import { analyzeOnlineStats } from './online-stats';
import type { OnlineStatsAnalysis, OnlineStatsWithData } from './online-stats-types';
import { deepFreeze } from './test-support';

function withData(analysis: OnlineStatsAnalysis): OnlineStatsWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

describe('analyzeOnlineStats with several samples for one timestamp', () => {
  it('uses only the last sample of a timestamp: online then offline counts as offline', () => {
    const samples = deepFreeze([
      { timestamp: '2024-12-04T10:00:00Z', value: 'online' },
      { timestamp: '2024-12-04T11:00:00Z', value: 'online' },
      { timestamp: '2024-12-04T11:00:00Z', value: 'offline' },
      { timestamp: '2024-12-04T12:00:00Z', value: 'online' },
    ]);
    const result = withData(analyzeOnlineStats(samples, '24h'));
    // Three distinct hours, 11:00 offline: uptime 2 × 100 ÷ 3, one incident of one hour.
    expect(result.counts).toEqual({ online: 2, offline: 1, intermittent: 0, unknown: 0 });
    expect(result.uptimePercent).toBeCloseTo(200 / 3, 12);
    expect(result.incidents).toBe(1);
    expect(result.downtimeMs).toBe(3_600_000);
    expect(result.totalSamples).toBe(4);
    expect(result.skippedSamples).toBe(0);
    expect(result.duplicateSamples).toBe(1);
  });

  it('keeps the last in input order, whatever order the timestamps come in', () => {
    const samples = deepFreeze([
      { timestamp: '2024-12-04T12:00:00Z', value: 'online' },
      { timestamp: '2024-12-04T11:00:00Z', value: 'offline' },
      { timestamp: '2024-12-04T11:00:00Z', value: 'online' },
      { timestamp: '2024-12-04T10:00:00Z', value: 'online' },
      // The same instant as 12:00 UTC, written another way, far from it in the input.
      { timestamp: Date.parse('2024-12-04T12:00:00Z'), value: 'intermittent' },
    ]);
    const result = withData(analyzeOnlineStats(samples, '24h'));
    expect(result.counts).toEqual({ online: 2, offline: 0, intermittent: 1, unknown: 0 });
    expect(result.incidents).toBe(0);
    expect(result.duplicateSamples).toBe(2);
    expect(result.lastSampleAt).toBe('2024-12-04T12:00:00.000Z');
  });

  it('lets an unknown state replace a known one, down to no data', () => {
    const samples = deepFreeze([
      { timestamp: '2024-12-04T10:00:00Z', value: 'online' },
      { timestamp: '2024-12-04T10:00:00Z', value: 'unknown' },
    ]);
    const result = analyzeOnlineStats(samples, '3h');
    expect(result.hasData).toBe(false);
    expect(result.counts).toEqual({ online: 0, offline: 0, intermittent: 0, unknown: 1 });
    expect(result.duplicateSamples).toBe(1);
  });

  it('does not let a sample without a usable timestamp replace anything', () => {
    const samples = deepFreeze([
      { timestamp: '2024-12-04T10:00:00Z', value: 'offline' },
      { timestamp: 'garbage', value: 'online' },
      { timestamp: null, value: 'online' },
    ]);
    const result = withData(analyzeOnlineStats(samples, '3h'));
    expect(result.counts.offline).toBe(1);
    expect(result.skippedSamples).toBe(2);
    expect(result.duplicateSamples).toBe(0);
  });
});

import { describe, expect, it } from '@jest/globals';
import { isAnalyticsError } from './errors';
import { analyzeOnlineStats, uptimeLabel } from './online-stats';
import type { OnlineStatsAnalysis, OnlineStatsWithData, OnlineStateSample } from './online-stats-types';
import { deepFreeze, isoAfter } from './test-support';
import { ONLINE_STATS_RANGES } from './time-ranges';

const START = '2024-12-04T00:00:00.000Z';

function every15(states: readonly string[]): OnlineStateSample[] {
  return states.map((value, i) => ({ timestamp: isoAfter(START, 15 * i), value }));
}

function withData(analysis: OnlineStatsAnalysis): OnlineStatsWithData {
  if (!analysis.hasData) throw new Error('expected data');
  return analysis;
}

describe('analyzeOnlineStats', () => {
  it('computes the worked 3-hour example by hand, from unsorted input', () => {
    // 12 samples 15 min apart: on on OFF OFF on on on on OFF on on on (given newest first).
    const on = 'online';
    const off = 'offline';
    const states = [on, on, off, off, on, on, on, on, off, on, on, on];
    const result = withData(analyzeOnlineStats(deepFreeze(every15(states).reverse()), '3h'));
    // Uptime 9 × 100 ÷ 12 = 75 → below 90 → Critical.
    expect(result.uptimePercent).toBe(75);
    expect(result.label).toBe('Critical');
    expect(result.counts).toEqual({ online: 9, offline: 3, intermittent: 0, unknown: 0 });
    // Transitions into offline in time order: at 00:30 and at 02:00 → 2 incidents.
    expect(result.incidents).toBe(2);
    // Median spacing 15 min; 3 offline samples × 15 min = 45 min = 2 700 000 ms.
    expect(result.sampleIntervalMs).toBe(900_000);
    expect(result.downtimeMs).toBe(2_700_000);
    // Longest: 00:30–01:00, two samples, 30 min.
    expect(result.longestOutage).toEqual({
      startedAt: '2024-12-04T00:30:00.000Z',
      endedAt: '2024-12-04T01:00:00.000Z',
      durationMs: 1_800_000,
      samples: 2,
    });
    // Halves of 6: first 4/6 online, second 5/6 → (5·6 − 4·6)·100 ÷ 36 = 16.67 points → improving.
    expect(result.trendDeltaPoints).toBeCloseTo(100 / 6, 12);
    expect(result.trend).toBe('improving');
    expect(result.range).toBe(ONLINE_STATS_RANGES['3h']);
    expect(result.firstSampleAt).toBe(START);
    expect(result.lastSampleAt).toBe('2024-12-04T02:45:00.000Z');
  });

  it('reproduces the old bot fixture: 672 online and 1 intermittent of 673 is Excellent', () => {
    const states = [...Array.from({ length: 672 }, () => 'ONLINE'), 'Intermittent'];
    const result = withData(analyzeOnlineStats(deepFreeze(every15(states)), '7d'));
    // 672 × 100 ÷ 673 = 99.851… ≥ 99.5 → Excellent; nothing went offline → 0 incidents.
    expect(result.uptimePercent).toBeCloseTo(99.8514, 4);
    expect(result.label).toBe('Excellent');
    expect(result.incidents).toBe(0);
    expect(result.longestOutage).toBeNull();
    expect(result.downtimeMs).toBe(0);
    expect(result.counts.intermittent).toBe(1);
  });

  it('does not count a hole in the data as downtime', () => {
    // offline at 00:00, next sample 3 h later: median spacing of [15 min, 3 h, 15 min] is 15 min,
    // so the offline sample covers min(3 h, 15 min) = 15 min.
    const samples = deepFreeze([
      { timestamp: '2024-12-04T00:00:00Z', value: 'offline' },
      { timestamp: '2024-12-04T03:00:00Z', value: 'online' },
      { timestamp: '2024-12-04T03:15:00Z', value: 'online' },
      { timestamp: '2024-12-04T03:30:00Z', value: 'online' },
    ]);
    expect(withData(analyzeOnlineStats(samples, '24h')).downtimeMs).toBe(900_000);
  });

  it('falls back to one granularity period when a single sample gives no spacing', () => {
    // One offline sample in the 24 h range (hourly): it stands for 1 h.
    const result = withData(analyzeOnlineStats(deepFreeze([{ timestamp: START, value: 'offline' }]), '24h'));
    expect(result.sampleIntervalMs).toBe(3_600_000);
    expect(result.downtimeMs).toBe(3_600_000);
    expect(result.uptimePercent).toBe(0);
    expect(result.incidents).toBe(1);
    expect(result.trend).toBe('stable');
  });

  it('treats unknown samples as neither up nor down and does not let them split an outage', () => {
    const result = withData(
      analyzeOnlineStats(deepFreeze(every15(['offline', 'maintenance', 'offline', 'online'])), '3h'),
    );
    // Known: offline, offline, online → uptime 1 × 100 ÷ 3; one run of offline → 1 incident.
    expect(result.counts.unknown).toBe(1);
    expect(result.uptimePercent).toBeCloseTo(100 / 3, 12);
    expect(result.incidents).toBe(1);
  });

  it('calls exactly 5 points stable, and more a trend', () => {
    // 40 samples: first 20 with 10 online (50 %), second 20 with 11 (55 %): (11·20 − 10·20)·100 ÷ 400 = 5.
    const half = (online: number) => Array.from({ length: 20 }, (_, i) => (i < online ? 'online' : 'offline'));
    const five = withData(analyzeOnlineStats(every15([...half(10), ...half(11)]), '24h'));
    expect(five.trendDeltaPoints).toBe(5);
    expect(five.trend).toBe('stable');
    const six = withData(analyzeOnlineStats(every15([...half(12), ...half(10)]), '24h'));
    expect(six.trendDeltaPoints).toBe(-10);
    expect(six.trend).toBe('declining');
  });

  it('returns the explicit no-data result instead of 0 % Critical', () => {
    const result = analyzeOnlineStats(
      deepFreeze([
        { timestamp: START, value: null },
        { timestamp: 'garbage', value: 'online' },
        null,
        { value: 'online' },
      ]),
      '7d',
    );
    expect(result.hasData).toBe(false);
    expect(result.counts).toEqual({ online: 0, offline: 0, intermittent: 0, unknown: 1 });
    expect(result.totalSamples).toBe(4);
    expect(result.skippedSamples).toBe(3);
    expect(result.duplicateSamples).toBe(0);
    expect('uptimePercent' in result).toBe(false);
    expect(analyzeOnlineStats(null, '3h').hasData).toBe(false);
  });

  it('does not throw at the edges of the date range, and skips what lies beyond it', () => {
    // The last offline sample of year 9999 ends one hour (the 24 h fallback) later, in year 10000.
    // 8.64e15 ms is the last instant a Date holds: adding any interval to it would throw, so it is skipped.
    const result = analyzeOnlineStats(
      deepFreeze([
        { timestamp: '9999-12-31T23:00:00Z', value: 'offline' },
        { timestamp: 8.64e15, value: 'offline' },
      ]),
      '24h',
    );
    expect(result.skippedSamples).toBe(1);
    expect(withData(result).longestOutage?.endedAt).toBe('+010000-01-01T00:00:00.000Z');
  });

  it('accepts a custom range object and rejects unknown keys', () => {
    const custom = { key: '2d', label: 'Last 2 Days', granularity: 'days' as const, limit: 2, durationMs: 172_800_000 };
    expect(analyzeOnlineStats([], custom).range).toBe(custom);
    let error: unknown;
    try {
      analyzeOnlineStats([], '1y' as '3h');
    } catch (caught) {
      error = caught;
    }
    expect(isAnalyticsError(error) && error.code).toBe('INVALID_OPTION');
  });
});

describe('uptimeLabel', () => {
  it('applies the thresholds inclusively', () => {
    expect([100, 99.5, 99.49, 98, 97.9, 95, 94.9, 90, 89.9, 0].map(uptimeLabel)).toEqual([
      'Excellent',
      'Excellent',
      'Good',
      'Good',
      'Fair',
      'Fair',
      'Poor',
      'Poor',
      'Critical',
      'Critical',
    ]);
  });
});

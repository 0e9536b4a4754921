import { describe, expect, it } from '@jest/globals';
import { analyzeOnlineStats } from './online-stats';
import type { OnlineStatsAnalysis, OnlineStatsWithData } from './online-stats-types';

function withData(stats: OnlineStatsAnalysis): OnlineStatsWithData {
  if (!stats.hasData) throw new Error('expected data');
  return stats;
}

const hourly = (values: readonly (string | null)[], start = Date.UTC(2024, 11, 4)) =>
  values.map((value, i) => ({ timestamp: start + i * 3_600_000, value }));

describe('analyzeOnlineStats timeline', () => {
  it('runs states together, marks holes and unknown values as no data, and spans the range', () => {
    // 00–02 online, 03 offline, 04 unknown, 05 intermittent, 06 missing, 07 online.
    const samples = [
      ...hourly(['online', 'online', 'online', 'offline', 'maintenance', 'intermittent']),
      ...hourly(['online'], Date.UTC(2024, 11, 4, 7)),
    ];
    const { timeline } = withData(analyzeOnlineStats(samples, '24h'));
    expect(timeline.endAt).toBe('2024-12-04T08:00:00.000Z');
    expect(timeline.startAt).toBe('2024-12-03T08:00:00.000Z');
    expect(timeline.segments.map((s) => [s.state, s.startAt.slice(11, 16), s.durationMs / 3_600_000])).toEqual([
      ['noData', '08:00', 16],
      ['online', '00:00', 3],
      ['offline', '03:00', 1],
      ['noData', '04:00', 1],
      ['intermittent', '05:00', 1],
      ['noData', '06:00', 1],
      ['online', '07:00', 1],
    ]);
  });

  it('lists every outage in time order, the longest among them', () => {
    const stats = withData(analyzeOnlineStats(hourly(['online', 'offline', 'online', 'offline', 'offline']), '24h'));
    expect(stats.outages).toEqual([
      { startedAt: '2024-12-04T01:00:00.000Z', endedAt: '2024-12-04T02:00:00.000Z', durationMs: 3_600_000, samples: 1 },
      { startedAt: '2024-12-04T03:00:00.000Z', endedAt: '2024-12-04T05:00:00.000Z', durationMs: 7_200_000, samples: 2 },
    ]);
    expect(stats.longestOutage).toEqual(stats.outages[1]);
    expect(stats.incidents).toBe(stats.outages.length);
  });
});

describe('analyzeOnlineStats uptime buckets', () => {
  it('counts samples per hour for hourly ranges', () => {
    // Four samples an hour for 3 hours; one offline in the middle hour.
    const samples = Array.from({ length: 12 }, (_, i) => ({
      timestamp: Date.UTC(2024, 11, 4, 9) + i * 900_000,
      value: i === 5 ? 'offline' : 'online',
    }));
    const stats = withData(analyzeOnlineStats(samples, '3h'));
    expect(stats.uptimeBuckets.map((b) => [b.startAt.slice(11, 16), b.online, b.offline, b.uptimePercent])).toEqual([
      ['09:00', 4, 0, 100],
      ['10:00', 3, 1, 75],
      ['11:00', 4, 0, 100],
    ]);
  });

  it('splits days at local midnight in the given time zone, empty days as null', () => {
    // Hourly samples from 2024-12-04 00:00 UTC for 24 hours; in Berlin (UTC+1) that is 01:00 to 00:00.
    const samples = hourly(Array.from({ length: 24 }, (_, i) => (i < 12 ? 'online' : 'offline')));
    const stats = withData(analyzeOnlineStats(samples, '7d', { timeZone: 'Europe/Berlin' }));
    expect(stats.timeZone).toBe('Europe/Berlin');
    const last = stats.uptimeBuckets.slice(-2);
    expect(last.map((b) => b.startAt)).toEqual(['2024-12-03T23:00:00.000Z', '2024-12-04T23:00:00.000Z']);
    expect(last.map((b) => [b.online, b.offline])).toEqual([
      [12, 11],
      [0, 1],
    ]);
    expect(stats.uptimeBuckets[0]?.uptimePercent).toBeNull();
    const covered = stats.uptimeBuckets.reduce((n, b) => n + b.online + b.offline + b.intermittent, 0);
    expect(covered).toBe(24);
  });

  it('makes a 23-hour day of the spring DST change', () => {
    const samples = hourly(
      Array.from({ length: 72 }, () => 'online'),
      Date.UTC(2024, 2, 30),
    );
    const stats = withData(analyzeOnlineStats(samples, '7d', { timeZone: 'Europe/Berlin' }));
    const sunday = stats.uptimeBuckets.find((b) => b.startAt === '2024-03-30T23:00:00.000Z');
    expect(sunday?.endAt).toBe('2024-03-31T22:00:00.000Z');
    expect(sunday?.online).toBe(23);
  });

  it('rejects an unknown time zone with an actionable message', () => {
    expect(() => analyzeOnlineStats(hourly(['online']), '24h', { timeZone: 'Mars/Olympus' })).toThrow(/IANA time zone/);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_ONLINE_STATS_RANGE,
  granularityMs,
  isOnlineStatsRangeKey,
  ONLINE_STATS_RANGE_KEYS,
  ONLINE_STATS_RANGES,
} from './time-ranges';

describe('online stats ranges', () => {
  it('map each preset to its request: 24 h is 24 hourly periods, not one daily period', () => {
    expect(
      ONLINE_STATS_RANGE_KEYS.map((key) => {
        const { granularity, limit, label, durationMs } = ONLINE_STATS_RANGES[key];
        return [key, granularity, limit, label, durationMs];
      }),
    ).toEqual([
      ['3h', 'hours', 3, 'Last 3 Hours', 3 * 3_600_000],
      ['24h', 'hours', 24, 'Last 24 Hours', 24 * 3_600_000],
      ['7d', 'days', 7, 'Last 7 Days', 7 * 86_400_000],
    ]);
    expect(DEFAULT_ONLINE_STATS_RANGE).toBe('7d');
  });

  it('cover limit × one period of their granularity', () => {
    for (const range of Object.values(ONLINE_STATS_RANGES)) {
      expect(range.durationMs).toBe(range.limit * granularityMs(range.granularity));
    }
  });

  it('are frozen so no consumer can change them for the others', () => {
    expect(Object.isFrozen(ONLINE_STATS_RANGES)).toBe(true);
    expect(Object.isFrozen(ONLINE_STATS_RANGES['24h'])).toBe(true);
    expect(Object.isFrozen(ONLINE_STATS_RANGE_KEYS)).toBe(true);
  });

  it('recognise only their own keys', () => {
    expect(['3h', '24h', '7d', '1y', '', null, 3].map(isOnlineStatsRangeKey)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

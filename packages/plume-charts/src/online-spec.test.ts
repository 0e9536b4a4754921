import { describe, expect, it } from '@jest/globals';
import { analyzeOnlineStats } from '@org/plume-analytics';
import { onlineChartSpec, type ChartSpec } from './index';
import { DAY_START, onlineSamples } from './testing/fixtures';

function spec(built: ReturnType<typeof onlineChartSpec>): ChartSpec {
  if (built.kind !== 'spec') throw new Error(`expected a spec, got ${built.reason}`);
  return built;
}

describe('onlineChartSpec', () => {
  it('builds the same 24-hour specification for the same samples (snapshot)', () => {
    // Hourly samples: offline at 05:00 and 06:00, intermittent at 12:00, unknown at 18:00.
    const states: Record<number, string> = { 5: 'offline', 6: 'offline', 12: 'intermittent', 18: 'unknown' };
    const stats = analyzeOnlineStats(
      onlineSamples(24, 60, (i) => states[i] ?? 'online'),
      '24h',
    );
    expect(spec(onlineChartSpec(stats)).spec).toMatchSnapshot();
  });

  it('builds the same 7-day specification in a time zone (snapshot)', () => {
    const samples = onlineSamples(7 * 96, 15, (i) => (i % 97 < 2 ? 'offline' : 'online'), DAY_START - 7 * 86_400_000);
    const stats = analyzeOnlineStats(samples, '7d', { timeZone: 'America/New_York' });
    expect(spec(onlineChartSpec(stats, { timeZone: 'America/New_York', theme: 'dark' })).spec).toMatchSnapshot();
  });

  it('labels outages with their durations and says so in the subtitle', () => {
    const stats = analyzeOnlineStats(
      onlineSamples(12, 15, (i) => (i >= 4 && i < 9 ? 'offline' : 'online')),
      '3h',
    );
    const json = JSON.stringify(spec(onlineChartSpec(stats)).spec);
    expect(json).toContain('"label":"1 h 15 min"');
    expect(json).toContain('1 outage, longest 1 h 15 min');
  });

  it('returns a typed no-data result when no sample has a known state', () => {
    const stats = analyzeOnlineStats(
      onlineSamples(24, 60, () => null),
      '24h',
    );
    expect(onlineChartSpec(stats)).toEqual({
      kind: 'no-data',
      reason: 'no-valid-samples',
      message: 'None of the 24 online-time samples received had a known state.',
    });
    expect(onlineChartSpec(analyzeOnlineStats([], '7d'))).toMatchObject({ kind: 'no-data', reason: 'no-samples' });
  });
});

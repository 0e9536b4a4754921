import { describe, expect, it } from '@jest/globals';
import { analyzeDigest } from '@org/plume-analytics';
import { renderDailyDigest } from './digest';
import { covered, textOf } from './testing/fixtures';

describe('renderDailyDigest()', () => {
  const digest = analyzeDigest({
    from: '2024-12-03T08:00:00Z',
    to: '2024-12-04T08:00:00Z',
    locations: [
      { locationId: 'L1', name: 'Home', customerName: 'Ann' },
      { locationId: 'L2', name: 'Shop' },
      { locationId: 'L3', name: 'Kiosk', watchedSince: '2024-12-04T09:00:00Z' },
    ],
    incidents: [
      {
        locationId: 'L1',
        condition: 'locationOffline',
        since: '2024-12-04T01:00:00Z',
        resolvedAt: '2024-12-04T01:36:00Z',
      },
      { locationId: 'L2', condition: 'podDisconnected', pod: 'EX1', since: '2024-12-04T06:00:00Z' },
      {
        locationId: 'L1',
        condition: 'podDisconnected',
        pod: 'EX2',
        podName: 'Office',
        since: '2024-12-04T03:00:00Z',
        resolvedAt: '2024-12-04T03:10:00Z',
      },
      {
        locationId: 'L2',
        condition: 'locationOffline',
        since: '2024-12-03T20:00:00Z',
        resolvedAt: '2024-12-03T22:00:00Z',
      },
    ],
  });
  const parts = renderDailyDigest(digest, { timeZone: 'Europe/Berlin' });
  const text = textOf(parts);

  it('titles the digest with its day and period in the person’s zone', () => {
    expect(
      text.startsWith('🗞 Daily digest · 2024-12-04\n3 watched locations · 2024-12-03 09:00 to 2024-12-04 09:00\n'),
    ).toBe(true);
    expect(text).toContain('Times in Europe/Berlin (UTC+01:00).');
  });

  it('lists open incidents with their age', () => {
    expect(text).toContain('🔴 Open incidents (1)\n• Shop: Pod disconnected (EX1) since 07:00 (2 h)');
  });

  it('lists the outages with their durations, earliest first, naming pods by name or else id', () => {
    expect(text).toContain(
      '📉 Outages (4)\n• Shop: 2024-12-03 21:00–23:00 (2 h)\n• Home · Ann: 02:00–02:36 (36 min)\n' +
        '• Home · Ann: pod Office disconnected 04:00–04:10 (10 min)\n• Shop: pod EX1 disconnected 07:00–ongoing (2 h)',
    );
  });

  it('tabulates availability per location, n/a for one not watched in the period', () => {
    const [availability] = covered(parts, 'pre');
    expect(availability?.split('\n')).toEqual([
      'Location    Online    Down',
      '──────────  ──────  ──────',
      'Home · Ann  97.50%  36 min',
      'Shop        91.67%     2 h',
      'Kiosk          n/a       –',
    ]);
  });

  it('says so when nothing is open and nothing went down', () => {
    const calm = textOf(
      renderDailyDigest(analyzeDigest({ from: 0, to: 86_400_000, locations: [{ locationId: 'L1' }], incidents: [] })),
    );
    expect(calm).toContain('✅ No open incidents.');
    expect(calm).toContain('📉 Outages: none.');
    expect(calm).not.toContain('Flapping');
  });

  it('refuses an unknown time zone', () => {
    expect(() => renderDailyDigest(digest, { timeZone: 'Mars/Olympus' })).toThrow('Unknown time zone "Mars/Olympus"');
  });
});

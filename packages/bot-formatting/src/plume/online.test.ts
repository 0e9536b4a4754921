import { describe, expect, it } from '@jest/globals';
import { renderOnlineStats } from './online';
import { covered, onlineNoData, onlineStats, textOf } from './testing/fixtures';

describe('renderOnlineStats()', () => {
  const parts = renderOnlineStats(onlineStats(), { location: { name: 'Downtown Store' }, timeZone: 'Europe/Berlin' });
  const text = textOf(parts);

  it('titles the report with the range and the location', () => {
    expect(text.startsWith('📶 Online time · Last 7 Days\n🏠 Downtown Store\n')).toBe(true);
  });

  it('shows uptime with its label, a bar that is not full below 100 %, and the trend', () => {
    expect(text).toContain('✅ 99.9% online · Excellent');
    expect(covered(parts, 'code')).toContain('█████████░');
    expect(text).toContain('Trend: ➡️ stable (+0.3 points)');
  });

  it('shows incidents, the longest outage at local time and the downtime', () => {
    expect(text).toContain('🔔 Incidents: 1 incident · longest outage 15 min from 2024-12-03 04:00 · downtime 15 min');
  });

  it('aligns the breakdown in a monospace table', () => {
    const [breakdown] = covered(parts, 'pre');
    expect(breakdown?.split('\n')).toEqual([
      'State         Samples  Share',
      '────────────  ───────  ─────',
      'Online            672  99.9%',
      'Intermittent        0   0.0%',
      'Offline             1   0.1%',
    ]);
    expect(text).toContain('675 samples from 2024-11-27 01:00 to 2024-12-04 01:00, one per 15 min; 2 samples skipped');
  });

  it('mentions duplicate samples after the skipped ones, only when there are some', () => {
    expect(textOf(renderOnlineStats(onlineStats({ duplicateSamples: 1 }), { timeZone: 'UTC' }))).toContain(
      'one per 15 min; 2 samples skipped (no valid timestamp); 1 duplicate sample ignored.',
    );
    expect(text).not.toContain('duplicate');
  });

  it('adds an unknown row and other labels when present', () => {
    const poor = textOf(
      renderOnlineStats(
        onlineStats({
          label: 'Poor',
          uptimePercent: 91,
          trend: 'declining',
          trendDeltaPoints: -6,
          counts: { online: 91, offline: 9, intermittent: 0, unknown: 4 },
        }),
      ),
    );
    expect(poor).toContain('🟠 91.0% online · Poor');
    expect(poor).toContain('↘️ declining (-6.0 points)');
    expect(poor).toMatch(/Unknown +4 +3\.8%/);
  });

  it('renders no data as a plain report, never as 0 % Critical', () => {
    const none = textOf(renderOnlineStats(onlineNoData(0)));
    expect(none).toContain('⚪ No data: online time, Last 7 Days');
    expect(none).toContain('Plume Cloud sent no online-state samples for this range.');
    expect(none).not.toContain('Critical');
    expect(none).not.toContain('0.0%');
    expect(textOf(renderOnlineStats(onlineNoData(5)))).toContain('None of the 5 samples');
  });
});
